import { squaredDistance } from '../distance';

/**
 * The nearest centre of the row at `row`, first of the nearest on a tie; `distances` receives the
 * squared distances to it and to the second nearest (Infinity with one centre). Lloyd's loops in
 * JavaScript and the swap search read both, for their bounds and their swap costs.
 */
export function nearestTwoCentres(
  matrix: Float64Array,
  row: number,
  centres: Float64Array,
  d: number,
  k: number,
  distances: Float64Array,
): number {
  let best = 0;
  let bestDistance = Infinity;
  let second = Infinity;
  for (let c = 0; c < k; c++) {
    const dist = squaredDistance(matrix, row, centres, c * d, d);
    if (dist < bestDistance) {
      second = bestDistance;
      bestDistance = dist;
      best = c;
    } else if (dist < second) {
      second = dist;
    }
  }
  distances[0] = bestDistance;
  distances[1] = second;
  return best;
}
