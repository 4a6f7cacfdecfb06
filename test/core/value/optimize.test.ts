import { describe, expect, it } from 'vitest';
import { minimizeBfgs, minimizeFromStarts, type Objective } from '../../../src/core/value/optimize';

const rosenbrock: Objective = (x, gradient) => {
  const [a, b] = x;
  gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  gradient[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeBfgs', () => {
  it('finds the minimum of the Rosenbrock valley from the classic start', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.status).toBe('converged');
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(1, 7);
    expect(result.value).toBeLessThan(1e-14);
    expect(result.iterations).toBeLessThan(100);
  });

  it('solves a badly scaled quadratic in four dimensions', () => {
    const weights = [1, 100, 0.01, 10];
    const centre = [3, -2, 50, 0.5];
    const quadratic: Objective = (x, gradient) => {
      let value = 0;
      for (let i = 0; i < 4; i++) {
        value += weights[i] * (x[i] - centre[i]) ** 2;
        gradient[i] = 2 * weights[i] * (x[i] - centre[i]);
      }
      return value;
    };
    const result = minimizeBfgs(quadratic, [0, 0, 0, 0]);
    expect(result.status).toBe('converged');
    centre.forEach((c, i) => expect(result.x[i]).toBeCloseTo(c, 6));
  });

  it('steps back from where the function is not finite', () => {
    // x - log x has its minimum at 1 and is undefined at x <= 0.
    const barrier: Objective = (x, gradient) => {
      gradient[0] = 1 - 1 / x[0];
      return x[0] > 0 ? x[0] - Math.log(x[0]) : NaN;
    };
    const result = minimizeBfgs(barrier, [30]);
    expect(result.status).toBe('converged');
    expect(result.x[0]).toBeCloseTo(1, 8);
  });

  it('reports running out of iterations and a start where the function is not finite', () => {
    expect(
      minimizeBfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-9, maxIterations: 3 }).status,
    ).toBe('max-iterations');
    const nowhere: Objective = () => Infinity;
    expect(minimizeBfgs(nowhere, [0]).status).toBe('not-finite');
  });
});

describe('minimizeFromStarts', () => {
  it('keeps the lower of two minima and reports each start once', () => {
    // (x^2 - 1)^2 + 0.3 x: minima near -1 (lower) and +1.
    const doubleWell: Objective = (x, gradient) => {
      gradient[0] = 4 * x[0] * (x[0] * x[0] - 1) + 0.3;
      return (x[0] * x[0] - 1) ** 2 + 0.3 * x[0];
    };
    const fractions: number[] = [];
    const { best, runs } = minimizeFromStarts(doubleWell, [[2], [-2]], undefined, (f) =>
      fractions.push(f),
    );
    expect(runs).toHaveLength(2);
    expect(runs[0].x[0]).toBeGreaterThan(0);
    expect(best.x[0]).toBeLessThan(-0.9);
    expect(fractions).toEqual([0.5, 1]);
  });
});
