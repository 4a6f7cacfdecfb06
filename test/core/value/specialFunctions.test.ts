import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digamma,
  hyp2f1,
  hyp2f1Excess,
  logBeta,
  logGamma,
  logRising,
} from '../../../src/core/value/specialFunctions';

const close = (actual: number, expected: number, relative: number, absolute = 0) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    relative * Math.abs(expected) + absolute,
  );

/** log Γ below 10 comes from Stirling's series at x + k minus a log: absolute error ~1e-15. */
const SMALL_X = 5e-15;

// Reference values computed with mpmath at 40 digits.
describe('logGamma', () => {
  it('is exact where log Γ is known', () => {
    close(logGamma(1), 0, 0, SMALL_X);
    close(logGamma(2), 0, 0, SMALL_X);
    close(logGamma(0.5), 0.5 * Math.log(Math.PI), 0, SMALL_X);
    close(logGamma(10), Math.log(362880), 1e-15);
    close(logGamma(100), 359.1342053695754, 1e-15);
    close(logGamma(1e-8), 18.42068073818021, 1e-15);
    close(logGamma(0.1), 2.252712651734206, 0, SMALL_X);
    close(logGamma(1.5), -0.12078223763524522, 0, SMALL_X);
    close(logGamma(1e6), 12815504.569147611, 1e-15);
  });

  it('is NaN outside x > 0 and follows log Γ(x + 1) = log Γ(x) + log x', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(NaN)).toBeNaN();
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e5, noNaN: true }), (x) => {
        const difference = logGamma(x + 1) - logGamma(x);
        const scale = Math.max(1, Math.abs(logGamma(x)), Math.abs(logGamma(x + 1)));
        return Math.abs(difference - Math.log(x)) <= 1e-14 * scale;
      }),
    );
  });
});

describe('digamma', () => {
  it('is exact where ψ is known', () => {
    close(digamma(1), -0.5772156649015329, 1e-15);
    close(digamma(0.5), -0.5772156649015329 - 2 * Math.LN2, 1e-15);
    close(digamma(0.1), -10.423754940411078, 1e-15);
    close(digamma(1e-8), -100000000.57721564, 1e-15);
    close(digamma(1000), 6.907255195648812, 1e-15);
    expect(digamma(0)).toBeNaN();
  });

  it('follows ψ(x + 1) = ψ(x) + 1/x and is the slope of log Γ', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const step = 1e-5 * x;
        const slope = (logGamma(x + step) - logGamma(x - step)) / (2 * step);
        return (
          Math.abs(digamma(x + 1) - digamma(x) - 1 / x) <= 1e-13 * Math.max(1, 1 / x) &&
          Math.abs(slope - digamma(x)) <= 1e-5 * Math.max(1, Math.abs(digamma(x)))
        );
      }),
    );
  });
});

describe('logBeta', () => {
  it('is log Γ(a) Γ(b) / Γ(a + b)', () => {
    close(logBeta(1, 1), 0, 0, 3 * SMALL_X);
    close(logBeta(2, 3), Math.log(1 / 12), 0, 3 * SMALL_X);
    close(logBeta(0.5, 0.5), Math.log(Math.PI), 0, 3 * SMALL_X);
  });
});

describe('logRising', () => {
  it('is log Γ(a + x) - log Γ(a), accurate where both are huge', () => {
    expect(logRising(3.5, 0)).toBe(0);
    close(logRising(1, 4), Math.log(24), 1e-14);
    close(logRising(0.5, 2), Math.log(0.5 * 1.5), 1e-14);
    close(logRising(12, 3), Math.log(12 * 13 * 14), 1e-15);
    // log(1e10 (1e10 + 1) (1e10 + 2)), where the difference of log-gammas keeps 5 digits.
    close(logRising(1e10, 3), Math.log(1e10) + Math.log(1e10 + 1) + Math.log(1e10 + 2), 1e-15);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (a, x) => {
          // The difference of log-gammas is itself only good to rounding of the larger one.
          const expected = logGamma(a + x) - logGamma(a);
          return Math.abs(logRising(a, x) - expected) <= 1e-14 * Math.max(1, logGamma(a + x));
        },
      ),
    );
  });
});

describe('hyp2f1', () => {
  it('matches its closed forms', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.999]) {
      close(hyp2f1(1, 1, 2, z), z === 0 ? 1 : -Math.log1p(-z) / z, 1e-13);
      close(hyp2f1(2.5, 3, 3, z), Math.pow(1 - z, -2.5), 1e-13);
      const root = Math.sqrt(z);
      close(hyp2f1(0.5, 1, 1.5, z), z === 0 ? 1 : Math.atanh(root) / root, 1e-13);
    }
    // A terminating series: 2F1(-3, b; c; z) is a polynomial.
    close(hyp2f1(-3, 1, 1, 0.25), Math.pow(0.75, 3), 1e-15);
  });

  it('sums series whose first terms are tiny and later ones huge', () => {
    close(hyp2f1(1e-12, 60, 1, 0.95), 1.029410928101573e63, 1e-12);
    close(hyp2f1(-0.5, -0.2, 0.3, 0.99), 1.439009981904089, 1e-13);
    close(hyp2f1(0.2425, 52.4258, 52.2187, 0.6), 1.2505992025927726, 1e-13);
  });

  it('is NaN outside 0 <= z < 1 or at a pole', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -0.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
  });
});

describe('hyp2f1Excess', () => {
  it('is c (2F1 - 1) / b without dividing by b or c', () => {
    for (const z of [0.1, 0.5, 0.9]) {
      close(hyp2f1Excess(1.3, 0.7, 2.1, z), (2.1 * (hyp2f1(1.3, 0.7, 2.1, z) - 1)) / 0.7, 1e-13);
      // b = 0: the limit is -log(1 - z) for a = c = 1; c = 0: it is a z 2F1(a + 1, b + 1; 2; z).
      close(hyp2f1Excess(1, 0, 1, z), -Math.log1p(-z), 1e-14);
      close(hyp2f1Excess(1, 0, 0, z), z / (1 - z), 1e-14);
    }
    close(hyp2f1Excess(-0.3, -0.2, -0.5, 0.7), -0.38168206327837495, 1e-13);
    expect(hyp2f1Excess(1, 1, 1, 0)).toBe(0);
    expect(hyp2f1Excess(1, 1, -1, 0.5)).toBeNaN();
  });
});
