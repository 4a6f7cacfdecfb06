import type { StageProgress } from '../common/progress';
import type { OrderLines } from '../rfm/orderLines';
import { compareText, hasItem, interactionsFromLines, type Interactions } from './interactions';
import { itemNeighbours, recommendItemKnn } from './itemKnn';
import { similarityTo, type Neighbours } from './neighbours';
import { recommendPopular } from './popularity';
import { recommendOptions, type RecommendMethod, type RecommendOptions } from './recommendOptions';
import type { TopNLists } from './topN';
import { neighboursById, recommendUserKnn, userNeighbours } from './userKnn';

/**
 * What to put in front of every customer, learnt from the whole history (no hold-out), with the
 * purchase each recommendation comes from ("because they bought ..."):
 *   item-based: the bought item whose similarity to the recommended one adds most to its score;
 *   user-based: the bought item most shared with the neighbours who bought the recommended one
 *     (the largest sum of their similarities): the taste that links the customer to them;
 *   best sellers: none.
 * Ties go to the lower item id (code-unit order).
 */
export interface Recommendations {
  method: RecommendMethod;
  n: number;
  /** Every customer's purchases (rows: `lines.customers`; columns: items in id order). */
  interactions: Interactions;
  /** Customer c's list: items[c n .. c n + counts[c]), best first, as indices into `lines.items`. */
  items: Int32Array;
  scores: Float64Array;
  /** Per entry, the bought item it comes from (an index into `lines.items`), or -1. */
  because: Int32Array;
  counts: Int32Array;
}

export function recommendForCustomers(
  lines: OrderLines,
  method: RecommendMethod,
  options: Partial<RecommendOptions> = {},
  onProgress?: StageProgress,
): Recommendations {
  const settings = recommendOptions(options);
  const m = interactionsFromLines(lines);
  const customers = Int32Array.from({ length: m.customerCount }, (_, u) => u);
  const n = settings.top;
  let lists: TopNLists;
  let because: Int32Array;
  if (method === 'popularity') {
    lists = recommendPopular(m, customers, n);
    because = new Int32Array(lists.items.length).fill(-1);
  } else if (method === 'item') {
    const neighbours = itemNeighbours(m, settings.itemNeighbours, (f) => onProgress?.(0.7 * f));
    lists = recommendItemKnn(m, neighbours, customers, n, (f) => onProgress?.(0.7 + 0.25 * f));
    because = becauseItemBased(m, neighbours, lists);
  } else {
    const neighbours = userNeighbours(
      m,
      customers,
      settings.userNeighbours,
      settings.similarity,
      (f) => onProgress?.(0.6 * f),
    );
    lists = recommendUserKnn(m, neighbours, customers, n, (f) => onProgress?.(0.6 + 0.25 * f));
    because = becauseUserBased(m, neighbours, lists);
  }
  onProgress?.(1);
  const toItem = (column: number) => (column < 0 ? -1 : m.itemOfColumn[column]);
  return {
    method,
    n,
    interactions: m,
    items: lists.items.map(toItem),
    scores: lists.scores,
    because: because.map(toItem),
    counts: lists.counts,
  };
}

/** Per list entry, the bought column with the largest sim(bought, recommended). */
function becauseItemBased(m: Interactions, neighbours: Neighbours, lists: TopNLists): Int32Array {
  const because = new Int32Array(lists.items.length).fill(-1);
  for (let r = 0; r < lists.customers.length; r++) {
    const u = lists.customers[r];
    for (let at = r * lists.n; at < r * lists.n + lists.counts[r]; at++) {
      let best = 0;
      for (let p = m.rowStart[u]; p < m.rowStart[u + 1]; p++) {
        const sim = similarityTo(neighbours, m.rowItems[p], lists.items[at]);
        if (sim > best) {
          best = sim;
          because[at] = m.rowItems[p];
        }
      }
    }
  }
  return because;
}

/**
 * Per list entry j, the bought column i with the largest sum of sim(u, v) over the neighbours v
 * who bought both j and i. Each neighbour's purchases in common with the customer are listed once
 * per customer, so the work is K rows per customer, not K rows per recommendation.
 */
function becauseUserBased(m: Interactions, neighbours: Neighbours, lists: TopNLists): Int32Array {
  const because = new Int32Array(lists.items.length).fill(-1);
  const mine = new Int32Array(m.itemCount).fill(-1);
  const shared = new Float64Array(m.itemCount);
  const touched = new Int32Array(m.itemCount);
  const byId = new Int32Array(neighbours.k);
  const commonStart = new Int32Array(neighbours.k + 1);
  let common = new Int32Array(1024);
  for (let r = 0; r < lists.customers.length; r++) {
    if (lists.counts[r] === 0) continue;
    const u = lists.customers[r];
    for (let p = m.rowStart[u]; p < m.rowStart[u + 1]; p++) mine[m.rowItems[p]] = u;
    const size = neighboursById(neighbours, r, m.customerRank, byId);
    let filled = 0;
    for (let q = 0; q < size; q++) {
      const v = neighbours.ids[byId[q]];
      const length = m.rowStart[v + 1] - m.rowStart[v];
      if (filled + length > common.length) {
        const grown = new Int32Array(2 * (filled + length));
        grown.set(common.subarray(0, filled));
        common = grown;
      }
      commonStart[q] = filled;
      for (let p = m.rowStart[v]; p < m.rowStart[v + 1]; p++)
        if (mine[m.rowItems[p]] === u) common[filled++] = m.rowItems[p];
    }
    commonStart[size] = filled;
    for (let at = r * lists.n; at < r * lists.n + lists.counts[r]; at++) {
      let count = 0;
      for (let q = 0; q < size; q++) {
        const v = neighbours.ids[byId[q]];
        if (!hasItem(m, v, lists.items[at])) continue;
        const sim = neighbours.similarities[byId[q]];
        for (let c = commonStart[q]; c < commonStart[q + 1]; c++) {
          const i = common[c];
          if (shared[i] === 0) touched[count++] = i;
          shared[i] += sim;
        }
      }
      let best = 0;
      for (let t = 0; t < count; t++) {
        const i = touched[t];
        if (shared[i] > best || (shared[i] === best && i < because[at])) {
          best = shared[i];
          because[at] = i;
        }
        shared[i] = 0;
      }
    }
  }
  return because;
}

/** A customer's purchases, as indices into `lines.items`, in id order. */
export function boughtItems(recommendations: Recommendations, customer: number): Int32Array {
  const m = recommendations.interactions;
  return m.rowItems
    .slice(m.rowStart[customer], m.rowStart[customer + 1])
    .map((column) => m.itemOfColumn[column]);
}

export interface RecommendedCount {
  /** An index into `lines.items`. */
  item: number;
  /** Customers it is recommended to. */
  customers: number;
}

/**
 * The items recommended to the most customers of a group (`groupOf[customer] === group`; every
 * customer when group is null), most first, ties by item id.
 */
export function mostRecommended(
  recommendations: Recommendations,
  items: readonly string[],
  groupOf: ArrayLike<number> | null,
  group: number | null,
  limit: number,
): RecommendedCount[] {
  const { n, counts } = recommendations;
  const times = new Int32Array(items.length);
  for (let c = 0; c < counts.length; c++) {
    if (group !== null && groupOf !== null && groupOf[c] !== group) continue;
    for (let at = c * n; at < c * n + counts[c]; at++) times[recommendations.items[at]]++;
  }
  const ranked: number[] = [];
  for (let item = 0; item < times.length; item++) if (times[item] > 0) ranked.push(item);
  ranked.sort((a, b) => times[b] - times[a] || compareText(items[a], items[b]));
  return ranked.slice(0, limit).map((item) => ({ item, customers: times[item] }));
}
