import type { BestK } from './topN';

/**
 * Each source's most similar others (items for items, customers for customers), K per row in
 * typed arrays: row s holds ids[s k .. s k + counts[s]), most similar first (ties: lower id in
 * code-unit order first), and -1 beyond. Only positive similarities make neighbours, and nothing
 * is its own neighbour.
 */
export interface Neighbours {
  k: number;
  ids: Int32Array;
  similarities: Float64Array;
  counts: Int32Array;
}

export function emptyNeighbours(rows: number, k: number): Neighbours {
  return {
    k,
    ids: new Int32Array(rows * k).fill(-1),
    similarities: new Float64Array(rows * k),
    counts: new Int32Array(rows),
  };
}

export function storeNeighbours(neighbours: Neighbours, row: number, best: BestK): void {
  const offset = row * neighbours.k;
  for (let q = 0; q < best.count; q++) {
    neighbours.ids[offset + q] = best.ids[q];
    neighbours.similarities[offset + q] = best.scores[q];
  }
  neighbours.counts[row] = best.count;
}

/** The similarity of `other` in row `row`, or 0 when it is not among that row's neighbours. */
export function similarityTo(neighbours: Neighbours, row: number, other: number): number {
  const offset = row * neighbours.k;
  for (let q = 0; q < neighbours.counts[row]; q++)
    if (neighbours.ids[offset + q] === other) return neighbours.similarities[offset + q];
  return 0;
}
