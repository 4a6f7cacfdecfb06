/**
 * A k-d tree over the rows of a matrix, for the neighbour searches of DBSCAN and the k-distance
 * plot: radius queries and k-nearest queries in O(n) memory. Nodes keep their bounding boxes, so
 * a whole box is skipped when even its nearest corner is too far, under any Minkowski metric
 * (Euclidean, Manhattan, Chebyshev). Leaves hold up to LEAF_SIZE rows. In many dimensions the
 * boxes prune less and a query tends to a scan, which is still exact.
 */

import { squaredDistance } from '../distance';

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

  /** The largest distance from the query to any point of the node's box. */
  private farthestBoxDistance(
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
      const toLow = q - box[base + j];
      const toHigh = box[base + d + j] - q;
      const gap = toLow > toHigh ? toLow : toHigh;
      if (metric === 'euclidean') total += gap * gap;
      else if (metric === 'manhattan') total += gap;
      else if (gap > total) total = gap;
    }
    return metric === 'euclidean' ? Math.sqrt(total) : total;
  }

  /**
   * Every row within `radius` of the query (under `distance`, with the box bound of
   * `metric`), passed to `visit`, which returns true to stop the search. Rows come in tree
   * order, not index order. When `metric` is the metric of `distance` and the caller does not
   * need the distances (`withDistances` false), a box wholly inside the radius is passed on
   * without measuring its rows, and `visit` gets NaN for their distance.
   */
  radius(
    query: Float64Array,
    offset: number,
    radius: number,
    metric: TreeMetric,
    distance: (row: number) => number,
    visit: (row: number, distance: number) => boolean | void,
    withDistances = true,
  ): void {
    if (this.n === 0) return;
    const { stack, order } = this;
    // The box bound and the exact distance add their terms in different orders: a margin of a
    // few ulps keeps a row exactly at the radius out of the shortcut, so both agree on it.
    const inside = radius * (1 - 1e-12);
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (this.boxDistance(node, query, offset, metric) > radius) continue;
      if (!withDistances && this.farthestBoxDistance(node, query, offset, metric) <= inside) {
        for (let p = this.start[node]; p < this.end[node]; p++)
          if (visit(order[p], NaN) === true) return;
        continue;
      }
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
   * Every pair of the tree's rows (i != j, each pair once) within `radius` of each other in
   * Euclidean distance, decided as `radiusEuclidean` decides, found by walking pairs of nodes:
   * two boxes too far apart are skipped whole, two boxes wholly within the radius give all their
   * pairs unmeasured. `emit` returns false to abandon the walk; the method then returns false.
   */
  pairsWithinEuclidean(radius: number, emit: (i: number, j: number) => boolean): boolean {
    if (this.n < 2) return true;
    const outside = radius * radius * (1 + 1e-12);
    const inside = radius * radius * (1 - 1e-12);
    const { order, rows, d, box, start, end, left, right } = this;
    const join = (a: number, b: number): boolean => {
      const baseA = a * 2 * d;
      const baseB = b * 2 * d;
      let near = 0;
      let far = 0;
      for (let j = 0; j < d; j++) {
        const lowA = box[baseA + j];
        const highA = box[baseA + d + j];
        const lowB = box[baseB + j];
        const highB = box[baseB + d + j];
        const gap = lowB > highA ? lowB - highA : lowA > highB ? lowA - highB : 0;
        near += gap * gap;
        const reach = highB - lowA > highA - lowB ? highB - lowA : highA - lowB;
        far += reach * reach;
      }
      if (near > outside) return true;
      if (far <= inside) {
        for (let p = start[a]; p < end[a]; p++)
          for (let q = a === b ? p + 1 : start[b]; q < end[b]; q++)
            if (!emit(order[p], order[q])) return false;
        return true;
      }
      const leafA = left[a] === -1;
      const leafB = left[b] === -1;
      if (leafA && leafB) {
        for (let p = start[a]; p < end[a]; p++) {
          const i = order[p];
          for (let q = a === b ? p + 1 : start[b]; q < end[b]; q++) {
            const j = order[q];
            if (Math.sqrt(squaredDistance(rows, i * d, rows, j * d, d)) <= radius && !emit(i, j))
              return false;
          }
        }
        return true;
      }
      if (a === b)
        return join(left[a], left[a]) && join(left[a], right[a]) && join(right[a], right[a]);
      if (!leafA && (leafB || end[a] - start[a] >= end[b] - start[b]))
        return join(left[a], b) && join(right[a], b);
      return join(a, left[b]) && join(a, right[b]);
    };
    return join(0, 0);
  }

  /**
   * `radius` for the Euclidean distance between the query and the tree's own rows, without a
   * call per row or per box: boxes are compared in squared distances (with a little slack, so
   * no row is lost to rounding), rows by `Math.sqrt(squaredDistance(...)) <= radius`, exactly
   * as `rowDistance('euclidean')` decides. Without distances, a box wholly inside the radius is
   * passed on without measuring its rows (`visit` gets NaN).
   */
  radiusEuclidean(
    query: Float64Array,
    offset: number,
    radius: number,
    visit: (row: number, distance: number) => boolean | void,
    withDistances: boolean,
  ): void {
    if (this.n === 0) return;
    const { stack, order, rows, d, box, start, end, left, right } = this;
    const outside = radius * radius * (1 + 1e-12);
    const inside = radius * radius * (1 - 1e-12);
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const base = node * 2 * d;
      let near = 0;
      let far = 0;
      for (let j = 0; j < d; j++) {
        const q = query[offset + j];
        const low = box[base + j];
        const high = box[base + d + j];
        const gap = q < low ? low - q : q > high ? q - high : 0;
        near += gap * gap;
        const toLow = q - low;
        const toHigh = high - q;
        const reach = toLow > toHigh ? toLow : toHigh;
        far += reach * reach;
      }
      if (near > outside) continue;
      if (!withDistances && far <= inside) {
        for (let p = start[node]; p < end[node]; p++) if (visit(order[p], NaN) === true) return;
        continue;
      }
      const l = left[node];
      if (l === -1) {
        for (let p = start[node]; p < end[node]; p++) {
          const row = order[p];
          const dist = Math.sqrt(squaredDistance(query, offset, rows, row * d, d));
          if (dist <= radius && visit(row, dist) === true) return;
        }
      } else {
        stack[top++] = right[node];
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
