import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserError } from '../../../src/core/common/userError';
import { englishText } from '../../../src/i18n/formatMessage';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { LINE_DROP_REASONS, selectOrderLines } from '../../../src/core/rfm/orderLines';
import { rfmOfLines } from '../../../src/core/rfm/rfm';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const CSV = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID',
  '536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26,2.55,17850.0',
  '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26,3.39,17850.0',
  '536366,85123A,WHITE HANGING HEART T-LIGHT,2,2010-12-02 09:00,2.55,13047',
  '536367,85123A,WHITE HANGING HEART,1,2010-12-03 10:00,2.55,13047',
  'C536368,71053,WHITE METAL LANTERN,-1,2010-12-03 10:00,3.39,13047',
  '536369,22633,HAND WARMER,3,2010-12-03 11:00,1.85,',
  '536370,22632,HAND WARMER RED,0,2010-12-03 11:00,1.85,12583',
  '536371, ,NO ITEM,1,2010-12-04 11:00,1.00,12583',
].join('\n');

const mapping = {
  ...EMPTY_MAPPING,
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  item: 'StockCode',
  description: 'Description',
};

describe('selectOrderLines', () => {
  it('keeps the lines every order-lines analysis uses and counts every other one', async () => {
    const table = await readCsv(textSource(CSV));
    const lines = selectOrderLines(table, { mapping, dateOrder: null });
    expect(lines.count).toBe(5);
    expect(Array.from(lines.row)).toEqual([0, 1, 2, 3, 7]);
    expect(lines.report.read).toBe(8);
    expect(lines.report.used + Object.values(lines.report.dropped).reduce((a, b) => a + b)).toBe(8);
    expect(lines.report.dropped.cancellation).toBe(1);
    expect(lines.report.dropped.no_customer_id).toBe(1);
    expect(lines.report.dropped.not_positive).toBe(1);
    expect(LINE_DROP_REASONS[lines.dropReason[4] - 1]).toBe('cancellation');
    // Customers in natural order; `17850.0` is `17850`.
    expect(lines.customers).toEqual(['12583', '13047', '17850']);
    expect(Array.from(lines.customer)).toEqual([2, 2, 1, 1, 0]);
    expect(Array.from(lines.order, (id) => lines.orders[id])).toEqual([
      '536365',
      '536365',
      '536366',
      '536367',
      '536371',
    ]);
    expect(lines.order[0]).toBe(lines.order[1]);
    expect(Array.from(lines.value)).toEqual([6 * 2.55, 6 * 3.39, 2 * 2.55, 2.55, 1]);
  });

  it('tells customers and orders with ids too long for a double apart by their digits', async () => {
    // 19-digit ids 1 apart are one double: read as numbers, 3 customers would be 1.
    const csv = [
      'InvoiceNo,CustomerID,InvoiceDate,Amount',
      '9000000000000000001,1234567890123456001,2021-01-01,10',
      '9000000000000000002,1234567890123456002,2021-01-02,20',
      '9000000000000000002,1234567890123456002,2021-01-02,5',
      '9000000000000000003,1234567890123456003,2021-01-03,30',
      '4,17850.0,2021-01-04,40',
    ].join('\n');
    const table = await readCsv(textSource(csv));
    const lines = selectOrderLines(table, {
      mapping: {
        ...EMPTY_MAPPING,
        customer: 'CustomerID',
        order: 'InvoiceNo',
        date: 'InvoiceDate',
        amount: 'Amount',
      },
      dateOrder: null,
    });
    expect(lines.customers).toEqual([
      '17850',
      '1234567890123456001',
      '1234567890123456002',
      '1234567890123456003',
    ]);
    expect(Array.from(lines.customer, (c) => lines.customers[c])).toEqual([
      '1234567890123456001',
      '1234567890123456002',
      '1234567890123456002',
      '1234567890123456003',
      '17850',
    ]);
    expect(Array.from(lines.order, (o) => lines.orders[o])).toEqual([
      '9000000000000000001',
      '9000000000000000002',
      '9000000000000000002',
      '9000000000000000003',
      '4',
    ]);
  });

  it('reads items as written, blank as -1, with each item most frequent description', async () => {
    const table = await readCsv(textSource(CSV));
    const lines = selectOrderLines(table, { mapping, dateOrder: null });
    const itemNames = Array.from(lines.item!, (id) => (id === -1 ? null : lines.items[id]));
    expect(itemNames).toEqual(['85123A', '71053', '85123A', '85123A', null]);
    const heart = lines.items.indexOf('85123A');
    expect(lines.descriptions[heart]).toBe('WHITE HANGING HEART');
  });

  it('has no items without an item column', async () => {
    const table = await readCsv(textSource(CSV));
    const lines = selectOrderLines(table, {
      mapping: { ...mapping, item: null, description: null },
      dateOrder: null,
    });
    expect(lines.item).toBeNull();
  });
});

describe('unreadable order dates (#20: the refusal quoted a readable date as its example)', () => {
  async function refusal(dates: string[]) {
    const rows = dates.map((date, i) => `${500 + i},A,1,${date},2.5,${100 + (i % 3)}`);
    const table = await readCsv(
      textSource(
        ['InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID', ...rows].join('\n'),
      ),
    );
    try {
      selectOrderLines(table, { mapping: { ...mapping, description: null }, dateOrder: null });
    } catch (error) {
      return englishText((error as UserError).sentence);
    }
    throw new Error('expected a refusal');
  }

  it('quotes a value no date order reads, not the first value', async () => {
    const sentence = await refusal([
      '2024-03-01 10:00',
      '2024-03-02 10:00',
      'soon',
      'later',
      'next week',
      'tbd',
    ]);
    expect(sentence).toMatch(
      /^"InvoiceDate" does not hold dates that can be read \(such as "soon"/,
    );
  });

  it('says when the column holds numbers, or nothing', async () => {
    expect(await refusal(['1', '2', '3'])).toMatch(/^"InvoiceDate" holds numbers, not dates/);
  });
});

describe('orders and descriptions counted without maps or sorting', () => {
  // Random order lines: few customers, orders, items and descriptions, so that orders repeat
  // across customers and days and items have rival descriptions.
  const line = fc.record({
    order: fc.integer({ min: 1, max: 6 }),
    customer: fc.constantFrom('', '11', '12', '13'),
    day: fc.integer({ min: 1, max: 4 }),
    item: fc.constantFrom('A', 'B', 'C', ' '),
    description: fc.constantFrom('', 'red', 'blue', 'green'),
  });
  const csvOf = (
    lines: { order: number; customer: string; day: number; item: string; description: string }[],
  ) =>
    [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID',
      ...lines.map(
        (l) => `${l.order},${l.item},${l.description},1,2024-01-0${l.day} 10:00,2,${l.customer}`,
      ),
    ].join('\n');

  it('gives each customer its distinct orders and each item its most frequent description, the first seen of equals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (records) => {
        const table = await readCsv(textSource(csvOf(records)));
        let lines;
        try {
          lines = selectOrderLines(table, { mapping, dateOrder: null });
        } catch {
          return; // No usable line (every customer blank): nothing to count.
        }
        // Descriptions: per item, counts in a map in first-seen order, the first of the most.
        const byItem = new Map<number, Map<string, number>>();
        for (let i = 0; i < lines.count; i++) {
          const item = lines.item![i];
          const description = records[lines.row[i]].description;
          if (item < 0 || description === '') continue;
          const counts = byItem.get(item) ?? new Map<string, number>();
          counts.set(description, (counts.get(description) ?? 0) + 1);
          byItem.set(item, counts);
        }
        lines.items.forEach((_, id) => {
          let best = '';
          let most = 0;
          for (const [description, count] of byItem.get(id) ?? []) {
            if (count > most) [best, most] = [description, count];
          }
          expect(lines.descriptions[id]).toBe(best);
        });
        // Orders: the distinct (customer, order) pairs of the lines.
        const frequency = rfmOfLines(lines, null).frequency;
        const pairs = new Map<number, Set<number>>();
        for (let i = 0; i < lines.count; i++) {
          const orders = pairs.get(lines.customer[i]) ?? new Set<number>();
          orders.add(lines.order[i]);
          pairs.set(lines.customer[i], orders);
        }
        expect(Array.from(frequency)).toEqual(
          lines.customers.map((_, c) => pairs.get(c)?.size ?? 0),
        );
      }),
      { numRuns: 300 },
    );
  });
});
