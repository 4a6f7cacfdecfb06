/** Rows of row-major n x d matrices (Float64Array), taken and copied. */

/** The given rows of a matrix, side by side (in `into` when given: rows.length x d of it). */
export function takeRows(
  matrix: Float64Array,
  d: number,
  rows: Int32Array,
  into?: Float64Array,
): Float64Array {
  const out = into?.subarray(0, rows.length * d) ?? new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++)
    out.set(matrix.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}

/** Copies row `row` of `from` into `to` at `offset`. */
export function copyRow(
  from: Float64Array,
  row: number,
  to: Float64Array,
  offset: number,
  d: number,
): void {
  for (let j = 0; j < d; j++) to[offset + j] = from[row * d + j];
}
