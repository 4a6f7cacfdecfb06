import type { Random } from '../../common/random';
import { squaredDistance } from '../distance';
import { copyRow } from '../../common/matrixRows';
import { reusableFloat64 } from '../../common/reusableArrays';
import { kmeansKernelFor, type SeedingArrays, type SeedingLoops } from './kernel/kmeansKernel';

/**
 * Greedy k-means++: each new centre is the best of 2 + ln(k) candidates drawn with probability
 * proportional to the squared distance to the nearest chosen centre. The loops over the rows run
 * in the WebAssembly kernel where it can run (see kmeansKernelFor), in JavaScript elsewhere: the
 * same centres either way.
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
  const kernel = kmeansKernelFor(n * d);
  const placed = kernel?.seedingArrays(matrix, n, d, trials) ?? null;
  const loops = kernel && placed ? kernel.seeding : JS_SEEDING_LOOPS;
  const {
    matrix: rows,
    cumulative,
    trials: candidateDistances,
    ...arrays
  } = placed ?? jsArrays(matrix, n, trials);
  let closest = arrays.closest;
  const row = (i: number) => rows.subarray(i * d, i * d + d);
  let potential = loops.distancesTo(rows, n, d, row(first), closest);
  for (let c = 1; c < k; c++) {
    loops.cumulate(closest, n, cumulative);
    let bestTrial = 0;
    let bestPotential = Infinity;
    let bestIndex = 0;
    for (let t = 0; t < trials; t++) {
      const candidate = Math.min(searchSorted(cumulative, random.next() * potential), n - 1);
      const trialPotential = loops.trialDistances(
        rows,
        n,
        d,
        row(candidate),
        closest,
        candidateDistances[t],
      );
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

/**
 * Seeding's scratch without the kernel: the thread's reusable arrays (at every k of an elbow,
 * seeding on 50,000 rows would otherwise leave megabytes of garbage per start for the collector).
 */
function jsArrays(matrix: Float64Array, n: number, trials: number): SeedingArrays {
  return {
    matrix,
    closest: reusableFloat64('seeding.closest', n),
    cumulative: reusableFloat64('seeding.cumulative', n),
    trials: Array.from({ length: trials }, (_, t) => reusableFloat64(`seeding.trial${t}`, n)),
  };
}

function distancesTo(
  matrix: Float64Array,
  n: number,
  d: number,
  centre: Float64Array,
  out: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const dist = squaredDistance(matrix, i * d, centre, 0, d);
    out[i] = dist;
    total += dist;
  }
  return total;
}

function trialDistances(
  matrix: Float64Array,
  n: number,
  d: number,
  candidate: Float64Array,
  closest: Float64Array,
  out: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const dist = squaredDistance(matrix, i * d, candidate, 0, d);
    const nearest = dist < closest[i] ? dist : closest[i];
    out[i] = nearest;
    total += nearest;
  }
  return total;
}

function cumulate(values: Float64Array, n: number, sums: Float64Array): void {
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += values[i];
    sums[i] = running;
  }
}

/** k-means++'s loops in JavaScript: where the kernel cannot run, and its yardstick in tests. */
export const JS_SEEDING_LOOPS: SeedingLoops = { distancesTo, trialDistances, cumulate };

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
