import type { AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor } from '../analysis/analysisResult';
import type { Message } from '../common/message';
import { UserError } from '../common/userError';
import type { RfmSettings } from '../rfm/rfm';
import { segmentMapProblem, type NamedSegmentMap, type SegmentScheme } from '../rfm/rfmSegments';
import { valueByGroup } from '../value/valueBySegment';
import type { AnalysisSession } from './session';
import type { SegmentationHooks } from './tableAnalysis';
import { valueStage, type ValueRequest } from './valueStages';

/** How to group customers for value: named RFM segments, or clusters of a k-means on RFM. */
export type ValueGrouping =
  | { kind: 'rfm'; map: NamedSegmentMap }
  | { kind: 'cluster'; clustering: AnalysisOptions; k: number };

export interface ValueGroupRow {
  /** The segment's index in the map, or the cluster's number. */
  group: number;
  /** The segment's name (RFM segments) or the cluster's label (clusters). */
  name: string | null;
  label: Message | null;
  customers: number;
  /** Means over the group's customers; null for an empty group (and CLV without a spend model). */
  meanPAlive: number | null;
  meanExpectedPurchases: number | null;
  meanClv: number | null;
  totalClv: number | null;
  /** The group's share of all customers' CLV; null without a spend model. */
  shareOfValue: number | null;
}

export interface ValueByGroupView {
  kind: 'rfm' | 'cluster';
  /** The segment scheme (RFM segments) or the number of clusters. */
  scheme: SegmentScheme | null;
  k: number | null;
  groups: ValueGroupRow[];
  spendProblem: Message | null;
}

/**
 * Per named RFM segment or per cluster: customers, mean P(alive), purchases, CLV, share. The
 * hooks see the clustering on RFM when it is not yet computed.
 */
export async function valueByGroupView(
  session: AnalysisSession,
  request: ValueRequest,
  grouping: ValueGrouping,
  hooks: SegmentationHooks = {},
): Promise<ValueByGroupView> {
  const stage = valueStage(session, request);
  const { fits, scores } = stage;
  const groups = await groupsOf(session, request, grouping, hooks);
  // Group of each history row.
  const groupOfRow = new Int32Array(fits.histories.customer.length);
  fits.histories.customer.forEach((customer, row) => (groupOfRow[row] = groups.of[customer]));
  const clv = scores.clv;
  const rows = valueByGroup(groupOfRow, groups.names.length, {
    pAlive: scores.pAlive,
    expectedPurchases: scores.expectedPurchases,
    clv: clv ?? new Float64Array(scores.pAlive.length),
  });
  return {
    kind: grouping.kind,
    scheme: grouping.kind === 'rfm' ? grouping.map.scheme : null,
    k: grouping.kind === 'cluster' ? grouping.k : null,
    groups: rows.map((row, group) => ({
      group,
      name: groups.names[group].name,
      label: groups.names[group].label,
      customers: row.customers,
      meanPAlive: row.meanPAlive,
      meanExpectedPurchases: row.meanExpectedPurchases,
      meanClv: clv === null ? null : row.meanClv,
      totalClv: clv === null ? null : row.totalClv,
      shareOfValue: clv === null ? null : row.shareOfValue,
    })),
    spendProblem: fits.spendProblem,
  };
}

/** Each RFM customer's group, and each group's name or label. */
export async function groupsOf(
  session: AnalysisSession,
  request: ValueRequest,
  grouping: ValueGrouping,
  hooks: SegmentationHooks = {},
): Promise<{ of: Int32Array; names: { name: string | null; label: Message | null }[] }> {
  if (grouping.kind === 'rfm') {
    return {
      of: rfmSegmentOf(session, request.rfm, grouping.map),
      names: grouping.map.names.map((name) => ({ name, label: null })),
    };
  }
  const { clustering, k } = grouping;
  const of = await session.customerClusters(request.rfm, clustering, k, hooks);
  const analysis = await session.segmentation({ options: clustering, rfm: request.rfm });
  const segments = resultFor(analysis, k)!.profiles.segments;
  const names = Array.from({ length: k }, (_, id) => ({
    name: null,
    label: segments.find((s) => s.id === id)?.label ?? null,
  }));
  return { of, names };
}

/** Each RFM customer's named segment under a map the user may have edited (checked first). */
export function rfmSegmentOf(
  session: AnalysisSession,
  settings: RfmSettings,
  map: NamedSegmentMap,
): Int32Array {
  const problem = segmentMapProblem(map);
  if (problem !== null) throw new UserError('bad-option', problem.key, problem.params);
  return Int32Array.from(session.rfm(settings).cells[map.scheme], (cell) => map.cells[cell]);
}
