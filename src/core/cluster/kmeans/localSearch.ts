import type { Random } from '../../common/random';
import { squaredDistance } from '../distance';
import { copyRow } from '../../common/matrixRows';
import type { KMeansResult } from './kmeans';

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
export function swapSearch(
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
