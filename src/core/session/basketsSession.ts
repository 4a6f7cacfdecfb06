import type { AnalysisOptions } from '../analysis/analysisOptions';
import {
  DEFAULT_MAX_ITEMSETS,
  DEFAULT_MAX_LEN,
  DEFAULT_MIN_CONFIDENCE,
} from '../basket/rulesDefaults';
import { rulesChart, type RulesChart } from '../basket/rulesChart';
import { itemsetsCsvParts, rulesCsvParts } from '../basket/rulesCsv';
import type { RuleRow, RulesPage, RulesQuery, RulesView } from '../basket/rulesTable';
import { topItems } from '../basket/topItems';
import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { isUserError } from '../common/userError';
import { exportFileName } from '../export/exportCsv';
import type { LineReport } from '../rfm/orderLines';
import type { RfmSettings } from '../rfm/rfm';
import type { NamedSegmentMap } from '../rfm/rfmSegments';
import {
  basketsStages,
  progressSpans,
  type RuleSet,
  type RulesRequest,
  type ScopeBaskets,
} from './basketsStages';
import { scopeName, type RulesScope } from './rulesScope';
import type { AnalysisSession } from './session';
import type { ExportParts, Render } from './sessionExports';

export type { RulesRequest, RuleSet } from './basketsStages';
export type { RulesScope } from './rulesScope';

/** How many items and rules the summary and the segment overview list. */
export const SUMMARY_ITEMS = 20;
export const SUMMARY_RULES = 10;
export const OVERVIEW_ITEMS = 5;
export const OVERVIEW_RULES = 5;

/** A request at the page's and the command line's default parameters. */
export function defaultRulesRequest(rfm: RfmSettings, scope: RulesScope): RulesRequest {
  return {
    rfm,
    scope,
    minSupport: null,
    minConfidence: DEFAULT_MIN_CONFIDENCE,
    maxLen: DEFAULT_MAX_LEN,
    maxItemsets: DEFAULT_MAX_ITEMSETS,
  };
}

/** An item among the most frequent: its id, description, and the baskets that hold it. */
export interface TopItem {
  id: string;
  description: string;
  baskets: number;
  /** Its baskets over the scope's baskets. */
  support: number;
}

/** The parameters a run used. */
export interface RulesParameters {
  minSupport: number;
  /** True when the minimum support is the default for the scope's basket count. */
  defaultSupport: boolean;
  /** The fewest baskets that make an item frequent at that support. */
  minBaskets: number;
  minConfidence: number;
  maxLen: number;
  maxItemsets: number;
  /** The default support stated in a sentence; null when the request chose the support. */
  note: Message | null;
}

export interface RulesSummary {
  scope: { kind: RulesScope['kind']; name: string | Message; customers: number };
  /** The file's order lines: read, used (as RFM uses them), and left out by reason. */
  rows: LineReport;
  baskets: number;
  /** Items in at least one of the scope's baskets. */
  items: number;
  /** The scope's lines that name an item (they make its baskets), and those that do not. */
  linesUsed: number;
  linesWithoutItem: number;
  parameters: RulesParameters;
  itemsets: number;
  /** Frequent itemsets of 1, 2, ... items. */
  itemsetsByLength: number[];
  rules: number;
  redundantRules: number;
  /** The items in the most of the scope's baskets, most first. */
  topItems: TopItem[];
  /** The rules of the highest lift, highest first (the chart's labelled points). */
  topRules: RuleRow[];
  chart: RulesChart;
}

/**
 * The rules of a request, computed once per session and what decides them, for callers in the
 * same thread (the command line, benchmarks): the worker sends summaries and pages instead.
 */
export function ruleSetOf(
  session: AnalysisSession,
  request: RulesRequest,
  onProgress?: StageProgress,
): Promise<RuleSet> {
  return basketsStages(session).ruleSet(request, progressSpans(onProgress));
}

/** What the page shows first: the baskets, the parameters, the counts, the top items and rules, the chart. */
export async function rulesSummary(
  session: AnalysisSession,
  request: RulesRequest,
  onProgress?: StageProgress,
): Promise<RulesSummary> {
  const set = await ruleSetOf(session, request, onProgress);
  const { scope, itemsets, rules, table, lines } = set;
  const { baskets } = scope;
  const byLength: number[] = [];
  for (let i = 0; i < itemsets.count; i++) {
    const length = itemsets.offsets[i + 1] - itemsets.offsets[i];
    while (byLength.length < length) byLength.push(0);
    byLength[length - 1]++;
  }
  let redundantRules = 0;
  for (let r = 0; r < rules.count; r++) redundantRules += table.redundant[r];
  const byLift = table.order('lift', true);
  const defaultSupport = request.minSupport === null;
  return {
    scope: { kind: request.scope.kind, name: scopeName(request.scope), customers: scope.customers },
    rows: lines.report,
    baskets: baskets.basketCount,
    items: scope.items,
    linesUsed: baskets.linesUsed,
    linesWithoutItem: baskets.linesWithoutItem,
    parameters: {
      minSupport: set.minSupport,
      defaultSupport,
      minBaskets: itemsets.minCount,
      minConfidence: request.minConfidence,
      maxLen: request.maxLen,
      maxItemsets: request.maxItemsets,
      note: defaultSupport
        ? message('basketsDefaultSupport', {
            support: set.minSupport,
            baskets: baskets.basketCount,
          })
        : null,
    },
    itemsets: itemsets.count,
    itemsetsByLength: byLength,
    rules: rules.count,
    redundantRules,
    topItems: topItemsOf(scope, lines, SUMMARY_ITEMS),
    topRules: Array.from(byLift.subarray(0, SUMMARY_RULES), (r) => table.row(r)),
    chart: rulesChart(rules, byLift),
  };
}

/** One page of the rules table, sorted and filtered where the rules are. */
export async function rulesPage(
  session: AnalysisSession,
  request: RulesRequest,
  query: RulesQuery,
): Promise<RulesPage> {
  return (await ruleSetOf(session, request)).table.page(query);
}

/** Named RFM segments under a segment map, or the clusters of a clustering of the customers. */
export type SegmentGrouping =
  | { kind: 'rfm'; map: NamedSegmentMap }
  | { kind: 'cluster'; clustering: AnalysisOptions; k: number };

/** One segment's baskets, top items and top rules at its default parameters. */
export interface SegmentRules {
  /** The segment (an index into the map's names) or the cluster. */
  segment: number;
  name: string | Message;
  customers: number;
  baskets: number;
  /** The default support for the segment's baskets; null without baskets. */
  minSupport: number | null;
  itemsets: number;
  rules: number;
  topItems: TopItem[];
  topRules: RuleRow[];
  /** Why the segment has no rules to show (no basket, too many itemsets); null otherwise. */
  problem: Message | null;
}

export interface SegmentsOverview {
  kind: SegmentGrouping['kind'];
  minConfidence: number;
  maxLen: number;
  segments: SegmentRules[];
}

/**
 * Per named segment (or cluster), side by side: its baskets, its top items, and its top rules by
 * lift at the default parameters for its own basket count. Each segment's rules are cached as a
 * request of its own, so opening one segment afterwards computes nothing again.
 */
export async function segmentsOverview(
  session: AnalysisSession,
  rfm: RfmSettings,
  grouping: SegmentGrouping,
  onProgress?: StageProgress,
): Promise<SegmentsOverview> {
  const stages = basketsStages(session);
  const lines = stages.lines(rfm);
  const count = grouping.kind === 'rfm' ? grouping.map.names.length : grouping.k;
  const segments: SegmentRules[] = [];
  for (let segment = 0; segment < count; segment++) {
    onProgress?.(segment / count);
    const scope: RulesScope =
      grouping.kind === 'rfm'
        ? { kind: 'rfm', map: grouping.map, segment }
        : { kind: 'cluster', clustering: grouping.clustering, k: grouping.k, cluster: segment };
    const scopeBaskets = await stages.scopeBaskets(rfm, scope, lines);
    const row: SegmentRules = {
      segment,
      name: scopeName(scope),
      customers: scopeBaskets.customers,
      baskets: scopeBaskets.baskets.basketCount,
      minSupport: null,
      itemsets: 0,
      rules: 0,
      topItems: topItemsOf(scopeBaskets, lines, OVERVIEW_ITEMS),
      topRules: [],
      problem: null,
    };
    try {
      const set = await stages.ruleSet(defaultRulesRequest(rfm, scope));
      const byLift = set.table.order('lift', true);
      row.minSupport = set.minSupport;
      row.itemsets = set.itemsets.count;
      row.rules = set.rules.count;
      row.topRules = Array.from(byLift.subarray(0, OVERVIEW_RULES), (r) => set.table.row(r));
    } catch (error) {
      // A segment without baskets, or with too many itemsets, says so in its own row.
      if (
        !isUserError(error) ||
        (error.code !== 'no-baskets' && error.code !== 'too-many-itemsets')
      )
        throw error;
      row.problem = error.sentence;
    }
    segments.push(row);
  }
  onProgress?.(1);
  return {
    kind: grouping.kind,
    minConfidence: DEFAULT_MIN_CONFIDENCE,
    maxLen: DEFAULT_MAX_LEN,
    segments,
  };
}

/**
 * The rules as CSV (see rulesCsvParts): every rule in descending order of lift, or the rules of a
 * view of the table in its order. Named "<file> - rules (all baskets)" or "<file> - rules - <scope>".
 */
export async function rulesExport(
  session: AnalysisSession,
  request: RulesRequest,
  render: Render,
  view: RulesView = { sort: 'lift', descending: true, contains: null, hideRedundant: false },
): Promise<ExportParts> {
  const set = await ruleSetOf(session, request);
  const suffix =
    request.scope.kind === 'all'
      ? message('exportRulesAll')
      : message('exportRulesOf', { scope: scopeName(request.scope) });
  return {
    parts: rulesCsvParts(set.rules, set.lines, set.table.selection(view)),
    fileName: exportFileName(session.fileName, render(suffix)),
  };
}

/** The frequent itemsets as CSV (see itemsetsCsvParts), shortest first. */
export async function itemsetsExport(
  session: AnalysisSession,
  request: RulesRequest,
  render: Render,
): Promise<ExportParts> {
  const set = await ruleSetOf(session, request);
  const suffix =
    request.scope.kind === 'all'
      ? message('exportItemsetsAll')
      : message('exportItemsetsOf', { scope: scopeName(request.scope) });
  return {
    parts: itemsetsCsvParts(set.itemsets, set.lines),
    fileName: exportFileName(session.fileName, render(suffix)),
  };
}

function topItemsOf(
  scope: ScopeBaskets,
  names: { items: readonly string[]; descriptions: readonly string[] },
  limit: number,
): TopItem[] {
  const n = scope.baskets.basketCount;
  return Array.from(topItems(scope.itemCounts, limit), (item) => ({
    id: names.items[item],
    description: names.descriptions[item],
    baskets: scope.itemCounts[item],
    support: scope.itemCounts[item] / n,
  }));
}
