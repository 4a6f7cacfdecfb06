import type { StageProgress } from '../../common/progress';
import { createRandom, sampleIndices } from '../../common/random';
import { takeRows } from '../../common/matrixRows';
import { reusableFloat64 } from '../../common/reusableArrays';
import { absoluteTolerance } from './tolerance';
import { lloyd, Workspace } from './lloyd';
import { hartigan, screenSwap, swapSearch } from './localSearch';
import { kmeansPlusPlus } from './seeding';
import type { KMeansResult } from './lloyd';
import { UserError } from '../../common/userError';
import type { SegmentLabels } from '../segmentLabels';

export interface KMeansOptions {
  k: number;
  /** Restarts from fresh k-means++ seeds; the lowest inertia wins. */
  nInit?: number;
  maxIter?: number;
  /** Relative tolerance: convergence when the centres move less than tol x mean feature variance. */
  tol?: number;
  /**
   * The tolerance in the matrix's own units (tol x mean feature variance), when the caller knows
   * it already: every k of the elbow clusters the same matrix, and at a million rows working it
   * out again costs a pass over the data per k.
   */
  absoluteTol?: number;
  seed?: number;
  /**
   * After the restarts, look for a better optimum than Lloyd's: single-row moves (Hartigan) and
   * centre swaps. On by default; off gives plain scikit-learn k-means for comparisons.
   */
  localSearch?: boolean;
  onProgress?: StageProgress;
}

export const KMEANS_DEFAULTS = { nInit: 10, maxIter: 300, tol: 1e-4, seed: 0 } as const;

/** Above this many rows, restarts are compared on a seeded sample of this size. */
export const RESTART_SAMPLE = 50_000;
/**
 * Past FULL_SWAP_ROWS, this many more starts on the swap search's sample (SWAP_SAMPLE rows), the
 * best of them refined on the restart rows: with scikit-learn's 3 starts alone, a million rows
 * around six centres came out 0.7% worse than its 3 starts on every row at k = 4
 * (test/reference/kmeansEveryK.test.ts). Each costs a fifth of a start on the restart rows.
 */
export const SAMPLED_STARTS = 10;
/**
 * Up to this many rows (every reference dataset is smaller), restarts and swaps are refined by
 * Hartigan's moves and the swap search runs on every row with 3k patience.
 */
export const SMALL_DATA = 2_500;
/**
 * Up to this many rows the swap search runs on every row; above, on a sample of SWAP_SAMPLE
 * rows. Between SMALL_DATA and this, a swap is refined by Lloyd alone, with k fruitless swaps
 * of patience: at 8,000 rows with no structure, a 2,000-row sample's best centres were 0.6%
 * worse than scikit-learn's on every row.
 */
export const FULL_SWAP_ROWS = 10_000;
const SMALL_DATA_PATIENCE = 3;
const MEDIUM_DATA_PATIENCE = 1;
/**
 * On larger data the swap search runs on a sample of this many rows. With 2,000, a million rows
 * around six centres (bench/shapes.ts) came out up to 2.6% worse than scikit-learn's at k = 5:
 * on so few rows the gap between two local optima is within the sample's noise.
 */
export const SWAP_SAMPLE = 10_000;
/**
 * On larger data the swap search stops after k/2 fruitless swaps (at least 2) instead of 3k:
 * there are fewer bad local optima, and the search is the costliest part of a large k.
 */
const LARGE_DATA_PATIENCE = 0.5;

/**
 * k-means as scikit-learn runs it: greedy k-means++ seeding (2 + ln k candidates per centre),
 * Lloyd iterations until the labels stop changing or the centres move less than the relative
 * tolerance, empty clusters re-seeded with the rows farthest from their centres, and `nInit`
 * restarts keeping the lowest inertia. Same seed, same result.
 *
 * Faster than the textbook loop in three ways that do not change the answer's quality: Lloyd
 * keeps Hamerly's bounds (a row whose centre cannot have changed is not measured again), the
 * distance loops are unrolled, and with more than RESTART_SAMPLE rows the restarts are run and
 * compared on a seeded sample of that size (with SAMPLED_STARTS more on a smaller one), and only
 * the winner is refined on every row.
 *
 * Lloyd stops at the first local optimum, and scikit-learn's answer depends on how lucky its
 * seeds were (on iris at k = 9 only 2% of seeds come within 0.5% of its best). So, unless
 * `localSearch` is false, the winner goes through a swap search (localSearch.ts): a centre gives
 * way to a row drawn by k-means++ weights (the cheapest such swap, alternating with a blind one)
 * and the solution is refined, kept when better, until enough swaps in a row bring nothing. Up
 * to SMALL_DATA rows every restart and swap is also refined by Hartigan's single-row moves and
 * the search waits for 3k fruitless swaps; up to FULL_SWAP_ROWS it runs on every row with Lloyd
 * and waits for k; above, on a SWAP_SAMPLE-row sample, waits for k/2, and its centres are kept
 * only if they also win on the restart rows. The winner is finished by Lloyd on every row, so
 * every row is at its nearest centre and the inertia is that of the labels returned.
 * At the page's defaults this is at most 1.005 x scikit-learn's inertia at every k
 * (test/reference/kmeansEveryK.test.ts).
 */
export function kmeans(
  matrix: Float64Array,
  n: number,
  d: number,
  options: KMeansOptions,
): KMeansResult<SegmentLabels> {
  const k = options.k;
  const nInit = options.nInit ?? KMEANS_DEFAULTS.nInit;
  const maxIter = options.maxIter ?? KMEANS_DEFAULTS.maxIter;
  const localSearch = options.localSearch ?? true;
  if (!Number.isInteger(k) || k < 1) {
    throw new UserError('bad-option', 'kNotWhole', { k });
  }
  if (n < k) {
    throw new UserError('too-few-rows', 'tooFewRowsForK', { rows: n, k });
  }
  const random = createRandom(options.seed ?? KMEANS_DEFAULTS.seed);
  const tolerance =
    options.absoluteTol ?? absoluteTolerance(matrix, n, d, options.tol ?? KMEANS_DEFAULTS.tol);
  const report = options.onProgress;

  // Restarts on all rows, or on a seeded sample of a large matrix.
  // The samples and their workspaces are the thread's reusable arrays: each k of an elbow would
  // otherwise leave about 5 MB of garbage that the collector is in no hurry to take back.
  const restartRows =
    n > RESTART_SAMPLE
      ? takeRows(
          matrix,
          d,
          sampleIndices(n, RESTART_SAMPLE, random),
          reusableFloat64('kmeans.restartRows', RESTART_SAMPLE * d),
        )
      : matrix;
  const m = n > RESTART_SAMPLE ? RESTART_SAMPLE : n;
  const restartSpace = Workspace.shared(m, 'restart');
  const refine = (
    rows: Float64Array,
    count: number,
    space: Workspace,
    centres: Float64Array,
    hartiganToo: boolean,
  ) => {
    const result = lloyd(rows, count, d, k, centres, maxIter, tolerance, space);
    return hartiganToo ? hartigan(rows, count, d, result) : result;
  };
  // A swap's refinement by Lloyd alone, given up early when it is far from beating `toBeat`.
  const screened = (
    rows: Float64Array,
    count: number,
    space: Workspace,
    centres: Float64Array,
    toBeat: number,
  ) =>
    screenSwap(
      (from, to) => lloyd(rows, count, d, k, from, maxIter, to, space),
      centres,
      tolerance,
      toBeat,
    );
  // Hartigan's moves pay off on small data, where local optima abound; on a large sample
  // they cost much and bring little, so there they refine the swap search's rows only.
  const smallData = m <= SMALL_DATA;
  let best: KMeansResult | null = null;
  for (let run = 0; run < nInit; run++) {
    const result = refine(
      restartRows,
      m,
      restartSpace,
      kmeansPlusPlus(restartRows, m, d, k, random),
      localSearch && smallData,
    );
    if (best === null || result.inertia < best.inertia) best = result;
    report?.(((run + 1) / nInit) * 0.5);
  }
  // On a large file, SAMPLED_STARTS more starts on a smaller sample, cheaply: the best of them
  // is refined on the restart rows and kept if it wins there.
  const swapRows =
    localSearch && k >= 2 && m > FULL_SWAP_ROWS
      ? takeRows(
          restartRows,
          d,
          sampleIndices(m, SWAP_SAMPLE, random),
          reusableFloat64('kmeans.swapRows', SWAP_SAMPLE * d),
        )
      : null;
  const swapSpace = swapRows === null ? null : Workspace.shared(SWAP_SAMPLE, 'swap');
  if (swapRows !== null && swapSpace !== null) {
    let small: KMeansResult | null = null;
    for (let run = 0; run < SAMPLED_STARTS; run++) {
      const result = refine(
        swapRows,
        SWAP_SAMPLE,
        swapSpace,
        kmeansPlusPlus(swapRows, SWAP_SAMPLE, d, k, random),
        false,
      );
      if (small === null || result.inertia < small.inertia) small = result;
    }
    const candidate = refine(
      restartRows,
      m,
      restartSpace,
      (small as KMeansResult).centroids,
      false,
    );
    if (candidate.inertia < (best as KMeansResult).inertia) best = candidate;
  }
  report?.(0.6);

  if (localSearch && k >= 2) {
    if (m <= FULL_SWAP_ROWS) {
      best = swapSearch(
        restartRows,
        m,
        d,
        best as KMeansResult,
        (c, toBeat) =>
          smallData
            ? refine(restartRows, m, restartSpace, c, true)
            : screened(restartRows, m, restartSpace, c, toBeat),
        random,
        (f) => report?.(0.6 + f * 0.3),
        smallData ? SMALL_DATA_PATIENCE : MEDIUM_DATA_PATIENCE,
      );
    } else {
      // Swap on a smaller sample; keep the swapped centres if they also win on the restart rows.
      const rows = swapRows as Float64Array;
      const space = swapSpace as Workspace;
      const start = lloyd(
        rows,
        SWAP_SAMPLE,
        d,
        k,
        (best as KMeansResult).centroids,
        maxIter,
        tolerance,
        space,
      );
      const swapped = swapSearch(
        rows,
        SWAP_SAMPLE,
        d,
        start,
        (c, toBeat) => screened(rows, SWAP_SAMPLE, space, c, toBeat),
        random,
        (f) => report?.(0.6 + f * 0.3),
        LARGE_DATA_PATIENCE,
      );
      if (swapped !== start) {
        const candidate = refine(restartRows, m, restartSpace, swapped.centroids, false);
        if (candidate.inertia < (best as KMeansResult).inertia) best = candidate;
      }
    }
  }
  // The winner, finished by Lloyd on every row: Hartigan's moves may stop (at their pass limit)
  // with a row that is not at its nearest centre, and a sample's winner has not seen every row.
  // Lloyd puts each row at its nearest centre and stops when nothing changes, so the labels,
  // centres and inertia returned belong together; it never raises the inertia.
  const final = lloyd(
    matrix,
    n,
    d,
    k,
    (best as KMeansResult).centroids,
    maxIter,
    tolerance,
    n === m ? restartSpace : Workspace.shared(n),
    true,
  );
  report?.(1);
  return final;
}
