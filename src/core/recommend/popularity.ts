import type { Interactions } from './interactions';
import { emptyTopNLists, type TopNLists } from './topN';

/**
 * The baseline: best sellers. An item's score is how many (training) customers bought it; every
 * customer gets the best sellers they have not bought yet.
 */

/** Columns with at least one customer, most bought first (ties: lower column first). */
export function popularityRanking(m: Interactions): Int32Array {
  const bought = (j: number) => m.columnStart[j + 1] - m.columnStart[j];
  const ranked: number[] = [];
  for (let j = 0; j < m.itemCount; j++) if (bought(j) > 0) ranked.push(j);
  ranked.sort((a, b) => bought(b) - bought(a) || a - b);
  return Int32Array.from(ranked);
}

export function recommendPopular(m: Interactions, customers: Int32Array, n: number): TopNLists {
  const lists = emptyTopNLists(customers, n);
  const ranking = popularityRanking(m);
  const boughtBy = new Int32Array(m.itemCount).fill(-1);
  for (let r = 0; r < customers.length; r++) {
    const u = customers[r];
    for (let p = m.rowStart[u]; p < m.rowStart[u + 1]; p++) boughtBy[m.rowItems[p]] = r;
    const offset = r * n;
    let count = 0;
    for (let t = 0; t < ranking.length && count < n; t++) {
      const j = ranking[t];
      if (boughtBy[j] === r) continue;
      lists.items[offset + count] = j;
      lists.scores[offset + count] = m.columnStart[j + 1] - m.columnStart[j];
      count++;
    }
    lists.counts[r] = count;
  }
  return lists;
}
