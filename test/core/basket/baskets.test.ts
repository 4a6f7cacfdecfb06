import { describe, expect, it } from 'vitest';
import { buildBaskets, customerMask, type Baskets } from '../../../src/core/basket/baskets';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines, type OrderLines } from '../../../src/core/rfm/orderLines';
import { groupOrders } from '../../../src/core/rfm/orders';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const CSV = [
  'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID',
  '1,B,1,2024-01-01 10:00,1,c1',
  '1,A,2,2024-01-01 10:00,1,c1',
  '1,B,5,2024-01-01 10:01,1,c1',
  '2,A,1,2024-01-02 10:00,1,c2',
  '2, ,1,2024-01-02 10:00,1,c2',
  '3, ,1,2024-01-03 10:00,1,c2',
  'C4,A,-1,2024-01-03 10:00,1,c1',
  '5,C,1,2024-01-04 10:00,1,c3',
  '5,A,1,2024-01-04 10:00,1,c3',
].join('\n');

async function linesOf(csv: string, withOrder = true, withItem = true): Promise<OrderLines> {
  return selectOrderLines(await readCsv(textSource(csv)), {
    mapping: {
      ...EMPTY_MAPPING,
      customer: 'CustomerID',
      date: 'InvoiceDate',
      order: withOrder ? 'InvoiceNo' : null,
      quantity: 'Quantity',
      price: 'UnitPrice',
      item: withItem ? 'StockCode' : null,
    },
    dateOrder: null,
  });
}

/** Each basket's item names, for reading a test. */
const named = (baskets: Baskets, lines: OrderLines) =>
  Array.from({ length: baskets.basketCount }, (_, b) =>
    Array.from(
      baskets.items.subarray(baskets.start[b], baskets.start[b + 1]),
      (id) => lines.items[id],
    ),
  );

describe('buildBaskets', () => {
  it('makes one basket per order, each item once and ascending, whatever its quantity', async () => {
    const lines = await linesOf(CSV);
    const baskets = buildBaskets(lines);
    // Order 3 names no item: no basket. The cancellation C4 is not an order line at all.
    expect(named(baskets, lines)).toEqual([['B', 'A'], ['A'], ['A', 'C']]);
    expect(baskets.basketCount).toBe(3);
    expect(baskets.itemCount).toBe(lines.items.length);
    expect(Array.from(baskets.start)).toEqual([0, 2, 3, 5]);
    for (let b = 0; b < baskets.basketCount; b++) {
      const items = Array.from(baskets.items.subarray(baskets.start[b], baskets.start[b + 1]));
      expect(items).toEqual([...items].sort((x, y) => x - y));
    }
    expect(baskets.linesUsed).toBe(6);
    expect(baskets.linesWithoutItem).toBe(2);
    expect(Array.from(baskets.basketCustomer, (c) => lines.customers[c])).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
    const orders = groupOrders(lines);
    expect(Array.from(baskets.basketOrder, (o) => orders.label[o])).toEqual(['1', '2', '5']);
  });

  it('makes one basket per customer and day without an order column', async () => {
    const lines = await linesOf(
      [
        'CustomerID,InvoiceDate,Quantity,UnitPrice,StockCode',
        'x,2024-01-01 10:00,1,1,P',
        'x,2024-01-01 18:00,1,1,Q',
        'y,2024-01-01 10:00,1,1,P',
        'x,2024-01-02 09:00,1,1,P',
      ].join('\n'),
      false,
    );
    expect(named(buildBaskets(lines), lines)).toEqual([['P', 'Q'], ['P'], ['P']]);
  });

  it('keeps only the baskets of the customers in the mask', async () => {
    const lines = await linesOf(CSV);
    const mask = customerMask(
      lines.customers.map((id) => (id === 'c1' || id === 'c3' ? 1 : 0)),
      1,
    );
    expect(Array.from(mask)).toEqual([1, 0, 1]);
    const baskets = buildBaskets(lines, mask);
    expect(named(baskets, lines)).toEqual([
      ['B', 'A'],
      ['A', 'C'],
    ]);
    expect(baskets.linesUsed).toBe(5);
    expect(baskets.linesWithoutItem).toBe(0);
    expect(buildBaskets(lines, new Uint8Array(3)).basketCount).toBe(0);
    expect(buildBaskets(lines, null, groupOrders(lines)).basketCount).toBe(3);
  });

  it('asks for the item column when none is chosen', async () => {
    const lines = await linesOf(CSV, true, false);
    let error: unknown;
    try {
      buildBaskets(lines);
    } catch (thrown) {
      error = thrown;
    }
    expect(isUserError(error) && error.code).toBe('bad-mapping');
    expect((error as Error).message).toMatch(/Choose the item column/);
  });

  it('treats a mask or orders of other lines as a bug, not a user error', async () => {
    const lines = await linesOf(CSV);
    expect(() => buildBaskets(lines, new Uint8Array(2))).toThrow(/customer mask/);
    const other = await linesOf(CSV.split('\n').slice(0, 4).join('\n'));
    expect(() => buildBaskets(lines, null, groupOrders(other))).toThrow(/other order lines/);
  });
});
