import { PCA } from 'ml-pca';
import { describe, expect, it } from 'vitest';
import { fitPca, projectPca, projectRows } from '../../../src/core/features/pca';
import { createRandom } from '../../../src/core/common/random';
import { gaussian } from '../../../scripts/generators/customers';

// The classic 10-point example; scikit-learn gives these ratios and variances.
const example = Float64Array.from([
  2.5, 2.4, 0.5, 0.7, 2.2, 2.9, 1.9, 2.2, 3.1, 3.0, 2.3, 2.7, 2, 1.6, 1, 1.1, 1.5, 1.6, 1.1, 0.9,
]);

describe('fitPca', () => {
  it('matches scikit-learn on a known example', () => {
    const pca = fitPca(example, 10, 2);
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(0.963181314348646, 12);
    expect(pca.explainedVarianceRatio[1]).toBeCloseTo(0.03681868565135406, 12);
    expect(pca.explainedVariance[0]).toBeCloseTo(1.2840277121727839, 12);
    expect(Array.from(pca.cumulativeRatio)).toEqual([pca.explainedVarianceRatio[0], 1]);
    // |loadings| as scikit-learn; the sign follows our convention (largest loading positive).
    expect(pca.components[0]).toBeCloseTo(0.6778733985280119, 12);
    expect(pca.components[1]).toBeCloseTo(0.735178655544408, 12);
    expect(pca.components[2]).toBeCloseTo(0.735178655544408, 12);
    expect(pca.components[3]).toBeCloseTo(-0.6778733985280119, 12);
  });

  it('makes the largest-magnitude loading of every component positive', () => {
    const random = createRandom(3);
    const n = 200;
    const d = 5;
    const data = Float64Array.from({ length: n * d }, (_, i) => gaussian(random) * (1 + (i % d)));
    const pca = fitPca(data, n, d);
    for (let c = 0; c < d; c++) {
      const row = Array.from(pca.components.subarray(c * d, c * d + d));
      const largest = row.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
      expect(largest).toBeGreaterThan(0);
    }
  });

  it('agrees with ml-pca (SVD) on variances and projections up to sign', () => {
    const random = createRandom(11);
    const n = 300;
    const d = 4;
    const rows = Array.from({ length: n }, () => {
      const t = gaussian(random);
      return [
        t + 0.1 * gaussian(random),
        2 * t + gaussian(random),
        gaussian(random),
        -t + 0.5 * gaussian(random),
      ];
    });
    const ours = fitPca(Float64Array.from(rows.flat()), n, d);
    const theirs = new PCA(rows);
    const ratios = theirs.getExplainedVariance();
    ratios.forEach((ratio, c) => expect(ours.explainedVarianceRatio[c]).toBeCloseTo(ratio, 10));
    const projected = projectPca(Float64Array.from(rows.flat()), n, ours, 2);
    const reference = theirs.predict(rows, { nComponents: 2 });
    for (let c = 0; c < 2; c++) {
      const sign = Math.sign(projected[c]) === Math.sign(reference.get(0, c)) ? 1 : -1;
      for (let i = 0; i < n; i++)
        expect(projected[i * 2 + c]).toBeCloseTo(sign * reference.get(i, c), 9);
    }
  });

  it('handles a single feature and a single row', () => {
    expect(Array.from(fitPca(Float64Array.from([1, 2, 3]), 3, 1).explainedVarianceRatio)).toEqual([
      1,
    ]);
    const one = fitPca(Float64Array.from([1, 2]), 1, 2);
    expect(Array.from(one.explainedVariance)).toEqual([0, 0]);
  });
});

describe('fitPca on wide files', () => {
  // 120 rows x 300 features: a low-rank signal (5 directions) plus a little noise.
  const wide = (n: number, d: number, seed: number) => {
    const random = createRandom(seed);
    const basis = Float64Array.from({ length: 5 * d }, () => gaussian(random));
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const weights = [8, 5, 3, 2, 1].map((s) => s * gaussian(random));
      for (let j = 0; j < d; j++) {
        let v = 0.05 * gaussian(random);
        for (let c = 0; c < 5; c++) v += weights[c] * basis[c * d + j];
        data[i * d + j] = v;
      }
    }
    return data;
  };
  const n = 120;
  const d = 300;
  const data = wide(n, d, 5);

  it('chooses the route by shape', () => {
    expect(fitPca(data, n, d).method).toBe('gram');
    expect(fitPca(data, n, 20).method).toBe('covariance');
  });

  it('gives the same leading variances and components by all three routes', () => {
    const covariance = fitPca(data, n, d, undefined, 'covariance');
    const gram = fitPca(data, n, d, undefined, 'gram');
    const randomized = fitPca(data, n, d, undefined, 'randomized');
    expect(covariance.count).toBe(d);
    expect(gram.count).toBe(50);
    expect(randomized.count).toBe(50);
    for (const other of [gram, randomized])
      for (let c = 0; c < 5; c++) {
        expect(other.explainedVariance[c]).toBeCloseTo(covariance.explainedVariance[c], 6);
        expect(other.explainedVarianceRatio[c]).toBeCloseTo(
          covariance.explainedVarianceRatio[c],
          8,
        );
        for (let j = 0; j < d; j++)
          expect(other.components[c * d + j]).toBeCloseTo(covariance.components[c * d + j], 6);
      }
  });

  it('keeps orthonormal components whose projections carry their variances', () => {
    for (const method of ['gram', 'randomized'] as const) {
      const pca = fitPca(data, n, d, undefined, method);
      const count = Math.min(pca.count, 8);
      for (let a = 0; a < count; a++)
        for (let b = a; b < count; b++) {
          let dot = 0;
          for (let j = 0; j < d; j++) dot += pca.components[a * d + j] * pca.components[b * d + j];
          expect(dot, `${method} ${a}.${b}`).toBeCloseTo(a === b ? 1 : 0, 8);
        }
      const projected = projectPca(data, n, pca, count);
      for (let c = 0; c < 5; c++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += projected[i * count + c] ** 2;
        expect(sum / (n - 1)).toBeCloseTo(pca.explainedVariance[c], 6);
      }
      // Shares are of the total variance, so a partial set sums below 1.
      expect(pca.cumulativeRatio[pca.count - 1]).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});

describe('projectRows', () => {
  it('gives the chosen rows as projectPca gives them, in single precision', () => {
    const random = createRandom(4);
    const n = 400;
    const d = 5;
    const matrix = Float64Array.from({ length: n * d }, (_, i) => gaussian(random) * (1 + (i % d)));
    const pca = fitPca(matrix, n, d);
    const all = projectPca(matrix, n, pca, 3, new Float32Array(n * 3));
    const rows = Int32Array.from([0, 17, 201, 399]);
    const some = projectRows(matrix, rows, pca, 3);
    expect(some).toBeInstanceOf(Float32Array);
    expect(Array.from(some)).toEqual(
      rows.reduce<number[]>((out, r) => [...out, ...all.subarray(r * 3, r * 3 + 3)], []),
    );
    // No more components than the fit has.
    expect(projectRows(matrix, rows, pca, 99).length).toBe(rows.length * pca.count);
  });
});
