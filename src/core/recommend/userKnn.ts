import { rowProgress, type StageProgress } from '../common/progress';
import { knownItemCount, type Interactions } from './interactions';
import { emptyNeighbours, storeNeighbours, type Neighbours } from './neighbours';
import { binaryCosine, binaryPearson, type UserSimilarity } from './similarity';
import { BestK, emptyTopNLists, takeTopN, type TopNLists } from './topN';

/**
 * User-based collaborative filtering ("customers like you bought"). Two customers are as similar
 * as the cosine of their purchase sets, or the Pearson correlation of their 0/1 rows over the
 * items the matrix knows (items with at least one customer); each customer keeps the K most
 * similar customers with a positive similarity (someone less alike than chance says nothing
 * about what to buy). A customer's score for item j adds sim(u, v) over their neighbours v who
 * bought j.
 */

/** The K nearest customers of each of `customers` (row r for customers[r]). */
export function userNeighbours(
  m: Interactions,
  customers: Int32Array,
  k: number,
  similarity: UserSimilarity,
  onProgress?: StageProgress,
): Neighbours {
  const neighbours = emptyNeighbours(customers.length, k);
  const together = new Int32Array(m.customerCount);
  const touched = new Int32Array(m.customerCount);
  const best = new BestK(k);
  const { rowStart, rowItems, columnStart, columnCustomers, customerRank } = m;
  const length = knownItemCount(m);
  const pearson = similarity === 'pearson';
  const progress = rowProgress(onProgress, customers.length, 8);
  for (let r = 0; r < customers.length; r++) {
    progress(r);
    const u = customers[r];
    const bought = rowStart[u + 1] - rowStart[u];
    if (bought === 0) continue;
    let count = 0;
    for (let p = rowStart[u]; p < rowStart[u + 1]; p++) {
      const i = rowItems[p];
      for (let c = columnStart[i]; c < columnStart[i + 1]; c++) {
        const v = columnCustomers[c];
        if (v !== u && together[v]++ === 0) touched[count++] = v;
      }
    }
    best.reset();
    for (let t = 0; t < count; t++) {
      const v = touched[t];
      const theirs = rowStart[v + 1] - rowStart[v];
      const sim = pearson
        ? binaryPearson(together[v], bought, theirs, length)
        : binaryCosine(together[v], bought, theirs);
      if (sim > 0) best.offer(v, sim, customerRank[v]);
      together[v] = 0;
    }
    storeNeighbours(neighbours, r, best);
  }
  onProgress?.(1);
  return neighbours;
}

/**
 * Top n for each customer whose neighbours are given (row r of `neighbours` is customers[r]),
 * never an item they bought. Scores are summed over the neighbours in ascending customer id
 * (code-unit) order, so they are the same floats in any implementation that adds in that order.
 */
export function recommendUserKnn(
  m: Interactions,
  neighbours: Neighbours,
  customers: Int32Array,
  n: number,
  onProgress?: StageProgress,
): TopNLists {
  const lists = emptyTopNLists(customers, n);
  const scores = new Float64Array(m.itemCount);
  const touched = new Int32Array(m.itemCount);
  const boughtBy = new Int32Array(m.itemCount).fill(-1);
  const best = new BestK(n);
  const byId = new Int32Array(neighbours.k);
  const progress = rowProgress(onProgress, customers.length, 8);
  for (let r = 0; r < customers.length; r++) {
    progress(r);
    const u = customers[r];
    for (let p = m.rowStart[u]; p < m.rowStart[u + 1]; p++) boughtBy[m.rowItems[p]] = r;
    const size = neighboursById(neighbours, r, m.customerRank, byId);
    let count = 0;
    for (let q = 0; q < size; q++) {
      const at = byId[q];
      const v = neighbours.ids[at];
      const sim = neighbours.similarities[at];
      for (let p = m.rowStart[v]; p < m.rowStart[v + 1]; p++) {
        const j = m.rowItems[p];
        if (boughtBy[j] === r) continue;
        if (scores[j] === 0) touched[count++] = j;
        scores[j] += sim;
      }
    }
    takeTopN(scores, touched, count, best, lists, r);
  }
  onProgress?.(1);
  return lists;
}

/** Positions of row r's neighbours in `neighbours.ids`, in ascending customer rank. */
export function neighboursById(
  neighbours: Neighbours,
  r: number,
  customerRank: Int32Array,
  out: Int32Array,
): number {
  const size = neighbours.counts[r];
  const offset = r * neighbours.k;
  for (let q = 0; q < size; q++) {
    const at = offset + q;
    const rank = customerRank[neighbours.ids[at]];
    let s = q;
    while (s > 0 && customerRank[neighbours.ids[out[s - 1]]] > rank) {
      out[s] = out[s - 1];
      s--;
    }
    out[s] = at;
  }
  return size;
}
