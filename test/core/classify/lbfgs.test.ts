import { describe, expect, it } from 'vitest';
import { minimizeLbfgs } from '../../../src/core/classify/lbfgs';

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const result = minimizeLbfgs(
      (x, g) => {
        const [a, b] = x;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      Float64Array.from([-1.2, 1]),
      { gradientTolerance: 1e-10 },
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
  });

  it('solves an ill-conditioned quadratic to the tolerance', () => {
    const scales = [1, 10, 100, 1000, 1e4];
    const result = minimizeLbfgs(
      (x, g) => {
        let f = 0;
        scales.forEach((s, i) => {
          g[i] = s * (x[i] - i);
          f += (s / 2) * (x[i] - i) ** 2;
        });
        return f;
      },
      new Float64Array(5),
      { gradientTolerance: 1e-9 },
    );
    expect(result.gradientNorm).toBeLessThanOrEqual(1e-9);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(i, 9));
  });

  it('stops at the iteration limit without claiming convergence', () => {
    const result = minimizeLbfgs(
      (x, g) => {
        g[0] = 4 * x[0] ** 3;
        return x[0] ** 4;
      },
      Float64Array.from([3]),
      { maxIterations: 2, gradientTolerance: 1e-14 },
    );
    expect(result.iterations).toBe(2);
    expect(result.converged).toBe(false);
  });
});
