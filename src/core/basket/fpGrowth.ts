import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { Baskets } from './baskets';
import { FpTrees, grown, NONE, type PatternBases } from './fpTrees';
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
    throw new UserError('bad-option', 'basketsMinSupport', { value: minSupport });
  }
  if (!Number.isInteger(maxLen) || maxLen < 1 || maxLen > MAX_ITEMSET_LENGTH) {
    throw new UserError('bad-option', 'basketsMaxLen', {
      most: MAX_ITEMSET_LENGTH,
      value: maxLen,
    });
  }
  if (!Number.isInteger(maxItemsets) || maxItemsets < 1) {
    throw new UserError('bad-option', 'basketsMaxItemsets', { value: maxItemsets });
  }
}

/** The most entries of the FP-array (64 MB); past it, depth 0 walks the tree as deeper ones do. */
const PAIR_ARRAY_LIMIT = 1 << 24;

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
  /** The most FP-array entries (tests lower it to check the walking path). */
  pairArrayLimit = PAIR_ARRAY_LIMIT,
): FrequentItemsets {
  validateMiningOptions(options);
  const n = baskets.basketCount;
  if (n === 0) {
    throw new UserError('no-baskets', 'basketsNone');
  }
  const threshold = supportThreshold(options.minSupport, n);
  const miner = new FpMiner(baskets, options, threshold.single, threshold.longer, pairArrayLimit);
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
  /** The FP-array of the first tree (see FpTrees.pairCounts), or null when too large. */
  private readonly pairs: Int32Array | null;
  /** With it, the first tree's pattern bases that become conditional trees. */
  private readonly firstBases: PatternBases | null = null;
  // Per rank: counts in a pattern base (also the "kept" marks while building), ranks touched.
  private readonly scratchCount: Int32Array;
  private readonly touched: Int32Array;
  private readonly path: Int32Array;
  // The pattern base last counted: per node, its count, path length, and path upwards, at
  // baseOffsets[0 .. baseRecords - 1].
  private base = new Int32Array(1 << 16);
  private baseOffsets = new Int32Array(1 << 12);
  private baseRecords = 0;
  // The ranks of the itemset being extended, and its item ids sorted for output.
  private readonly prefix: Int32Array;
  private readonly sorted: Int32Array;

  constructor(
    baskets: Baskets,
    private readonly options: MiningOptions,
    minCount: number,
    longer: number,
    pairArrayLimit: number,
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
    // Pairs are counted at depth 0 when there are longer itemsets to find; then the ranks with
    // two frequent ranks above them have their pattern bases recorded in one pass.
    this.pairs = options.maxLen >= 2 ? this.trees.pairCounts(pairArrayLimit) : null;
    if (this.pairs !== null && options.maxLen >= 3) {
      const wanted = new Uint8Array(ranks);
      for (let rank = 0, row = 0; rank < ranks; row += rank, rank++) {
        let kept = 0;
        for (let above = 0; above < rank && kept < 2; above++)
          if (this.pairs[row + above] >= this.minCountLonger) kept++;
        if (kept === 2) wanted[rank] = 1;
      }
      this.firstBases = this.trees.firstPatternBases(this.pairs, this.minCountLonger, wanted);
    }
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
      const fromPairs = depth === 0 && this.pairs !== null;
      const kept = fromPairs ? this.keptFromPairs(rank) : this.countPatternBase(depth, rank, !last);
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
        if (fromPairs) {
          const { data, offsets, first } = this.firstBases!;
          this.buildConditionalTree(1, data, offsets, first[rank], first[rank + 1]);
        } else {
          this.buildConditionalTree(depth + 1, this.base, this.baseOffsets, 0, this.baseRecords);
        }
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
    let records = 0;
    for (let node = trees.head[depth][rank]; node !== NONE; node = link[node]) {
      const c = nodeCount[node];
      let lengthAt = -1;
      if (record) {
        if (at + 2 + trees.ranks > this.base.length)
          this.base = grown(this.base, at + 2 + trees.ranks);
        if (records === this.baseOffsets.length)
          this.baseOffsets = grown(this.baseOffsets, records + 1);
        this.baseOffsets[records++] = at;
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
    this.baseRecords = records;
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

  /**
   * The ranks frequent together with `rank` at depth 0, from the FP-array (as countPatternBase
   * would find them by walking the tree).
   */
  private keptFromPairs(rank: number): number {
    const pairs = this.pairs!;
    const present = this.trees.present[1];
    const total = this.trees.total[1];
    const row = (rank * (rank - 1)) / 2;
    let kept = 0;
    for (let above = 0; above < rank; above++) {
      const count = pairs[row + above];
      if (count >= this.minCountLonger) {
        present[kept++] = above;
        total[above] = count;
      }
    }
    this.trees.presentCount[1] = kept;
    return kept;
  }

  /**
   * The conditional tree at `depth` from recorded pattern-base records (`offsets[from..to)` into
   * `data`: count, length, ranks above, nearest first), with the frequent ranks only.
   */
  private buildConditionalTree(
    depth: number,
    data: Int32Array,
    offsets: Int32Array,
    from: number,
    to: number,
  ): void {
    const { trees, path } = this;
    const present = trees.present[depth];
    const keep = this.scratchCount; // 1 = frequent in the pattern base; all 0 again on return
    for (let p = 0; p < trees.presentCount[depth]; p++) keep[present[p]] = 1;
    const root = trees.newNode(NONE, 0, NONE);
    for (let r = from; r < to; r++) {
      const at = offsets[r];
      const count = data[at];
      // Recorded nearest first, the kept ranks come in descending order: reverse them.
      let length = 0;
      for (let j = at + 1 + data[at + 1]; j >= at + 2; j--) {
        if (keep[data[j]] === 1) path[length++] = data[j];
      }
      if (length > 0) trees.insert(depth, root, path, length, count);
    }
    for (let p = 0; p < trees.presentCount[depth]; p++) keep[present[p]] = 0;
  }

  /** Records the itemset prefix[0..length) with its count, as item ids ascending. */
  private emit(length: number, count: number): void {
    if (this.found.count === this.options.maxItemsets) {
      throw new UserError('too-many-itemsets', 'basketsTooMany', {
        most: this.options.maxItemsets,
        support: Number(this.options.minSupport.toPrecision(3)),
      });
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
