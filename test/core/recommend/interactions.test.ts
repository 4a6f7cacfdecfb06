import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import {
  buildInteractions,
  compareText,
  customerRanks,
  hasItem,
  interactionsFromLines,
  itemColumns,
  knownItemCount,
  type Interactions,
} from '../../../src/core/recommend/interactions';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const linesOf = async (csv: string, item: string | null = 'i') =>
  selectOrderLines(await readCsv(textSource(csv)), {
    mapping: { ...EMPTY_MAPPING, customer: 'c', date: 'd', order: 'o', amount: 'a', item },
    dateOrder: null,
  });

const row = (m: Interactions, u: number) =>
  Array.from(m.rowItems.subarray(m.rowStart[u], m.rowStart[u + 1]));
const column = (m: Interactions, j: number) =>
  Array.from(m.columnCustomers.subarray(m.columnStart[j], m.columnStart[j + 1]));

describe('interactionsFromLines', () => {
  it('makes one binary entry per customer and item bought, with items in text order', async () => {
    const lines = await linesOf(
      'o,c,d,a,i\n' +
        '1,x,2024-01-01,5,b\n' +
        '1,x,2024-01-01,5,b\n' + // bought twice: still one entry
        '1,x,2024-01-01,5,10\n' +
        '2,y,2024-01-02,5,9\n' +
        '2,y,2024-01-02,5,\n' + // blank item: no entry
        '3,y,2024-01-03,5,B\n' +
        'C4,y,2024-01-03,5,zz\n' + // cancelled: zz is no column
        '5,x,2024-01-04,5,b\n',
    );
    const m = interactionsFromLines(lines);
    // Code-unit order: digits, then capitals, then small letters; '10' before '9'.
    expect(Array.from(m.itemOfColumn, (id) => lines.items[id])).toEqual(['10', '9', 'B', 'b']);
    expect(m.customerCount).toBe(2);
    expect(m.itemCount).toBe(4);
    const x = lines.customers.indexOf('x');
    const y = lines.customers.indexOf('y');
    expect(row(m, x)).toEqual([0, 3]);
    expect(row(m, y)).toEqual([1, 2]);
    expect(column(m, 3)).toEqual([x]);
    expect(hasItem(m, x, 3)).toBe(true);
    expect(hasItem(m, x, 2)).toBe(false);
    expect(knownItemCount(m)).toBe(4);
  });

  it('ranks customer ids in text order, whatever their natural order', async () => {
    const lines = await linesOf('o,c,d,a,i\n1,9,2024-01-01,5,p\n2,10,2024-01-01,5,p\n');
    expect(lines.customers).toEqual(['9', '10']);
    expect(Array.from(customerRanks(lines.customers))).toEqual([1, 0]);
  });

  it('asks for an item column when there is none, or when it is blank on every line', async () => {
    const noColumn = await linesOf('o,c,d,a,i\n1,x,2024-01-01,5,p\n', null);
    expect(() => itemColumns(noColumn)).toThrow(/item column/);
    const blank = await linesOf('o,c,d,a,i\n1,x,2024-01-01,5,\n2,y,2024-01-01,5,\n');
    try {
      interactionsFromLines(blank);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.code).toBe('no-items');
    }
  });
});

describe('buildInteractions', () => {
  it('stores every distinct pair once, rows and columns ascending, CSC the transpose of CSR', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
        (customers, items, raw) => {
          const pairs = raw.map(([u, j]) => [u % customers, j % items] as const);
          const m = buildInteractions(
            customers,
            Int32Array.from({ length: items }, (_, j) => j),
            new Int32Array(customers),
            Int32Array.from(pairs, (p) => p[0]),
            Int32Array.from(pairs, (p) => p[1]),
            pairs.length,
          );
          const expected = new Set(pairs.map(([u, j]) => `${u} ${j}`));
          const fromRows: string[] = [];
          for (let u = 0; u < customers; u++) {
            const r = row(m, u);
            expect(r).toEqual([...r].sort((a, b) => a - b));
            expect(new Set(r).size).toBe(r.length);
            r.forEach((j) => fromRows.push(`${u} ${j}`));
          }
          expect(new Set(fromRows)).toEqual(expected);
          expect(fromRows.length).toBe(expected.size);
          const fromColumns: string[] = [];
          for (let j = 0; j < items; j++) {
            const c = column(m, j);
            expect(c).toEqual([...c].sort((a, b) => a - b));
            c.forEach((u) => fromColumns.push(`${u} ${j}`));
          }
          expect(new Set(fromColumns)).toEqual(expected);
          expect(fromColumns.length).toBe(expected.size);
        },
      ),
    );
  });
});

describe('compareText', () => {
  it('orders by code units, as JavaScript < does', () => {
    expect(['b', 'B', '10', '9', 'é', 'e'].sort(compareText)).toEqual([
      '10',
      '9',
      'B',
      'b',
      'e',
      'é',
    ]);
    expect(compareText('a', 'a')).toBe(0);
  });
});
