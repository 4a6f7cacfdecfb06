import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/common/random';
import { aliveExpectedPurchases } from '../../../src/core/value/bgnbd';
import { sampleGamma, simulateHistories } from '../../../src/core/value/simulate';

const PARAMS = { r: 0.5, alpha: 10, a: 0.7, b: 2.5 };
const SPEND = { p: 4, q: 3, v: 50 };

function meanAndError(values: ArrayLike<number>) {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i] / values.length;
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += (values[i] - mean) ** 2 / values.length;
  return { mean, error: Math.sqrt(variance / values.length) };
}

describe('simulateHistories', () => {
  it('gives the same histories for the same seed and others for another', () => {
    const options = { customers: 500, seed: 7, minT: 10, maxT: 100, wholePeriods: true };
    const once = simulateHistories(PARAMS, options);
    expect(simulateHistories(PARAMS, options)).toEqual(once);
    expect(simulateHistories(PARAMS, { ...options, seed: 8 }).frequency).not.toEqual(
      once.frequency,
    );
  });

  it('counts whole periods as a summary of order lines does', () => {
    const data = simulateHistories(PARAMS, {
      customers: 5000,
      seed: 1,
      minT: 10,
      maxT: 100,
      wholePeriods: true,
      spend: SPEND,
    });
    for (let i = 0; i < 5000; i++) {
      const [x, tx, T, m] = [data.frequency[i], data.recency[i], data.T[i], data.monetary[i]];
      expect(Number.isInteger(T) && T >= 10 && T <= 100).toBe(true);
      expect(Number.isInteger(tx) && tx <= T && x <= tx).toBe(true);
      if (x === 0) expect([tx, m]).toEqual([0, 0]);
      else expect(m).toBeGreaterThan(0);
    }
    expect(new Set(data.T).size).toBe(91);
  });

  it('buys as often as BG/NBD expects (equation 9) and spends as Gamma-Gamma expects', () => {
    const data = simulateHistories(PARAMS, {
      customers: 20_000,
      seed: 2,
      minT: 52,
      maxT: 52,
      wholePeriods: false,
      spend: SPEND,
    });
    const purchases = meanAndError(data.frequency);
    const expected = aliveExpectedPurchases(PARAMS, 0, 0, 52);
    expect(Math.abs(purchases.mean - expected)).toBeLessThan(4 * purchases.error);
    const spend = meanAndError(data.monetary.filter((_, i) => data.frequency[i] > 0));
    const meanSpend = (SPEND.p * SPEND.v) / (SPEND.q - 1);
    expect(Math.abs(spend.mean - meanSpend)).toBeLessThan(4 * spend.error);
  });
});

describe('sampleGamma', () => {
  it('has mean and variance equal to its shape, below and above 1', () => {
    for (const shape of [0.3, 5]) {
      const random = createRandom(shape * 10);
      const draws = Float64Array.from({ length: 40_000 }, () => sampleGamma(random, shape));
      const { mean, error } = meanAndError(draws);
      expect(Math.abs(mean - shape)).toBeLessThan(4 * error);
      const variance = draws.reduce((sum, d) => sum + (d - mean) ** 2, 0) / draws.length;
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.08);
    }
  });
});
