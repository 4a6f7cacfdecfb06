import { rowProgress, type StageProgress } from '../common/progress';
import type { Random } from '../common/random';
import { COUNTED_MAX_VALUES, type TreeData } from './treeData';
import { TreeBuilder, type DecisionTree } from './treeNodes';

/**
 * How CART trees are grown, as scikit-learn's DecisionTreeClassifier grows them (1.2, splitter
 * "best", criterion "gini"), so that the same rows give the same tree:
 *
 * - values are compared in single precision (scikit-learn casts X to float32);
 * - the candidate splits of a feature lie at the midpoints of consecutive distinct values in the
 *   node (values within 1e-7 count as one), and the best split maximises scikit-learn's proxy
 *   -(w_right x gini_right) - (w_left x gini_left), computed with its operations in its order;
 *   within a feature the first (lowest) best threshold wins, across features the first best one
 *   in visiting order (scikit-learn visits features in a random order, so exactly tied features
 *   are the one place where the two may differ: those nodes are flagged `tied`);
 * - a node is a leaf at maxDepth, below 2 x minSamplesLeaf rows, when pure (Gini <= machine
 *   epsilon), or when no split leaves minSamplesLeaf rows on each side;
 * - nodes are numbered depth first, left child first.
 *
 * Speed: features are sorted once (prepareTreeData). A feature of at most 256 distinct values is
 * scanned by counting a node's rows per value and class. Every other feature keeps each node's
 * rows in its order; a split partitions those runs stably into the other of two buffers (nodes
 * at even depths live in one, odd depths in the other), so no node ever sorts and a node costs
 * O(rows x features).
 */

/** Values closer than this count as one (scikit-learn's FEATURE_THRESHOLD). */
const FEATURE_THRESHOLD = 1e-7;
/** A node whose impurity is at most this is pure (scikit-learn's EPSILON). */
const EPSILON = 2.220446049250313e-16;

export interface TreeOptions {
  /** Deepest level of splits (the root is depth 0); null for no limit. */
  maxDepth: number | null;
  /** Fewest rows (not weight) on each side of a split. */
  minSamplesLeaf: number;
  /** Features tried per split, drawn at random (forests); null for every feature in order. */
  maxFeatures: number | null;
  /** Draws the features tried per split when maxFeatures is set. */
  random: Random | null;
  /** Rows to grow on (indices into the data); null for all. */
  rows: Int32Array | null;
  /** Per data row: its weight (bootstrap counts, sample weights); rows of weight 0 are left out. */
  weights: Float64Array | null;
}

export const DEFAULT_TREE_OPTIONS: TreeOptions = {
  maxDepth: null,
  minSamplesLeaf: 1,
  maxFeatures: null,
  random: null,
  rows: null,
  weights: null,
};

/**
 * Grows trees on one TreeData, reusing its buffers from tree to tree (a forest grows hundreds).
 * `capacity` is the most rows one tree is grown on.
 */
export class TreeGrower {
  /** Sorted features, and the slot of each feature's runs in the buffers (-1: counted). */
  private readonly sortedFeatures: number[] = [];
  private readonly slot: Int32Array;
  /** Two buffers each: the node's rows (any order), and per slot its rows and values in order. */
  private readonly nodeRows: [Int32Array, Int32Array];
  private readonly orderRows: [Int32Array, Int32Array];
  private readonly orderValues: [Float32Array, Float32Array];
  /** Per data row: 1 while it is in the sample, or while it goes left of the split being made. */
  private readonly mark: Uint8Array;
  /** The node's rows' classes and weights, in nodeRows order (read once per node, not per feature). */
  private readonly nodeClasses: Int32Array;
  private readonly nodeWeights: Float64Array;
  /**
   * The counted features drawn together are counted in one pass over the node's rows (a row's
   * ranks of all features share a cache line). Per batch member b, at b x 256 + rank: its rows
   * and (x classes) weight per rank, the ranks present, and their count, lowest and highest.
   */
  private hist = new Float64Array(0);
  private readonly rankRows: Int32Array;
  private readonly present: Int32Array;
  private readonly presentCount: Int32Array;
  private readonly lowestRank: Int32Array;
  private readonly highestRank: Int32Array;
  private readonly batch: Int32Array;
  private readonly members: Int32Array;

  constructor(
    private readonly data: TreeData,
    private readonly capacity: number,
  ) {
    this.slot = new Int32Array(data.d).fill(-1);
    data.sorted.forEach((order, f) => {
      if (order !== null) this.slot[f] = this.sortedFeatures.push(f) - 1;
    });
    const size = this.sortedFeatures.length * capacity;
    this.nodeRows = [new Int32Array(capacity), new Int32Array(capacity)];
    this.orderRows = [new Int32Array(size), new Int32Array(size)];
    this.orderValues = [new Float32Array(size), new Float32Array(size)];
    this.mark = new Uint8Array(data.n);
    this.nodeClasses = new Int32Array(capacity);
    this.nodeWeights = new Float64Array(capacity);
    const d = data.d;
    this.rankRows = new Int32Array(d * COUNTED_MAX_VALUES);
    this.present = new Int32Array(d * COUNTED_MAX_VALUES);
    this.presentCount = new Int32Array(d);
    this.lowestRank = new Int32Array(d);
    this.highestRank = new Int32Array(d);
    this.batch = new Int32Array(d);
    this.members = new Int32Array(d);
  }

  grow(
    target: Int32Array,
    classCount: number,
    options: Partial<TreeOptions> = {},
    onProgress?: StageProgress,
  ): DecisionTree {
    const settings = { ...DEFAULT_TREE_OPTIONS, ...options };
    const { d, lower, upper } = this.data;
    const { slot, rankRows, present, nodeClasses, nodeWeights, capacity: cap } = this;
    const { presentCount, lowestRank, highestRank, batch } = this;
    const C = classCount;
    if (this.hist.length < d * COUNTED_MAX_VALUES * C)
      this.hist = new Float64Array(d * COUNTED_MAX_VALUES * C);
    const hist = this.hist;
    const weights = settings.weights;
    const maxDepth = settings.maxDepth ?? Infinity;
    const minLeaf = Math.max(1, settings.minSamplesLeaf);
    const tryFeatures = Math.min(d, settings.maxFeatures ?? d);
    if (d === 0) throw new Error('a tree needs at least one feature');
    if (tryFeatures < d && settings.random === null)
      throw new Error('a random generator is needed to draw features');

    const N = this.fillSample(settings.rows, weights);
    const tree = new TreeBuilder(C, d);
    const leftCounts = new Float64Array(C);
    const nodeCounts = new Float64Array(C);
    const featureOrder = Int32Array.from({ length: d }, (_, f) => f);
    const featureBest = new Float64Array(d).fill(-Infinity);
    const progress = rowProgress(onProgress, N);
    let settled = 0;

    // Depth first, left child first: the stack holds [start, end, depth, parent, isLeft].
    const stack: number[] = [0, N, 0, -1, 0];
    while (stack.length > 0) {
      const isLeft = stack.pop()!;
      const parent = stack.pop()!;
      const depth = stack.pop()!;
      const end = stack.pop()!;
      const start = stack.pop()!;
      const nodeRows = this.nodeRows[depth & 1];
      const orderRows = this.orderRows[depth & 1];
      const orderValues = this.orderValues[depth & 1];
      nodeCounts.fill(0);
      let nodeWeight = 0;
      for (let j = start; j < end; j++) {
        const row = nodeRows[j];
        const w = weights === null ? 1 : weights[row];
        const cls = target[row];
        nodeClasses[j] = cls;
        nodeWeights[j] = w;
        nodeCounts[cls] += w;
        nodeWeight += w;
      }
      const impurity = gini(nodeCounts, nodeWeight);
      const rowCount = end - start;
      const node = tree.add(
        parent,
        isLeft === 1,
        depth,
        nodeCounts,
        rowCount,
        nodeWeight,
        impurity,
      );
      let isLeaf =
        depth >= maxDepth || rowCount < 2 || rowCount < 2 * minLeaf || impurity <= EPSILON;

      let bestFeature = -1;
      /** Rows on the left of the best split; for a counted feature, also its highest rank. */
      let bestLeftRows = 0;
      let bestRank = -1;
      let bestThreshold = 0;
      let bestProxy = -Infinity;
      if (!isLeaf) {
        let visited = 0;
        let drawn = 0;
        // Features drawn without replacement, a batch at a time, tried in the order drawn;
        // constant ones do not count towards tryFeatures (so another batch may follow).
        while (drawn < d && visited < tryFeatures) {
          let size = 0;
          while (size < tryFeatures - visited && drawn < d) {
            if (tryFeatures < d) {
              const pick = drawn + settings.random!.int(d - drawn);
              const t = featureOrder[drawn];
              featureOrder[drawn] = featureOrder[pick];
              featureOrder[pick] = t;
            }
            batch[size++] = featureOrder[drawn++];
          }
          this.countBatch(size, start, end, nodeRows, C);
          for (let b = 0; b < size; b++) {
            const f = batch[b];
            leftCounts.fill(0);
            let leftWeight = 0;
            if (slot[f] >= 0) {
              const base = slot[f] * cap;
              if (orderValues[base + end - 1] <= orderValues[base + start] + FEATURE_THRESHOLD)
                continue;
              visited++;
              for (let j = base + start; j < base + end - 1; j++) {
                const row = orderRows[j];
                const w = weights === null ? 1 : weights[row];
                leftCounts[target[row]] += w;
                leftWeight += w;
                const low = orderValues[j];
                const high = orderValues[j + 1];
                if (high <= low + FEATURE_THRESHOLD) continue;
                const leftRows = j + 1 - base - start;
                if (leftRows < minLeaf) continue;
                if (rowCount - leftRows < minLeaf) break;
                // scikit-learn's proxy, inlined: a call would box its result on every candidate.
                const rightWeight = nodeWeight - leftWeight;
                let squaresLeft = 0;
                let squaresRight = 0;
                for (let c = 0; c < C; c++) {
                  squaresLeft += leftCounts[c] * leftCounts[c];
                  const right = nodeCounts[c] - leftCounts[c];
                  squaresRight += right * right;
                }
                const proxy =
                  -rightWeight * (1 - squaresRight / (rightWeight * rightWeight)) -
                  leftWeight * (1 - squaresLeft / (leftWeight * leftWeight));
                if (proxy > featureBest[f]) featureBest[f] = proxy;
                if (proxy > bestProxy) {
                  bestProxy = proxy;
                  bestFeature = f;
                  bestLeftRows = leftRows;
                  bestThreshold = midpoint(low, high);
                }
              }
              continue;
            }
            const lowest = lower[f]!;
            const highest = upper[f]!;
            const offset = b * COUNTED_MAX_VALUES;
            const u = presentCount[b];
            if (highest[highestRank[b]] > lowest[lowestRank[b]] + FEATURE_THRESHOLD) {
              visited++;
              sortRanks(present, offset, u, rankRows, lowestRank[b], highestRank[b]);
              let leftRows = 0;
              for (let p = offset; p < offset + u - 1; p++) {
                const r = present[p];
                const at = (offset + r) * C;
                for (let c = 0; c < C; c++) {
                  const w = hist[at + c];
                  leftCounts[c] += w;
                  leftWeight += w;
                }
                leftRows += rankRows[offset + r];
                const low = highest[r];
                const high = lowest[present[p + 1]];
                if (high <= low + FEATURE_THRESHOLD) continue;
                if (leftRows < minLeaf) continue;
                if (rowCount - leftRows < minLeaf) break;
                const rightWeight = nodeWeight - leftWeight;
                let squaresLeft = 0;
                let squaresRight = 0;
                for (let c = 0; c < C; c++) {
                  squaresLeft += leftCounts[c] * leftCounts[c];
                  const right = nodeCounts[c] - leftCounts[c];
                  squaresRight += right * right;
                }
                const proxy =
                  -rightWeight * (1 - squaresRight / (rightWeight * rightWeight)) -
                  leftWeight * (1 - squaresLeft / (leftWeight * leftWeight));
                if (proxy > featureBest[f]) featureBest[f] = proxy;
                if (proxy > bestProxy) {
                  bestProxy = proxy;
                  bestFeature = f;
                  bestLeftRows = leftRows;
                  bestRank = r;
                  bestThreshold = midpoint(low, high);
                }
              }
            }
            for (let p = offset; p < offset + u; p++) {
              const at = offset + present[p];
              rankRows[at] = 0;
              for (let c = 0; c < C; c++) hist[at * C + c] = 0;
            }
          }
        }
        if (bestFeature === -1) isLeaf = true;
        const tolerance = 1e-12 * Math.abs(bestProxy);
        for (let k = 0; k < d; k++) {
          const f = featureOrder[k];
          if (f !== bestFeature && featureBest[f] >= bestProxy - tolerance) tree.tied[node] = 1;
          featureBest[f] = -Infinity;
        }
      }
      if (isLeaf) {
        settled += rowCount;
        progress(settled);
        continue;
      }
      tree.feature[node] = bestFeature;
      tree.threshold[node] = bestThreshold;
      const position = start + bestLeftRows;
      this.partition(depth, start, end, position, bestFeature, bestRank);
      stack.push(position, end, depth + 1, node, 0, start, position, depth + 1, node, 1);
    }
    onProgress?.(1);
    return tree.finish();
  }

  /** Counts the node's rows per rank and class for every counted feature of the batch. */
  private countBatch(
    size: number,
    start: number,
    end: number,
    nodeRows: Int32Array,
    C: number,
  ): void {
    const { batch, members, rankRows, present, presentCount, lowestRank, highestRank, hist } = this;
    const { codes, countedSlot, n } = this.data;
    const counted = codes.length / Math.max(1, n);
    let m = 0;
    for (let b = 0; b < size; b++) {
      presentCount[b] = 0;
      lowestRank[b] = COUNTED_MAX_VALUES;
      highestRank[b] = -1;
      if (countedSlot[batch[b]] >= 0) members[m++] = b;
    }
    if (m === 0) return;
    const { nodeClasses, nodeWeights } = this;
    for (let j = start; j < end; j++) {
      const rowBase = nodeRows[j] * counted;
      const cls = nodeClasses[j];
      const w = nodeWeights[j];
      for (let q = 0; q < m; q++) {
        const b = members[q];
        const r = codes[rowBase + countedSlot[batch[b]]];
        const at = b * COUNTED_MAX_VALUES + r;
        if (rankRows[at]++ === 0) {
          present[b * COUNTED_MAX_VALUES + presentCount[b]++] = r;
          if (r < lowestRank[b]) lowestRank[b] = r;
          if (r > highestRank[b]) highestRank[b] = r;
        }
        hist[at * C + cls] += w;
      }
    }
  }

  /** Puts the sample (given rows of positive weight) in the root's buffers; returns its size. */
  private fillSample(rows: Int32Array | null, weights: Float64Array | null): number {
    const { n } = this.data;
    const { mark, capacity } = this;
    const nodeRows = this.nodeRows[0];
    const orderRows = this.orderRows[0];
    const orderValues = this.orderValues[0];
    let count = 0;
    const given = rows ? rows.length : n;
    for (let r = 0; r < given; r++) {
      const row = rows ? rows[r] : r;
      if ((weights === null || weights[row] > 0) && mark[row] === 0) {
        if (count === capacity) throw new Error(`more rows than the grower's ${capacity}`);
        mark[row] = 1;
        nodeRows[count++] = row;
      }
    }
    if (count === 0) throw new Error('a tree needs at least one row of positive weight');
    this.sortedFeatures.forEach((f, s) => {
      const order = this.data.sorted[f]!;
      const ordered = this.data.sortedValues[f]!;
      let j = s * capacity;
      for (let k = 0; k < n; k++) {
        const row = order[k];
        if (mark[row] === 1) {
          orderRows[j] = row;
          orderValues[j++] = ordered[k];
        }
      }
    });
    for (let k = 0; k < count; k++) mark[nodeRows[k]] = 0;
    return count;
  }

  /**
   * Moves the node's rows [start, end) at `depth` into the other buffer as its two children:
   * the left rows to [start, position), the rest after, each side keeping its order.
   */
  private partition(
    depth: number,
    start: number,
    end: number,
    position: number,
    feature: number,
    rank: number,
  ): void {
    const { mark, capacity } = this;
    const from = depth & 1;
    const to = 1 - from;
    const nodeRows = this.nodeRows[from];
    if (this.slot[feature] >= 0) {
      const base = this.slot[feature] * capacity;
      const orderRows = this.orderRows[from];
      for (let j = base + start; j < base + position; j++) mark[orderRows[j]] = 1;
    } else {
      const { codes, countedSlot, n } = this.data;
      const counted = codes.length / Math.max(1, n);
      const slot = countedSlot[feature];
      for (let j = start; j < end; j++)
        mark[nodeRows[j]] = codes[nodeRows[j] * counted + slot] <= rank ? 1 : 0;
    }
    // Branch-free: a row's side decides which cursor it is written at and moves on.
    const nextRows = this.nodeRows[to];
    for (let j = start, l = start, r = position; j < end; j++) {
      const row = nodeRows[j];
      const m = mark[row];
      nextRows[r + m * (l - r)] = row;
      l += m;
      r += 1 - m;
    }
    const orderRows = this.orderRows[from];
    const orderValues = this.orderValues[from];
    const nextOrderRows = this.orderRows[to];
    const nextOrderValues = this.orderValues[to];
    for (let s = 0; s < this.sortedFeatures.length; s++) {
      const base = s * capacity;
      for (let j = base + start, l = base + start, r = base + position; j < base + end; j++) {
        const row = orderRows[j];
        const m = mark[row];
        const at = r + m * (l - r);
        nextOrderRows[at] = row;
        nextOrderValues[at] = orderValues[j];
        l += m;
        r += 1 - m;
      }
    }
    for (let j = start; j < end; j++) mark[nodeRows[j]] = 0;
  }
}

/** The threshold between two values, as scikit-learn places it. */
function midpoint(low: number, high: number): number {
  const threshold = low / 2 + high / 2;
  return threshold === high ? low : threshold;
}

/** Gini impurity of weighted class counts, as scikit-learn's node_impurity. */
function gini(counts: Float64Array, weight: number): number {
  let squares = 0;
  for (let c = 0; c < counts.length; c++) squares += counts[c] * counts[c];
  return 1 - squares / (weight * weight);
}

/**
 * Puts the u distinct ranks present[offset..offset + u) in ascending order, the cheaper of two
 * ways; rankRows[offset + rank] counts each rank's rows.
 */
function sortRanks(
  present: Int32Array,
  offset: number,
  u: number,
  rankRows: Int32Array,
  lowest: number,
  highest: number,
): void {
  if (highest - lowest < 4 * u) {
    let p = offset;
    for (let r = lowest; r <= highest; r++) if (rankRows[offset + r] > 0) present[p++] = r;
    return;
  }
  for (let a = offset + 1; a < offset + u; a++) {
    const r = present[a];
    let b = a - 1;
    while (b >= offset && present[b] > r) {
      present[b + 1] = present[b];
      b--;
    }
    present[b + 1] = r;
  }
}
