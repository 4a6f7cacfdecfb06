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

/**
 * pairwiseSum of every column of an n x d row-major matrix at once, each column's sum bit for
 * bit the one `pairwiseSum(matrix, j, n, d, term)` gives: the same blocks and the same order of
 * additions, but each block of rows is read once and in order, rather than once per column
 * with a stride of d. The terms are the values themselves (no centres), `v - centres[j]`, or,
 * with `square`, `(v - centres[j]) * (v - centres[j])`.
 */
export function pairwiseColumnSums(
  matrix: Float64Array,
  n: number,
  d: number,
  centres: Float64Array | null = null,
  square = false,
): Float64Array {
  const work: ColumnSumsWork = {
    matrix,
    d,
    // v - 0 is v, bit for bit (-0 and NaN included), so plain sums subtract zeros.
    shift: centres ?? new Float64Array(d),
    square,
    totals: new Float64Array(8 * d),
    levels: [],
  };
  const sums = new Float64Array(d);
  sumRows(work, 0, n, sums, 0);
  return sums;
}

interface ColumnSumsWork {
  matrix: Float64Array;
  d: number;
  shift: Float64Array;
  square: boolean;
  /** totals[t * d + j]: column j's running total over rows first + t, first + t + 8, ... */
  totals: Float64Array;
  /** One array of partial sums per level of halving. */
  levels: Float64Array[];
}

/** The column sums of rows [first, first + count) into `into`, split as pairwiseSum splits. */
function sumRows(
  work: ColumnSumsWork,
  first: number,
  count: number,
  into: Float64Array,
  level: number,
): void {
  const { d } = work;
  if (count > 128) {
    let half = count >> 1;
    half -= half % 8;
    if (work.levels.length === level) work.levels.push(new Float64Array(d));
    const second = work.levels[level];
    sumRows(work, first, half, into, level + 1);
    sumRows(work, first + half, count - half, second, level + 1);
    for (let j = 0; j < d; j++) into[j] += second[j];
    return;
  }
  if (count < 8) {
    into.fill(0);
    for (let i = 0; i < count; i++) addRows(work, (first + i) * d, d, into, false);
    return;
  }
  const totals = work.totals;
  const width = 8 * d;
  addRows(work, first * d, width, totals, true);
  const blocks = count - (count % 8);
  let i = 8;
  for (; i < blocks; i += 8) addRows(work, (first + i) * d, width, totals, false);
  for (let j = 0; j < d; j++) {
    into[j] =
      totals[j] +
      totals[d + j] +
      (totals[2 * d + j] + totals[3 * d + j]) +
      (totals[4 * d + j] + totals[5 * d + j] + (totals[6 * d + j] + totals[7 * d + j]));
  }
  for (; i < count; i++) addRows(work, (first + i) * d, d, into, false);
}

/** The terms of matrix[from, from + length) (whole rows) added to into[0, length), or set there. */
function addRows(
  work: ColumnSumsWork,
  from: number,
  length: number,
  into: Float64Array,
  set: boolean,
): void {
  const { matrix, shift, d, square } = work;
  for (let k = 0, j = 0; k < length; k++) {
    const t = matrix[from + k] - shift[j];
    const value = square ? t * t : t;
    if (set) into[k] = value;
    else into[k] += value;
    if (++j === d) j = 0;
  }
}
