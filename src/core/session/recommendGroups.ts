import type { AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor } from '../analysis/analysisResult';
import { UserError } from '../common/userError';
import type { RfmResult, RfmSettings } from '../rfm/rfm';
import { customerClusters } from '../rfm/rfmClustering';
import { segmentMapProblem, type NamedSegmentMap, type SegmentName } from '../rfm/rfmSegments';
import type { AnalysisSession } from './session';

/**
 * How recommendations are broken down: by the named RFM segments of a map (as the page shows
 * them, names as texts), or by the clusters of a clustering of the RFM figures into k.
 */
export type RecommendGrouping =
  | { kind: 'rfm'; map: NamedSegmentMap }
  | { kind: 'cluster'; clustering: AnalysisOptions; k: number };

/** Each customer's group (in the order of the RFM customers) and each group's name. */
export interface CustomerGroups {
  /** Per customer, its group: an index into `names`, or -1 (DBSCAN's noise: no cluster). */
  groupOf: Int32Array;
  /** A segment's name as the map gives it, or a cluster's label (a message). */
  names: SegmentName[];
  /** Customers per group. */
  sizes: Int32Array;
}

/** The groups of a grouping, from the session's RFM (and clustering, computed once there). */
export async function customerGroups(
  session: AnalysisSession,
  settings: RfmSettings,
  grouping: RecommendGrouping,
): Promise<CustomerGroups> {
  const { rfm } = session.linesAndRfm(settings);
  if (grouping.kind === 'rfm') return segmentGroups(rfm, grouping.map);
  const { clustering, k } = grouping;
  const analysis = await session.segmentation({ options: clustering, rfm: settings });
  const result = resultFor(analysis, k);
  if (result === null) throw new UserError('bad-option', 'exportNoSegmentation', { k });
  const groupOf = customerClusters(analysis, k, rfm.customers.length);
  const clusters = result.profiles.segments.filter((segment) => segment.id >= 0);
  const names: SegmentName[] = [];
  for (const segment of clusters) names[segment.id] = segment.label;
  // Cluster ids run from 0 without gaps; a label is never missing, but never leave a hole.
  for (let id = 0; id < names.length; id++) names[id] ??= String(id);
  return { groupOf, names, sizes: groupSizes(groupOf, names.length) };
}

/** Each customer's named segment under a map (checked: a map the user broke is theirs to fix). */
export function segmentGroups(rfm: Pick<RfmResult, 'cells'>, map: NamedSegmentMap): CustomerGroups {
  const problem = segmentMapProblem(map);
  if (problem !== null) throw new UserError('bad-option', problem.key, problem.params);
  const cells = rfm.cells[map.scheme];
  const groupOf = Int32Array.from(cells, (cell) => map.cells[cell]);
  return { groupOf, names: map.names.slice(), sizes: groupSizes(groupOf, map.names.length) };
}

function groupSizes(groupOf: Int32Array, count: number): Int32Array {
  const sizes = new Int32Array(count);
  for (let c = 0; c < groupOf.length; c++) if (groupOf[c] >= 0) sizes[groupOf[c]]++;
  return sizes;
}
