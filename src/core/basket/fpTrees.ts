import type { Baskets } from './baskets';

export const NONE = -1;

/** Recorded conditional pattern bases (see FpTrees.firstPatternBases). */
export interface PatternBases {
  data: Int32Array;
  offsets: Int32Array;
  first: Int32Array;
}

/** A copy of `array` with room for at least `needed` entries (doubling). */
export function grown(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * The FP-tree of all baskets and the conditional trees mined from it, in one pool of parallel
 * typed arrays used as a stack: the tree at depth d + 1 is built on top of the tree at depth d and
 * dropped (`truncate`) once mined. A node's item is a rank (0 = the most frequent item); a root's
 * is NONE. Per depth, per rank: the first node of the rank's node list (`head`), the rank's total
 * count (`total`), the ranks present (`present`, `presentCount`) and the root's child
 * (`rootChild`).
 */
export class FpTrees {
  item = new Int32Array(1024);
  count = new Int32Array(1024);
  parent = new Int32Array(1024);
  child = new Int32Array(1024);
  sibling = new Int32Array(1024);
  link = new Int32Array(1024);
  size = 0;
  readonly head: Int32Array[] = [];
  readonly total: Int32Array[] = [];
  readonly present: Int32Array[] = [];
  readonly presentCount: Int32Array;
  private readonly rootChild: Int32Array[] = [];

  constructor(
    readonly ranks: number,
    depths: number,
  ) {
    for (let d = 0; d < depths; d++) {
      this.head.push(new Int32Array(ranks).fill(NONE));
      this.total.push(new Int32Array(ranks));
      this.present.push(new Int32Array(ranks));
      this.rootChild.push(new Int32Array(ranks).fill(NONE));
    }
    this.presentCount = new Int32Array(depths);
  }

  /**
   * The tree of all baskets at depth 0 (each basket's frequent items, by rank); returns true when
   * it is one path. The baskets go in lexicographic order of their ranks: a basket then shares
   * its path with the previous one exactly up to their common prefix (no child to look up), and
   * nodes come out depth-first, so that walking up from a rank's nodes, in that order, stays in
   * cache.
   */
  buildFirst(baskets: Baskets, rankOf: Int32Array, totals: ArrayLike<number>): boolean {
    const { start, items, basketCount } = baskets;
    const rankStart = new Int32Array(basketCount + 1);
    const ranked = new Int32Array(items.length);
    let at = 0;
    for (let b = 0; b < basketCount; b++) {
      rankStart[b] = at;
      for (let j = start[b]; j < start[b + 1]; j++) {
        const rank = rankOf[items[j]];
        if (rank !== NONE) ranked[at++] = rank;
      }
      ranked.subarray(rankStart[b], at).sort();
    }
    rankStart[basketCount] = at;
    const order = new Int32Array(basketCount);
    for (let b = 0; b < basketCount; b++) order[b] = b;
    order.sort((a, b) => {
      const fromA = rankStart[a];
      const fromB = rankStart[b];
      const lengthA = rankStart[a + 1] - fromA;
      const lengthB = rankStart[b + 1] - fromB;
      const shorter = Math.min(lengthA, lengthB);
      for (let i = 0; i < shorter; i++) {
        const difference = ranked[fromA + i] - ranked[fromB + i];
        if (difference !== 0) return difference;
      }
      return lengthA - lengthB;
    });

    const root = this.newNode(NONE, 0, NONE);
    const head = this.head[0];
    const tail = new Int32Array(this.ranks).fill(NONE);
    const pathNodes = new Int32Array(this.ranks);
    let previousFrom = 0;
    let previousLength = 0;
    for (let k = 0; k < basketCount; k++) {
      const b = order[k];
      const from = rankStart[b];
      const length = rankStart[b + 1] - from;
      let shared = 0;
      const most = Math.min(length, previousLength);
      while (shared < most && ranked[from + shared] === ranked[previousFrom + shared]) shared++;
      for (let i = 0; i < shared; i++) this.count[pathNodes[i]]++;
      for (let i = shared; i < length; i++) {
        const rank = ranked[from + i];
        const node = this.newNode(rank, 1, i === 0 ? root : pathNodes[i - 1]);
        // Appended, so that each rank's nodes are listed depth-first.
        if (tail[rank] === NONE) head[rank] = node;
        else this.link[tail[rank]] = node;
        tail[rank] = node;
        pathNodes[i] = node;
      }
      previousFrom = from;
      previousLength = length;
    }
    for (let rank = 0; rank < this.ranks; rank++) {
      this.total[0][rank] = totals[rank];
      this.present[0][rank] = rank;
    }
    this.presentCount[0] = this.ranks;
    for (let node = 0; node < this.size; node++) {
      const first = this.child[node];
      if (first !== NONE && this.sibling[first] !== NONE) return false;
    }
    return true;
  }

  /**
   * The FP-array of the first tree (Grahne and Zhu's FP-growth*): for ranks a < x, the baskets
   * holding both, at `x * (x - 1) / 2 + a`. They are the counts of every rank's conditional
   * pattern base at depth 0, read without walking up from each node: the tree's nodes are in
   * depth-first order (see buildFirst), so one pass with a stack of the current path counts
   * them. Null when the triangle would take more than `maxEntries`.
   */
  pairCounts(maxEntries: number): Int32Array | null {
    const ranks = this.ranks;
    if ((ranks * (ranks - 1)) / 2 > maxEntries) return null;
    const pairs = new Int32Array((ranks * (ranks - 1)) / 2);
    const stackNode = new Int32Array(ranks + 1);
    const stackRank = new Int32Array(ranks + 1);
    let depth = 0;
    stackNode[0] = 0;
    for (let node = 1; node < this.size; node++) {
      const parent = this.parent[node];
      while (stackNode[depth] !== parent) depth--;
      const rank = this.item[node];
      const count = this.count[node];
      const row = (rank * (rank - 1)) / 2;
      for (let k = 1; k <= depth; k++) pairs[row + stackRank[k]] += count;
      stackNode[++depth] = node;
      stackRank[depth] = rank;
    }
    return pairs;
  }

  /**
   * The conditional pattern bases at depth 0 of the ranks with `wanted[rank] === 1`, each path
   * kept to the ranks frequent together with its rank (FP-array count >= `minCount`), from one
   * depth-first pass with a stack of the current path instead of a walk up from every node.
   * A record is [count, length, ranks above, nearest first] in `data`; rank x's records are at
   * `offsets[first[x]] .. offsets[first[x + 1] - 1]`.
   */
  firstPatternBases(pairs: Int32Array, minCount: number, wanted: Uint8Array): PatternBases {
    const ranks = this.ranks;
    let data = new Int32Array(1 << 16);
    let recordRank = new Int32Array(1 << 12);
    let recordAt = new Int32Array(1 << 12);
    let records = 0;
    let at = 0;
    const stackNode = new Int32Array(ranks + 1);
    const stackRank = new Int32Array(ranks + 1);
    let depth = 0;
    for (let node = 1; node < this.size; node++) {
      const parent = this.parent[node];
      while (stackNode[depth] !== parent) depth--;
      const rank = this.item[node];
      if (wanted[rank] === 1) {
        if (at + 2 + depth > data.length) data = grown(data, at + 2 + depth);
        if (records === recordAt.length) {
          recordAt = grown(recordAt, records + 1);
          recordRank = grown(recordRank, records + 1);
        }
        recordRank[records] = rank;
        recordAt[records++] = at;
        const row = (rank * (rank - 1)) / 2;
        data[at] = this.count[node];
        const lengthAt = at + 1;
        at += 2;
        const pathStart = at;
        for (let k = depth; k >= 1; k--) {
          if (pairs[row + stackRank[k]] >= minCount) data[at++] = stackRank[k];
        }
        data[lengthAt] = at - pathStart;
      }
      stackNode[++depth] = node;
      stackRank[depth] = rank;
    }
    // The records grouped by rank (a counting sort), each rank's in depth-first order.
    const first = new Int32Array(ranks + 1);
    for (let r = 0; r < records; r++) first[recordRank[r] + 1]++;
    for (let rank = 0; rank < ranks; rank++) first[rank + 1] += first[rank];
    const fill = first.slice(0, ranks);
    const offsets = new Int32Array(records);
    for (let r = 0; r < records; r++) offsets[fill[recordRank[r]]++] = recordAt[r];
    return { data, offsets, first };
  }

  /** Adds `count` baskets along `path` (ascending ranks) below `root` in the tree at `depth`. */
  insert(depth: number, root: number, path: Int32Array, length: number, count: number): void {
    const rootChild = this.rootChild[depth];
    let node = root;
    let i = 0;
    for (; i < length; i++) {
      const rank = path[i];
      let child: number;
      if (node === root) child = rootChild[rank];
      else {
        child = this.child[node];
        while (child !== NONE && this.item[child] !== rank) child = this.sibling[child];
      }
      if (child === NONE) break;
      this.count[child] += count;
      node = child;
    }
    const head = this.head[depth];
    for (; i < length; i++) {
      const rank = path[i];
      const child = this.newNode(rank, count, node);
      this.link[child] = head[rank];
      head[rank] = child;
      if (node === root) rootChild[rank] = child;
      node = child;
    }
  }

  newNode(rank: number, count: number, parent: number): number {
    if (this.size === this.item.length) this.grow();
    const node = this.size++;
    this.item[node] = rank;
    this.count[node] = count;
    this.parent[node] = parent;
    this.child[node] = NONE;
    this.link[node] = NONE;
    if (parent === NONE) this.sibling[node] = NONE;
    else {
      this.sibling[node] = this.child[parent];
      this.child[parent] = node;
    }
    return node;
  }

  /** Drops the tree at `depth` (its nodes are all at or above `size`). */
  drop(depth: number, size: number): void {
    const present = this.present[depth];
    for (let p = 0; p < this.presentCount[depth]; p++) {
      this.head[depth][present[p]] = NONE;
      this.rootChild[depth][present[p]] = NONE;
    }
    this.size = size;
  }

  private grow(): void {
    const needed = this.size + 1;
    this.item = grown(this.item, needed);
    this.count = grown(this.count, needed);
    this.parent = grown(this.parent, needed);
    this.child = grown(this.child, needed);
    this.sibling = grown(this.sibling, needed);
    this.link = grown(this.link, needed);
  }
}
