import type { DistanceMetric } from '../cluster/distance';
import { double, sequentialSum } from './sqlText';

/**
 * Distances in SQL, written so that each engine performs the app's own floating-point operations
 * in the app's order (see cluster/distance.ts): the same terms, summed in the same sequence, give
 * the same doubles, so ties and nearest centres come out as they do in the app.
 *
 * `row` and `other` are SQL expressions of the two rows' coordinates (columns or constants).
 */

/** Squared Euclidean distance as squaredDistance adds it: four running sums, unrolled by four. */
export function squaredEuclideanSql(row: readonly string[], other: readonly string[]): string {
  const d = row.length;
  const whole = d & ~3;
  const sums: string[][] = [[], [], [], []];
  const term = (j: number) => `(${row[j]} - ${other[j]}) * (${row[j]} - ${other[j]})`;
  for (let j = 0; j < whole; j++) sums[j % 4].push(term(j));
  for (let j = whole; j < d; j++) sums[0].push(term(j));
  return sequentialSum(sums.filter((s) => s.length > 0).map(sequentialSum));
}

/**
 * The distance between a row and another under a metric, as rowDistance computes it. For cosine,
 * `rowNorm` and `otherNorm` are the two rows' sums of squares (see sumOfSquaresSql).
 */
export function distanceSql(
  metric: DistanceMetric,
  row: readonly string[],
  other: readonly string[],
  rowNorm = '',
  otherNorm = '',
): string {
  if (metric === 'euclidean') return `SQRT(${squaredEuclideanSql(row, other)})`;
  const difference = (j: number) => `ABS(${row[j]} - ${other[j]})`;
  if (metric === 'manhattan') return sequentialSum(row.map((_, j) => difference(j)));
  if (metric === 'chebyshev')
    return row.length === 1
      ? difference(0)
      : `GREATEST(${row.map((_, j) => difference(j)).join(', ')})`;
  const dot = sequentialSum(row.map((x, j) => `${x} * ${other[j]}`));
  return (
    `CASE WHEN ${rowNorm} = 0 OR ${otherNorm} = 0 THEN ${double(1)} ` +
    `ELSE GREATEST(${double(1)} - ${dot} / (SQRT(${rowNorm}) * SQRT(${otherNorm})), ${double(0)}) END`
  );
}

/** A row's sum of squares, as the cosine distance adds it. */
export function sumOfSquaresSql(row: readonly string[]): string {
  return sequentialSum(row.map((x) => `${x} * ${x}`));
}

/** The same sum of squares of constants, computed here exactly as the engine would. */
export function sumOfSquares(values: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < values.length; j++) sum += values[j] * values[j];
  return sum;
}
