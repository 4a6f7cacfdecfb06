import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';
import { groupOrders, type Orders } from '../rfm/orders';
import { holdOutLastOrders, type HoldOut } from './holdOut';
import { customerRanks, itemColumns, knownItemCount } from './interactions';
import { itemNeighbours, recommendItemKnn } from './itemKnn';
import {
  averageMetrics,
  customerMetrics,
  type CustomerMetrics,
  type RankingMetrics,
} from './metrics';
import { recommendPopular } from './popularity';
import {
  RECOMMEND_METHODS,
  recommendOptions,
  type RecommendMethod,
  type RecommendOptions,
} from './recommendOptions';
import type { TopNLists } from './topN';
import { recommendUserKnn, userNeighbours } from './userKnn';

/** How the orders were split (see HoldOut). */
export interface SplitSummary {
  customers: number;
  /** Items on at least one used line (the columns of the matrix). */
  items: number;
  /** (customer, item) pairs over the whole history: training plus test. */
  interactions: number;
  customersWithTwoOrders: number;
  customersEvaluated: number;
  /** Held-out (customer, item) pairs over all evaluated customers. */
  testItems: number;
  /** (customer, item) pairs the models learn from. */
  trainingInteractions: number;
  /** Items with at least one training customer: what the models can recommend. */
  catalogue: number;
}

export interface MethodEvaluation {
  method: RecommendMethod;
  /** Row r: the top N (columns of `holdOut.training`) for holdOut.customers[r]. */
  lists: TopNLists;
  perCustomer: CustomerMetrics;
  overall: RankingMetrics;
}

export interface Evaluation {
  options: RecommendOptions;
  split: SplitSummary;
  holdOut: HoldOut;
  /** In the order asked for. */
  methods: MethodEvaluation[];
}

/** Share of the work each step takes, for progress (measured on the Online Retail year). */
const WEIGHT: Record<RecommendMethod, number> = { popularity: 0.02, item: 0.4, user: 0.5 };

/**
 * Every method trained on the training orders and measured on the held-out last orders, side by
 * side on the same customers. Throws a UserError when no customer can be evaluated.
 */
export function evaluateRecommenders(
  lines: OrderLines,
  options: Partial<RecommendOptions> = {},
  methods: readonly RecommendMethod[] = RECOMMEND_METHODS,
  onProgress?: StageProgress,
  orders: Orders = groupOrders(lines),
): Evaluation {
  const settings = recommendOptions(options);
  if (methods.length === 0 || methods.some((method) => !RECOMMEND_METHODS.includes(method)))
    throw new UserError('bad-option', 'recommendNoMethod');
  const columns = itemColumns(lines);
  const holdOut = holdOutLastOrders(lines, orders, columns, customerRanks(lines.customers));
  const { training, customers } = holdOut;
  if (customers.length === 0) {
    throw new UserError(
      'too-few-orders',
      holdOut.customersWithTwoOrders === 0 ? 'recommendNoRepeat' : 'recommendNothingNew',
    );
  }
  const catalogue = knownItemCount(training);
  const total = methods.reduce((sum, method) => sum + WEIGHT[method], 0);
  let done = 0;
  const step = (method: RecommendMethod) => {
    const from = done;
    done += WEIGHT[method];
    return (f: number) => onProgress?.((from + f * WEIGHT[method]) / total);
  };
  const n = settings.top;
  const results = methods.map((method): MethodEvaluation => {
    const progress = step(method);
    let lists: TopNLists;
    if (method === 'popularity') {
      lists = recommendPopular(training, customers, n);
    } else if (method === 'item') {
      const neighbours = itemNeighbours(training, settings.itemNeighbours, (f) =>
        progress(0.8 * f),
      );
      lists = recommendItemKnn(training, neighbours, customers, n, (f) => progress(0.8 + 0.2 * f));
    } else {
      const neighbours = userNeighbours(
        training,
        customers,
        settings.userNeighbours,
        settings.similarity,
        (f) => progress(0.7 * f),
      );
      lists = recommendUserKnn(training, neighbours, customers, n, (f) => progress(0.7 + 0.3 * f));
    }
    const perCustomer = customerMetrics(
      lists,
      holdOut.testStart,
      holdOut.testItems,
      training.itemCount,
    );
    progress(1);
    return { method, lists, perCustomer, overall: averageMetrics(lists, perCustomer, catalogue)! };
  });
  onProgress?.(1);
  return {
    options: settings,
    split: {
      customers: lines.customers.length,
      items: training.itemCount,
      interactions: training.rowItems.length + holdOut.testItems.length,
      customersWithTwoOrders: holdOut.customersWithTwoOrders,
      customersEvaluated: customers.length,
      testItems: holdOut.testItems.length,
      trainingInteractions: training.rowItems.length,
      catalogue,
    },
    holdOut,
    methods: results,
  };
}

/**
 * One method's metrics per group of customers (an RFM segment, a cluster): `groupOf[customer]`
 * is the customer's group, from 0 to groupCount - 1 (anything else: in no group). A group
 * without evaluated customers gets null. Cheap: nothing is recomputed, so the page can regroup
 * when the user edits the segments.
 */
export function metricsByGroup(
  evaluation: Evaluation,
  result: MethodEvaluation,
  groupOf: ArrayLike<number>,
  groupCount: number,
): (RankingMetrics | null)[] {
  const { customers } = evaluation.holdOut;
  const sizes = new Int32Array(groupCount);
  for (let r = 0; r < customers.length; r++) {
    const g = groupOf[customers[r]];
    if (g >= 0 && g < groupCount) sizes[g]++;
  }
  const rowsOf = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(groupCount);
  for (let r = 0; r < customers.length; r++) {
    const g = groupOf[customers[r]];
    if (g >= 0 && g < groupCount) rowsOf[g][filled[g]++] = r;
  }
  return rowsOf.map((rows) =>
    averageMetrics(result.lists, result.perCustomer, evaluation.split.catalogue, rows),
  );
}
