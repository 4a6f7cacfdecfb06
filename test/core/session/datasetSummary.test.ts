import { describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { suggestTransactionMapping } from '../../../src/core/rfm/transactionMapping';
import { describeDataset } from '../../../src/core/session/datasetSummary';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

async function summaryOf(text: string, fileName = 'file.csv') {
  const table = await readCsv(textSource(text));
  const columns = inferColumns(table);
  return { table, columns, summary: describeDataset(fileName, text.length, table, columns) };
}

describe('describeDataset', () => {
  it('describes a clean file: its name, size, dialect, encoding and columns', async () => {
    const text = 'name;score\nAnn;1,5\nBob;2,5\nCid;3\n';
    const { table, columns, summary } = await summaryOf(text, 'scores.csv');
    expect(summary).toMatchObject({
      fileName: 'scores.csv',
      fileSize: text.length,
      rowCount: 3,
      delimiter: ';',
      decimal: ',',
      hasHeader: true,
      encoding: 'utf-8',
      encodingReason: table.encodingReason,
      issues: [],
      malformedRows: 0,
      shortRows: 0,
      notes: [],
    });
    expect(summary.encodingReason).toEqual(message('encodingValidUtf8'));
    expect(summary.columns).toBe(columns);
    expect(summary.columns.map((c) => [c.name, c.kind])).toEqual([
      ['name', 'categorical'],
      ['score', 'numeric'],
    ]);
  });

  it('counts the rows it could not read, short ones apart, and lists where they are', async () => {
    const { summary } = await summaryOf('a,b,c\n1,2,3\n4,5\n6,7,8,9\n1,"2,3\n');
    expect(summary.rowCount).toBe(4);
    expect(summary.malformedRows).toBe(3);
    expect(summary.shortRows).toBe(1);
    expect(summary.issues.map((issue) => [issue.row, issue.line])).toEqual([
      [1, 3],
      [2, 4],
      [3, 5],
    ]);
    expect(summary.issues.map((issue) => issue.reason)).toEqual([
      message('rowFieldCount', { count: 2, expected: 3 }),
      message('rowFieldCount', { count: 4, expected: 3 }),
      message('rowQuotes'),
    ]);
    expect(englishText(summary.issues[0].reason)).toBe('2 fields where the header has 3');
  });

  it('lists the first 200 unreadable rows and counts every one', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 250; i++) lines.push(i % 2 === 0 ? `${i},${i},${i}` : `${i}`);
    lines.push('1,2');
    const { summary } = await summaryOf(lines.join('\n') + '\n');
    expect(summary.rowCount).toBe(251);
    expect(summary.malformedRows).toBe(250);
    expect(summary.shortRows).toBe(125);
    expect(summary.issues).toHaveLength(200);
    expect(summary.issues[199].row).toBe(199);
  });

  it('passes on what the reader noted, and a file without a header', async () => {
    const { summary } = await summaryOf('1,2\n3,4\n');
    expect(summary.hasHeader).toBe(false);
    expect(summary.notes).toEqual([message('noteNumericHeader')]);
  });

  it('suggests how order lines map to RFM, or says the file does not look like them', async () => {
    const orders = await summaryOf(generateTransactionsCsv({ customers: 40, seed: 2 }));
    expect(orders.summary.transactions).toEqual(
      suggestTransactionMapping(orders.columns, orders.table.rowCount, orders.table),
    );
    expect(orders.summary.transactions.looksLikeTransactions).toBe(true);
    expect(orders.summary.transactions.mapping).toMatchObject({
      customer: 'CustomerID',
      date: 'InvoiceDate',
      order: 'InvoiceNo',
    });
    const people = await summaryOf('name,age\nAnn,30\nBob,41\n');
    expect(people.summary.transactions.looksLikeTransactions).toBe(false);
    expect(people.summary.transactions.reason.key).toBe('mappingNotLinesBoth');
    expect(englishText(people.summary.transactions.reason)).toMatch(/one row per customer\.$/);
  });
});
