import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelSql } from '../../../src/core/sql/modelSql';
import { openText, savedModel } from '../../support/modelFixtures';
import { openDuckDb, openPglite, type Engine } from '../../support/sqlEngines';
import { expectSqlParity } from '../../support/sqlParity';

/** Order lines with the app's hard cases: ids written as 17850.0, cancellations, no order id. */
const LINES = [
  'Invoice,Customer ID,Date,Qty,Price,Total',
  '1,17850,2024-03-01 10:00:05,2,5.5,11',
  '2,17850.0,2024-03-04 11:00:00,1,10,10',
  'c3,17850,2024-03-05 11:00:00,1,10,10',
  'C4,12000,2024-03-05 11:00:00,1,10,10',
  '5,12000,2024-03-02 09:00:00,3,1.25,3.75',
  ',12000,2024-03-02 09:30:00,1,2,2',
  ',12000,2024-03-02 09:30:00,1,2,2',
  '6,13000,2024-03-06 12:00:00,-1,4,-4',
  '7,13000,2024-03-06 12:00:00,2,0.1,0.2',
  '8,14000,2024-02-20 08:00:00,1,0.3,0.3',
  '9,,2024-03-06 12:00:00,1,1,1',
  '10,15000,,1,1,1',
  '11,16000,2024-03-01 00:00:00,4,2,8',
  '12,16000,2024-03-03 00:00:00,4,2,8',
].join('\n');

const MAPPING = {
  customer: 'Customer ID',
  date: 'Date',
  order: 'Invoice',
  quantity: 'Qty',
  price: 'Price',
  amount: null,
  item: null,
  description: null,
};

describe.each([
  ['duckdb', openDuckDb],
  ['postgres', openPglite],
] as const)('rfmQuery on %s', (_, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(() => engine.close());

  it('keeps and drops the lines the app does, and scores each customer as applyModel', async () => {
    const session = await openText(LINES);
    const settings = { mapping: MAPPING, dateOrder: null, snapshot: null };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, settings);
    expect(await expectSqlParity(engine, session, model)).toBe(5);
    const amount = { ...MAPPING, quantity: null, price: null, amount: 'Total' };
    const byAmount = await savedModel(session, { k: 2, kMax: 2 }, { ...settings, mapping: amount });
    await expectSqlParity(engine, session, byAmount.model);
  });

  it('takes the same lines for cancellations as the app (C + digits only, or off)', async () => {
    // Ids that are not digits: C + digits is a cancellation only with a negative quantity or
    // with its invoice in the file; CA-2019-152156 never is.
    const lines = [
      'Invoice,Customer ID,Date,Qty,Price,Total',
      'CA-2019-152156,a,2024-03-01 10:00:00,2,5,10',
      'CA-2019-152157,b,2024-03-02 10:00:00,1,5,5',
      'C1001,a,2024-03-03 10:00:00,1,5,5',
      'C1002,b,2024-03-04 10:00:00,3,5,15',
      '1002,b,2024-03-04 09:00:00,3,5,15',
      'C1003,c,2024-03-05 10:00:00,-1,5,-5',
      'X-9,c,2024-03-01 10:00:00,1,5,5',
      'X-10,d,2024-03-02 10:00:00,2,5,10',
    ].join('\n');
    const session = await openText(lines);
    const settings = { mapping: MAPPING, dateOrder: null, snapshot: null };
    const auto = await savedModel(session, { k: 2, kMax: 2 }, settings);
    expect(session.rfm(settings).rows.dropped.cancellation).toBe(2);
    await expectSqlParity(engine, session, auto.model);
    const off = await savedModel(
      session,
      { k: 2, kMax: 2 },
      {
        ...settings,
        cancellations: 'off' as const,
      },
    );
    expect(off.model.rfm?.cancellations).toBe('off');
    await expectSqlParity(engine, session, off.model);
  });

  it('counts orders as the app does when order ids restart every day', async () => {
    const lines = ['Invoice,Customer ID,Date,Qty,Price,Total'];
    for (let day = 1; day <= 6; day++)
      for (let id = 1; id <= 4; id++)
        lines.push(`${id},${(day + id) % 3},2024-03-0${day} 10:00:00,1,${day + id},${day + id}`);
    lines.push('99,0,2024-03-01 10:00:00,1,1,1', '99,0,2024-03-01 11:00:00,1,1,1');
    const session = await openText(lines.join('\n'));
    const settings = { mapping: MAPPING, dateOrder: null, snapshot: null };
    expect(session.rfm(settings).notes.length).toBeGreaterThan(0);
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, settings);
    expect(await expectSqlParity(engine, session, model)).toBe(3);
  });

  it('states that the date column must be a DATE or TIMESTAMP', async () => {
    const session = await openText(LINES);
    const { model } = await savedModel(
      session,
      { k: 2, kMax: 2 },
      { mapping: MAPPING, dateOrder: null, snapshot: null },
    );
    const sql = modelSql(model, { dialect: engine.name, table: 'lines' });
    expect(sql).toMatch(/^-- .*"Date" must be a DATE or TIMESTAMP/m);
    expect(sql).toContain('GROUP BY sl_customer');
  });
});
