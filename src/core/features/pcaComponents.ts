import type { PcaComponents } from '../analysis/analysisOptions';
import type { PcaResult } from './pca';

/** Up to this many features, 'auto' clusters on every feature, as scikit-learn users do. */
export const PCA_AUTO_FEATURES = 50;
/** Above it, 'auto' keeps the fewest components that carry this share of the variance ... */
export const PCA_AUTO_SHARE = 0.9;
/** ... but at least 2 and at most this many. */
export const PCA_AUTO_MAX = 50;

export interface ComponentChoice {
  /** Components clustered on. */
  count: number;
  /** Their share of the total variance, 0..1. */
  share: number;
}

/**
 * How many principal components a clustering measures distances on; null for every feature. With
 * hundreds of features, distances on all of them are slow and dominated by noise, so 'auto'
 * clusters on the leading components instead; a number asks for exactly that many (at most the
 * components found), and asking for as many as there are features is every feature.
 */
export function clusterComponents(pca: PcaResult, request: PcaComponents): ComponentChoice | null {
  if (request === 'all' || pca.count === 0) return null;
  let count: number;
  if (request === 'auto') {
    if (pca.d <= PCA_AUTO_FEATURES) return null;
    count = 0;
    while (count < pca.count && pca.cumulativeRatio[count] < PCA_AUTO_SHARE) count++;
    count = Math.min(Math.max(count + 1, 2), PCA_AUTO_MAX, pca.count);
  } else {
    if (request >= pca.d) return null;
    count = Math.max(1, Math.min(Math.floor(request), pca.count));
  }
  return { count, share: pca.cumulativeRatio[count - 1] };
}
