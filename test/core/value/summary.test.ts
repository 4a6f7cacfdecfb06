import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { periodOf, periodStart, summarizeHistories } from '../../../src/core/value/summary';

const mapping = {
  ...EMPTY_MAPPING,
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
};

async function linesOf(rows: string[]) {
  const csv = ['InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice', ...rows].join('\n');
  return selectOrderLines(await readCsv(textSource(csv)), { mapping, dateOrder: null });
}

// 2011-01-03 is a Monday.
const ROWS = [
  '1,2011-01-03 10:00,A,1,10',
  '2,2011-01-03 15:00,A,2,5',
  '3,2011-01-05 09:00,A,1,7',
  '4,2011-01-10 09:00,A,3,1',
  '5,2011-01-04 12:00,B,1,100',
  '6,2011-01-09 23:00,C,1,4',
  '7,2011-01-10 08:00,C,1,6',
  '8,2011-01-20 10:00,D,1,50',
];
const END = Date.UTC(2011, 0, 10, 12);

const table = (summary: ReturnType<typeof summarizeHistories>, customers: string[]) =>
  Array.from(summary.customer, (c, i) => [
    customers[c],
    summary.frequency[i],
    summary.recency[i],
    summary.T[i],
    summary.monetary[i],
  ]);

describe('summarizeHistories', () => {
  it('counts one purchase per day, spend summed per day, repeat days only in monetary value', async () => {
    const lines = await linesOf(ROWS);
    const summary = summarizeHistories(lines, { unit: 'days', observationEnd: END });
    expect(summary.observationEnd).toBe(Date.UTC(2011, 0, 10));
    // [customer, frequency, recency, T, monetary]. A's last purchase is on the observation end
    // (recency = T); B bought once (frequency 0, monetary 0); D bought only after the end.
    expect(table(summary, lines.customers)).toEqual([
      ['A', 2, 7, 7, (7 + 3) / 2],
      ['B', 0, 0, 6, 0],
      ['C', 1, 1, 1, 6],
    ]);
  });

  it('counts weeks from Monday, as pandas periods W', async () => {
    const lines = await linesOf(ROWS);
    const summary = summarizeHistories(lines, { unit: 'weeks', observationEnd: END });
    expect(summary.observationEnd).toBe(Date.UTC(2011, 0, 10));
    // C's Sunday and Monday are two weeks; A's Monday and Wednesday are one purchase of 27.
    expect(table(summary, lines.customers)).toEqual([
      ['A', 1, 1, 1, 3],
      ['B', 0, 0, 1, 0],
      ['C', 1, 1, 1, 6],
    ]);
  });

  it('takes in every line up to a later end, and leaves out lines after `upTo`', async () => {
    const lines = await linesOf(ROWS);
    const later = summarizeHistories(lines, {
      unit: 'days',
      observationEnd: Date.UTC(2011, 0, 31),
    });
    expect(table(later, lines.customers)).toEqual([
      ['A', 2, 7, 28, 5],
      ['B', 0, 0, 27, 0],
      ['C', 1, 1, 22, 6],
      ['D', 0, 0, 11, 0],
    ]);
    const early = summarizeHistories(lines, {
      unit: 'days',
      observationEnd: Date.UTC(2011, 0, 31),
      upTo: Date.UTC(2011, 0, 10, 8, 30),
    });
    expect(table(early, lines.customers)).toEqual([
      ['A', 1, 2, 28, 7],
      ['B', 0, 0, 27, 0],
      ['C', 1, 1, 22, 6],
    ]);
  });

  it('says what to do when no customer bought up to the end, or the end is no date', async () => {
    const lines = await linesOf(ROWS);
    const errorOf = (observationEnd: number) => {
      try {
        summarizeHistories(lines, { unit: 'days', observationEnd });
      } catch (error) {
        return error;
      }
      return null;
    };
    const early = errorOf(Date.UTC(2010, 0, 1));
    expect(isUserError(early) && early.code).toBe('no-rows');
    const noDate = errorOf(NaN);
    expect(isUserError(noDate) && noDate.code).toBe('bad-option');
  });

  it('gives histories the models accept for any order lines', async () => {
    const day = 86_400_000;
    const row = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 * 24 }));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const lines = await linesOf(
          rows.map(([customer, minutes], i) => {
            const time = new Date(Date.UTC(2011, 0, 1) + minutes * 60_000 * 60);
            return `${i},${time.toISOString().slice(0, 16).replace('T', ' ')},c${customer},1,${i + 1}`;
          }),
        );
        for (const unit of ['days', 'weeks'] as const) {
          const s = summarizeHistories(lines, { unit, observationEnd: lines.lastOrder + day });
          for (let i = 0; i < s.customer.length; i++) {
            expect(s.recency[i]).toBeLessThanOrEqual(s.T[i]);
            expect(s.frequency[i]).toBeLessThanOrEqual(s.recency[i]);
            expect(s.frequency[i] === 0).toBe(s.monetary[i] === 0);
            if (s.frequency[i] === 0) expect(s.recency[i]).toBe(0);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('periods', () => {
  it('are days, or weeks from Monday to Sunday', () => {
    expect(periodOf(Date.UTC(1970, 0, 1, 23, 59), 'days')).toBe(0);
    expect(periodOf(Date.UTC(1969, 11, 31, 23, 59), 'days')).toBe(-1);
    expect(periodOf(Date.UTC(1970, 0, 4, 23), 'weeks')).toBe(0);
    expect(periodOf(Date.UTC(1970, 0, 5), 'weeks')).toBe(1);
    expect(periodStart(1, 'weeks')).toBe(Date.UTC(1970, 0, 5));
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 4e12 }), (time) => {
        for (const unit of ['days', 'weeks'] as const) {
          const period = periodOf(time, unit);
          const start = periodStart(period, unit);
          if (!(start <= time && time < periodStart(period + 1, unit))) return false;
          if (unit === 'weeks' && new Date(start).getUTCDay() !== 1) return false;
        }
        return true;
      }),
    );
  });
});
