import { reusableFloat64, reusableInt32 } from '../../common/reusableArrays';
import { squaredDistance } from '../distance';

/** One clustering into k segments: what Lloyd gives back, and k-means and the local search too. */
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

/** Reusable per-row scratch for Lloyd: labels and Hamerly's bounds. */
export class Workspace {
  readonly labels: Int32Array;
  readonly upper: Float64Array;
  readonly lower: Float64Array;
  constructor(n: number, labels?: Int32Array, upper?: Float64Array, lower?: Float64Array) {
    this.labels = labels ?? new Int32Array(n);
    this.upper = upper ?? new Float64Array(n);
    this.lower = lower ?? new Float64Array(n);
  }

  /** The shared workspace for refining on all rows (one k at a time per thread). */
  static shared(n: number): Workspace {
    return new Workspace(
      n,
      reusableInt32('lloyd.labels', n),
      reusableFloat64('lloyd.upper', n),
      reusableFloat64('lloyd.lower', n),
    );
  }
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
