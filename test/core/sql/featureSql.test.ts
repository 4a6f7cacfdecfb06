import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preparation } from '../../../src/core/model/modelFile';
import { prepareRows } from '../../../src/core/model/prepareRows';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { featureCtes } from '../../../src/core/sql/featureSql';
import { identifier } from '../../../src/core/sql/sqlText';
import { openDuckDb, tableCsv, type Engine } from '../../support/sqlEngines';

const PREPARATION: Preparation = {
  padShortRows: false,
  duplicates: 'drop',
  numeric: [
    { column: 'a b', fill: 2.5, log1p: false, clip: [0, 10], dropOutside: null },
    { column: 'c"d', fill: null, log1p: true, clip: null, dropOutside: [0, Math.log1p(100)] },
  ],
  oneHot: [{ column: '区域', categories: ['x', "y'z"], fill: 1 }],
  kept: [0, 1, 2, 3],
  featureNames: [],
  scale: {
    method: 'zscore',
    center: [1.1, 0.3, 0.5, 0.5],
    scale: [2.7, 1.3, 0.5, 0.5],
    mean: [],
    std: [],
  },
  pca: {
    count: 2,
    components: [0.1, 0.2, 0.3, 0.4, -0.4, 0.3, -0.2, 0.1],
    mean: [0.01, 0.02, 0.03, 0.04],
  },
};

const CSV = [
  '"a b","c""d",区域',
  '20,0,x',
  ',3,"y\'z"',
  '-4,1,',
  '3,7,w',
  '3,-1,x',
  '3,,x',
  '3,1000,x',
].join('\n');

describe('featureCtes', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(() => engine.close());

  it('computes prepareRows’ coordinates bit for bit, and its reasons for setting rows aside', async () => {
    const table = await readCsv(textSource(CSV));
    const prepared = prepareRows(table, PREPARATION, 's');
    const { columns, csv } = tableCsv(table, [
      { name: 'a b', type: 'double' },
      { name: 'c"d', type: 'double' },
      { name: '区域', type: 'text' },
    ]);
    await engine.load('rows', columns, csv);
    const inputs = new Map(PREPARATION.numeric.map((s) => [s.column, identifier(s.column)]));
    inputs.set('区域', identifier('区域'));
    const { ctes, last, space } = featureCtes(PREPARATION, '"rows"', inputs, [
      { expr: '"_row"', as: 'sl_row' },
    ]);
    expect(space).toEqual(['sl_p0', 'sl_p1']);
    const sql = `WITH ${ctes.map((c) => `${c.name} AS (${c.select})`).join(', ')} SELECT sl_row, sl_set_aside, ${space.join(', ')} FROM ${last} ORDER BY sl_row`;
    const out = await engine.query(sql);
    expect(out.map((r) => r.sl_set_aside)).toEqual([
      null,
      null,
      null,
      null,
      'negative',
      'missing',
      'outlier',
    ]);
    const scored = out.filter((r) => r.sl_set_aside === null);
    expect(scored.map((r) => r.sl_row)).toEqual(Array.from(prepared.rows));
    scored.forEach((r, i) => {
      expect(r.sl_p0).toBe(prepared.matrix[i * 2]);
      expect(r.sl_p1).toBe(prepared.matrix[i * 2 + 1]);
    });
  });

  it('names user columns only where the input is read', () => {
    const inputs = new Map([
      ['a b', '"a b"'],
      ['c"d', '"c""d"'],
      ['区域', '"区域"'],
    ]);
    const { ctes } = featureCtes(PREPARATION, 't', inputs, []);
    expect(ctes[0].select).toContain('"c""d"');
    for (const cte of ctes.slice(1)) expect(cte.select).not.toMatch(/"a b"|"c""d"|"区域"/);
  });
});
