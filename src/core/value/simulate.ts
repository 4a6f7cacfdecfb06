import { createRandom, type Random } from '../common/random';
import type { BgNbdParams } from './bgnbdLikelihood';
import type { GammaGammaParams } from './gammaGamma';

/**
 * Customer histories drawn from the BG/NBD story (and Gamma-Gamma spend), seeded: the data with
 * known parameters that tests and benchmarks fit. Each customer makes a first purchase at 0,
 * buys at rate λ ~ Gamma(r, α) while alive, drops out after each purchase with probability
 * p ~ Beta(a, b), and is watched for T, uniform on [minT, maxT].
 */
export interface SimulationOptions {
  customers: number;
  seed: number;
  minT: number;
  maxT: number;
  /**
   * Count purchases per whole period, as a summary of order lines does: T a whole number, the
   * first purchase at the start of period 0, one purchase at most per period up to period T.
   * False keeps exact times.
   */
  wholePeriods: boolean;
  /** Draw each customer's mean repeat spend from Gamma-Gamma too. */
  spend?: GammaGammaParams;
}

export interface SimulatedHistories {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Mean spend of the repeat purchases (0 without; all 0 without spend parameters). */
  monetary: Float64Array;
}

export function simulateHistories(
  params: BgNbdParams,
  options: SimulationOptions,
): SimulatedHistories {
  const random = createRandom(options.seed);
  const { customers, minT, maxT, wholePeriods, spend } = options;
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    // Whole periods: T uniform on minT..maxT, and purchases counted up to the end of period T.
    const age = wholePeriods
      ? Math.min(maxT, Math.floor(minT + (maxT - minT + 1) * random.next()))
      : minT + (maxT - minT) * random.next();
    const watched = wholePeriods ? age + 1 : age;
    const rate = sampleGamma(random, params.r) / params.alpha;
    const dropout = sampleBeta(random, params.a, params.b);
    let time = 0;
    let purchases = 0;
    let last = 0;
    let lastPeriod = 0;
    for (;;) {
      time += -Math.log(1 - random.next()) / rate;
      if (!(time < watched)) break;
      if (wholePeriods) {
        const period = Math.floor(time);
        if (period > lastPeriod) {
          purchases++;
          lastPeriod = period;
          last = period;
        }
      } else {
        purchases++;
        last = time;
      }
      if (random.next() < dropout) break;
    }
    frequency[i] = purchases;
    recency[i] = last;
    T[i] = age;
    if (spend !== undefined && purchases > 0) {
      const nu = sampleGamma(random, spend.q) / spend.v;
      monetary[i] = sampleGamma(random, spend.p * purchases) / nu / purchases;
    }
  }
  return { frequency, recency, T, monetary };
}

/** Gamma(shape, 1) by Marsaglia & Tsang, boosted for shapes below 1. */
export function sampleGamma(random: Random, shape: number): number {
  if (shape < 1) {
    const u = random.next();
    return sampleGamma(random, shape + 1) * Math.pow(1 - u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function sampleBeta(random: Random, a: number, b: number): number {
  const x = sampleGamma(random, a);
  const y = sampleGamma(random, b);
  return x / (x + y);
}

function sampleNormal(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
