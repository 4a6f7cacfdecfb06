import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyModel } from '../../../src/core/model/applyModel';
import { modelSql } from '../../../src/core/sql/modelSql';
import { openText, savedModel } from '../../support/modelFixtures';
import { loadForModel, openDuckDb, type Engine } from '../../support/sqlEngines';

const FILE = [
  'segment,distance,x',
  ...Array.from({ length: 20 }, (_, i) => `${i % 4},${(i * 3) % 7},${i % 5}`),
].join('\n');

describe('rowsQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(() => engine.close());

  it('returns the id, the inputs, and its own columns named apart from the user’s', async () => {
    const session = await openText(FILE);
    const { model } = await savedModel(session, { features: ['segment', 'distance', 'x'] }, null, [
      'First',
    ]);
    await loadForModel(engine, 'file', session.table, model);
    const out = await engine.query(
      modelSql(model, { dialect: 'duckdb', table: 'file', id: '_row' }),
    );
    expect(Object.keys(out[0])).toEqual([
      '_row',
      'segment',
      'distance',
      'x',
      'segment_2',
      'segment_label',
      'distance_2',
      'set_aside',
    ]);
    const applied = applyModel(session, model);
    for (const row of out) {
      const i = row._row as number;
      expect(row.segment).toBe(session.table.columns[0].numbers[i]);
      expect(row.segment_2).toBe(applied.segment[i]);
      expect(row.segment_label === 'First').toBe(applied.segment[i] === 0);
      expect(row.set_aside).toBeNull();
    }
  });
});
