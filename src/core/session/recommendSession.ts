import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import {
  evaluateRecommenders,
  metricsByGroup,
  type Evaluation,
  type SplitSummary,
} from '../recommend/evaluate';
import type { RankingMetrics } from '../recommend/metrics';
import { recommendForCustomers, type Recommendations } from '../recommend/recommendations';
import {
  RECOMMEND_METHODS,
  recommendOptions,
  type RecommendMethod,
  type RecommendOptions,
} from '../recommend/recommendOptions';
import type { OrderLines } from '../rfm/orderLines';
import type { RfmSettings } from '../rfm/rfm';
import type { SegmentName } from '../rfm/rfmSegments';
import { customerGroups, type RecommendGrouping } from './recommendGroups';
import { methodName, ndcgVerdict, type Verdict } from './recommendVerdict';
import type { AnalysisSession } from './session';
import { StageCache, stageKey } from './stageCache';

/**
 * Recommendations as the page, the worker and the command line ask for them, computed once per
 * session and per the options that decide them: the evaluation on held-out last orders (every
 * view by group reuses it), and every customer's list on the full history (the look-up, the
 * items most recommended and the download share it).
 */
export interface RecommendRequest {
  /** The order lines (mapping and date order) and, for segments, the RFM snapshot. */
  rfm: RfmSettings;
  options: Partial<RecommendOptions>;
}

export interface MethodFigures {
  method: RecommendMethod;
  name: Message;
  metrics: RankingMetrics;
}

/** The evaluation table: the split in numbers and in a sentence, every method's figures at N. */
export interface RecommendEvaluationView {
  options: RecommendOptions;
  split: SplitSummary;
  splitSentence: Message;
  /** In the order of RECOMMEND_METHODS. */
  methods: MethodFigures[];
  /** Which method wins on NDCG over every evaluated customer, and by how much. */
  verdict: Verdict;
}

/** One segment's (or cluster's) figures: `metrics[m]` is methods[m]'s, null with nobody evaluated. */
export interface GroupFigures {
  group: number;
  name: SegmentName;
  /** The group's customers, and how many of them the evaluation measures. */
  customers: number;
  evaluated: number;
  metrics: (RankingMetrics | null)[];
  verdict: Verdict;
}

export interface RecommendGroupsView {
  kind: RecommendGrouping['kind'];
  n: number;
  methods: RecommendMethod[];
  groups: GroupFigures[];
}

/** A session's recommendation stages (the session itself keeps lines, RFM and clusterings). */
interface RecommendStages {
  evaluations: StageCache<Evaluation>;
  recommendations: StageCache<Recommendations>;
}

const stages = new WeakMap<AnalysisSession, RecommendStages>();

function stagesOf(session: AnalysisSession): RecommendStages {
  let kept = stages.get(session);
  if (kept === undefined) {
    kept = {
      evaluations: new StageCache<Evaluation>(2),
      // One per method, so that switching method on the page and back recomputes nothing.
      recommendations: new StageCache<Recommendations>(RECOMMEND_METHODS.length),
    };
    stages.set(session, kept);
  }
  return kept;
}

/** Drops a session's recommendation stages (memory; benchmarks that time a cold start). */
export function forgetRecommendations(session: AnalysisSession): void {
  stages.delete(session);
}

/** The order lines a request reads: the snapshot decides RFM, not the lines. */
export function requestLines(
  session: AnalysisSession,
  request: RecommendRequest,
  onProgress?: StageProgress,
): OrderLines {
  return session.orderLines(request.rfm, onProgress);
}

function linesKey(request: RecommendRequest) {
  return { mapping: request.rfm.mapping, dateOrder: request.rfm.dateOrder };
}

/** The methods asked for, checked, in the order of RECOMMEND_METHODS. */
function checkedMethods(methods: readonly RecommendMethod[]): RecommendMethod[] {
  if (methods.length === 0 || methods.some((method) => !RECOMMEND_METHODS.includes(method)))
    throw new UserError('bad-option', 'recommendNoMethod');
  return RECOMMEND_METHODS.filter((method) => methods.includes(method));
}

export function checkedMethod(method: RecommendMethod): RecommendMethod {
  if (!RECOMMEND_METHODS.includes(method))
    throw new UserError('bad-option', 'recommendBadMethod', {
      value: JSON.stringify(String(method)).slice(0, 40),
    });
  return method;
}

/** The evaluation of these methods on this request, computed once. */
export function cachedEvaluation(
  session: AnalysisSession,
  request: RecommendRequest,
  methods: readonly RecommendMethod[] = RECOMMEND_METHODS,
  onProgress?: StageProgress,
): Evaluation {
  const options = recommendOptions(request.options);
  const chosen = checkedMethods(methods);
  const evaluation = stagesOf(session).evaluations.obtain(
    stageKey(linesKey(request), options, chosen),
    () => {
      const lines = requestLines(session, request, (f) => onProgress?.(0.1 * f));
      return evaluateRecommenders(lines, options, chosen, (f) => onProgress?.(0.1 + 0.9 * f));
    },
  );
  onProgress?.(1);
  return evaluation;
}

/** Every customer's top N on the full history for one method, computed once. */
export function cachedRecommendations(
  session: AnalysisSession,
  request: RecommendRequest,
  method: RecommendMethod,
  onProgress?: StageProgress,
): Recommendations {
  const options = recommendOptions(request.options);
  checkedMethod(method);
  const recommendations = stagesOf(session).recommendations.obtain(
    stageKey(linesKey(request), options, method),
    () => {
      const lines = requestLines(session, request, (f) => onProgress?.(0.1 * f));
      return recommendForCustomers(lines, method, options, (f) => onProgress?.(0.1 + 0.9 * f));
    },
  );
  onProgress?.(1);
  return recommendations;
}

/**
 * The evaluation view: every method (all three unless fewer are asked for, as the command line's
 * --method does) trained on the training orders and measured on the held-out last orders.
 */
export function recommendEvaluation(
  session: AnalysisSession,
  request: RecommendRequest,
  onProgress?: StageProgress,
  methods: readonly RecommendMethod[] = RECOMMEND_METHODS,
): RecommendEvaluationView {
  const evaluation = cachedEvaluation(session, request, methods, onProgress);
  const { split, options } = evaluation;
  const overall = evaluation.methods.map((result) => result.overall);
  return {
    options: { ...options },
    split: { ...split },
    splitSentence: message('recommendSplit', {
      twoOrders: split.customersWithTwoOrders,
      customers: split.customers,
      evaluated: split.customersEvaluated,
      testItems: split.testItems,
      training: split.trainingInteractions,
      catalogue: split.catalogue,
    }),
    methods: evaluation.methods.map((result) => ({
      method: result.method,
      name: methodName(result.method),
      metrics: { ...result.overall },
    })),
    verdict: ndcgVerdict(
      evaluation.methods.map((result) => result.method),
      overall,
      options.top,
    ),
  };
}

/**
 * The same figures per named RFM segment or per cluster, from the evaluation already made for
 * this request (made here only when none is kept), and per group which method wins on NDCG.
 */
export async function recommendEvaluationByGroup(
  session: AnalysisSession,
  request: RecommendRequest,
  grouping: RecommendGrouping,
  methods: readonly RecommendMethod[] = RECOMMEND_METHODS,
  onProgress?: StageProgress,
): Promise<RecommendGroupsView> {
  const evaluation = cachedEvaluation(session, request, methods, onProgress);
  const { groupOf, names, sizes } = await customerGroups(session, request.rfm, grouping);
  const count = names.length;
  const byMethod = evaluation.methods.map((result) =>
    metricsByGroup(evaluation, result, groupOf, count),
  );
  const evaluated = new Int32Array(count);
  for (const customer of evaluation.holdOut.customers)
    if (groupOf[customer] >= 0) evaluated[groupOf[customer]]++;
  const chosen = evaluation.methods.map((result) => result.method);
  const n = evaluation.options.top;
  return {
    kind: grouping.kind,
    n,
    methods: chosen,
    groups: names.map((name, group) => {
      const metrics = byMethod.map((figures) => figures[group]);
      return {
        group,
        name,
        customers: sizes[group],
        evaluated: evaluated[group],
        metrics,
        verdict: ndcgVerdict(chosen, metrics, n),
      };
    }),
  };
}
