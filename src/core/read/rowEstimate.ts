/**
 * The rows a CSV text of `size` bytes holds, from a sample of its start, with a tenth more: the
 * builders allocate that many at once and grow (by half) only when the guess was short.
 */
export function estimateRows(size: number, sample: string): number {
  let lines = 0;
  for (let at = sample.indexOf('\n'); at !== -1; at = sample.indexOf('\n', at + 1)) lines++;
  const averageLine = Math.max(8, sample.length / Math.max(1, lines));
  return Math.min(50_000_000, Math.ceil((size / averageLine) * 1.1) + 16);
}
