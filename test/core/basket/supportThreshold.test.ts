import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportThreshold } from '../../../src/core/basket/supportThreshold';

describe('supportThreshold', () => {
  it('asks one more basket of longer itemsets where minSupport x baskets rounds above a whole number', () => {
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(supportThreshold(0.07, 100)).toEqual({ single: 7, longer: 8 });
    expect(supportThreshold(27 / 389, 389)).toEqual({ single: 27, longer: 28 });
  });

  it('asks the same of both where the product is exact', () => {
    expect(supportThreshold(0.1, 100)).toEqual({ single: 10, longer: 10 });
    expect(supportThreshold(0.01, 18532)).toEqual({ single: 186, longer: 186 });
    expect(supportThreshold(1, 7)).toEqual({ single: 7, longer: 7 });
    expect(supportThreshold(1e-9, 7)).toEqual({ single: 1, longer: 1 });
  });

  it('is the least count whose share passes, and at least ceil(s x n) for longer itemsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (n, s) => {
          const { single, longer } = supportThreshold(s, n);
          expect(single / n >= s).toBe(true);
          expect((single - 1) / n >= s).toBe(false);
          expect(longer).toBe(Math.max(single, Math.ceil(s * n)));
        },
      ),
    );
  });
});
