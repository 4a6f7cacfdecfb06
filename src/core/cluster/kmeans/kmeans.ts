import type { StageProgress } from '../../common/progress';
import { createRandom, sampleIndices, type Random } from '../../common/random';
import { scratchFloat64, scratchInt32 } from '../scratch';
import { UserError } from '../../common/userError';

export interface KMeansOptions {
  k: number;
  /** Restarts from fresh k-means++ seeds; the lowest inertia wins. */
  nInit?: number;
  maxIter?: number;
  /** Relative tolerance: convergence when the centres move less than tol x mean feature variance. */
  tol?: number;
  seed?: number;
  /**
   * After the restarts, look for a better optimum than Lloyd's: single-row moves (Hartigan) and
   * centre swaps. On by default; off gives plain scikit-learn k-means for comparisons.
   */
  localSearch?: boolean;
  onProgress?: StageProgress;
}

export interface KMeansResult {
  k: number;
  labels: Int32Array;
  /** k x d row-major, in the units of the input matrix. */
  centroids: Float64Array;
  sizes: Int32Array;
  /** Sum of squared distances of the rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run (on all rows). */
  iterations: number;
  converged: boolean;
}

export const KMEANS_DEFAULTS = { nInit: 10, maxIter: 300, tol: 1e-4, seed: 0 } as const;

/** Above this many rows, restarts are compared on a seeded sample of this size. */
export const RESTART_SAMPLE = 50_000;
/**
 * Up to this many rows (every reference dataset is smaller), restarts and swaps are refined by
 * Hartigan's moves and the swap search runs on every row with 3k patience.
 */
export const SMALL_DATA = 2_500;
/** On larger data the swap search runs on a sample of this many rows. */
export const SWAP_SAMPLE = 2_000;
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
 * compared on a seeded sample of that size, and only the winner is refined on every row.
 *
 * Lloyd stops at the first local optimum, and scikit-learn's answer depends on how lucky its
 * seeds were (on iris at k = 9 only 2% of seeds come within 0.5% of its best). So, unless
 * `localSearch` is false, the winner goes through a swap search: one centre moves to a row drawn
 * by k-means++ weights and the solution is refined, kept when better, until enough swaps in a row
 * bring nothing. On small data (up to SMALL_DATA rows), where local optima abound and every
 * pass is cheap, every restart and every swap is also refined by Hartigan's single-row moves
 * (which only ever lower the inertia) and the search waits for 3k fruitless swaps; on larger
 * data the search runs on a SWAP_SAMPLE-row sample with Lloyd alone, waits for k/2, and its
 * centres are kept only if they also win on the restart rows.
 */
export function kmeans(
  matrix: Float64Array,
  n: number,
  d: number,
  options: KMeansOptions,
): KMeansResult {
  const k = options.k;
  const nInit = options.nInit ?? KMEANS_DEFAULTS.nInit;
  const maxIter = options.maxIter ?? KMEANS_DEFAULTS.maxIter;
  const localSearch = options.localSearch ?? true;
  if (!Number.isInteger(k) || k < 1) {
    throw new UserError(
      'bad-option',
      `The number of segments must be a whole number of at least 1, not ${k}.`,
    );
  }
  if (n < k) {
    throw new UserError(
      'too-few-rows',
      `There are ${n} usable rows, fewer than the ${k} segments asked for: choose at most ${n} segments.`,
    );
  }
  const random = createRandom(options.seed ?? KMEANS_DEFAULTS.seed);
  const tolerance = absoluteTolerance(matrix, n, d, options.tol ?? KMEANS_DEFAULTS.tol);
  const report = options.onProgress;

  // Restarts on all rows, or on a seeded sample of a large matrix.
  const restartRows =
    n > RESTART_SAMPLE ? takeRows(matrix, d, sampleIndices(n, RESTART_SAMPLE, random)) : matrix;
  const m = n > RESTART_SAMPLE ? RESTART_SAMPLE : n;
  const restartSpace = new Workspace(m);
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
    report?.(((run + 1) / nInit) * 0.6);
  }
  let chosen = (best as KMeansResult).centroids;

  if (localSearch && k >= 2) {
    if (smallData) {
      best = swapSearch(
        restartRows,
        m,
        d,
        best as KMeansResult,
        (c) => refine(restartRows, m, restartSpace, c, true),
        random,
        (f) => report?.(0.6 + f * 0.3),
      );
    } else {
      // Swap on a smaller sample; keep the swapped centres if they also win on the restart rows.
      const swapRows = takeRows(restartRows, d, sampleIndices(m, SWAP_SAMPLE, random));
      const swapSpace = new Workspace(SWAP_SAMPLE);
      const start = lloyd(
        swapRows,
        SWAP_SAMPLE,
        d,
        k,
        (best as KMeansResult).centroids,
        maxIter,
        tolerance,
        swapSpace,
      );
      const swapped = swapSearch(
        swapRows,
        SWAP_SAMPLE,
        d,
        start,
        (c) => refine(swapRows, SWAP_SAMPLE, swapSpace, c, false),
        random,
        (f) => report?.(0.6 + f * 0.3),
        LARGE_DATA_PATIENCE,
      );
      if (swapped !== start) {
        const candidate = refine(restartRows, m, restartSpace, swapped.centroids, false);
        if (candidate.inertia < (best as KMeansResult).inertia) best = candidate;
      }
    }
    chosen = (best as KMeansResult).centroids;
  }
  if (n === m) {
    report?.(1);
    return best as KMeansResult;
  }
  // The sample's winner, refined on every row.
  const final = lloyd(matrix, n, d, k, chosen, maxIter, tolerance, Workspace.scratch(n));
  report?.(1);
  return final;
}

/** Reusable per-row scratch for Lloyd: labels and Hamerly's bounds. */
class Workspace {
  readonly labels: Int32Array;
  readonly upper: Float64Array;
  readonly lower: Float64Array;
  constructor(n: number, labels?: Int32Array, upper?: Float64Array, lower?: Float64Array) {
    this.labels = labels ?? new Int32Array(n);
    this.upper = upper ?? new Float64Array(n);
    this.lower = lower ?? new Float64Array(n);
  }

  /** The shared workspace for refining on all rows (one k at a time per thread). */
  static scratch(n: number): Workspace {
    return new Workspace(
      n,
      scratchInt32('lloyd.labels', n),
      scratchFloat64('lloyd.upper', n),
      scratchFloat64('lloyd.lower', n),
    );
  }
}

function takeRows(matrix: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r] * d;
    for (let j = 0; j < d; j++) out[r * d + j] = matrix[from + j];
  }
  return out;
}

/** scikit-learn's tolerance: tol times the mean of the per-feature variances. */
export function absoluteTolerance(matrix: Float64Array, n: number, d: number, tol: number): number {
  if (tol === 0) return 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += matrix[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const delta = matrix[i * d + j] - mean[j];
      total += delta * delta;
    }
  }
  return (total / n / d) * tol;
}

/**
 * Squared Euclidean distance, unrolled by four: the hot loop of everything here.
 */
export function squaredDistance(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  const d4 = d & ~3;
  for (; j < d4; j += 4) {
    const t0 = a[aOffset + j] - b[bOffset + j];
    const t1 = a[aOffset + j + 1] - b[bOffset + j + 1];
    const t2 = a[aOffset + j + 2] - b[bOffset + j + 2];
    const t3 = a[aOffset + j + 3] - b[bOffset + j + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; j < d; j++) {
    const t = a[aOffset + j] - b[bOffset + j];
    s0 += t * t;
  }
  return s0 + s1 + s2 + s3;
}

/**
 * Greedy k-means++: each new centre is the best of 2 + ln(k) candidates drawn with probability
 * proportional to the squared distance to the nearest chosen centre.
 */
export function kmeansPlusPlus(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  random: Random,
): Float64Array {
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  copyRow(matrix, random.int(n), centres, 0, d);
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    const dist = squaredDistance(matrix, i * d, centres, 0, d);
    closest[i] = dist;
    potential += dist;
  }
  const cumulative = new Float64Array(n);
  const candidateDistances = Array.from({ length: trials }, () => new Float64Array(n));
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i];
      cumulative[i] = running;
    }
    let bestTrial = 0;
    let bestPotential = Infinity;
    let bestIndex = 0;
    for (let t = 0; t < trials; t++) {
      const candidate = Math.min(searchSorted(cumulative, random.next() * potential), n - 1);
      const distances = candidateDistances[t];
      const offset = candidate * d;
      let trialPotential = 0;
      for (let i = 0; i < n; i++) {
        const dist = squaredDistance(matrix, i * d, matrix, offset, d);
        const nearest = dist < closest[i] ? dist : closest[i];
        distances[i] = nearest;
        trialPotential += nearest;
      }
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestTrial = t;
        bestIndex = candidate;
      }
    }
    copyRow(matrix, bestIndex, centres, c * d, d);
    // The winner's distances become the nearest distances; the old array is reused.
    const winner = candidateDistances[bestTrial];
    candidateDistances[bestTrial] = closest;
    closest = winner;
    potential = bestPotential;
  }
  return centres;
}

/** First index whose value is >= target (numpy's searchsorted, side 'left'). */
function searchSorted(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lloyd's iterations from given centres, with scikit-learn's stopping rules (labels unchanged,
 * or total squared centre shift within the tolerance, then one last assignment) and Hamerly's
 * bounds: each row keeps an upper bound on the distance to its centre and a lower bound on the
 * distance to any other, both moved by how far the centres moved; a row is measured again only
 * when the bounds no longer prove its centre is still the nearest. Same answer as plain Lloyd.
 */
export function lloyd(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  initialCentres: Float64Array,
  maxIter: number,
  tolerance: number,
  workspace: Workspace = new Workspace(n),
): KMeansResult {
  let centres = initialCentres.slice();
  let next = new Float64Array(k * d);
  const { labels, upper, lower } = workspace;
  const counts = new Float64Array(k);
  const moved = new Float64Array(k);
  const half = new Float64Array(k);
  assignWithBounds(matrix, n, d, k, centres, labels, upper, lower);
  let iterations = 0;
  let strict = false;
  for (let iteration = 0; iteration < maxIter; iteration++) {
    iterations = iteration + 1;
    const changed =
      iteration === 0 ? n : reassign(matrix, n, d, k, centres, labels, upper, lower, half);
    next.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      counts[label]++;
      const row = i * d;
      const offset = label * d;
      for (let j = 0; j < d; j++) next[offset + j] += matrix[row + j];
    }
    relocateEmptyClusters(matrix, n, d, k, centres, labels, next, counts);
    let shift = 0;
    let largest = 0;
    let largestAt = -1;
    let secondLargest = 0;
    for (let c = 0; c < k; c++) {
      const offset = c * d;
      for (let j = 0; j < d; j++) next[offset + j] /= counts[c];
      const squared = squaredDistance(next, offset, centres, offset, d);
      shift += squared;
      moved[c] = Math.sqrt(squared);
      if (moved[c] > largest) {
        secondLargest = largest;
        largest = moved[c];
        largestAt = c;
      } else if (moved[c] > secondLargest) {
        secondLargest = moved[c];
      }
    }
    [centres, next] = [next, centres];
    if (iteration > 0 && changed === 0) {
      strict = true;
      break;
    }
    for (let i = 0; i < n; i++) {
      const own = labels[i];
      upper[i] += moved[own];
      lower[i] -= own === largestAt ? secondLargest : largest;
    }
    if (shift <= tolerance) {
      // The centres moved after the last assignment: assign once more (the bounds still hold,
      // so most rows need no measuring) so that labels match centres.
      reassign(matrix, n, d, k, centres, labels, upper, lower, half);
      break;
    }
  }
  if (iterations === maxIter && !strict)
    reassign(matrix, n, d, k, centres, labels, upper, lower, half);
  // Bounds are only bounds: the inertia is measured exactly.
  const sizes = new Int32Array(k);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    sizes[labels[i]]++;
    inertia += squaredDistance(matrix, i * d, centres, labels[i] * d, d);
  }
  return {
    k,
    labels: labels.slice(),
    centroids: centres,
    sizes,
    inertia,
    iterations,
    converged: strict || iterations < maxIter,
  };
}

/**
 * Hamerly's assignment step: only rows whose bounds no longer prove their centre nearest are
 * measured again. Returns how many rows changed centre.
 */
function reassign(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  half: Float64Array,
): number {
  halfSeparations(centres, k, d, half);
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i];
    const bound = half[own] > lower[i] ? half[own] : lower[i];
    if (upper[i] <= bound) continue;
    const row = i * d;
    upper[i] = Math.sqrt(squaredDistance(matrix, row, centres, own * d, d));
    if (upper[i] <= bound) continue;
    let best = 0;
    let bestDistance = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const dist = squaredDistance(matrix, row, centres, c * d, d);
      if (dist < bestDistance) {
        second = bestDistance;
        bestDistance = dist;
        best = c;
      } else if (dist < second) {
        second = dist;
      }
    }
    if (best !== own) {
      labels[i] = best;
      changed++;
    }
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(second);
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
  upper: Float64Array,
  lower: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let best = 0;
    let bestDistance = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const dist = squaredDistance(matrix, row, centres, c * d, d);
      if (dist < bestDistance) {
        second = bestDistance;
        bestDistance = dist;
        best = c;
      } else if (dist < second) {
        second = dist;
      }
    }
    labels[i] = best;
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(second);
  }
}

/** Half the distance from each centre to its nearest other centre (Hamerly's s). */
function halfSeparations(centres: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const distance = Math.sqrt(squaredDistance(centres, a * d, centres, b * d, d)) / 2;
      if (distance < half[a]) half[a] = distance;
      if (distance < half[b]) half[b] = distance;
    }
  }
}

/**
 * An empty cluster takes the row farthest from its current centre (scikit-learn's rule), so
 * k clusters always come back.
 */
function relocateEmptyClusters(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++)
    distances[i] = squaredDistance(matrix, i * d, centres, labels[i] * d, d);
  const order = farthest(distances, empty.length);
  empty.forEach((cluster, e) => {
    const row = order[e];
    const from = labels[row];
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= matrix[row * d + j];
      sums[cluster * d + j] = matrix[row * d + j];
    }
    counts[from]--;
    counts[cluster] = 1;
  });
}

/** Indices of the `count` largest values, largest first. */
function farthest(values: Float64Array, count: number): number[] {
  const chosen: number[] = [];
  const taken = new Uint8Array(values.length);
  for (let t = 0; t < count; t++) {
    let best = -1;
    for (let i = 0; i < values.length; i++)
      if (taken[i] === 0 && (best === -1 || values[i] > values[best])) best = i;
    taken[best] = 1;
    chosen.push(best);
  }
  return chosen;
}

/**
 * Hartigan's method from a Lloyd solution: move a row to another cluster whenever that lowers
 * the total, counting that the move also shifts both centres (n/(n-1) and n/(n+1) factors).
 * Lloyd's fixed points are not always Hartigan's, so this only ever improves.
 */
export function hartigan(
  matrix: Float64Array,
  n: number,
  d: number,
  start: KMeansResult,
  maxPasses = 100,
): KMeansResult {
  const k = start.k;
  const labels = start.labels.slice();
  const centres = start.centroids.slice();
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  let moves = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const from = labels[i];
      if (sizes[from] <= 1) continue;
      const row = i * d;
      const removal =
        (sizes[from] / (sizes[from] - 1)) * squaredDistance(matrix, row, centres, from * d, d);
      let to = -1;
      let cheapest = removal;
      for (let c = 0; c < k; c++) {
        if (c === from) continue;
        const addition =
          (sizes[c] / (sizes[c] + 1)) * squaredDistance(matrix, row, centres, c * d, d);
        if (addition < cheapest) {
          cheapest = addition;
          to = c;
        }
      }
      if (to === -1) continue;
      const nFrom = sizes[from];
      const nTo = sizes[to];
      for (let j = 0; j < d; j++) {
        const x = matrix[row + j];
        centres[from * d + j] = (centres[from * d + j] * nFrom - x) / (nFrom - 1);
        centres[to * d + j] = (centres[to * d + j] * nTo + x) / (nTo + 1);
      }
      sizes[from]--;
      sizes[to]++;
      labels[i] = to;
      moved++;
    }
    moves += moved;
    if (moved === 0) break;
  }
  if (moves === 0) return start;
  // Recompute centres and inertia exactly (the running updates drift by rounding).
  const exact = new Float64Array(k * d);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    for (let j = 0; j < d; j++) exact[c * d + j] += matrix[i * d + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) exact[c * d + j] /= counts[c];
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(matrix, i * d, exact, labels[i] * d, d);
  return { ...start, labels, centroids: exact, sizes: counts, inertia };
}

/**
 * Local search over centre positions: move one centre (chosen at random) to a row drawn with
 * probability proportional to its squared distance from the other centres, refine, keep the
 * result when it is better; stop after 3k unsuccessful swaps in a row (at most 10k in all).
 */
function swapSearch(
  matrix: Float64Array,
  n: number,
  d: number,
  start: KMeansResult,
  refine: (centres: Float64Array) => KMeansResult,
  random: Random,
  onProgress: (fraction: number) => void,
  patienceFactor = 3,
): KMeansResult {
  const k = start.k;
  const patience = Math.max(2, Math.ceil(patienceFactor * k));
  const maxSwaps = (patienceFactor + 7) * k;
  let best = start;
  let stale = 0;
  let reported = 0;
  const closest = new Float64Array(n);
  for (let attempt = 0; attempt < maxSwaps && stale < patience; attempt++) {
    stale++;
    const centres = best.centroids.slice();
    const moved = random.int(k);
    let potential = 0;
    for (let i = 0; i < n; i++) {
      let nearest = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === moved) continue;
        const dist = squaredDistance(matrix, i * d, centres, c * d, d);
        if (dist < nearest) nearest = dist;
      }
      closest[i] = nearest;
      potential += nearest;
    }
    let target = random.next() * potential;
    let row = 0;
    for (; row < n - 1; row++) {
      target -= closest[row];
      if (target <= 0) break;
    }
    copyRow(matrix, row, centres, moved * d, d);
    const candidate = refine(centres);
    if (candidate.inertia < best.inertia * (1 - 1e-9)) {
      best = candidate;
      stale = 0;
    }
    // Progress never goes back, even when an improvement resets the patience.
    reported = Math.max(reported, attempt / maxSwaps, stale / patience);
    onProgress(reported);
  }
  onProgress(1);
  return best;
}

function copyRow(
  from: Float64Array,
  row: number,
  to: Float64Array,
  offset: number,
  d: number,
): void {
  for (let j = 0; j < d; j++) to[offset + j] = from[row * d + j];
}
