import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOptions } from '../../../src/core/analysis/analysisOptions';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { createRandom } from '../../../src/core/common/random';
import { modelSql } from '../../../src/core/sql/modelSql';
import { renderMessage } from '../../../src/i18n/formatMessage';
import {
  ORDER_LINES,
  ORDER_MAPPING,
  openText,
  savedModel,
  withPca,
} from '../../support/modelFixtures';
import { applyModel } from '../../../src/core/model/applyModel';
import { loadForModel, openDuckDb, openPglite, type Engine } from '../../support/sqlEngines';
import { expectSqlParity } from '../../support/sqlParity';
import { bankMarketingCsv } from '../../support/bankMarketing';

/** Column names a user may have: spaces, `$`, Chinese, quotes, a comment's end. */
const INCOME = 'Annual "Income" $';
const SPEND = '消费 */ score';
const REGION = "Region's name";

function hostileCsv(seed: number, rows = 150): string {
  const random = createRandom(seed);
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [['id', INCOME, SPEND, REGION].map(quote).join(',')];
  for (let i = 0; i < rows; i++) {
    const group = i % 3;
    const income = i % 23 === 4 ? '' : (15 + 30 * group + 9 * random.next()).toFixed(3);
    const spend = (5 + 20 * ((group + 1) % 3) + 12 * random.next()).toFixed(3);
    const region = i % 31 === 7 ? '' : quote(['North', "O'Hare", '华东'][(i * 7 + group) % 3]);
    lines.push(`${i},${income},${spend},${region}`);
  }
  lines.push(`900,100000,-3,North`);
  return lines.join('\n');
}

const BASE: Partial<AnalysisOptions> = {
  features: [INCOME, SPEND],
  oneHot: [REGION],
  clean: { ...DEFAULT_CLEANING, missing: 'median', outliers: 'zscore', outlierAction: 'clip' },
};

describe.each([
  ['duckdb', openDuckDb],
  ['postgres', openPglite],
] as const)('modelSql on %s', (_, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(() => engine.close());

  it("k-means: fills, clipping, one-hot and scaling give applyModel's segments and distances", async () => {
    const session = await openText(hostileCsv(1));
    const { model } = await savedModel(session, BASE, null, ["Big */ spenders 'x'"]);
    expect(await expectSqlParity(engine, session, model)).toBe(151);
  });

  it('sets aside what the saved cleaning drops, with log1p and min-max scaling', async () => {
    const session = await openText(hostileCsv(2));
    const { model } = await savedModel(session, {
      ...BASE,
      scale: 'minmax',
      clean: {
        ...DEFAULT_CLEANING,
        missing: 'drop',
        log1p: [SPEND],
        outliers: 'iqr',
        outlierAction: 'drop',
      },
    });
    await expectSqlParity(engine, session, model);
  });

  it('reads a code for no value (pdays = 999) as missing, filled or set aside as apply does', async () => {
    const session = await openText(bankMarketingCsv(300));
    for (const missing of ['median', 'drop'] as const) {
      const { model } = await savedModel(session, {
        features: ['age', 'duration', 'campaign', 'pdays'],
        clean: { ...DEFAULT_CLEANING, missing, missingCodes: [{ column: 'pdays', value: 999 }] },
      });
      expect(model.preparation.numeric[3].missingCodes).toEqual([999]);
      expect(await expectSqlParity(engine, session, model)).toBe(300);
    }
  });

  it('k-means on principal components', async () => {
    const session = await openText(hostileCsv(3));
    const { request, model } = await savedModel(session, BASE);
    await expectSqlParity(engine, session, withPca(session, request, model, 2, 3).model);
  });

  it('hierarchical under each metric', async () => {
    const session = await openText(hostileCsv(4, 90));
    for (const [linkage, metric] of [
      ['ward', 'euclidean'],
      ['average', 'manhattan'],
      ['complete', 'chebyshev'],
      ['average', 'cosine'],
    ] as const) {
      const { model } = await savedModel(session, {
        ...BASE,
        algorithm: 'hierarchical',
        linkage,
        metric,
      });
      await expectSqlParity(engine, session, model);
    }
  });

  it('DBSCAN: the first core row within eps, noise as -1', async () => {
    const session = await openText(hostileCsv(5, 120));
    for (const metric of ['euclidean', 'manhattan', 'cosine'] as const) {
      const { model } = await savedModel(session, {
        features: [INCOME, SPEND],
        algorithm: 'dbscan',
        metric,
        eps: metric === 'cosine' ? 0.02 : 0.3,
        minPts: 4,
      });
      await expectSqlParity(engine, session, model);
    }
  });

  it('RFM: one GROUP BY customer with the saved cut points, map and clusters', async () => {
    const session = await openText(ORDER_LINES);
    const rfm = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, rfm);
    expect(await expectSqlParity(engine, session, model)).toBe(5);
    const fixed = await savedModel(
      session,
      { k: 2, kMax: 2 },
      { ...rfm, snapshot: Date.UTC(2024, 1, 1) },
    );
    await expectSqlParity(engine, session, fixed.model);
  });

  it("RFM: a saved snapshot before the table's last order fails, as apply refuses", async () => {
    const session = await openText(ORDER_LINES);
    const rfm = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: Date.UTC(2024, 1, 1) };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, rfm);
    // The same orders two months later: past the saved snapshot.
    const later = await openText(ORDER_LINES.replace(/2024-01-/g, '2024-03-'));
    expect(() => applyModel(later, model)).toThrow(/counts recency to its saved snapshot/);
    const name = `later ${engine.name}`;
    await loadForModel(engine, name, later.table, model);
    await expect(
      engine.query(modelSql(model, { dialect: engine.name, table: name })),
    ).rejects.toThrow(
      /SegmentLens: this model counts recency to its saved snapshot, 1 February 2024,/,
    );
  });
});

describe('modelSql text', () => {
  it('starts with a header comment no user text can end, and is one statement', async () => {
    const session = await openText(hostileCsv(6));
    const { model } = await savedModel(session, BASE);
    model.columns[0].name = 'evil\n name */ DROP TABLE x; --';
    const sql = modelSql(model, { dialect: 'duckdb', table: ['sales', 'my table'], id: 'id' });
    const lines = sql.split('\n');
    const header = lines.slice(0, lines.indexOf('WITH'));
    expect(header.length).toBeGreaterThanOrEqual(4);
    // A line break in a column name stays inside its comment line.
    for (const line of header) expect(line.startsWith('-- ')).toBe(true);
    expect(sql).not.toContain('/*');
    expect(sql).toContain('FROM "sales"."my table"');
    expect(sql.trimEnd().endsWith(';')).toBe(true);
    const plain = modelSql((await savedModel(session, BASE)).model, {
      dialect: 'postgres',
      table: 't',
    });
    const body = plain.slice(plain.indexOf('\nWITH\n'));
    expect(body.indexOf(';')).toBe(body.length - 2);
    expect(sql).not.toMatch(/\de[+-]?\d/);
  });

  it("speaks the user's language in its header, quoting the user's names as they are", async () => {
    const session = await openText(hostileCsv(7));
    const { model } = await savedModel(session, BASE);
    const english = modelSql(model, { dialect: 'duckdb', table: 'customers' });
    const chinese = modelSql(model, {
      dialect: 'postgres',
      table: 'customers',
      render: (said) => renderMessage('zh', said),
    });
    const headerOf = (sql: string) => sql.slice(0, sql.indexOf('\nWITH\n')).split('\n');
    expect(headerOf(english)[0]).toMatch(
      /^-- SegmentLens "[\d.]+": a saved model as one query, for DuckDB\.$/,
    );
    expect(headerOf(english)[2]).toBe('-- Rows: k-means, 3 segments on 5 features.');
    const header = headerOf(chinese);
    expect(header[0]).toMatch(
      /^-- SegmentLens "[\d.]+"：把保存的模型写成一条查询，用于 PostgreSQL。$/,
    );
    expect(header[3]).toContain(JSON.stringify(SPEND).replace('*/', '*\\/'));
    // Apart from the user's names, SQL's words and the output columns, no English.
    const words = header
      .join(' ')
      .replace(/"(?:[^"\\]|\\.)*"/g, '')
      .replace(
        /\b(SegmentLens|PostgreSQL|k-means|NULL|NaN|segment(_label)?|distance|set_aside|missing|negative|outlier)\b/g,
        '',
      );
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
  });
});
