/**
 * A k-d tree over the rows of a matrix, for the neighbour searches of DBSCAN and the k-distance
 * plot: radius queries and k-nearest queries in O(n) memory. Nodes keep their bounding boxes, so
 * a whole box is skipped when even its nearest corner is too far, under any Minkowski metric
 * (Euclidean, Manhattan, Chebyshev). Leaves hold up to LEAF_SIZE rows. In many dimensions the
 * boxes prune less and a query tends to a scan, which is still exact.
 */

export type TreeMetric = 'euclidean' | 'manhattan' | 'chebyshev';

const LEAF_SIZE = 24;

export class KdTree {
  /** Row indices, each node's rows contiguous in [start[node], end[node]). */
  readonly order: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per node: d minimums then d maximums. */
  private readonly box: Float64Array;
  private nodes = 0;
  private readonly stack: Int32Array;

  constructor(
    private readonly rows: Float64Array,
    private readonly n: number,
    private readonly d: number,
  ) {
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    const capacity = Math.max(1, 2 * Math.ceil(n / (LEAF_SIZE / 2)) + 1);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity).fill(-1);
    this.box = new Float64Array(capacity * 2 * d);
    this.stack = new Int32Array(capacity);
    if (n > 0) this.build(0, n);
  }

  private build(from: number, to: number): number {
    const node = this.nodes++;
    const { d, rows, order, box } = this;
    this.start[node] = from;
    this.end[node] = to;
    const base = node * 2 * d;
    for (let j = 0; j < d; j++) {
      box[base + j] = Infinity;
      box[base + d + j] = -Infinity;
    }
    for (let p = from; p < to; p++) {
      const row = order[p] * d;
      for (let j = 0; j < d; j++) {
        const v = rows[row + j];
        if (v < box[base + j]) box[base + j] = v;
        if (v > box[base + d + j]) box[base + d + j] = v;
      }
    }
    if (to - from <= LEAF_SIZE) return node;
    let axis = 0;
    let widest = -1;
    for (let j = 0; j < d; j++) {
      const width = box[base + d + j] - box[base + j];
      if (width > widest) {
        widest = width;
        axis = j;
      }
    }
    if (widest <= 0) return node; // every row the same: a leaf, however large
    const middle = (from + to) >> 1;
    this.select(from, to - 1, middle, axis);
    this.left[node] = this.build(from, middle);
    this.right[node] = this.build(middle, to);
    return node;
  }

  /** Quickselect on order[lo..hi] by the axis value, so that position k holds its rank. */
  private select(lo: number, hi: number, k: number, axis: number): void {
    const { order, rows, d } = this;
    while (hi > lo) {
      const pivot = rows[order[(lo + hi) >> 1] * d + axis];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (rows[order[i] * d + axis] < pivot) i++;
        while (rows[order[j] * d + axis] > pivot) j--;
        if (i <= j) {
          const t = order[i];
          order[i] = order[j];
          order[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /** The smallest distance from the query to any point of the node's box. */
  private boxDistance(
    node: number,
    query: Float64Array,
    offset: number,
    metric: TreeMetric,
  ): number {
    const { d, box } = this;
    const base = node * 2 * d;
    let total = 0;
    for (let j = 0; j < d; j++) {
      const q = query[offset + j];
      const low = box[base + j];
      const high = box[base + d + j];
      const gap = q < low ? low - q : q > high ? q - high : 0;
      if (metric === 'euclidean') total += gap * gap;
      else if (metric === 'manhattan') total += gap;
      else if (gap > total) total = gap;
    }
    return metric === 'euclidean' ? Math.sqrt(total) : total;
  }

  /**
   * Every row within `radius` of the query (under `distance`, with the box bound of
   * `metric`), passed to `visit`, which returns true to stop the search. Rows come in tree
   * order, not index order.
   */
  radius(
    query: Float64Array,
    offset: number,
    radius: number,
    metric: TreeMetric,
    distance: (row: number) => number,
    visit: (row: number, distance: number) => boolean | void,
  ): void {
    if (this.n === 0) return;
    const { stack, order } = this;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (this.boxDistance(node, query, offset, metric) > radius) continue;
      const l = this.left[node];
      if (l === -1) {
        for (let p = this.start[node]; p < this.end[node]; p++) {
          const row = order[p];
          const dist = distance(row);
          if (dist <= radius && visit(row, dist) === true) return;
        }
      } else {
        stack[top++] = this.right[node];
        stack[top++] = l;
      }
    }
  }

  /**
   * The distance to the k-th nearest row (the query's own row, when it is one of the rows,
   * counts as the first at distance 0). Infinity when there are fewer than k rows.
   */
  kthDistance(
    query: Float64Array,
    offset: number,
    k: number,
    metric: TreeMetric,
    distance: (row: number) => number,
    heap: Float64Array = new Float64Array(k),
  ): number {
    if (this.n < k) return Infinity;
    // A max-heap of the k smallest distances so far.
    let size = 0;
    const push = (value: number) => {
      if (size < k) {
        let i = size++;
        heap[i] = value;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heap[parent] >= heap[i]) break;
          const t = heap[parent];
          heap[parent] = heap[i];
          heap[i] = t;
          i = parent;
        }
      } else if (value < heap[0]) {
        heap[0] = value;
        let i = 0;
        for (;;) {
          const a = 2 * i + 1;
          const b = a + 1;
          let largest = i;
          if (a < size && heap[a] > heap[largest]) largest = a;
          if (b < size && heap[b] > heap[largest]) largest = b;
          if (largest === i) break;
          const t = heap[largest];
          heap[largest] = heap[i];
          heap[i] = t;
          i = largest;
        }
      }
    };
    const { stack, order } = this;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const bound = size < k ? Infinity : heap[0];
      if (this.boxDistance(node, query, offset, metric) > bound) continue;
      const l = this.left[node];
      if (l === -1) {
        for (let p = this.start[node]; p < this.end[node]; p++) push(distance(order[p]));
      } else {
        // Nearer child last, so it is searched first.
        const r = this.right[node];
        const dl = this.boxDistance(l, query, offset, metric);
        const dr = this.boxDistance(r, query, offset, metric);
        if (dl <= dr) {
          stack[top++] = r;
          stack[top++] = l;
        } else {
          stack[top++] = l;
          stack[top++] = r;
        }
      }
    }
    return heap[0];
  }
}
