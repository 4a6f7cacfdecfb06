import { rowProgress, type StageProgress } from '../common/progress';
import type { Interactions } from './interactions';
import { emptyNeighbours, type Neighbours } from './neighbours';
import { binaryCosine } from './similarity';
import { BestK, emptyTopNLists, takeTopN, type TopNLists } from './topN';

/**
 * Item-based collaborative filtering ("customers who bought this also bought"). Two items are
 * as similar as the cosine of their customer sets, |U_i ∩ U_j| / sqrt(|U_i| |U_j|); each item
 * keeps its K most similar items. A customer's score for item j adds sim(i, j) over the items i
 * they bought that have j among their K neighbours.
 */

/**
 * Every item's K nearest items. Co-purchase counts of item i with the items after it go into one
 * dense array (reused), and each pair's similarity is offered to both items' lists, so every
 * pair is counted once and the item-item matrix is never held: only K neighbours per row.
 */
export function itemNeighbours(m: Interactions, k: number, onProgress?: StageProgress): Neighbours {
  const neighbours = emptyNeighbours(m.itemCount, k);
  const together = new Int32Array(m.itemCount);
  const touched = new Int32Array(m.itemCount);
  const { rowStart, rowItems, columnStart, columnCustomers } = m;
  // Items are visited in ascending order, so each buyer's row is read from the current item on.
  const next = rowStart.slice(0, m.customerCount);
  const progress = rowProgress(onProgress, m.itemCount, 8);
  for (let i = 0; i < m.itemCount; i++) {
    progress(i);
    const buyers = columnStart[i + 1] - columnStart[i];
    let count = 0;
    for (let c = columnStart[i]; c < columnStart[i + 1]; c++) {
      const u = columnCustomers[c];
      const end = rowStart[u + 1];
      for (let p = ++next[u]; p < end; p++) {
        const j = rowItems[p];
        if (together[j]++ === 0) touched[count++] = j;
      }
    }
    for (let t = 0; t < count; t++) {
      const j = touched[t];
      const sim = binaryCosine(together[j], buyers, columnStart[j + 1] - columnStart[j]);
      together[j] = 0;
      offer(neighbours, i, j, sim);
      offer(neighbours, j, i, sim);
    }
  }
  onProgress?.(1);
  return neighbours;
}

/** Offers `id` to row `row`'s sorted list: higher similarity first, then lower id. */
function offer(neighbours: Neighbours, row: number, id: number, sim: number): void {
  const { k, ids, similarities, counts } = neighbours;
  const offset = row * k;
  let at = counts[row];
  if (at === k) {
    const worst = similarities[offset + k - 1];
    if (sim < worst || (sim === worst && id > ids[offset + k - 1])) return;
    at--;
  } else {
    counts[row]++;
  }
  while (at > 0) {
    const before = similarities[offset + at - 1];
    if (before > sim || (before === sim && ids[offset + at - 1] < id)) break;
    similarities[offset + at] = before;
    ids[offset + at] = ids[offset + at - 1];
    at--;
  }
  similarities[offset + at] = sim;
  ids[offset + at] = id;
}

/**
 * Top n per customer, never an item they bought. Scores are summed over the bought items in
 * ascending column (id) order, so they are the same floats in any implementation that adds in
 * that order, and equal scores are broken by id.
 */
export function recommendItemKnn(
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
  const { k, ids, similarities, counts } = neighbours;
  const progress = rowProgress(onProgress, customers.length, 8);
  for (let r = 0; r < customers.length; r++) {
    progress(r);
    const u = customers[r];
    const from = m.rowStart[u];
    const to = m.rowStart[u + 1];
    for (let p = from; p < to; p++) boughtBy[m.rowItems[p]] = r;
    let count = 0;
    for (let p = from; p < to; p++) {
      const i = m.rowItems[p];
      for (let q = i * k; q < i * k + counts[i]; q++) {
        const j = ids[q];
        if (boughtBy[j] === r) continue;
        if (scores[j] === 0) touched[count++] = j;
        scores[j] += similarities[q];
      }
    }
    takeTopN(scores, touched, count, best, lists, r);
  }
  onProgress?.(1);
  return lists;
}
