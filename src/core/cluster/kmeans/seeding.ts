import type { Random } from '../../common/random';
import { squaredDistance } from '../distance';
import { copyRow } from '../../common/matrixRows';
import { reusableFloat64 } from '../../common/reusableArrays';

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
  // Scratch arrays are the thread's reusable ones: at every k of an elbow, seeding on 50,000
  // rows would otherwise leave megabytes of garbage per start for the collector.
  let closest = reusableFloat64('seeding.closest', n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    const dist = squaredDistance(matrix, i * d, centres, 0, d);
    closest[i] = dist;
    potential += dist;
  }
  const cumulative = reusableFloat64('seeding.cumulative', n);
  const candidateDistances = Array.from({ length: trials }, (_, t) =>
    reusableFloat64(`seeding.trial${t}`, n),
  );
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
