import { expect } from 'vitest';
import { applyModel } from '../../src/core/model/applyModel';
import type { ModelFile } from '../../src/core/model/modelFile';
import type { AnalysisSession } from '../../src/core/session/session';
import { modelSql } from '../../src/core/sql/modelSql';
import { loadForModel, type Engine } from './sqlEngines';

let tables = 0;

/**
 * Runs a model's query on an engine over the session's rows and checks every row against
 * applyModel: the same segment (100%), the same distance to 1e-9, and NULL where a row is set
 * aside. Returns how many rows were compared.
 */
export async function expectSqlParity(
  engine: Engine,
  session: AnalysisSession,
  model: ModelFile,
): Promise<number> {
  const name = `scored ${tables++} "t"`;
  const rows = await loadForModel(engine, name, session.table, model);
  const applied = applyModel(session, model);
  if (model.rfm !== null) return expectRfmParity(engine, name, model, applied);
  const out = await engine.query(
    modelSql(model, { dialect: engine.name, table: name, id: '_row' }),
  );
  expect(out.length).toBe(rows.length);
  let compared = 0;
  for (const row of out) {
    const i = row._row as number;
    const segment = applied.reason[i] === 0 ? applied.segment[i] : null;
    if (row.segment !== segment)
      expect({ row: i, segment: row.segment }).toEqual({ row: i, segment });
    const distance = applied.distance[i];
    if (Number.isNaN(distance)) expect(row.distance).toBeNull();
    else expect(Math.abs((row.distance as number) - distance)).toBeLessThanOrEqual(1e-9);
    compared++;
  }
  return compared;
}

async function expectRfmParity(
  engine: Engine,
  table: string,
  model: ModelFile,
  applied: ReturnType<typeof applyModel>,
): Promise<number> {
  const out = await engine.query(modelSql(model, { dialect: engine.name, table }));
  const rfm = applied.rfm!.result;
  expect(out.length).toBe(rfm.customers.length);
  const index = new Map(rfm.customers.map((c, i) => [c, i]));
  for (const row of out) {
    const i = index.get(String(row.customer));
    expect(i, `customer ${String(row.customer)}`).toBeDefined();
    const c = i!;
    const got = [row.recency, row.frequency, row.R, row.F, row.M, row.segment, row.cluster];
    const want = [
      rfm.recency[c],
      rfm.frequency[c],
      rfm.r[c],
      rfm.f[c],
      rfm.m[c],
      applied.rfm!.named[c],
      applied.segment[c],
    ];
    if (got.some((v, j) => v !== want[j]))
      expect({ customer: row.customer, got }).toEqual({ customer: row.customer, got: want });
    expect(Math.abs((row.monetary as number) - rfm.monetary[c])).toBeLessThanOrEqual(
      1e-9 * Math.max(1, rfm.monetary[c]),
    );
    expect(Math.abs((row.distance as number) - applied.distance[c])).toBeLessThanOrEqual(1e-9);
  }
  return out.length;
}
