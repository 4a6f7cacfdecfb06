import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aliveExpectedPurchases,
  byQuadrature,
  eulerSeries,
} from '../../../src/core/value/bgnbdExpectation';
import { hyp2f1 } from '../../../src/core/value/specialFunctions';

const logUniform = (low: number, high: number) =>
  fc.double({ min: Math.log(low), max: Math.log(high), noNaN: true }).map(Math.exp);

describe('aliveExpectedPurchases', () => {
  it('agrees between the Euler series and the quadrature wherever the series is safe', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: logUniform(0.01, 20),
          alpha: logUniform(0.1, 500),
          a: logUniform(1e-3, 20),
          b: logUniform(1e-2, 100),
        }),
        fc.integer({ min: 0, max: 150 }),
        logUniform(0.01, 400),
        logUniform(0.01, 400),
        (params, x, T, t) => {
          const { r, alpha, a, b } = params;
          const z = t / (alpha + T + t);
          const logRemaining = -Math.log1p(t / (alpha + T));
          const shift = a + b - 1 - r;
          fc.pre(Math.abs((a - 1) * logRemaining) < 300 && (shift >= 0 || -shift * z < 20));
          const series = eulerSeries(params, x, logRemaining, z);
          const quadrature = byQuadrature(params, x, t / (alpha + T));
          return Math.abs(series - quadrature) <= 1e-8 * series;
        },
      ),
    );
  });

  it('takes the quadrature where the series would cancel, and matches equation 10 there', () => {
    // a + b - 1 - r = -45.6 with z = 0.93: the Euler series loses every digit.
    const params = { r: 44.99809814818422, alpha: 0.34523120184199096, a: 0.3376655, b: 0.0160474 };
    const [x, T, t] = [0, 1.4433216700078928, 22.5009137977808];
    const z = t / (params.alpha + T + t);
    const c = params.a + params.b + x - 1;
    const paper =
      (c / (params.a - 1)) *
      (1 -
        hyp2f1(params.r + x, params.b + x, c, z) *
          Math.pow((params.alpha + T) / (params.alpha + T + t), params.r + x));
    expect(Math.abs(aliveExpectedPurchases(params, x, T, t) - paper)).toBeLessThan(1e-9 * paper);
  });

  it('reaches the limits of the model at its edges', () => {
    // a -> 0, b -> infinity: nobody drops out, so (r + x) t / (α + T) purchases are expected.
    const noDropout = { r: 0.5, alpha: 1e-11, a: 1e-12, b: 1e13 };
    expect(aliveExpectedPurchases(noDropout, 5, 100, 360)).toBeCloseTo((5.5 * 360) / 100, 10);
    expect(aliveExpectedPurchases(noDropout, 0, 1, 1e-3)).toBeCloseTo(0.5e-3 / (1 + 1e-11), 17);
    // a, b, r, α -> infinity together: p = 1/2 and λ = 1 for everyone: 2 (1 - e^(-t/2)).
    const fixed = { r: 1e12, alpha: 1e12, a: 1e12, b: 1e12 };
    for (const t of [1e-3, 1, 30]) {
      expect(aliveExpectedPurchases(fixed, 0, 0, t)).toBeCloseTo(-2 * Math.expm1(-t / 2), 7);
    }
    // a -> infinity, b -> 0: everyone drops out at their next purchase.
    const certain = { r: 1e-12, alpha: 1e-12, a: 1e13, b: 1e-12 };
    expect(aliveExpectedPurchases(certain, 5, 100, 360)).toBeCloseTo(1 - Math.pow(4.6, -5), 9);
  });

  it('is finite and not negative for any parameters a fit can return', () => {
    const edge = logUniform(Math.exp(-30), Math.exp(30));
    fc.assert(
      fc.property(
        fc.record({ r: edge, alpha: edge, a: edge, b: edge }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        logUniform(1e-3, 1e3),
        (params, x, T, t) => {
          const value = aliveExpectedPurchases(params, x, T * 400, t);
          return Number.isFinite(value) && value >= 0;
        },
      ),
    );
  });
});

describe('aliveExpectedPurchases at the edge a property run found', () => {
  it('is not negative when a and b are near 1e13 and the customer was just seen', () => {
    const params = { r: 25224046916.461655, alpha: 1, a: 8853114786021.19, b: 10686474421680.57 };
    expect(aliveExpectedPurchases(params, 608, 0, 1)).toBeGreaterThanOrEqual(0);
  });
});
