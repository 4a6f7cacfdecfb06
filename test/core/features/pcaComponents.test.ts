import { describe, expect, it } from 'vitest';
import type { PcaResult } from '../../../src/core/features/pca';
import {
  clusterComponents,
  PCA_AUTO_FEATURES,
  PCA_AUTO_MAX,
} from '../../../src/core/features/pcaComponents';

/** A PCA of d features whose components carry the given shares of the variance. */
function pcaWith(d: number, shares: number[]): PcaResult {
  const cumulative: number[] = [];
  shares.reduce((sum, share) => (cumulative.push(sum + share), sum + share), 0);
  return {
    explainedVariance: Float64Array.from(shares),
    explainedVarianceRatio: Float64Array.from(shares),
    cumulativeRatio: Float64Array.from(cumulative),
    components: new Float64Array(shares.length * d),
    mean: new Float64Array(d),
    d,
    count: shares.length,
    method: 'covariance',
  };
}

describe('clusterComponents', () => {
  it('clusters on every feature when asked, and by default up to 50 features', () => {
    expect(clusterComponents(pcaWith(4, [0.4, 0.3, 0.2, 0.1]), 'all')).toBeNull();
    const fifty = pcaWith(PCA_AUTO_FEATURES, new Array(PCA_AUTO_FEATURES).fill(0.02));
    expect(clusterComponents(fifty, 'auto')).toBeNull();
  });

  it('keeps, above 50 features, the fewest components that reach 90% of the variance', () => {
    const shares = [0.5, 0.3, 0.1, ...new Array(57).fill(0.1 / 57)];
    expect(clusterComponents(pcaWith(60, shares), 'auto')).toEqual({
      count: 3,
      share: 0.5 + 0.3 + 0.1,
    });
    // At least two, however much the first carries.
    expect(
      clusterComponents(pcaWith(60, [0.95, ...new Array(59).fill(0.05 / 59)]), 'auto'),
    ).toMatchObject({ count: 2 });
    // At most 50, when the variance is spread thin (the shares kept are of all 2,000 features).
    const thin = pcaWith(2000, new Array(50).fill(0.01));
    const chosen = clusterComponents(thin, 'auto');
    expect(chosen?.count).toBe(PCA_AUTO_MAX);
    expect(chosen?.share).toBeCloseTo(0.5, 12);
  });

  it('takes a number as the count, at most the components found, every feature at d', () => {
    const pca = pcaWith(80, new Array(50).fill(0.01));
    expect(clusterComponents(pca, 5)).toMatchObject({ count: 5 });
    expect(clusterComponents(pca, 70)).toMatchObject({ count: 50 });
    expect(clusterComponents(pca, 80)).toBeNull();
    expect(clusterComponents(pca, 0)).toMatchObject({ count: 1 });
  });
});
