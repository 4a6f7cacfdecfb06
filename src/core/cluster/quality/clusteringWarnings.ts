import { message, type Message } from '../../common/message';
import type { ElbowPoint, Recommendation } from './chooseK';

/** Below this silhouette at every k, no number of segments separates the rows well. */
export const WEAK_SILHOUETTE = 0.25;
/** More DBSCAN segments than this are too many to describe or act on. */
export const DBSCAN_MANY_SEGMENTS = 20;
/** A DBSCAN result with more than this share of rows as noise leaves most rows unsegmented. */
export const DBSCAN_MOST_NOISE = 0.5;

/**
 * Honest warnings about a recommended k from an elbow (k-means, or a tree cut into k): the
 * recommendation sits at the top of the range searched (a larger k might be better still), or
 * every silhouette is weak (the segments overlap, whatever k). `rangeShrank` is true when the
 * range was cut short by too few rows, where a larger range is not possible.
 */
export function elbowWarnings(
  elbow: readonly ElbowPoint[],
  recommendation: Recommendation,
  kMax: number,
  rangeShrank: boolean,
): Message[] {
  const warnings: Message[] = [];
  if (!rangeShrank && kMax >= 3 && recommendation.k === kMax)
    warnings.push(message('warnKAtTopOfRange', { k: kMax }));
  const silhouettes = elbow
    .map((point) => point.silhouette)
    .filter((value): value is number => value !== null);
  if (silhouettes.length > 0) {
    const best = Math.max(...silhouettes);
    if (best < WEAK_SILHOUETTE)
      warnings.push(message('warnWeakStructure', { best: best.toFixed(2), weak: WEAK_SILHOUETTE }));
  }
  return warnings;
}

export interface DensityOutcome {
  eps: number;
  /** True when eps is the k-distance plot's suggestion (the user typed none). */
  suggested: boolean;
  minPts: number;
  clusters: number;
  noise: number;
  rows: number;
  /** On the silhouette sample; null when it could not be measured. */
  silhouette: number | null;
}

/**
 * What is poor about a DBSCAN result, each with what to change: too many segments (eps too
 * small for these data), segments that overlap more than they separate (silhouette below 0),
 * most rows noise. When eps was the suggestion, each sentence says the suggestion is poor.
 */
export function densityWarnings(outcome: DensityOutcome): Message[] {
  const { eps, minPts, clusters, noise, rows, silhouette } = outcome;
  const suggested = outcome.suggested ? 'yes' : 'no';
  const warnings: Message[] = [];
  if (clusters > DBSCAN_MANY_SEGMENTS)
    warnings.push(
      message('warnDbscanManySegments', { suggested, eps, clusters, most: DBSCAN_MANY_SEGMENTS }),
    );
  if (silhouette !== null && silhouette < 0)
    warnings.push(
      message('warnDbscanOverlap', { suggested, eps, silhouette: silhouette.toFixed(2) }),
    );
  if (rows > 0 && noise / rows > DBSCAN_MOST_NOISE)
    warnings.push(
      message('warnDbscanMostlyNoise', { suggested, eps, minPts, share: noise / rows }),
    );
  return warnings;
}
