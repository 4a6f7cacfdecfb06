import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdOutLastOrders } from '../../../src/core/recommend/holdOut';
import {
  customerRanks,
  interactionsFromLines,
  itemColumns,
  type Interactions,
} from '../../../src/core/recommend/interactions';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines, type OrderLines } from '../../../src/core/rfm/orderLines';
import { groupOrders } from '../../../src/core/rfm/orders';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const linesOf = async (csv: string, order: string | null = 'o') =>
  selectOrderLines(await readCsv(textSource(csv)), {
    mapping: { ...EMPTY_MAPPING, customer: 'c', date: 'd', order, amount: 'a', item: 'i' },
    dateOrder: null,
  });

function split(lines: OrderLines) {
  const columns = itemColumns(lines);
  const orders = groupOrders(lines);
  const holdOut = holdOutLastOrders(lines, orders, columns, customerRanks(lines.customers));
  const name = (column: number) => lines.items[columns.itemOfColumn[column]];
  const trained = (m: Interactions, customer: string) => {
    const u = lines.customers.indexOf(customer);
    return Array.from(m.rowItems.subarray(m.rowStart[u], m.rowStart[u + 1]), name);
  };
  const tests = new Map<string, string[]>();
  holdOut.customers.forEach((u, e) =>
    tests.set(
      lines.customers[u],
      Array.from(holdOut.testItems.subarray(holdOut.testStart[e], holdOut.testStart[e + 1]), name),
    ),
  );
  const lastOrder = (customer: string) => {
    const order = holdOut.lastOrder[lines.customers.indexOf(customer)];
    return order === -1 ? null : orders.label[order];
  };
  return { holdOut, tests, lastOrder, trained: (c: string) => trained(holdOut.training, c) };
}

describe('holdOutLastOrders', () => {
  it('holds out the new items of each customer’s last order and trains on the rest', async () => {
    const { holdOut, tests, trained, lastOrder } = split(
      await linesOf(
        'o,c,d,a,i\n' +
          '1,x,2024-01-01 10:00,5,p\n' +
          '1,x,2024-01-01 10:00,5,q\n' +
          '2,x,2024-02-01 10:00,5,q\n' + // q again: not a test item
          '2,x,2024-02-01 10:00,5,r\n' +
          '2,x,2024-02-01 10:00,5,s\n' +
          '3,y,2024-01-05 10:00,5,p\n' + // one order: trains, is not evaluated
          '4,z,2024-01-01 10:00,5,p\n' +
          '5,z,2024-03-01 10:00,5,p\n', // last order only repeats: not evaluated
      ),
    );
    expect([...tests]).toEqual([['x', ['r', 's']]]);
    expect(trained('x')).toEqual(['p', 'q']);
    expect(trained('y')).toEqual(['p']);
    expect(trained('z')).toEqual(['p']);
    expect(lastOrder('x')).toBe('2');
    expect(lastOrder('y')).toBeNull();
    expect(lastOrder('z')).toBe('5');
    expect(holdOut.customersWithTwoOrders).toBe(2);
  });

  it('takes an order’s time from its latest line, and between orders at the same time the greatest id as text', async () => {
    const { tests, lastOrder } = split(
      await linesOf(
        'o,c,d,a,i\n' +
          '7,x,2024-01-03 09:00,5,early\n' +
          '7,x,2024-01-03 12:00,5,late\n' + // order 7 ends at noon on the 3rd
          '8,x,2024-01-02 10:00,5,middle\n' +
          '10,y,2024-01-01 10:00,5,ten\n' +
          '9,y,2024-01-01 10:00,5,nine\n', // '9' > '10' as text
      ),
    );
    expect(lastOrder('x')).toBe('7');
    expect(tests.get('x')).toEqual(['early', 'late']);
    expect(lastOrder('y')).toBe('9');
    expect(tests.get('y')).toEqual(['nine']);
  });

  it('counts an order id used on several days as one order per day (ids that restart, #18)', async () => {
    const { tests, lastOrder } = split(
      await linesOf(
        'o,c,d,a,i\n' +
          '7,x,2024-01-01 09:00,5,early\n' +
          '7,x,2024-01-03 12:00,5,late\n' +
          '8,x,2024-01-02 10:00,5,middle\n',
      ),
    );
    expect(lastOrder('x')).toMatch(/^7\b/);
    expect(tests.get('x')).toEqual(['late']);
  });

  it('holds out the last day without an order column', async () => {
    const { tests } = split(
      await linesOf(
        'c,d,a,i\nx,2024-01-01 10:00,5,p\nx,2024-01-02 09:00,5,q\nx,2024-01-02 18:00,5,r\n',
        null,
      ),
    );
    expect(tests.get('x')).toEqual(['q', 'r']);
  });

  it('splits every customer’s items into training and test without losing or repeating one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            customer: fc.constantFrom('a', 'b', 'c'),
            order: fc.integer({ min: 1, max: 6 }),
            item: fc.constantFrom('p', 'q', 'r', 's'),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        async (rows) => {
          // An order id belongs to one customer and one day, as in real exports.
          const csv =
            'o,c,d,a,i\n' +
            rows
              .map(
                (r) =>
                  `o${r.customer}${r.order},${r.customer},2024-01-0${1 + (r.order % 3)},5,${r.item}`,
              )
              .join('\n');
          const lines = await linesOf(csv);
          const full = interactionsFromLines(lines);
          const { holdOut } = split(lines);
          const evaluated = new Map(Array.from(holdOut.customers, (u, e) => [u, e]));
          for (let u = 0; u < lines.customers.length; u++) {
            const all = Array.from(full.rowItems.subarray(full.rowStart[u], full.rowStart[u + 1]));
            const m = holdOut.training;
            const train = Array.from(m.rowItems.subarray(m.rowStart[u], m.rowStart[u + 1]));
            const e = evaluated.get(u);
            const test =
              e === undefined
                ? []
                : Array.from(
                    holdOut.testItems.subarray(holdOut.testStart[e], holdOut.testStart[e + 1]),
                  );
            expect([...train, ...test].sort((a, b) => a - b)).toEqual(all);
            if (e !== undefined) expect(test.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
