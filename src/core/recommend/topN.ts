/**
 * Ranking with the tie rules every list here follows: higher score first; between equal scores,
 * the lower tie rank (the id in code-unit order: an item's column, a customer's rank) first.
 */

/**
 * Keeps the best `k` of the (id, score) pairs offered, sorted. Reused from row to row (reset,
 * offer, read `ids`, `scores` and `count`), so a hot loop allocates nothing.
 */
export class BestK {
  readonly k: number;
  readonly ids: Int32Array;
  readonly scores: Float64Array;
  private readonly ranks: Int32Array;
  count = 0;

  constructor(k: number) {
    this.k = k;
    this.ids = new Int32Array(k);
    this.scores = new Float64Array(k);
    this.ranks = new Int32Array(k);
  }

  reset(): void {
    this.count = 0;
  }

  offer(id: number, score: number, rank: number): void {
    const { scores, ranks, ids } = this;
    let at = this.count;
    if (at === this.k) {
      const worst = scores[at - 1];
      if (score < worst || (score === worst && rank > ranks[at - 1])) return;
      at--;
    } else {
      this.count++;
    }
    while (
      at > 0 &&
      (scores[at - 1] < score || (scores[at - 1] === score && ranks[at - 1] > rank))
    ) {
      scores[at] = scores[at - 1];
      ranks[at] = ranks[at - 1];
      ids[at] = ids[at - 1];
      at--;
    }
    scores[at] = score;
    ranks[at] = rank;
    ids[at] = id;
  }
}

/**
 * The top-N lists of some customers: row r (for customers[r]) holds up to n items (columns),
 * best first, and -1 beyond its count.
 */
export interface TopNLists {
  n: number;
  customers: Int32Array;
  items: Int32Array;
  scores: Float64Array;
  counts: Int32Array;
}

export function emptyTopNLists(customers: Int32Array, n: number): TopNLists {
  return {
    n,
    customers,
    items: new Int32Array(customers.length * n).fill(-1),
    scores: new Float64Array(customers.length * n),
    counts: new Int32Array(customers.length),
  };
}

/** Writes the selector's current best into row r. */
export function storeRow(lists: TopNLists, r: number, best: BestK): void {
  const offset = r * lists.n;
  for (let k = 0; k < best.count; k++) {
    lists.items[offset + k] = best.ids[k];
    lists.scores[offset + k] = best.scores[k];
  }
  lists.counts[r] = best.count;
}

/**
 * Scores of the candidates in `touched[0..count)`, accumulated in a dense array of one entry per
 * item: the best n with a positive score go to row r, and every touched entry is zeroed again
 * for the next customer.
 */
export function takeTopN(
  scores: Float64Array,
  touched: Int32Array,
  count: number,
  best: BestK,
  lists: TopNLists,
  r: number,
): void {
  best.reset();
  for (let t = 0; t < count; t++) {
    const j = touched[t];
    const score = scores[j];
    if (score > 0) best.offer(j, score, j);
    scores[j] = 0;
  }
  storeRow(lists, r, best);
}
