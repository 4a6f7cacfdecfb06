import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { exportFileName } from '../export/exportCsv';
import { boughtItems, mostRecommended } from '../recommend/recommendations';
import { recommendationsCsvParts } from '../recommend/recommendationsCsv';
import { recommendOptions, type RecommendMethod } from '../recommend/recommendOptions';
import type { OrderLines } from '../rfm/orderLines';
import type { NamedSegmentMap, SegmentName } from '../rfm/rfmSegments';
import { customerGroups, segmentGroups, type RecommendGrouping } from './recommendGroups';
import {
  cachedRecommendations,
  checkedMethod,
  requestLines,
  type RecommendRequest,
} from './recommendSession';
import type { ExportParts, Render } from './sessionExports';
import type { AnalysisSession } from './session';

/**
 * What the page and the command line read from every customer's list on the full history (no
 * hold-out): one customer's look-up, the items most recommended per group, the download. The
 * lists are computed once per method (see cachedRecommendations) and shared by all three.
 */

export interface LookupItem {
  item: string;
  description: string;
}

export interface RecommendedItem extends LookupItem {
  rank: number;
  score: number;
  /** The purchase that contributed most ("because they bought ..."); null for best sellers. */
  because: LookupItem | null;
}

export type CustomerRecommendations =
  | { found: false; id: string; sentence: Message }
  | {
      found: true;
      /** The id as the order lines write it, and the customer's index among them. */
      id: string;
      customer: number;
      method: RecommendMethod;
      n: number;
      /** Distinct items bought over the whole history; `bought` lists the first, in id order. */
      boughtCount: number;
      bought: LookupItem[];
      /** Best first; fewer than n when the customer has fewer candidates. */
      recommendations: RecommendedItem[];
      /** The customer's segment under the map given (an index into its names), or null. */
      segment: number | null;
      segmentName: string | null;
    };

/** Purchases listed in a look-up: enough for any reader, bounded for the worker's message. */
export const BOUGHT_SHOWN = 200;

/** Items listed per group among the most recommended. */
export const MOST_RECOMMENDED = 10;

/** A typed id as the order lines write it: trimmed, `17850.0` read as `17850`. */
function canonicalId(typed: string): string {
  return typed.trim().replace(/^([-+]?\d+)\.0+$/, '$1');
}

const customerIndexes = new WeakMap<OrderLines, Map<string, number>>();

function customerIndex(lines: OrderLines): Map<string, number> {
  let index = customerIndexes.get(lines);
  if (index === undefined) {
    index = new Map(lines.customers.map((id, c) => [id, c]));
    customerIndexes.set(lines, index);
  }
  return index;
}

/**
 * One customer's look-up: what they bought, their top N with the purchase each comes from, and
 * their segment under `map` (none without a map). An unknown id is an answer, not an error: a
 * sentence that says so.
 */
export function customerRecommendations(
  session: AnalysisSession,
  request: RecommendRequest,
  method: RecommendMethod,
  customerId: string,
  map: NamedSegmentMap | null,
  onProgress?: StageProgress,
): CustomerRecommendations {
  checkedMethod(method);
  recommendOptions(request.options);
  const lines = requestLines(session, request);
  const id = canonicalId(customerId);
  const customer = customerIndex(lines).get(id);
  if (customer === undefined) {
    onProgress?.(1);
    return {
      found: false,
      id: customerId.trim().slice(0, 100),
      sentence: message('recommendUnknownCustomer', {
        id: customerId.trim().slice(0, 40),
        customers: lines.customers.length,
      }),
    };
  }
  const recommendations = cachedRecommendations(session, request, method, onProgress);
  const describe = (item: number): LookupItem => ({
    item: lines.items[item],
    description: lines.descriptions[item] ?? '',
  });
  const bought = boughtItems(recommendations, customer);
  const { n } = recommendations;
  const list: RecommendedItem[] = [];
  for (let rank = 0; rank < recommendations.counts[customer]; rank++) {
    const at = customer * n + rank;
    const because = recommendations.because[at];
    list.push({
      rank: rank + 1,
      ...describe(recommendations.items[at]),
      score: recommendations.scores[at],
      because: because < 0 ? null : describe(because),
    });
  }
  let segment: number | null = null;
  if (map !== null)
    segment = segmentGroups(session.linesAndRfm(request.rfm).rfm, map).groupOf[customer];
  return {
    found: true,
    id,
    customer,
    method,
    n,
    boughtCount: bought.length,
    bought: Array.from(bought.subarray(0, BOUGHT_SHOWN), describe),
    recommendations: list,
    segment,
    segmentName: segment === null ? null : map!.names[segment],
  };
}

export interface GroupTopItems {
  group: number;
  name: SegmentName;
  customers: number;
  /** Most recommended first (ties by item id): how many of the group's customers get each. */
  items: (LookupItem & { customers: number })[];
}

/** Per segment or cluster, the items most often in its customers' lists (top 10 with counts). */
export async function mostRecommendedByGroup(
  session: AnalysisSession,
  request: RecommendRequest,
  method: RecommendMethod,
  grouping: RecommendGrouping,
  onProgress?: StageProgress,
): Promise<{ method: RecommendMethod; n: number; groups: GroupTopItems[] }> {
  const recommendations = cachedRecommendations(session, request, method, onProgress);
  const lines = requestLines(session, request);
  const { groupOf, names, sizes } = await customerGroups(session, request.rfm, grouping);
  return {
    method,
    n: recommendations.n,
    groups: names.map((name, group) => ({
      group,
      name,
      customers: sizes[group],
      items: mostRecommended(recommendations, lines.items, groupOf, group, MOST_RECOMMENDED).map(
        (entry) => ({
          item: lines.items[entry.item],
          description: lines.descriptions[entry.item] ?? '',
          customers: entry.customers,
        }),
      ),
    })),
  };
}

/**
 * Which customers a download holds and what its segment column says: each customer's named RFM
 * segment or cluster (only one group's customers when `group` is given), or, without a
 * grouping, everyone with an empty segment column.
 */
export type RecommendExportScope =
  { grouping: null } | { grouping: RecommendGrouping; group?: number };

/**
 * The recommendations CSV (customer, segment, rank, item, description, score, because) of one
 * method on the full history, with its file name in the user's language.
 */
export async function recommendationsExport(
  session: AnalysisSession,
  request: RecommendRequest,
  method: RecommendMethod,
  scope: RecommendExportScope,
  render: Render,
  onProgress?: StageProgress,
): Promise<ExportParts> {
  const recommendations = cachedRecommendations(session, request, method, onProgress);
  const lines = requestLines(session, request);
  const groups =
    scope.grouping === null ? null : await customerGroups(session, request.rfm, scope.grouping);
  const group = scope.grouping === null ? undefined : scope.group;
  const names = groups === null ? [] : groups.names;
  if (group !== undefined && !(Number.isInteger(group) && group >= 0 && group < names.length))
    throw new UserError('bad-option', 'recommendNoSuchGroup', {
      group: String(group).slice(0, 20),
      last: names.length - 1,
    });
  const segmentNames = names.map((name) => (typeof name === 'string' ? name : render(name)));
  const parts = recommendationsCsvParts({
    recommendations,
    lines,
    segmentOf: groups === null ? null : groups.groupOf,
    segmentNames,
    segment: group,
  });
  let suffix: Message;
  if (group === undefined || scope.grouping === null)
    suffix = message('recommendExportAll', { method });
  else if (scope.grouping.kind === 'rfm')
    suffix = message('recommendExportSegment', { method, segment: segmentNames[group] });
  else suffix = message('recommendExportCluster', { method, cluster: group, k: scope.grouping.k });
  return { parts, fileName: exportFileName(session.fileName, render(suffix)) };
}
