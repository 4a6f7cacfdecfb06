import type { AnalysisOptions } from '../../analysis/analysisOptions';
import type { KResult } from '../../analysis/analysisResult';
import type { PipelineProgress } from '../../common/progress';
import { UserError } from '../../common/userError';
import { outcomeFromLabels, type ClusterData } from '../clusterJob';
import { elbowPointOf, resultOf, silhouetteOf, type Clustering } from '../clustering';
import { recommendK, type ElbowPoint } from '../quality/chooseK';
import type { SilhouetteSample } from '../quality/silhouette';
import {
  clustersAtHeight,
  cutHeightFor,
  dendrogram,
  hierarchyLabels,
  HIERARCHY_MOST_ROWS,
  type HierarchyFit,
} from './hierarchicalClustering';
import { message, type Message } from '../../common/message';

/** A height cut may give more segments than the elbow tries, up to this many. */
export const MAX_HEIGHT_CUT_SEGMENTS = 50;

export interface HierarchySegmentationInput {
  data: ClusterData;
  /** The merge tree for these data and settings (built once by the caller). */
  fit: HierarchyFit;
  kMax: number;
  cutHeight: AnalysisOptions['cutHeight'];
  silhouette: () => SilhouetteSample | null;
  onElbowPoint?: (point: ElbowPoint) => void;
  onProgress?: PipelineProgress;
}

/** Agglomerative clustering: one tree, cut for every k of the elbow (and at a height if asked). */
export function hierarchySegmentation(input: HierarchySegmentationInput): Clustering {
  const { data, fit, kMax, cutHeight, onElbowPoint, onProgress } = input;
  const { matrix, n, d } = data;
  const sample = input.silhouette();
  const ks = Array.from({ length: kMax }, (_, i) => i + 1);
  const heightK = cutHeight === null ? null : clustersAtHeight(fit.tree, cutHeight);
  if (heightK !== null && heightK > kMax) {
    if (heightK > MAX_HEIGHT_CUT_SEGMENTS)
      throw new UserError('bad-option', 'cutTooLow', {
        height: cutHeight!,
        count: heightK,
        least: roundUp(cutHeightFor(fit.tree, MAX_HEIGHT_CUT_SEGMENTS) ?? 0),
        most: MAX_HEIGHT_CUT_SEGMENTS,
      });
    ks.push(heightK);
  }
  const elbow: ElbowPoint[] = [];
  const results: KResult[] = [];
  ks.forEach((k, i) => {
    const outcome = outcomeFromLabels(data, hierarchyLabels(fit, matrix, n, d, k), k);
    const point = elbowPointOf(outcome, silhouetteOf(sample, outcome.labels, k, n));
    if (k <= kMax) {
      elbow.push(point);
      onElbowPoint?.(point);
    }
    results.push(resultOf(outcome));
    onProgress?.('cluster', 0.8 + (0.2 * (i + 1)) / ks.length);
  });
  const notes: Message[] = [];
  if (fit.sampled)
    notes.push(
      message('hierarchySampled', {
        rows: fit.rows.length,
        total: n,
        most: fit.maxRows,
        ceiling: HIERARCHY_MOST_ROWS,
      }),
    );
  if (fit.linkage === 'ward' && fit.requestedMetric !== 'euclidean') notes.push(WARD_NOTE);
  const recommendation = recommendK(elbow);
  return {
    elbow,
    results,
    recommendation:
      heightK === null
        ? recommendation
        : {
            ...recommendation,
            reason: message('reasonHeightCut', {
              reason: recommendation.reason,
              height: cutHeight!,
              count: heightK,
            }),
          },
    k: heightK,
    density: null,
    pointKinds: null,
    hierarchy: {
      linkage: fit.linkage,
      treeRows: fit.rows.length,
      maxRows: fit.maxRows,
      dendrogram: dendrogram(fit.tree),
      cutHeights: Array.from({ length: kMax }, (_, i) => cutHeightFor(fit.tree, i + 1)),
      cutHeight,
    },
    notes,
  };
}

export const WARD_NOTE = message('wardNote');

function roundUp(value: number): number {
  const rounded = Number(value.toPrecision(2));
  return rounded < value
    ? Number((rounded + 10 ** (Math.floor(Math.log10(value)) - 1)).toPrecision(2))
    : rounded;
}
