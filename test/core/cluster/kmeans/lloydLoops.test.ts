import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundDown, roundUp } from '../../../../src/core/cluster/kmeans/lloydLoops';

// The JavaScript loops themselves are compared with the kernel's, bit for bit, in
// kernel/kmeansKernel.test.ts, and run through lloyd() in lloyd.test.ts.

describe("Hamerly's bounds in single precision", () => {
  it('round outwards: stored, an upper bound is never below the distance, a lower never above', () => {
    const stored = new Float32Array(2);
    const check = (distance: number) => {
      stored[0] = roundUp(distance);
      stored[1] = roundDown(distance);
      expect(stored[0]).toBeGreaterThanOrEqual(distance);
      expect(stored[1]).toBeLessThanOrEqual(distance);
      expect(stored[1]).toBeGreaterThanOrEqual(0);
    };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), (distance) => check(distance)),
      { numRuns: 5000 },
    );
    // Subnormal singles, the edges of the single range, and what only doubles hold.
    for (const distance of [
      0,
      1e-320,
      1e-45,
      1e-40,
      2 ** -126,
      1,
      3.4028234663852886e38,
      3.5e38,
      Infinity,
    ])
      check(distance);
    // A lower bound that fell below 0 proves nothing: it is stored as 0.
    expect(roundDown(-3)).toBe(0);
    // A centre that lost its last row is NaN: the row's bound must not prove anything either.
    expect(roundUp(NaN)).toBeNaN();
    expect(roundDown(NaN)).toBe(0);
  });

  it('still prove what double bounds proved, to within a few parts in ten million', () => {
    const stored = new Float32Array(1);
    for (const distance of [1e-30, 0.001, 1, 12345.678, 1e30]) {
      stored[0] = roundUp(distance);
      expect(stored[0] / distance - 1).toBeLessThan(1e-6);
      stored[0] = roundDown(distance);
      expect(1 - stored[0] / distance).toBeLessThan(1e-6);
    }
  });
});
