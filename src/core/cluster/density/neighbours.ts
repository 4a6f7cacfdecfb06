import { indexRadius, indexSpace, rowDistance, type DistanceMetric } from '../distance';
import { KdTree } from './kdTree';

/** Above this many dimensions a k-d tree prunes little: rows are compared one by one. */
export const TREE_MAX_DIMENSIONS = 16;

/**
 * "Which rows lie within eps of row i?", exactly, under any of the metrics, in O(n) memory: a
 * k-d tree in few dimensions (for cosine, on rows scaled to unit length), a plain scan in many.
 * Every candidate is confirmed with the metric itself, so both give the same rows.
 */
export class NeighbourSearch {
  private readonly tree: KdTree | null;
  private readonly indexRows: Float64Array;
  private readonly indexMetric: 'euclidean' | 'manhattan' | 'chebyshev';
  private readonly distance: ReturnType<typeof rowDistance>;

  constructor(
    private readonly matrix: Float64Array,
    private readonly n: number,
    private readonly d: number,
    readonly metric: DistanceMetric,
  ) {
    const space = indexSpace(matrix, n, d, metric);
    this.indexRows = space.rows;
    this.indexMetric = space.indexMetric;
    this.distance = rowDistance(metric);
    this.tree = d <= TREE_MAX_DIMENSIONS ? new KdTree(space.rows, n, d) : null;
  }

  /** The distance between rows a and b (0 from a row to itself, as scikit-learn has it). */
  between(a: number, b: number): number {
    return a === b ? 0 : this.distance(this.matrix, a * this.d, this.matrix, b * this.d, this.d);
  }

  /**
   * Calls `visit` for every row within eps of the query (a row of `queries`, which may be the
   * searched matrix itself: pass `self` to count that row at distance 0). `visit` returns true
   * to stop early.
   */
  within(
    queries: Float64Array,
    queryIndexRows: Float64Array,
    q: number,
    self: number,
    eps: number,
    visit: (row: number, distance: number) => boolean | void,
  ): void {
    const { matrix, d, distance } = this;
    const exact = (row: number) =>
      row === self ? 0 : distance(queries, q * d, matrix, row * d, d);
    if (this.tree === null) {
      for (let row = 0; row < this.n; row++) {
        const dist = exact(row);
        if (dist <= eps && visit(row, dist) === true) return;
      }
      return;
    }
    if (this.metric === 'euclidean') {
      this.tree.radiusEuclidean(queryIndexRows, q * d, eps, visit, true);
      return;
    }
    if (this.metric !== 'cosine') {
      // The tree's metric is the metric: its distances are the exact ones.
      this.tree.radius(queryIndexRows, q * d, eps, this.indexMetric, exact, visit);
      return;
    }
    // Cosine: near on the unit sphere first (cheap), then the exact cosine distance.
    const { indexRows } = this;
    const euclidean = rowDistance('euclidean');
    this.tree.radius(
      queryIndexRows,
      q * d,
      indexRadius('cosine', eps),
      'euclidean',
      (row) => (row === self ? 0 : euclidean(queryIndexRows, q * d, indexRows, row * d, d)),
      (row) => {
        const dist = exact(row);
        return dist <= eps ? visit(row, dist) : false;
      },
    );
  }

  /**
   * The rows within eps of one of the searched rows, when their distances do not matter: whole
   * boxes of the tree inside the radius are taken without measuring each row.
   */
  rowsNear(i: number, eps: number, visit: (row: number) => boolean | void): void {
    if (this.tree === null || this.metric === 'cosine') {
      this.ofRow(i, eps, visit);
      return;
    }
    const { matrix, d, distance } = this;
    if (this.metric === 'euclidean') {
      this.tree.radiusEuclidean(matrix, i * d, eps, visit, false);
      return;
    }
    this.tree.radius(
      matrix,
      i * d,
      eps,
      this.indexMetric,
      (row) => (row === i ? 0 : distance(matrix, i * d, matrix, row * d, d)),
      visit,
      false,
    );
  }

  /** Neighbours of one of the searched rows. */
  ofRow(i: number, eps: number, visit: (row: number, distance: number) => boolean | void): void {
    this.within(this.matrix, this.indexRows, i, i, eps, visit);
  }

  /** The index-space copy of other rows (for queries from outside the searched matrix). */
  indexRowsOf(queries: Float64Array, count: number): Float64Array {
    return this.metric === 'cosine' ? indexSpace(queries, count, this.d, 'cosine').rows : queries;
  }

  /** Distance to the k-th nearest searched row (the row itself first, at 0). */
  kthDistanceOfRow(i: number, k: number, heap?: Float64Array): number {
    const { matrix, d, distance } = this;
    const exact = (row: number) => (row === i ? 0 : distance(matrix, i * d, matrix, row * d, d));
    if (this.tree !== null && this.metric !== 'cosine')
      return this.tree.kthDistance(matrix, i * d, k, this.indexMetric, exact, heap);
    if (this.tree !== null) {
      // On the unit sphere, 1 - cos = |u - v|^2 / 2: the k-th nearest is the same row.
      const { indexRows } = this;
      const euclidean = rowDistance('euclidean');
      const unit = this.tree.kthDistance(
        indexRows,
        i * d,
        k,
        'euclidean',
        (row) => (row === i ? 0 : euclidean(indexRows, i * d, indexRows, row * d, d)),
        heap,
      );
      return (unit * unit) / 2;
    }
    // Many dimensions defeat the tree: scan.
    const best = heap ?? new Float64Array(k);
    best.fill(Infinity);
    for (let row = 0; row < this.n; row++) {
      const dist = exact(row);
      if (dist < best[k - 1]) {
        let p = k - 1;
        while (p > 0 && best[p - 1] > dist) {
          best[p] = best[p - 1];
          p--;
        }
        best[p] = dist;
      }
    }
    return best[k - 1];
  }
}
