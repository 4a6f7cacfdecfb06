import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { groupOrders } from '../../../src/core/rfm/orders';
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

describe('real files: scores that cannot separate anyone', () => {
  /** One day of orders: every customer bought on 2024-05-01, some more often than others. */
  function oneDayCsv(): string {
    const lines: [string, string, string, number, number][] = [];
    let order = 1000;
    for (let c = 0; c < 20; c++)
      for (let k = 0; k <= c % 4; k++)
        lines.push([String(order++), '2024-05-01', `cust-${c}`, 1 + (c % 3), 4 + c]);
    return linesCsv(lines);
  }

  it('gives everyone the middle R (3) when all bought the same day, and says so', async () => {
    const session = await open(oneDayCsv());
    const rfm = session.rfm(settings());
    expect(new Set(rfm.recency)).toEqual(new Set([1]));
    expect(new Set(rfm.r)).toEqual(new Set([3]));
    // F and M still separate the customers.
    expect(new Set(rfm.f).size).toBeGreaterThan(1);
    const names = rfm.segmentMap.names.map((n) => (typeof n === 'string' ? n : englishText(n)));
    const segments = new Set(Array.from(rfm.segment, (s) => names[s]));
    expect(segments.has('Hibernating')).toBe(false);
    expect(segments.has('At Risk')).toBe(false);
    const notes = rfm.notes.map(englishText);
    expect(notes).toEqual([
      'Every customer has the same recency (1 day), so the R score cannot tell them apart: every customer gets the middle score, 3 of 5.',
    ]);
  });

  it('gives the middle F when every customer ordered once, and keeps R for a spread file', async () => {
    const lines: [string, string, string, number, number][] = Array.from({ length: 10 }, (_, i) => [
      String(1 + i),
      `2024-05-${String(1 + i).padStart(2, '0')}`,
      `c${i}`,
      1,
      5 + i,
    ]);
    const rfm = (await open(linesCsv(lines))).rfm(settings());
    expect(new Set(rfm.f)).toEqual(new Set([3]));
    expect(new Set(rfm.r).size).toBe(5);
    expect(rfm.notes.map(englishText)).toEqual([
      'Every customer has the same frequency (1 order), so the F score cannot tell them apart: every customer gets the middle score, 3 of 5.',
    ]);
  });
});

describe('real files: order ids that restart every day', () => {
  /** Ten days; each day orders 1..5 again, for customers that change; two lines per order. */
  function restartingCsv(): { csv: string; orders: Map<string, number> } {
    const lines: [string, string, string, number, number][] = [];
    const orders = new Map<string, number>();
    for (let day = 1; day <= 10; day++)
      for (let id = 1; id <= 5; id++) {
        const customer = `c${(day * 3 + id) % 7}`;
        const date = `2024-06-${String(day).padStart(2, '0')}`;
        lines.push([String(id), date, customer, 1, 2], [String(id), date, customer, 2, 3]);
        orders.set(customer, (orders.get(customer) ?? 0) + 1);
      }
    return { csv: linesCsv(lines), orders };
  }

  it('counts an order as (order id, customer, day) when ids are shared, and says how many were', async () => {
    const { csv, orders } = restartingCsv();
    const session = await open(csv);
    const rfm = session.rfm(settings());
    rfm.customers.forEach((id, i) => expect([id, rfm.frequency[i]]).toEqual([id, orders.get(id)]));
    expect(rfm.notes.map(englishText)).toContain(
      '5 order ids were used by several customers or on several days (ids that restart, such as every day), so an order is counted as one order id of one customer on one day.',
    );
    // Baskets group lines the same way: 50 orders of two lines each.
    const baskets = groupOrders(session.orderLines(settings()));
    expect(baskets.count).toBe(50);
    expect(baskets.label[5]).toBe('1 c0 2024-06-02');
  });

  it('keeps counting order ids as they are when none is shared', async () => {
    const lines: [string, string, string, number, number][] = [
      ['1', '2024-06-01', 'a', 1, 2],
      ['1', '2024-06-01', 'a', 1, 2],
      ['2', '2024-06-02', 'a', 1, 2],
      ['3', '2024-06-02', 'b', 1, 2],
    ];
    const rfm = (await open(linesCsv(lines))).rfm(settings());
    expect(Array.from(rfm.frequency)).toEqual([2, 1]);
    expect(rfm.notes.map(englishText).join(' ')).not.toContain('order ids were used');
  });
});
