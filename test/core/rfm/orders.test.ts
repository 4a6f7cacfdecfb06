import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { groupOrders } from '../../../src/core/rfm/orders';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const linesOf = async (csv: string, order: string | null) =>
  selectOrderLines(await readCsv(textSource(csv)), {
    mapping: { ...EMPTY_MAPPING, customer: 'c', date: 'd', order, amount: 'a', item: 'i' },
    dateOrder: null,
  });

describe('groupOrders', () => {
  it('makes one order per order id, at the time of its latest line', async () => {
    const lines = await linesOf(
      'o,c,d,a,i\n1,x,2024-01-01 10:00,5,p\n2,y,2024-01-01 11:00,5,p\n1,x,2024-01-01 10:05,5,q\n',
      'o',
    );
    const orders = groupOrders(lines);
    expect(orders.count).toBe(2);
    expect(Array.from(orders.ofLine)).toEqual([0, 1, 0]);
    expect(orders.label).toEqual(['1', '2']);
    expect(orders.time[0]).toBe(Date.UTC(2024, 0, 1, 10, 5));
    expect(Array.from(orders.customer, (c) => lines.customers[c])).toEqual(['x', 'y']);
  });

  it('makes one order per customer and day without an order column', async () => {
    const lines = await linesOf(
      'c,d,a,i\nx,2024-01-01 10:00,5,p\nx,2024-01-01 18:00,5,q\ny,2024-01-01 10:00,5,p\nx,2024-01-02 09:00,5,p\n',
      null,
    );
    const orders = groupOrders(lines);
    expect(orders.count).toBe(3);
    expect(Array.from(orders.ofLine)).toEqual([0, 0, 1, 2]);
    expect(orders.label).toEqual(['x 2024-01-01', 'y 2024-01-01', 'x 2024-01-02']);
  });
});
