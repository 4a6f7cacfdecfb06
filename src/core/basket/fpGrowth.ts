import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { Baskets } from './baskets';
import { FpTrees, NONE } from './fpTrees';
import { ItemsetBuffer } from './itemsetBuffer';
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
 * stack (see FpTrees). At the last length no tree is built: the counts of the ranks above an
 * item's nodes are the counts of the longest itemsets.
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
  miner.mine(onProgress);
  const itemsets = miner.found.byLength();
  onProgress?.(1);
  return {
    count: miner.found.count,
    basketCount: n,
    ...itemsets,
    table: buildItemsetTable(itemsets),
    options: { ...options },
    minCount: threshold.single,
    minCountLonger: miner.minCountLonger,
  };
}

/**
 * FP-growth proper. Items are ranked by count, the most frequent nearest the root. For each rank
 * of a tree, least frequent first: its itemset (with the prefix) is frequent; its conditional
 * pattern base (the paths above its nodes) gives the counts of the itemsets one item longer; if
 * still shorter than maxLen, the frequent part of that base becomes the next conditional tree.
 */
class FpMiner {
  readonly found = new ItemsetBuffer();
  readonly minCountLonger: number;
  private readonly trees: FpTrees;
  private readonly rankItem: Int32Array;
  // Per rank: counts in a pattern base (also the "kept" marks while building), ranks touched.
  private readonly scratchCount: Int32Array;
  private readonly touched: Int32Array;
  private readonly path: Int32Array;
  // The pattern base last counted: per node, its count, path length, and path upwards.
  private base = new Int32Array(1 << 16);
  private baseLength = 0;
  // The ranks of the itemset being extended, and its item ids sorted for output.
  private readonly prefix: Int32Array;
  private readonly sorted: Int32Array;

  constructor(
    baskets: Baskets,
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
    const ranks = frequent.length;
    const rankOf = new Int32Array(itemCounts.length).fill(NONE);
    frequent.forEach((item, rank) => (rankOf[item] = rank));
    this.trees = new FpTrees(ranks, options.maxLen);
    this.scratchCount = new Int32Array(ranks);
    this.touched = new Int32Array(ranks);
    this.path = new Int32Array(ranks);
    this.prefix = new Int32Array(options.maxLen + 1);
    this.sorted = new Int32Array(options.maxLen + 1);
    const totals = frequent.map((item) => itemCounts[item]);
    const isPath = this.trees.buildFirst(baskets, rankOf, totals);
    // mlxtend generates a one-path tree's itemsets without its conditional-tree threshold.
    this.minCountLonger = isPath ? minCount : longer;
  }

  mine(onProgress?: StageProgress): void {
    this.mineTree(0, onProgress);
  }

  /** Mines the tree at `depth`: each rank in it, after the prefix, makes a frequent itemset. */
  private mineTree(depth: number, onProgress?: StageProgress): void {
    const { trees } = this;
    const length = depth + 1;
    const maxLen = this.options.maxLen;
    const present = trees.present[depth];
    const count = trees.presentCount[depth];
    const every = Math.max(1, Math.floor(count / 30));
    // Least frequent first: their conditional trees come from the deepest, longest paths.
    for (let p = count - 1; p >= 0; p--) {
      if (onProgress && depth === 0 && (count - p) % every === 0) onProgress((count - p) / count);
      const rank = present[p];
      this.prefix[depth] = rank;
      this.emit(length, trees.total[depth][rank]);
      if (length >= maxLen) continue;
      const last = length + 1 === maxLen;
      const kept = this.countPatternBase(depth, rank, !last);
      if (kept === 0) continue;
      if (last || kept === 1) {
        // The pattern base's counts are the counts of the itemsets one item longer (and with one
        // frequent rank, a tree would hold nothing longer).
        const above = trees.present[depth + 1];
        for (let t = 0; t < kept; t++) {
          this.prefix[length] = above[t];
          this.emit(length + 1, trees.total[depth + 1][above[t]]);
        }
      } else {
        const mark = trees.size;
        this.buildConditionalTree(depth);
        this.mineTree(depth + 1);
        trees.drop(depth + 1, mark);
      }
    }
  }

  /**
   * Counts the ranks above the nodes of `rank` in the tree at `depth` (its conditional pattern
   * base) and lists those that stay frequent at depth + 1, with their totals; returns how many
   * stay. With `record`, each node's count, path length and path (upwards) go to `base`, so that
   * the conditional tree is built without walking the tree again.
   */
  private countPatternBase(depth: number, rank: number, record: boolean): number {
    const { scratchCount, touched, trees } = this;
    const { parent, item, count: nodeCount, link } = trees;
    let touchedCount = 0;
    let at = 0;
    for (let node = trees.head[depth][rank]; node !== NONE; node = link[node]) {
      const c = nodeCount[node];
      let lengthAt = -1;
      if (record) {
        if (at + 2 + trees.ranks > this.base.length) this.growBase(at + 2 + trees.ranks);
        this.base[at++] = c;
        lengthAt = at++;
      }
      const pathStart = at;
      for (let up = parent[node]; item[up] !== NONE; up = parent[up]) {
        const above = item[up];
        if (scratchCount[above] === 0) touched[touchedCount++] = above;
        scratchCount[above] += c;
        if (record) this.base[at++] = above;
      }
      if (record) this.base[lengthAt] = at - pathStart;
    }
    this.baseLength = at;
    const next = depth + 1;
    const present = trees.present[next];
    const total = trees.total[next];
    let kept = 0;
    for (let t = 0; t < touchedCount; t++) {
      const above = touched[t];
      if (scratchCount[above] >= this.minCountLonger) {
        present[kept++] = above;
        total[above] = scratchCount[above];
      }
      scratchCount[above] = 0;
    }
    trees.presentCount[next] = kept;
    return kept;
  }

  /** The conditional tree at depth + 1 from the pattern base just recorded, frequent ranks only. */
  private buildConditionalTree(depth: number): void {
    const { trees, base, path } = this;
    const next = depth + 1;
    const present = trees.present[next];
    const keep = this.scratchCount; // 1 = frequent in the pattern base; all 0 again on return
    for (let p = 0; p < trees.presentCount[next]; p++) keep[present[p]] = 1;
    const root = trees.newNode(NONE, 0, NONE);
    for (let at = 0; at < this.baseLength;) {
      const count = base[at];
      const end = at + 2 + base[at + 1];
      // Recorded upwards, the kept ranks come in descending order: reverse them.
      let length = 0;
      for (let j = end - 1; j >= at + 2; j--) {
        if (keep[base[j]] === 1) path[length++] = base[j];
      }
      if (length > 0) trees.insert(next, root, path, length, count);
      at = end;
    }
    for (let p = 0; p < trees.presentCount[next]; p++) keep[present[p]] = 0;
  }

  private growBase(needed: number): void {
    const bigger = new Int32Array(Math.max(needed, this.base.length * 2));
    bigger.set(this.base);
    this.base = bigger;
  }

  /** Records the itemset prefix[0..length) with its count, as item ids ascending. */
  private emit(length: number, count: number): void {
    if (this.found.count === this.options.maxItemsets) {
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
    this.found.add(sorted, length, count);
  }
}
