/** How a fitted tree is stored: flat typed arrays, node 0 the root (as scikit-learn's tree_). */

/** A fitted tree in flat arrays, node 0 the root (as scikit-learn's tree_). */
export interface DecisionTree {
  nodeCount: number;
  classCount: number;
  featureCount: number;
  /** Split feature; -1 at a leaf. */
  feature: Int32Array;
  /** Rows whose value (in single precision) is <= threshold go left; 0 at a leaf. */
  threshold: Float64Array;
  /** Children; -1 at a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** nodeCount x classCount weighted class counts of the fitted rows (scikit-learn's value). */
  counts: Float64Array;
  /** Fitted rows in each node (unweighted). */
  rows: Int32Array;
  /** Their total weight. */
  weight: Float64Array;
  /** Gini impurity. */
  impurity: Float64Array;
  depth: Int32Array;
  /** 1 where another feature's best split scored the same (to 1e-12): the choice was a tie. */
  tied: Uint8Array;
}

/** Flat node storage that grows by doubling. */
export class TreeBuilder {
  nodeCount = 0;
  feature = new Int32Array(64);
  threshold = new Float64Array(64);
  left = new Int32Array(64);
  right = new Int32Array(64);
  counts: Float64Array;
  rows = new Int32Array(64);
  weight = new Float64Array(64);
  impurity = new Float64Array(64);
  depth = new Int32Array(64);
  tied = new Uint8Array(64);

  constructor(
    readonly classCount: number,
    readonly featureCount: number,
  ) {
    this.counts = new Float64Array(64 * classCount);
  }

  add(
    parent: number,
    isLeft: boolean,
    depth: number,
    counts: Float64Array,
    rows: number,
    weight: number,
    impurity: number,
  ): number {
    if (this.nodeCount === this.feature.length) this.grow(this.nodeCount * 2);
    const node = this.nodeCount++;
    if (parent >= 0) (isLeft ? this.left : this.right)[parent] = node;
    this.feature[node] = -1;
    this.left[node] = -1;
    this.right[node] = -1;
    this.counts.set(counts, node * this.classCount);
    this.rows[node] = rows;
    this.weight[node] = weight;
    this.impurity[node] = impurity;
    this.depth[node] = depth;
    return node;
  }

  private grow(capacity: number): void {
    this.feature = resized(this.feature, capacity);
    this.threshold = resized(this.threshold, capacity);
    this.left = resized(this.left, capacity);
    this.right = resized(this.right, capacity);
    this.counts = resized(this.counts, capacity * this.classCount);
    this.rows = resized(this.rows, capacity);
    this.weight = resized(this.weight, capacity);
    this.impurity = resized(this.impurity, capacity);
    this.depth = resized(this.depth, capacity);
    this.tied = resized(this.tied, capacity);
  }

  finish(): DecisionTree {
    const m = this.nodeCount;
    return {
      nodeCount: m,
      classCount: this.classCount,
      featureCount: this.featureCount,
      feature: this.feature.slice(0, m),
      threshold: this.threshold.slice(0, m),
      left: this.left.slice(0, m),
      right: this.right.slice(0, m),
      counts: this.counts.slice(0, m * this.classCount),
      rows: this.rows.slice(0, m),
      weight: this.weight.slice(0, m),
      impurity: this.impurity.slice(0, m),
      depth: this.depth.slice(0, m),
      tied: this.tied.slice(0, m),
    };
  }
}

function resized<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}
