import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from '../../../src/core/classify/logisticRegression';
import { createRandom } from '../../../src/core/common/random';
import { isUserError } from '../../../src/core/common/userError';

// Ten rows, the third feature constant.
const X = Float64Array.from(
  [
    [1, 20, 3],
    [2, 18, 3],
    [3, 25, 3],
    [4, 30, 3],
    [5, 22, 3],
    [6, 35, 3],
    [7, 40, 3],
    [8, 28, 3],
    [9, 45, 3],
    [10, 50, 3],
  ].flat(),
);
const all = Int32Array.from({ length: 10 }, (_, i) => i);

/** Every relative difference at most `tolerance`. */
function expectClose(actual: ArrayLike<number>, expected: number[], tolerance: number) {
  expected.forEach((value, i) =>
    expect(Math.abs(actual[i] - value)).toBeLessThanOrEqual(
      tolerance * Math.max(1e-3, Math.abs(value)),
    ),
  );
}

describe('fitLogistic', () => {
  it("equals scikit-learn's StandardScaler + LogisticRegression on a binary target", () => {
    const y = Int32Array.from([0, 0, 0, 1, 0, 1, 1, 0, 1, 1]);
    const model = fitLogistic(X, 3, y, 2, all);
    // scikit-learn 1.2, solver newton-cg, tol 1e-14 (which stops within 1e-8 of the optimum).
    expectClose(model.coefficients, [0.3071235302489206, 1.3053052981183628, 0], 1e-7);
    expectClose(model.intercepts, [0.09122017182504996], 1e-7);
    expect(model.converged).toBe(true);
    // The constant feature is centred only (scale 1), so its coefficient is exactly 0.
    expect(model.scale[2]).toBe(1);
    expect(model.coefficients[2]).toBe(0);
    const predicted = predictLogistic(model, X, 10, 3);
    expectClose(
      [1, 3, 5].map((i) => predicted.probabilities[i]),
      [0.13993682517715092, 0.12333144928180413, 0.2746717131914941],
      1e-7,
    );
    for (let i = 0; i < 10; i++)
      expect(predicted.classes[i]).toBe(predicted.probabilities[i * 2 + 1] > 0.5 ? 1 : 0);
  });

  it('equals scikit-learn on a multinomial target, with C = 0.5', () => {
    const y = Int32Array.from([0, 0, 1, 1, 0, 2, 2, 1, 2, 2]);
    const model = fitLogistic(X, 3, y, 3, all, { C: 0.5 });
    expect(model.coefficientRows).toBe(3);
    expectClose(
      model.coefficients,
      [
        -0.4233360787001027, -0.6009183985067492, 0, 0.021572146532400707, -0.1427076303086155, 0,
        0.4017639321677021, 0.7436260288153647, 0,
      ],
      1e-6,
    );
    expectClose(
      model.intercepts,
      [-0.290333516290206, 0.14163636518333939, 0.14869715110686652],
      1e-6,
    );
    const predicted = predictLogistic(model, X, 10, 3);
    for (let i = 0; i < 10; i++) {
      const p = Array.from(predicted.probabilities.subarray(i * 3, i * 3 + 3));
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      expect(predicted.classes[i]).toBe(p.indexOf(Math.max(...p)));
    }
  });

  it('reaches the optimum: the gradient of the penalised log-loss vanishes', () => {
    const random = createRandom(4);
    const n = 500;
    const matrix = Float64Array.from({ length: n * 4 }, () => random.next() * 10);
    const y = Int32Array.from({ length: n }, (_, i) =>
      matrix[i * 4] + random.next() * 8 > 9 ? 1 : 0,
    );
    const rows = Int32Array.from({ length: 400 }, (_, i) => i);
    const model = fitLogistic(matrix, 4, y, 2, rows, { C: 2 });
    const gradient = new Float64Array(5);
    for (const row of rows) {
      let s = model.intercepts[0];
      const z = [0, 1, 2, 3].map((f) => (matrix[row * 4 + f] - model.mean[f]) / model.scale[f]);
      z.forEach((v, f) => (s += model.coefficients[f] * v));
      const residual = 1 / (1 + Math.exp(-s)) - y[row];
      z.forEach((v, f) => (gradient[f] += residual * v));
      gradient[4] += residual;
    }
    for (let f = 0; f < 4; f++) gradient[f] += model.coefficients[f] / 2;
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-9);
  });

  it('stays finite on separable rows (the penalty bounds the coefficients)', () => {
    const y = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const model = fitLogistic(X, 3, y, 2, all);
    expect(Array.from(model.coefficients).every(Number.isFinite)).toBe(true);
    expect(Array.from(predictLogistic(model, X, 10, 3).classes)).toEqual(Array.from(y));
  });

  it('refuses a target with one class, a class without training rows, and a bad C', () => {
    const cases: [() => unknown, string][] = [
      [() => fitLogistic(X, 3, new Int32Array(10), 1, all), 'single-class'],
      [() => fitLogistic(X, 3, new Int32Array(10), 2, all), 'rare-class'],
      [() => fitLogistic(X, 3, new Int32Array(10), 2, all, { C: 0 }), 'bad-option'],
    ];
    for (const [fit, code] of cases) {
      try {
        fit();
        expect.unreachable();
      } catch (error) {
        expect(isUserError(error)).toBe(true);
        expect((error as { code: string }).code).toBe(code);
      }
    }
  });
});
