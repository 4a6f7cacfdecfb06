/** A number as a sentence quotes it: whole, or to six significant digits. */
export function readableNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
