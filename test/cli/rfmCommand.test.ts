import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { RFM_TIMED_STAGES } from '../../src/cli/stageTimings';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rfmCommand } from '../../src/cli/rfmCommand';
import { runCommand } from '../support/runCommand';
import { generateGroceriesCsv } from '../../scripts/generators/orderShapes';

let dir: string;
let retail: string;
let oneDay: string;
let restarting: string;
let groceries: string;
let anonymous: string;

/** Online Retail-like lines: invoices are digits, cancellations are C + the digits. */
function retailCsv(): string {
  const rows = ['InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice'];
  for (let i = 0; i < 30; i++)
    rows.push(
      `${536365 + i},2011-01-${String(1 + (i % 28)).padStart(2, '0')},${17850 + (i % 6)},${1 + (i % 4)},2.5`,
    );
  rows.push('C536379,2011-01-20,17850,-1,2.5', 'C536383,2011-01-21,17851,4,2.5');
  return rows.join('\n') + '\n';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-rfm-'));
  retail = join(dir, 'retail.csv');
  await writeFile(retail, retailCsv());
  oneDay = join(dir, 'one-day.csv');
  const day = ['order,date,customer,amount'];
  for (let i = 0; i < 12; i++) day.push(`${100 + i},2024-05-01 10:00,c${i % 8},${5 + i}`);
  await writeFile(oneDay, day.join('\n') + '\n');
  restarting = join(dir, 'restarting.csv');
  const restart = ['order,date,customer,amount'];
  for (let d = 1; d <= 6; d++)
    for (let id = 1; id <= 5; id++) restart.push(`${id},2024-06-0${d},c${(d + id) % 4},${d + id}`);
  await writeFile(restarting, restart.join('\n') + '\n');
  groceries = join(dir, 'groceries.csv');
  await writeFile(groceries, generateGroceriesCsv({ lines: 3_000, members: 300, seed: 3 }));
  // Nothing to recognise a customer or a date by: every role has to be given.
  anonymous = join(dir, 'anonymous.csv');
  await writeFile(anonymous, 'a,b,c\nx,1,2\ny,3,4\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rfm = async (...argv: string[]) => {
  const result = await runCommand(rfmCommand, argv);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

describe('segmentlens rfm on real files', () => {
  it('says how many lines were taken as cancellations, with example ids', async () => {
    const json = JSON.parse(await rfm(retail, '--k', '2', '--n-init', '1', '--json'));
    expect(json.cancellations).toEqual({ lines: 2, examples: ['C536379', 'C536383'] });
    expect(json.notes.join(' ')).toContain('2 lines were taken as cancellations');
    const text = await rfm(retail, '--k', '2', '--n-init', '1');
    expect(text).toContain('order ids such as C536379, C536383');
  });

  it('--json says where the time went, stage by stage, RFM included', async () => {
    const json = JSON.parse(await rfm(retail, '--k', '2', '--n-init', '1', '--json'));
    expect(Object.keys(json.timings)).toEqual([...RFM_TIMED_STAGES]);
    for (const stage of ['read', 'kinds', 'rfm', 'cluster'])
      expect(json.timings[stage]).toBeGreaterThan(0);
  });

  it('--no-cancellations keeps the C + digits lines', async () => {
    const json = JSON.parse(
      await rfm(retail, '--k', '2', '--n-init', '1', '--no-cancellations', '--json'),
    );
    expect(json.cancellations).toEqual({ lines: 0, examples: [] });
    expect(json.rows.dropped.cancellation).toBe(0);
    expect(json.rows.dropped.not_positive).toBe(1);
    expect(json.rows.used).toBe(31);
  });

  it('on a file of one day, says R cannot separate anyone and calls no one hibernating', async () => {
    const text = await rfm(oneDay, '--k', '2', '--n-init', '1');
    expect(text).toContain('Every customer has the same recency (1 day)');
    expect(text).toMatch(/Hibernating +0 /);
    expect(text).toMatch(/At Risk +0 /);
    const json = JSON.parse(await rfm(oneDay, '--k', '2', '--n-init', '1', '--json'));
    expect(json.notes).toHaveLength(1);
    expect(json.segmentCounts['Hibernating'] ?? 0).toBe(0);
  });

  it('counts orders per customer and day when order ids restart, and says so', async () => {
    const json = JSON.parse(await rfm(restarting, '--k', '2', '--n-init', '1', '--json'));
    expect(json.notes.join(' ')).toContain('5 order ids were used by several customers');
    const text = await rfm(restarting, '--k', '2', '--n-init', '1');
    expect(text).toContain('5 order ids were used by several customers');
  });

  it('says which columns it used, in the text and the JSON', async () => {
    const json = JSON.parse(await rfm(retail, '--k', '2', '--n-init', '1', '--json'));
    expect(json.columns).toEqual({
      customer: 'CustomerID',
      date: 'InvoiceDate',
      order: 'InvoiceNo',
      quantity: 'Quantity',
      price: 'UnitPrice',
    });
    const text = await rfm(retail, '--k', '2', '--n-init', '1');
    expect(text).toContain(
      'Columns: --customer "CustomerID" (recognised by its name), --date "InvoiceDate" (recognised by its name), --order "InvoiceNo" (recognised by its name), --quantity "Quantity" (recognised by its name), --price "UnitPrice" (recognised by its name).',
    );
    const byAmount = JSON.parse(await rfm(oneDay, '--k', '2', '--n-init', '1', '--json'));
    expect(byAmount.columns).toEqual({
      customer: 'customer',
      date: 'date',
      order: 'order',
      amount: 'amount',
    });
  });
});

describe('segmentlens rfm on a file without money', () => {
  const quick = ['--k', '2', '--n-init', '1'];

  it('recognises the groceries basket file and runs RFM on recency and frequency only', async () => {
    const json = JSON.parse(await rfm(groceries, ...quick, '--json'));
    expect(json.columns).toEqual({
      customer: 'Member_number',
      date: 'Date',
      item: 'itemDescription',
    });
    expect(json.columnBasis).toEqual({ customer: 'name', date: 'name', item: 'name' });
    expect(json.hasMoney).toBe(false);
    expect(json.customers).toBe(300);
    expect(json.rows).toMatchObject({ read: 3_000, used: 3_000 });
    expect(json).not.toHaveProperty('revenue');
    for (const segment of json.segments) {
      expect(segment).not.toHaveProperty('meanMonetary');
      expect(segment).not.toHaveProperty('revenueShare');
    }
    expect(json.clustering.features).toEqual(['recency', 'log1p(frequency)']);
    expect(json.notes.join(' ')).toContain('RFM without M');
    expect(json.notes.join(' ')).toContain('purchases on one day count as one order');
  });

  it('says in the text which columns it took and why, and leaves money out of the table', async () => {
    const text = await rfm(groceries, ...quick);
    expect(text).toContain(
      'Columns: --customer "Member_number" (recognised by its name), --date "Date" (recognised by its name), --item "itemDescription" (recognised by its name).',
    );
    expect(text).toContain('RFM without M');
    expect(text).not.toMatch(/mean monetary|revenue/);
    const given = await rfm(groceries, ...quick, '--customer', 'Member_number');
    expect(given).toContain('--customer "Member_number" (given)');
  });

  it('speaks Chinese, money left out as well', async () => {
    const result = await runCommand(rfmCommand, [groceries, ...quick], 'zh');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('不含 M 的 RFM');
    expect(result.stdout).toContain('（按列名识别）');
    expect(result.stdout).not.toContain('平均消费金额');
  });

  it('writes rfm.csv without monetary and M', async () => {
    const out = join(dir, 'groceries-out');
    await rfm(groceries, ...quick, '--out', out);
    const table = await readFile(join(out, 'rfm.csv'), 'utf8');
    expect(table.slice(1).split('\r\n')[0]).toBe(
      'customer,recency,frequency,R,F,segment,cluster,cluster_label',
    );
  });

  it('refuses the R, F and M mean segments without money, saying what to do', async () => {
    const result = await runCommand(rfmCommand, [groceries, ...quick, '--segment-map', 'rfm-mean']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/need a money column/);
  });

  it('--no-money leaves the money of a file with money out', async () => {
    const json = JSON.parse(await rfm(retail, ...quick, '--no-money', '--json'));
    expect(json.hasMoney).toBe(false);
    expect(json.columns).not.toHaveProperty('quantity');
  });

  it('lists every column flag it still needs in one message', async () => {
    const result = await runCommand(rfmCommand, [anonymous, ...quick]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'segmentlens: 2 columns were not recognised or not complete: add --customer COL --date COL (--help lists every column flag).\n',
    );
    const price = await runCommand(rfmCommand, [anonymous, ...quick, '--quantity', 'b']);
    expect(price.stderr).toContain('add --customer COL --date COL --price COL');
  });
});
