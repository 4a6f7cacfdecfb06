import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSegments } from '../../../src/core/model/assignSegments';
import type { ModelClustering } from '../../../src/core/model/modelFile';
import { assignCtes, labelSql } from '../../../src/core/sql/assignSql';
import { double } from '../../../src/core/sql/sqlText';
import { openPglite, type Engine } from '../../support/sqlEngines';

async function run(engine: Engine, clustering: ModelClustering, rows: number[][]) {
  const values = rows.map((r, i) => `(${i}, ${r.map(double).join(', ')})`).join(', ');
  const space = rows[0].map((_, j) => `sl_x${j}`);
  const from = `sl_rows`;
  const ctes = [
    {
      name: from,
      select: `SELECT *, CAST(NULL AS TEXT) AS sl_set_aside FROM (VALUES ${values}) AS v(sl_i, ${space.join(', ')})`,
    },
    ...assignCtes(clustering, from, space),
  ];
  return engine.query(
    `WITH ${ctes.map((c) => `${c.name} AS ${c.materialized ? 'MATERIALIZED ' : ''}(${c.select})`).join(', ')} SELECT sl_i, sl_segment, sl_distance FROM sl_segmented ORDER BY sl_i`,
  );
}

describe('assignCtes', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openPglite();
  });
  afterAll(() => engine.close());

  it('k-means: ties go to the lower segment, as in the app', async () => {
    const clustering: ModelClustering = {
      algorithm: 'kmeans',
      metric: 'euclidean',
      centres: [0, 0, 2, 0, 1, 5],
    };
    const rows = [
      [1, 0],
      [1, 2.5],
      [2, 0],
    ];
    const out = await run(engine, clustering, rows);
    const app = assignSegments(Float64Array.from(rows.flat()), 3, 2, clustering);
    expect(out.map((r) => r.sl_segment)).toEqual(Array.from(app.segment));
    expect(out.map((r) => r.sl_distance)).toEqual(Array.from(app.distance));
    expect(out[0].sl_segment).toBe(0);
  });

  it('DBSCAN: the first core row in saved order within eps; else -1 with no distance', async () => {
    const clustering: ModelClustering = {
      algorithm: 'dbscan',
      metric: 'chebyshev',
      eps: 1,
      minPts: 2,
      noise: 0,
      cores: [0, 0, 1.5, 0],
      coreSegments: [1, 0],
    };
    const out = await run(engine, clustering, [
      [0.8, 0.9],
      [2.4, 0],
      [9, 9],
    ]);
    expect(out.map((r) => r.sl_segment)).toEqual([1, 0, -1]);
    expect(out[2].sl_distance).toBeNull();
  });

  it('writes labels as escaped literals, noise as -1', () => {
    expect(labelSql('s', ["O'Brien", 'b'], 'Noise')).toBe(
      "CASE s WHEN 0 THEN 'O''Brien' WHEN 1 THEN 'b' WHEN -1 THEN 'Noise' END",
    );
  });
});
