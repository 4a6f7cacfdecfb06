import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import type { RfmSettings } from '../../../src/core/rfm/rfm';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText } from '../../../src/i18n/formatMessage';

const open = (csv: string) => AnalysisSession.open(textSource(csv), 'f.csv', {});

/** Order lines as CSV: order id, ISO date, customer, quantity, unit price. */
function linesCsv(lines: [string, string, string, number, number][]): string {
  return (
    'Order ID,Order Date,Customer ID,Quantity,Unit Price\n' +
    lines.map((line) => line.join(',')).join('\n') +
    '\n'
  );
}

const settings = (cancellations?: 'auto' | 'off'): RfmSettings => ({
  mapping: {
    customer: 'Customer ID',
    date: 'Order Date',
    order: 'Order ID',
    quantity: 'Quantity',
    price: 'Unit Price',
    amount: null,
  },
  dateOrder: 'ymd',
  snapshot: null,
  ...(cancellations === undefined ? {} : { cancellations }),
});

/** A superstore-like export: every order id starts with C, none is a cancellation. */
function superstoreCsv(): string {
  const lines: [string, string, string, number, number][] = [];
  for (let i = 0; i < 40; i++) {
    const year = 2017 + (i % 3);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push([`CA-${year}-${152156 + i}`, `${year}-03-${day}`, `CG-${12520 + (i % 9)}`, 2, 10]);
    lines.push([`CA-${year}-${152156 + i}`, `${year}-03-${day}`, `CG-${12520 + (i % 9)}`, 1, 5]);
  }
  return linesCsv(lines);
}

/** Online Retail-like: invoices are digits, a cancellation is C + the digits, negative quantity. */
function onlineRetailCsv(): string {
  const lines: [string, string, string, number, number][] = [];
  for (let i = 0; i < 30; i++) {
    lines.push([
      String(536365 + i),
      `2011-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      String(17850 + (i % 6)),
      3,
      2.5,
    ]);
  }
  lines.push(['C536379', '2011-01-20', '17850', -1, 2.5]);
  lines.push(['C536383', '2011-01-21', '17851', -2, 2.5]);
  lines.push(['C536391', '2011-01-22', '17852', 4, 2.5]);
  return linesCsv(lines);
}

describe('real files: cancellations', () => {
  it('keeps order ids that merely start with C (CA-2019-152156)', async () => {
    const session = await open(superstoreCsv());
    const rfm = session.rfm(settings());
    expect(rfm.rows.dropped.cancellation).toBe(0);
    expect(rfm.rows.used).toBe(80);
    expect(rfm.notes.map(englishText).join(' ')).not.toMatch(/cancel/i);
  });

  it('takes C + the digits of an invoice for a cancellation when the other ids are digits', async () => {
    const session = await open(onlineRetailCsv());
    const rfm = session.rfm(settings());
    expect(rfm.rows.dropped.cancellation).toBe(3);
    expect(rfm.cancellationExamples).toEqual(['C536379', 'C536383', 'C536391']);
    const note = rfm.notes.map(englishText).join(' ');
    expect(note).toContain('3 lines were taken as cancellations');
    expect(note).toContain('C536379, C536383, C536391');
  });

  it('with C + digits ids only, a cancellation needs its invoice in the file or a negative quantity', async () => {
    const lines: [string, string, string, number, number][] = [
      ['C1001', '2024-01-01', 'a', 1, 10],
      ['C1002', '2024-01-02', 'b', 1, 10],
      ['C1003', '2024-01-03', 'a', -1, 10],
      ['X-1', '2024-01-04', 'b', 1, 10],
    ];
    const rfm = (await open(linesCsv(lines))).rfm(settings());
    expect(rfm.rows.dropped.cancellation).toBe(1);
    expect(rfm.cancellationExamples).toEqual(['C1003']);
    const paired = (await open(linesCsv([...lines, ['1002', '2024-01-05', 'b', 1, 10]]))).rfm(
      settings(),
    );
    expect(paired.cancellationExamples).toEqual(['C1002', 'C1003']);
  });

  it("'off' keeps every C + digits line (left out only for what else is wrong with it)", async () => {
    const rfm = (await open(onlineRetailCsv())).rfm(settings('off'));
    expect(rfm.rows.dropped.cancellation).toBe(0);
    expect(rfm.rows.dropped.not_positive).toBe(2);
    expect(rfm.rows.used).toBe(31);
    expect(rfm.notes).toEqual([]);
  });
});
