import { squaredDistance } from '../distance';
import { nearestTwoCentres } from './nearestCentres';

/** The nearest and second-nearest squared distances of the row being placed. */
const distances = new Float64Array(2);

/**
 * Lloyd's loops over all rows: what every run of lloyd.ts calls, the arrays they work on, and
 * their JavaScript versions. The WebAssembly kernel (kernel/kmeansKernel.ts) implements the same
 * loops, operation for operation, and these are its yardstick in tests.
 */

/**
 * Lloyd's arrays for one run: the matrix, both centre buffers, the labels and bounds, and the
 * per-centre scratch; all in the kernel's memory (arrays(), the matrix copied in), or in
 * JavaScript (lloyd.ts' workspace).
 */
export interface LloydArrays {
  matrix: Float64Array;
  centres: Float64Array;
  next: Float64Array;
  labels: Int32Array;
  upper: Float32Array;
  lower: Float32Array;
  counts: Float64Array;
  moved: Float64Array;
  drop: Float64Array;
  half: Float64Array;
}

/**
 * Lloyd's loops over all rows (below in JavaScript; the kernel's in WebAssembly). Same
 * arguments, same results to the last bit.
 */
export interface LloydLoops {
  /** Nearest centre of every row, with its distance to it and to the second nearest. */
  assignWithBounds(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    centres: Float64Array,
    labels: Int32Array,
    upper: Float32Array,
    lower: Float32Array,
  ): void;
  /** Hamerly's step after the centres moved; returns how many rows changed centre. */
  reassign(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    centres: Float64Array,
    labels: Int32Array,
    upper: Float32Array,
    lower: Float32Array,
    half: Float64Array,
    moved: Float64Array,
    drop: Float64Array,
  ): number;
  /**
   * reassign, then sumByLabel into `sums` and `counts`: what each iteration of Lloyd does, in one
   * pass over the rows where that saves copying them twice.
   */
  reassignAndSum(
    ...args: [...Parameters<LloydLoops['reassign']>, sums: Float64Array, counts: Float64Array]
  ): number;
  /** Each centre's sum of rows and count of rows. */
  sumByLabel(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    labels: Int32Array,
    sums: Float64Array,
    counts: Float64Array,
  ): void;
  /** Sum of the rows' squared distances to their centres, added in row order. */
  inertia(
    matrix: Float64Array,
    n: number,
    d: number,
    centres: Float64Array,
    labels: Int32Array,
  ): number;
}

/** Lloyd's loops, with reassignAndSum as reassign and then sumByLabel. */
export function withReassignAndSum(loops: Omit<LloydLoops, 'reassignAndSum'>): LloydLoops {
  return {
    ...loops,
    reassignAndSum: (matrix, n, d, k, centres, labels, upper, lower, half, moved, drop, ...sum) => {
      const changed = loops.reassign(
        matrix,
        n,
        d,
        k,
        centres,
        labels,
        upper,
        lower,
        half,
        moved,
        drop,
      );
      loops.sumByLabel(matrix, n, d, k, labels, ...sum);
      return changed;
    },
  };
}

/**
 * A distance scaled so that storing it in single precision (round to nearest, at most 2^-24 of
 * it away) never lands on the wrong side of it: 2^-22 covers that with room to spare. Below the
 * smallest normal single (1.2e-38) rounding is no longer relative, and above the largest (3.4e38)
 * it overflows; both are handled apart.
 */
const UP = 1 + 2 ** -22;
const DOWN = 1 - 2 ** -22;
const SMALLEST_NORMAL = 2 ** -126;
const LARGEST_SINGLE = (2 - 2 ** -23) * 2 ** 127;

/**
 * An upper bound as stored: never below `distance` (past the largest single, Infinity). NaN (a
 * centre that lost its last row) stays NaN, so the row is always measured again.
 */
export function roundUp(distance: number): number {
  if (!(distance < SMALLEST_NORMAL)) return distance * UP;
  return distance > 0 ? SMALLEST_NORMAL : 0;
}

/** A lower bound as stored: never above `distance`, and 0 where it is tiny or fell below 0. */
export function roundDown(distance: number): number {
  if (!(distance >= SMALLEST_NORMAL)) return 0;
  const lowered = distance * DOWN;
  return lowered > LARGEST_SINGLE ? LARGEST_SINGLE : lowered;
}

/**
 * Each centre's sum of rows and count of rows. Three and two columns (RFM with and without money)
 * have loops of their own, without the inner loop over columns: k-means on RFM's rows ran 8%
 * fewer instructions with three columns, 5% with two (callgrind, 10 starts at k = 10, 6, 3).
 */
function sumByLabel(
  matrix: Float64Array,
  n: number,
  d: number,
  _k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  sums.fill(0);
  counts.fill(0);
  if (d === 3) {
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      counts[label]++;
      const row = i * 3;
      const offset = label * 3;
      sums[offset] += matrix[row];
      sums[offset + 1] += matrix[row + 1];
      sums[offset + 2] += matrix[row + 2];
    }
  } else if (d === 2) {
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      counts[label]++;
      const row = i * 2;
      const offset = label * 2;
      sums[offset] += matrix[row];
      sums[offset + 1] += matrix[row + 1];
    }
  } else {
    // Four columns a step, each sum still added in row order: at 1M x 8 a pass took 14 to 26 ms
    // instead of 23 to 37 in two node micro-benchmarks (the kernel's takes 7). For pages where
    // WebAssembly is refused.
    const quads = d & ~3;
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      counts[label]++;
      const row = i * d;
      const offset = label * d;
      let j = 0;
      for (; j < quads; j += 4) {
        sums[offset + j] += matrix[row + j];
        sums[offset + j + 1] += matrix[row + j + 1];
        sums[offset + j + 2] += matrix[row + j + 2];
        sums[offset + j + 3] += matrix[row + j + 3];
      }
      for (; j < d; j++) sums[offset + j] += matrix[row + j];
    }
  }
}

/**
 * Hamerly's assignment step after the centres moved: each row's bounds are first moved by how far
 * the centres moved (its own centre's `moved`, and `drop` of it for the others), then only rows
 * whose bounds no longer prove their centre nearest are measured again. Returns how many rows
 * changed centre. Moving the bounds here rather than in a pass of their own reads each row's
 * bounds once per iteration instead of twice.
 */
function reassign(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
  upper: Float32Array,
  lower: Float32Array,
  half: Float64Array,
  moved: Float64Array,
  drop: Float64Array,
): number {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i];
    // As stored (single precision), so that the test below is the one on the stored bounds.
    const up = Math.fround(roundUp(upper[i] + moved[own]));
    const low = Math.fround(roundDown(lower[i] - drop[own]));
    upper[i] = up;
    lower[i] = low;
    const bound = half[own] > low ? half[own] : low;
    if (up <= bound) continue;
    const row = i * d;
    const exact = Math.sqrt(squaredDistance(matrix, row, centres, own * d, d));
    upper[i] = roundUp(exact);
    if (exact <= bound) continue;
    const best = nearestTwoCentres(matrix, row, centres, d, k, distances);
    if (best !== own) {
      labels[i] = best;
      changed++;
    }
    upper[i] = roundUp(Math.sqrt(distances[0]));
    lower[i] = roundDown(Math.sqrt(distances[1]));
  }
  return changed;
}

/** Nearest centre of every row, with the distances to it and to the second nearest. */
function assignWithBounds(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
  upper: Float32Array,
  lower: Float32Array,
): void {
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const best = nearestTwoCentres(matrix, row, centres, d, k, distances);
    labels[i] = best;
    upper[i] = roundUp(Math.sqrt(distances[0]));
    lower[i] = roundDown(Math.sqrt(distances[1]));
  }
}

/** Sum of the rows' squared distances to their centres, in row order. */
function inertia(
  matrix: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  labels: Int32Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += squaredDistance(matrix, i * d, centres, labels[i] * d, d);
  return total;
}

/** Lloyd's loops in JavaScript: where the kernel cannot run, and its yardstick in tests. */
export const JS_LLOYD_LOOPS: LloydLoops = withReassignAndSum({
  assignWithBounds,
  reassign,
  sumByLabel,
  inertia,
});
