/**
 * The sum of `count` values read `stride` apart from `offset`, added exactly as numpy adds a
 * column (its pairwise summation: blocks of up to 128 values summed in eight running totals,
 * larger runs split in halves). More accurate than adding in a row, and bit for bit numpy's, so
 * that means and variances match scikit-learn's to the last bit.
 */
export function pairwiseSum(
  values: Float64Array,
  offset: number,
  count: number,
  stride: number,
  map: (value: number) => number = identity,
): number {
  if (count < 8) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += map(values[offset + i * stride]);
    return sum;
  }
  if (count <= 128) {
    let r0 = map(values[offset]);
    let r1 = map(values[offset + stride]);
    let r2 = map(values[offset + 2 * stride]);
    let r3 = map(values[offset + 3 * stride]);
    let r4 = map(values[offset + 4 * stride]);
    let r5 = map(values[offset + 5 * stride]);
    let r6 = map(values[offset + 6 * stride]);
    let r7 = map(values[offset + 7 * stride]);
    const blocks = count - (count % 8);
    let i = 8;
    for (; i < blocks; i += 8) {
      const at = offset + i * stride;
      r0 += map(values[at]);
      r1 += map(values[at + stride]);
      r2 += map(values[at + 2 * stride]);
      r3 += map(values[at + 3 * stride]);
      r4 += map(values[at + 4 * stride]);
      r5 += map(values[at + 5 * stride]);
      r6 += map(values[at + 6 * stride]);
      r7 += map(values[at + 7 * stride]);
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < count; i++) sum += map(values[offset + i * stride]);
    return sum;
  }
  let half = count >> 1;
  half -= half % 8;
  return (
    pairwiseSum(values, offset, half, stride, map) +
    pairwiseSum(values, offset + half * stride, count - half, stride, map)
  );
}

function identity(value: number): number {
  return value;
}
