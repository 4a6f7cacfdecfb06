/**
 * The merge trees' Euclidean kernels: one row's distances to many, eight columns a pass with that
 * row's values held in locals, each square added one at a time in column order, so that every
 * distance is the double scipy's pdist gives. Two twins, because the rows are addressed apart:
 * the square matrix takes every later row in turn, Prim's single linkage a list of open rows.
 */

/**
 * Row i's Euclidean distances to every later row, into D[i][i + 1..n). The columns are taken
 * eight, then four, then one at a time, each group's values of row i held in locals across a
 * pass over the later rows (twice as fast as a loop over the columns per pair). Each square is
 * still added one term at a time in column order, as scipy's pdist does, so every distance is
 * the same double.
 */
export function euclideanRow(
  matrix: Float64Array,
  n: number,
  d: number,
  i: number,
  D: Float64Array,
) {
  const io = i * d;
  const start = i * n + i + 1;
  const end = i * n + n;
  let c = 0;
  for (; c + 8 <= d; c += 8) {
    const a0 = matrix[io + c];
    const a1 = matrix[io + c + 1];
    const a2 = matrix[io + c + 2];
    const a3 = matrix[io + c + 3];
    const a4 = matrix[io + c + 4];
    const a5 = matrix[io + c + 5];
    const a6 = matrix[io + c + 6];
    const a7 = matrix[io + c + 7];
    for (let at = start, jo = io + d + c; at < end; at++, jo += d) {
      const t0 = a0 - matrix[jo];
      const t1 = a1 - matrix[jo + 1];
      const t2 = a2 - matrix[jo + 2];
      const t3 = a3 - matrix[jo + 3];
      const t4 = a4 - matrix[jo + 4];
      const t5 = a5 - matrix[jo + 5];
      const t6 = a6 - matrix[jo + 6];
      const t7 = a7 - matrix[jo + 7];
      D[at] = D[at] + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3 + t4 * t4 + t5 * t5 + t6 * t6 + t7 * t7;
    }
  }
  for (; c + 4 <= d; c += 4) {
    const a0 = matrix[io + c];
    const a1 = matrix[io + c + 1];
    const a2 = matrix[io + c + 2];
    const a3 = matrix[io + c + 3];
    for (let at = start, jo = io + d + c; at < end; at++, jo += d) {
      const t0 = a0 - matrix[jo];
      const t1 = a1 - matrix[jo + 1];
      const t2 = a2 - matrix[jo + 2];
      const t3 = a3 - matrix[jo + 3];
      D[at] = D[at] + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    }
  }
  for (; c < d; c++) {
    const a = matrix[io + c];
    for (let at = start, jo = io + d + c; at < end; at++, jo += d) {
      const t = a - matrix[jo];
      D[at] += t * t;
    }
  }
  for (let at = start; at < end; at++) D[at] = Math.sqrt(D[at]);
}

/**
 * The Euclidean distances from the row at `from` to the listed rows, into out[0..count): as
 * euclideanRow, eight columns a pass with the row's values in locals, each square added one at a
 * time in column order (the same doubles as the square matrix and scipy's pdist).
 */
export function euclideanToRows(
  matrix: Float64Array,
  d: number,
  from: number,
  rows: Int32Array,
  count: number,
  out: Float64Array,
): void {
  out.fill(0, 0, count);
  let c = 0;
  for (; c + 8 <= d; c += 8) {
    const a0 = matrix[from + c];
    const a1 = matrix[from + c + 1];
    const a2 = matrix[from + c + 2];
    const a3 = matrix[from + c + 3];
    const a4 = matrix[from + c + 4];
    const a5 = matrix[from + c + 5];
    const a6 = matrix[from + c + 6];
    const a7 = matrix[from + c + 7];
    for (let p = 0; p < count; p++) {
      const jo = rows[p] * d + c;
      const t0 = a0 - matrix[jo];
      const t1 = a1 - matrix[jo + 1];
      const t2 = a2 - matrix[jo + 2];
      const t3 = a3 - matrix[jo + 3];
      const t4 = a4 - matrix[jo + 4];
      const t5 = a5 - matrix[jo + 5];
      const t6 = a6 - matrix[jo + 6];
      const t7 = a7 - matrix[jo + 7];
      out[p] =
        out[p] + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3 + t4 * t4 + t5 * t5 + t6 * t6 + t7 * t7;
    }
  }
  for (; c + 4 <= d; c += 4) {
    const a0 = matrix[from + c];
    const a1 = matrix[from + c + 1];
    const a2 = matrix[from + c + 2];
    const a3 = matrix[from + c + 3];
    for (let p = 0; p < count; p++) {
      const jo = rows[p] * d + c;
      const t0 = a0 - matrix[jo];
      const t1 = a1 - matrix[jo + 1];
      const t2 = a2 - matrix[jo + 2];
      const t3 = a3 - matrix[jo + 3];
      out[p] = out[p] + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    }
  }
  for (; c < d; c++) {
    const a = matrix[from + c];
    for (let p = 0; p < count; p++) {
      const t = a - matrix[rows[p] * d + c];
      out[p] += t * t;
    }
  }
  for (let p = 0; p < count; p++) out[p] = Math.sqrt(out[p]);
}
