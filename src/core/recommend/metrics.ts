import type { TopNLists } from './topN';

/**
 * Ranking metrics at N on held-out items, with the conventions of Microsoft Recommenders'
 * python_evaluation (binary relevance): per customer, with `hits` the recommended items among
 * their test items,
 *   hit rate  1 when at least one test item is in the top N, else 0;
 *   precision hits / N (N, not the length of a shorter list);
 *   recall    hits / |test items|;
 *   NDCG      sum over hits of 1 / log2(1 + rank), over the same sum for the ideal list of
 *             min(N, |test items|) hits;
 *   MAP       average precision: sum over hits of (hits so far / rank), divided by
 *             min(N, |test items|).
 * Each is averaged over the evaluated customers; a customer with an empty list counts, with 0
 * (python_evaluation leaves customers without any recommendation out of its averages).
 * Catalogue coverage is the share of the catalogue (items a model can know: at least one
 * training customer) recommended to at least one of the customers.
 */
export interface RankingMetrics {
  customers: number;
  hitRate: number;
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  coverage: number;
}

/** Each evaluated customer's metrics (row r: the customer of row r of the lists). */
export interface CustomerMetrics {
  hit: Float64Array;
  precision: Float64Array;
  recall: Float64Array;
  ndcg: Float64Array;
  averagePrecision: Float64Array;
}

/**
 * Metrics of every list against its test items: row r's test columns are
 * testItems[testStart[r] .. testStart[r + 1]); there must be at least one.
 */
export function customerMetrics(
  lists: TopNLists,
  testStart: Int32Array,
  testItems: Int32Array,
  itemCount: number,
): CustomerMetrics {
  const rows = lists.customers.length;
  const { n } = lists;
  const metrics: CustomerMetrics = {
    hit: new Float64Array(rows),
    precision: new Float64Array(rows),
    recall: new Float64Array(rows),
    ndcg: new Float64Array(rows),
    averagePrecision: new Float64Array(rows),
  };
  const discount = new Float64Array(n);
  for (let rank = 1; rank <= n; rank++) discount[rank - 1] = 1 / Math.log2(1 + rank);
  const ideal = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) ideal[k] = ideal[k - 1] + discount[k - 1];
  const testOf = new Int32Array(itemCount).fill(-1);
  for (let r = 0; r < rows; r++) {
    const relevant = testStart[r + 1] - testStart[r];
    if (relevant === 0) continue; // no test item: nothing to measure (the split never does this)
    for (let t = testStart[r]; t < testStart[r + 1]; t++) testOf[testItems[t]] = r;
    let hits = 0;
    let dcg = 0;
    let precisionSum = 0;
    for (let position = 0; position < lists.counts[r]; position++) {
      if (testOf[lists.items[r * n + position]] !== r) continue;
      hits++;
      dcg += discount[position];
      precisionSum += hits / (position + 1);
    }
    const reachable = Math.min(n, relevant);
    metrics.hit[r] = hits > 0 ? 1 : 0;
    metrics.precision[r] = hits / n;
    metrics.recall[r] = hits / relevant;
    metrics.ndcg[r] = dcg / ideal[reachable];
    metrics.averagePrecision[r] = precisionSum / reachable;
  }
  return metrics;
}

/**
 * The averages over the given rows (all rows when `rows` is null), or null when there is no row
 * to average over (a segment without evaluated customers has no figures, never NaN).
 */
export function averageMetrics(
  lists: TopNLists,
  metrics: CustomerMetrics,
  catalogue: number,
  rows: Int32Array | null = null,
): RankingMetrics | null {
  const count = rows === null ? lists.customers.length : rows.length;
  if (count === 0) return null;
  const mean = (values: Float64Array) => {
    let sum = 0;
    for (let t = 0; t < count; t++) sum += values[rows === null ? t : rows[t]];
    return sum / count;
  };
  return {
    customers: count,
    hitRate: mean(metrics.hit),
    precision: mean(metrics.precision),
    recall: mean(metrics.recall),
    ndcg: mean(metrics.ndcg),
    map: mean(metrics.averagePrecision),
    coverage: catalogue === 0 ? 0 : distinctRecommended(lists, rows, count) / catalogue,
  };
}

function distinctRecommended(lists: TopNLists, rows: Int32Array | null, count: number): number {
  let largest = -1;
  for (let at = 0; at < lists.items.length; at++) largest = Math.max(largest, lists.items[at]);
  const seen = new Uint8Array(largest + 1);
  let distinct = 0;
  for (let t = 0; t < count; t++) {
    const r = rows === null ? t : rows[t];
    for (let at = r * lists.n; at < r * lists.n + lists.counts[r]; at++) {
      const item = lists.items[at];
      if (seen[item] === 0) {
        seen[item] = 1;
        distinct++;
      }
    }
  }
  return distinct;
}
