import type { StageProgress } from './progress';
import { createRandom, type Random } from './random';
import { UserError } from './userError';

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
  /** Lloyd iterations of the winning run. */
  iterations: number;
  converged: boolean;
}

export const KMEANS_DEFAULTS = { nInit: 10, maxIter: 300, tol: 1e-4, seed: 0 } as const;

/**
 * k-means as scikit-learn runs it: greedy k-means++ seeding (2 + ln k candidates per centre),
 * Lloyd iterations until the labels stop changing or the centres move less than the relative
 * tolerance, empty clusters re-seeded with the rows farthest from their centres, and `nInit`
 * restarts keeping the lowest inertia. Flat typed arrays throughout; same seed, same result.
 *
 * Lloyd stops at the first local optimum, and scikit-learn's answer depends on how lucky its
 * ten seeds were (on iris at k = 9 only 2% of seeds come within 0.5% of its best). So, unless
 * `localSearch` is false, each restart is refined by Hartigan's single-row moves (which only
 * ever lower the inertia), and the winner then goes through a swap search: one centre is moved
 * to a row drawn by k-means++ weights and the solution refined, kept when better, until 3k
 * swaps in a row bring nothing.
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
  if (!Number.isInteger(k) || k < 1)
    throw new UserError(
      'bad-option',
      `The number of segments must be a whole number of at least 1, not ${k}.`,
    );
  if (n < k) {
    throw new UserError(
      'too-few-rows',
      `There are ${n} usable rows, fewer than the ${k} segments asked for: choose at most ${n} segments.`,
    );
  }
  const random = createRandom(options.seed ?? KMEANS_DEFAULTS.seed);
  const tolerance = absoluteTolerance(matrix, n, d, options.tol ?? KMEANS_DEFAULTS.tol);
  const localSearch = options.localSearch ?? true;
  const refine = (centres: Float64Array): KMeansResult => {
    const result = lloyd(matrix, n, d, k, centres, maxIter, tolerance);
    return localSearch ? hartigan(matrix, n, d, result) : result;
  };
  const report = options.onProgress;
  let best: KMeansResult | null = null;
  for (let run = 0; run < nInit; run++) {
    const result = refine(kmeansPlusPlus(matrix, n, d, k, random));
    if (best === null || result.inertia < best.inertia) best = result;
    report?.(((run + 1) / nInit) * (localSearch ? 0.5 : 1));
  }
  if (!localSearch || k < 2 || best === null) return best as KMeansResult;
  return swapSearch(matrix, n, d, best, refine, random, (f) => report?.(0.5 + f / 2));
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
  let passes = 0;
  for (; passes < maxPasses; passes++) {
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
    if (moved === 0) break;
  }
  if (passes === 0) return start;
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
): KMeansResult {
  const k = start.k;
  const patience = 3 * k;
  const maxSwaps = 10 * k;
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

/** scikit-learn's tolerance: tol times the mean of the per-feature variances. */
export function absoluteTolerance(matrix: Float64Array, n: number, d: number, tol: number): number {
  if (tol === 0) return 0;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += matrix[i * d + j];
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) {
      const delta = matrix[i * d + j] - mean;
      variance += delta * delta;
    }
    total += variance / n;
  }
  return (total / d) * tol;
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
  const first = random.int(n);
  copyRow(matrix, first, centres, 0, d);
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    const dist = squaredDistance(matrix, i * d, centres, 0, d);
    closest[i] = dist;
    potential += dist;
  }
  const cumulative = new Float64Array(n);
  let candidateDistances = Array.from({ length: trials }, () => new Float64Array(n));
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
      const target = random.next() * potential;
      const candidate = Math.min(searchSorted(cumulative, target), n - 1);
      const distances = candidateDistances[t];
      const offset = candidate * d;
      let trialPotential = 0;
      for (let i = 0; i < n; i++) {
        let dist = 0;
        const row = i * d;
        for (let j = 0; j < d; j++) {
          const delta = matrix[row + j] - matrix[offset + j];
          dist += delta * delta;
        }
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
    // Swap the winner's distances in as the new nearest distances.
    const winner = candidateDistances[bestTrial];
    candidateDistances = candidateDistances.map((array, t) => (t === bestTrial ? closest : array));
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

/** Lloyd's iterations from given centres, with scikit-learn's stopping rules. */
export function lloyd(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  initialCentres: Float64Array,
  maxIter: number,
  tolerance: number,
): KMeansResult {
  let centres = initialCentres.slice();
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  const counts = new Float64Array(k);
  let iterations = 0;
  let strict = false;
  for (let iteration = 0; iteration < maxIter; iteration++) {
    iterations = iteration + 1;
    assign(matrix, n, d, k, centres, labels);
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
    for (let c = 0; c < k; c++) {
      const offset = c * d;
      for (let j = 0; j < d; j++) {
        next[offset + j] /= counts[c];
        const delta = next[offset + j] - centres[offset + j];
        shift += delta * delta;
      }
    }
    [centres, next] = [next, centres];
    if (sameLabels(labels, previous)) {
      strict = true;
      break;
    }
    if (shift <= tolerance) break;
    previous.set(labels);
  }
  // The centres moved after the last assignment: assign once more so labels match centres.
  if (!strict) assign(matrix, n, d, k, centres, labels);
  const sizes = new Int32Array(k);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    sizes[label]++;
    inertia += squaredDistance(matrix, i * d, centres, label * d, d);
  }
  return {
    k,
    labels,
    centroids: centres,
    sizes,
    inertia,
    iterations,
    converged: strict || iterations < maxIter,
  };
}

function assign(
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const offset = c * d;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const delta = matrix[row + j] - centres[offset + j];
        dist += delta * delta;
      }
      if (dist < bestDistance) {
        bestDistance = dist;
        best = c;
      }
    }
    labels[i] = best;
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

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function squaredDistance(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const delta = a[aOffset + j] - b[bOffset + j];
    sum += delta * delta;
  }
  return sum;
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
