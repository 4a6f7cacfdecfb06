import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customersAtRisk, valueByGroup } from '../../../src/core/value/valueBySegment';

const scores = {
  pAlive: Float64Array.of(1, 0.5, 0.2, 0.9, 0.4),
  expectedPurchases: Float64Array.of(1, 2, 0, 4, 3),
  clv: Float64Array.of(100, 300, 0, 500, 100),
};

describe('valueByGroup', () => {
  it('gives each group its means and its share of the total expected value', () => {
    const groups = valueByGroup(Int32Array.of(0, 0, 2, 2, -1), 3, scores);
    expect(groups[0]).toEqual({
      customers: 2,
      meanPAlive: 0.75,
      meanExpectedPurchases: 1.5,
      meanClv: 200,
      totalClv: 400,
      shareOfValue: 400 / 900,
    });
    // An empty group has no means; a customer without a group (-1) counts nowhere.
    expect(groups[1]).toEqual({
      customers: 0,
      meanPAlive: null,
      meanExpectedPurchases: null,
      meanClv: null,
      totalClv: 0,
      shareOfValue: 0,
    });
    expect(groups[2].customers).toBe(2);
    expect(groups[2].shareOfValue).toBeCloseTo(500 / 900, 15);
  });

  it('gives shares of 0, not NaN, when nobody has any expected value', () => {
    const none = { ...scores, clv: new Float64Array(5) };
    expect(valueByGroup(Uint8Array.of(0, 1, 1, 0, 0), 2, none).map((g) => g.shareOfValue)).toEqual([
      0, 0,
    ]);
  });

  it('has shares that add up to 1 whenever there is value', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -1, max: 4 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
          {
            minLength: 1,
            maxLength: 50,
          },
        ),
        (rows) => {
          const clv = Float64Array.from(rows, (r) => r[1]);
          const groups = valueByGroup(
            Int32Array.from(rows, (r) => r[0]),
            5,
            { pAlive: clv, expectedPurchases: clv, clv },
          );
          const total = groups.reduce((sum, g) => sum + g.totalClv, 0);
          const shares = groups.reduce((sum, g) => sum + g.shareOfValue, 0);
          return total === 0 ? shares === 0 : Math.abs(shares - 1) < 1e-12;
        },
      ),
    );
  });
});

describe('customersAtRisk', () => {
  it('lists valuable repeat customers more likely gone than not, most value at risk first', () => {
    const histories = {
      // Repeat spend so far (frequency x monetary): 0, 100, 400, 1000, 1200, 50.
      frequency: Float64Array.of(0, 1, 2, 5, 4, 1),
      monetary: Float64Array.of(0, 100, 200, 200, 300, 50),
    };
    const pAlive = Float64Array.of(1, 0.1, 0.3, 0.45, 0.9, 0.01);
    const risk = customersAtRisk(histories, pAlive);
    // 75th percentile of 100, 400, 1000, 1200, 50 (numpy's linear rule) is 1000.
    expect(risk.valueThreshold).toBe(1000);
    expect(risk.maxPAlive).toBe(0.5);
    // 1200 is alive (0.9); 1000 at P(alive) 0.45 qualifies.
    expect(Array.from(risk.customers)).toEqual([3]);
    const lower = customersAtRisk(histories, pAlive, { valueQuantile: 0.25, maxPAlive: 0.5 });
    // Threshold 100: customers 1 (100 x 0.9 = 90), 2 (400 x 0.7 = 280), 3 (1000 x 0.55 = 550).
    expect(Array.from(lower.customers)).toEqual([3, 2, 1]);
    expect(Array.from(lower.pastValue)).toEqual([1000, 400, 100]);
  });

  it('is empty without repeat customers', () => {
    const risk = customersAtRisk(
      { frequency: Float64Array.of(0, 0), monetary: Float64Array.of(0, 0) },
      Float64Array.of(1, 1),
    );
    expect(risk.customers).toHaveLength(0);
    expect(risk.valueThreshold).toBe(Infinity);
  });
});
