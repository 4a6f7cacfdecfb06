import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowDistance, squaredDistance } from '../../../src/core/cluster/distance';
import {
  distanceSql,
  squaredEuclideanSql,
  sumOfSquares,
  sumOfSquaresSql,
} from '../../../src/core/sql/distanceSql';
import { double } from '../../../src/core/sql/sqlText';
import { openDuckDb, openPglite, type Engine } from '../../support/sqlEngines';

/**
 * A coordinate; none closer to 0 than 1e-100 except 0 itself: PostgreSQL refuses a product that
 * underflows ("value out of range: underflow") where JavaScript gives 0, which only coordinates
 * within 1e-154 of each other can cause.
 */
const coordinate = fc
  .double({ min: -1e3, max: 1e3, noNaN: true })
  .map((x) => (Math.abs(x) < 1e-100 ? 0 : x));

const METRICS = ['euclidean', 'manhattan', 'chebyshev', 'cosine'] as const;

describe.each([
  ['duckdb', openDuckDb],
  ['postgres', openPglite],
] as const)('distanceSql on %s', (_, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(() => engine.close());

  it('computes the same doubles as the app, bit for bit', async () => {
    const pairs = fc.sample(
      fc.integer({ min: 1, max: 9 }).chain((d) =>
        fc.tuple(
          fc.array(coordinate, {
            minLength: d,
            maxLength: d,
          }),
          fc.array(coordinate, {
            minLength: d,
            maxLength: d,
          }),
        ),
      ),
      { numRuns: 30, seed: 7 },
    );
    for (const [a, b] of pairs) {
      const x = Float64Array.from(a);
      const y = Float64Array.from(b);
      const row = a.map(double);
      const other = b.map(double);
      const columns = [
        `${squaredEuclideanSql(row, other)} AS sq`,
        ...METRICS.map(
          (m) =>
            `${distanceSql(m, row, other, sumOfSquaresSql(row), double(sumOfSquares(b)))} AS ${m}`,
        ),
      ];
      const [got] = await engine.query(`SELECT ${columns.join(', ')}`);
      expect(got.sq).toBe(squaredDistance(x, 0, y, 0, a.length));
      for (const metric of METRICS)
        expect(got[metric]).toBe(rowDistance(metric)(x, 0, y, 0, a.length));
    }
  });
});
