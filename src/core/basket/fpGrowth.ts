import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { Baskets } from './baskets';
import { buildItemsetTable, findItemset } from './itemsetIndex';
import { MAX_ITEMSET_LENGTH } from './rulesDefaults';
import { supportThreshold } from './supportThreshold';

export interface MiningOptions {
  /** Share of baskets, in (0, 1]. */
  minSupport: number;
  /** Longest itemset, 1..MAX_ITEMSET_LENGTH. */
  maxLen: number;
  /** Past this many frequent itemsets the run stops with a UserError. */
  maxItemsets: number;
}

/**
 * The frequent itemsets as compressed rows: itemset i holds the item ids
 * `items[offsets[i]] .. items[offsets[i + 1] - 1]` (ascending) and is in `counts[i]` baskets.
 * Itemsets come by length, shortest first. Plain typed arrays, so they cross to a worker as they
 * are; `table` finds any frequent itemset (see `itemsetCount`).
 */
export interface FrequentItemsets {
  count: number;
  basketCount: number;
  offsets: Int32Array;
  items: Int32Array;
  counts: Int32Array;
  /** Hash table of the itemsets (see itemsetIndex). */
  table: Int32Array;
  options: MiningOptions;
  /** The least count that made a single item / a longer itemset frequent. */
  minCount: number;
  minCountLonger: number;
}

/** The count of a frequent itemset (ascending item ids `query[from..to)`), or -1 if not frequent. */
export function itemsetCount(
  itemsets: FrequentItemsets,
  query: ArrayLike<number>,
  from = 0,
  to = query.length,
): number {
  const i = findItemset(itemsets, itemsets.table, query, from, to);
  return i === -1 ? -1 : itemsets.counts[i];
}

export function validateMiningOptions(options: MiningOptions): void {
  const { minSupport, maxLen, maxItemsets } = options;
  if (!(minSupport > 0 && minSupport <= 1)) {
    throw new UserError(
      'bad-option',
      `The minimum support must be a share of baskets above 0 and at most 1 (such as 0.01 for 1%), not ${minSupport}.`,
    );
  }
  if (!Number.isInteger(maxLen) || maxLen < 1 || maxLen > MAX_ITEMSET_LENGTH) {
    throw new UserError(
      'bad-option',
      `The maximum itemset length must be a whole number from 1 to ${MAX_ITEMSET_LENGTH}, not ${maxLen}.`,
    );
  }
  if (!Number.isInteger(maxItemsets) || maxItemsets < 1) {
    throw new UserError(
      'bad-option',
      `The cap on frequent itemsets must be a whole number of at least 1, not ${maxItemsets}.`,
    );
  }
}

/**
 * Every itemset of at most `maxLen` items that is frequent (see supportThreshold), by FP-growth.
 * The FP-tree and every conditional tree live in one pool of parallel typed arrays used as a
 * stack (a conditional tree is built on top of its parent and dropped after it is mined); items
 * are ranked by count, most frequent nearest the root. At the last length no tree is built: the
 * counts of the ancestors of the item's nodes are the counts of the longest itemsets.
 */
export function mineItemsets(
  baskets: Baskets,
  options: MiningOptions,
  onProgress?: StageProgress,
): FrequentItemsets {
  validateMiningOptions(options);
  const n = baskets.basketCount;
  if (n === 0) {
    throw new UserError(
      'no-baskets',
      'No basket in this scope names an item: choose another scope, or check the item column.',
    );
  }
  const threshold = supportThreshold(options.minSupport, n);
  const miner = new FpMiner(baskets, options, threshold.single, threshold.longer);
  const found = miner.mine(onProgress);
  const itemsets = byLength(found.offsets, found.items, found.counts, found.count);
  onProgress?.(1);
  return {
    count: found.count,
    basketCount: n,
    ...itemsets,
    table: buildItemsetTable(itemsets),
    options: { ...options },
    minCount: threshold.single,
    minCountLonger: miner.minCountLonger,
  };
}

const NONE = -1;

class FpMiner {
  // The node pool: parallel arrays; item is a rank (0 = most frequent item).
  private nodeItem = new Int32Array(1024);
  private nodeCount = new Int32Array(1024);
  private nodeParent = new Int32Array(1024);
  private nodeChild = new Int32Array(1024);
  private nodeSibling = new Int32Array(1024);
  private nodeLink = new Int32Array(1024);
  private nodes = 0;
  // Per depth (tree of prefix length d): per rank, first node and total count; the ranks present
  // and the root's child of each rank.
  private readonly head: Int32Array[] = [];
  private readonly total: Int32Array[] = [];
  private readonly present: Int32Array[] = [];
  private readonly presentCount: Int32Array;
  private readonly rootChild: Int32Array[] = [];
  // Scratch per rank: counts in a conditional pattern base, kept ranks.
  private readonly scratchCount: Int32Array;
  private readonly touched: Int32Array;
  private readonly path: Int32Array;
  // The pattern base last counted: per node, its count, path length, and path upwards.
  private base = new Int32Array(1 << 16);
  private baseLength = 0;
  private readonly prefix: Int32Array;
  private readonly rankItem: Int32Array;
  private readonly ranks: number;
  readonly minCountLonger: number;
  // The output, grown by doubling.
  private outItems = new Int32Array(4096);
  private outOffsets = new Int32Array(1024);
  private outCounts = new Int32Array(1024);
  private outCount = 0;
  private readonly sorted: Int32Array;

  constructor(
    private readonly baskets: Baskets,
    private readonly options: MiningOptions,
    minCount: number,
    longer: number,
  ) {
    const itemCounts = new Int32Array(baskets.itemCount);
    for (let j = 0; j < baskets.items.length; j++) itemCounts[baskets.items[j]]++;
    const frequent: number[] = [];
    for (let item = 0; item < itemCounts.length; item++)
      if (itemCounts[item] >= minCount) frequent.push(item);
    frequent.sort((a, b) => itemCounts[b] - itemCounts[a] || a - b);
    this.rankItem = Int32Array.from(frequent);
    const ranks = (this.ranks = frequent.length);
    const depths = Math.min(options.maxLen, MAX_ITEMSET_LENGTH);
    for (let d = 0; d < depths; d++) {
      this.head.push(new Int32Array(ranks).fill(NONE));
      this.total.push(new Int32Array(ranks));
      this.present.push(new Int32Array(ranks));
      this.rootChild.push(new Int32Array(ranks).fill(NONE));
    }
    this.presentCount = new Int32Array(depths);
    this.scratchCount = new Int32Array(ranks);
    this.touched = new Int32Array(ranks);
    this.path = new Int32Array(ranks);
    this.prefix = new Int32Array(depths + 1);
    this.sorted = new Int32Array(depths + 1);
    const isPath = this.buildFirstTree(itemCounts);
    // mlxtend generates a one-path tree's itemsets without its conditional-tree threshold.
    this.minCountLonger = isPath ? minCount : longer;
  }

  mine(onProgress?: StageProgress): {
    offsets: Int32Array;
    items: Int32Array;
    counts: Int32Array;
    count: number;
  } {
    this.mineTree(0, onProgress);
    return {
      offsets: this.outOffsets.subarray(0, this.outCount + 1),
      items: this.outItems.subarray(0, this.outOffsets[this.outCount]),
      counts: this.outCounts.subarray(0, this.outCount),
      count: this.outCount,
    };
  }

  /**
   * The tree of all baskets (each basket's frequent items by rank); true when it is one path.
   * The baskets go in lexicographic order of their ranks: a basket then shares its path with the
   * previous one exactly up to their common prefix (no child to look up), and nodes come out in
   * depth-first order, so that walking up from an item's nodes, in that order, stays in cache.
   */
  private buildFirstTree(itemCounts: Int32Array): boolean {
    const rankOf = new Int32Array(itemCounts.length).fill(NONE);
    this.rankItem.forEach((item, rank) => (rankOf[item] = rank));
    const { start, items, basketCount } = this.baskets;
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
      for (let i = 0; i < shared; i++) this.nodeCount[pathNodes[i]]++;
      for (let i = shared; i < length; i++) {
        const rank = ranked[from + i];
        const node = this.newNode(rank, 1, i === 0 ? root : pathNodes[i - 1]);
        // Appended, so that each rank's nodes are listed in depth-first order.
        if (tail[rank] === NONE) head[rank] = node;
        else this.nodeLink[tail[rank]] = node;
        tail[rank] = node;
        pathNodes[i] = node;
      }
      previousFrom = from;
      previousLength = length;
    }
    const total = this.total[0];
    const present = this.present[0];
    for (let rank = 0; rank < this.ranks; rank++) {
      total[rank] = itemCounts[this.rankItem[rank]];
      present[rank] = rank;
    }
    this.presentCount[0] = this.ranks;
    for (let node = 0; node < this.nodes; node++) {
      const child = this.nodeChild[node];
      if (child !== NONE && this.nodeSibling[child] !== NONE) return false;
    }
    return true;
  }

  /**
   * Mines the tree of prefix length `depth` (its root is the first node at `base`): every rank in
   * it, with the prefix, is a frequent itemset of length depth + 1.
   */
  private mineTree(depth: number, onProgress?: StageProgress): void {
    const length = depth + 1;
    const maxLen = this.options.maxLen;
    const present = this.present[depth];
    const count = this.presentCount[depth];
    const every = Math.max(1, Math.floor(count / 30));
    // Least frequent first: their conditional trees come from the deepest, longest paths.
    for (let p = count - 1; p >= 0; p--) {
      if (onProgress && depth === 0 && (count - p) % every === 0) onProgress((count - p) / count);
      const rank = present[p];
      this.prefix[depth] = rank;
      this.emit(length, this.total[depth][rank]);
      if (length >= maxLen) continue;
      const last = length + 1 === maxLen;
      const kept = this.countPatternBase(depth, rank, !last);
      if (kept === 0) continue;
      if (last || kept === 1) {
        // The pattern base's counts are the counts of the itemsets one item longer (and with one
        // frequent item, a tree would hold nothing longer).
        const touched = this.present[depth + 1];
        for (let t = 0; t < kept; t++) {
          this.prefix[length] = touched[t];
          this.emit(length + 1, this.total[depth + 1][touched[t]]);
        }
      } else {
        const mark = this.nodes;
        this.buildConditionalTree(depth);
        this.mineTree(depth + 1);
        this.clearTree(depth + 1);
        this.nodes = mark;
      }
    }
  }

  /**
   * Counts the ranks above the nodes of `rank` in the tree at `depth` (its conditional pattern
   * base) and lists those that stay frequent in the tree at depth + 1, with their totals.
   * Returns how many stay. With `record`, each node's count, path length and path (upwards) go
   * to `base`, so that the conditional tree is built without walking the tree again.
   */
  private countPatternBase(depth: number, rank: number, record: boolean): number {
    const { nodeParent, nodeItem, nodeCount, nodeLink, scratchCount, touched } = this;
    let touchedCount = 0;
    let at = 0;
    for (let node = this.head[depth][rank]; node !== NONE; node = nodeLink[node]) {
      const c = nodeCount[node];
      let lengthAt = -1;
      if (record) {
        if (at + 2 + this.ranks > this.base.length) this.growBase(at + 2 + this.ranks);
        this.base[at++] = c;
        lengthAt = at++;
      }
      const pathStart = at;
      for (let up = nodeParent[node]; nodeItem[up] !== NONE; up = nodeParent[up]) {
        const above = nodeItem[up];
        if (scratchCount[above] === 0) touched[touchedCount++] = above;
        scratchCount[above] += c;
        if (record) this.base[at++] = above;
      }
      if (record) this.base[lengthAt] = at - pathStart;
    }
    this.baseLength = at;
    const next = depth + 1;
    const present = this.present[next];
    const total = this.total[next];
    let kept = 0;
    for (let t = 0; t < touchedCount; t++) {
      const above = touched[t];
      if (scratchCount[above] >= this.minCountLonger) {
        present[kept++] = above;
        total[above] = scratchCount[above];
      }
      scratchCount[above] = 0;
    }
    this.presentCount[next] = kept;
    return kept;
  }

  /** The conditional tree at depth + 1 from the pattern base just recorded, frequent ranks only. */
  private buildConditionalTree(depth: number): void {
    const next = depth + 1;
    const present = this.present[next];
    const keep = this.scratchCount; // 1 = frequent in the pattern base; all 0 again on return
    for (let p = 0; p < this.presentCount[next]; p++) keep[present[p]] = 1;
    const root = this.newNode(NONE, 0, NONE);
    const { base, path } = this;
    for (let at = 0; at < this.baseLength;) {
      const count = base[at];
      const end = at + 2 + base[at + 1];
      // Recorded upwards, the kept ranks come in descending order: reverse them.
      let length = 0;
      for (let j = end - 1; j >= at + 2; j--) {
        if (keep[base[j]] === 1) path[length++] = base[j];
      }
      if (length > 0) this.insert(next, root, path, length, count);
      at = end;
    }
    for (let p = 0; p < this.presentCount[next]; p++) keep[present[p]] = 0;
  }

  private growBase(needed: number): void {
    const bigger = new Int32Array(Math.max(needed, this.base.length * 2));
    bigger.set(this.base);
    this.base = bigger;
  }

  /** Adds `count` baskets along `path` (ascending ranks) below `root` in the tree at `depth`. */
  private insert(depth: number, root: number, path: Int32Array, length: number, count: number) {
    const rootChild = this.rootChild[depth];
    let node = root;
    let i = 0;
    for (; i < length; i++) {
      const rank = path[i];
      let child: number;
      if (node === root) child = rootChild[rank];
      else {
        child = this.nodeChild[node];
        while (child !== NONE && this.nodeItem[child] !== rank) child = this.nodeSibling[child];
      }
      if (child === NONE) break;
      this.nodeCount[child] += count;
      node = child;
    }
    const head = this.head[depth];
    for (; i < length; i++) {
      const rank = path[i];
      const child = this.newNode(rank, count, node);
      this.nodeLink[child] = head[rank];
      head[rank] = child;
      if (node === root) rootChild[rank] = child;
      node = child;
    }
  }

  private newNode(rank: number, count: number, parent: number): number {
    if (this.nodes === this.nodeItem.length) this.growNodes();
    const node = this.nodes++;
    this.nodeItem[node] = rank;
    this.nodeCount[node] = count;
    this.nodeParent[node] = parent;
    this.nodeChild[node] = NONE;
    this.nodeLink[node] = NONE;
    if (parent === NONE) this.nodeSibling[node] = NONE;
    else {
      this.nodeSibling[node] = this.nodeChild[parent];
      this.nodeChild[parent] = node;
    }
    return node;
  }

  /** Empties the per-rank tables of the tree at `depth` (only the ranks it holds). */
  private clearTree(depth: number): void {
    const present = this.present[depth];
    for (let p = 0; p < this.presentCount[depth]; p++) {
      this.head[depth][present[p]] = NONE;
      this.rootChild[depth][present[p]] = NONE;
    }
  }

  private growNodes(): void {
    const grow = (array: Int32Array) => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.nodeItem = grow(this.nodeItem);
    this.nodeCount = grow(this.nodeCount);
    this.nodeParent = grow(this.nodeParent);
    this.nodeChild = grow(this.nodeChild);
    this.nodeSibling = grow(this.nodeSibling);
    this.nodeLink = grow(this.nodeLink);
  }

  /** Records the itemset prefix[0..length) with its count, as item ids ascending. */
  private emit(length: number, count: number): void {
    if (this.outCount === this.options.maxItemsets) {
      throw new UserError(
        'too-many-itemsets',
        `More than ${this.options.maxItemsets.toLocaleString('en-US')} itemsets are frequent at a minimum support of ${this.options.minSupport}: raise the minimum support (or lower the maximum itemset length).`,
      );
    }
    const sorted = this.sorted;
    for (let i = 0; i < length; i++) {
      // Insertion sort: itemsets are short.
      const item = this.rankItem[this.prefix[i]];
      let j = i;
      while (j > 0 && sorted[j - 1] > item) {
        sorted[j] = sorted[j - 1];
        j--;
      }
      sorted[j] = item;
    }
    const at = this.outOffsets[this.outCount];
    if (at + length > this.outItems.length) {
      const bigger = new Int32Array(this.outItems.length * 2 + length);
      bigger.set(this.outItems);
      this.outItems = bigger;
    }
    if (this.outCount + 2 > this.outOffsets.length) {
      const offsets = new Int32Array(this.outOffsets.length * 2);
      offsets.set(this.outOffsets);
      this.outOffsets = offsets;
      const counts = new Int32Array(this.outCounts.length * 2);
      counts.set(this.outCounts);
      this.outCounts = counts;
    }
    this.outItems.set(sorted.subarray(0, length), at);
    this.outCounts[this.outCount] = count;
    this.outOffsets[++this.outCount] = at + length;
  }
}

/** The itemsets reordered by length (stable): a counting sort. */
function byLength(
  offsets: Int32Array,
  items: Int32Array,
  counts: Int32Array,
  count: number,
): { offsets: Int32Array; items: Int32Array; counts: Int32Array } {
  let longest = 0;
  for (let i = 0; i < count; i++) longest = Math.max(longest, offsets[i + 1] - offsets[i]);
  const firstOfLength = new Int32Array(longest + 2);
  for (let i = 0; i < count; i++) firstOfLength[offsets[i + 1] - offsets[i] + 1]++;
  for (let l = 1; l <= longest + 1; l++) firstOfLength[l] += firstOfLength[l - 1];
  const position = new Int32Array(count);
  for (let i = 0; i < count; i++) position[i] = firstOfLength[offsets[i + 1] - offsets[i]]++;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[position[i]] = i;
  const newOffsets = new Int32Array(count + 1);
  const newItems = new Int32Array(items.length);
  const newCounts = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const i = order[p];
    const from = offsets[i];
    const to = offsets[i + 1];
    newItems.set(items.subarray(from, to), newOffsets[p]);
    newOffsets[p + 1] = newOffsets[p] + to - from;
    newCounts[p] = counts[i];
  }
  return { offsets: newOffsets, items: newItems, counts: newCounts };
}
