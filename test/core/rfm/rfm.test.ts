import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { formatDateTime, parseDate } from '../../../src/core/read/parseDate';
import { RFM_DROP_REASONS } from '../../../src/core/rfm/rfm';
import { cellIndex, defaultSegmentMap, meanCell } from '../../../src/core/rfm/rfmSegments';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { isUserError } from '../../../src/core/common/userError';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { generateGroceriesCsv } from '../../../scripts/generators/orderShapes';
import { rfmOf, settings, UCI_MAPPING } from '../../support/rfm';

async function userErrorOf(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

const SMALL = [
  'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice',
  '1,2024-01-01 10:00,17850.0,2,5',
  '1,2024-01-01 10:00,17850,1,10',
  '2,2024-01-05 09:00,17850.0,1,3',
  'C3,2024-01-06 09:00,17850.0,-1,3',
  '3,2024-01-06 09:00,,5,1',
  '4,2024-01-07 12:00,200,0,5',
  '5,not a date,200,1,5',
  '6,2024-01-09 08:00,300,1,x',
  '7,2024-01-10 08:00,300,2,2.5',
  'C8,2024-01-10 08:00,400,-1,2',
].join('\n');

describe('computeRfm', () => {
  it('computes recency, frequency, monetary, scores and segments, counting every line left out', async () => {
    const rfm = await rfmOf(SMALL);
    expect(rfm.rows.read).toBe(10);
    expect(rfm.rows.used).toBe(4);
    expect(rfm.rows.dropped).toEqual({
      unreadable_row: 0,
      no_customer_id: 1,
      cancellation: 2,
      unreadable_date: 1,
      missing_amount: 1,
      not_positive: 1,
    });
    // 17850 and 17850.0 are one customer; 200 and 400 have no usable line, so are no customers.
    expect(rfm.customers).toEqual(['300', '17850']);
    expect(formatDateTime(rfm.snapshot)).toBe('2024-01-11 08:00:00');
    expect(Array.from(rfm.recency)).toEqual([1, 5]);
    expect(Array.from(rfm.frequency)).toEqual([1, 2]);
    expect(Array.from(rfm.monetary)).toEqual([5, 23]);
    expect(Array.from(rfm.r)).toEqual([3, 1]);
    expect(Array.from(rfm.f)).toEqual([1, 3]);
    expect(Array.from(rfm.m)).toEqual([1, 3]);
    expect(Array.from(rfm.segment, (s) => rfm.segmentMap.names[s])).toEqual([
      message('rfmAboutToSleep'),
      message('rfmAtRisk'),
    ]);
    expect(rfm.segmentMap).toEqual(defaultSegmentMap('rf-grid'));
    expect(Array.from(rfm.cells['rf-grid'])).toEqual([cellIndex(3, 1), cellIndex(1, 3)]);
    // Means: recency 3 days, frequency 1.5 orders, monetary 14.
    expect(Array.from(rfm.cells['rfm-mean'])).toEqual([
      meanCell(true, false, false),
      meanCell(false, true, true),
    ]);
    expect(Array.from(rfm.dropReason)).toEqual([0, 0, 0, 3, 2, 6, 4, 5, 0, 3]);
    expect(RFM_DROP_REASONS[3 - 1]).toBe('cancellation');
  });

  it('counts a customer’s day as an order without an order column, and sums an amount column', async () => {
    const rfm = await rfmOf(
      'customer,date,amount\na,2024-02-01,10\na,2024-02-01 18:00,5\na,2024-02-02,1\nb,2024-02-03,7\nb,2024-02-03,-7\n',
      settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
    );
    expect(rfm.customers).toEqual(['a', 'b']);
    expect(Array.from(rfm.frequency)).toEqual([2, 1]);
    expect(rfm.notes).toContainEqual(message('rfmNoteOrdersByDay'));
    expect(Array.from(rfm.monetary)).toEqual([16, 7]);
    expect(rfm.rows.dropped.not_positive).toBe(1);
    expect(Array.from(rfm.recency)).toEqual([2, 1]);
  });

  it('reads day-first dates when a day above 12 shows it, and asks when nothing does', async () => {
    const body = (dates: string[]) =>
      'customer,date,amount\n' + dates.map((d, i) => `c${i % 2},${d},10`).join('\n');
    const dayFirst = await rfmOf(
      body(['01/02/2024 08:26', '13/02/2024 09:00', '01.03.2024']),
      settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
    );
    expect(dayFirst.dateOrder).toBe('dmy');
    expect(formatDateTime(dayFirst.lastOrder)).toBe('2024-03-01 00:00:00');

    const ambiguous = body(['01/02/2024', '03/04/2024']);
    const mapping = { ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' };
    const error = await userErrorOf(() => rfmOf(ambiguous, settings(mapping)));
    expect(error.code).toBe('ambiguous-dates');
    expect(error.message).toMatch(/day-first or month-first/);
    const asDayFirst = await rfmOf(ambiguous, { ...settings(mapping), dateOrder: 'dmy' });
    const asMonthFirst = await rfmOf(ambiguous, { ...settings(mapping), dateOrder: 'mdy' });
    expect(formatDateTime(asDayFirst.lastOrder)).toBe('2024-04-03 00:00:00');
    expect(formatDateTime(asMonthFirst.lastOrder)).toBe('2024-03-04 00:00:00');
  });

  it('counts recency to a chosen snapshot, and refuses one before the last order', async () => {
    const snapshot = parseDate('2024-02-01', 'ymd');
    const rfm = await rfmOf(SMALL, { ...settings(), snapshot });
    expect(Array.from(rfm.recency)).toEqual([21, 26]);
    const error = await userErrorOf(() =>
      rfmOf(SMALL, { ...settings(), snapshot: parseDate('2024-01-02', 'ymd') }),
    );
    expect(error.message).toMatch(/before the last order/);
    expect(error.sentence).toEqual(
      message('snapshotBeforeLastOrder', { last: parseDate('2024-01-10 08:00', 'ymd') }),
    );
  });

  it('explains a wrong mapping in a sentence', async () => {
    const noDates = await userErrorOf(() =>
      rfmOf(
        SMALL,
        settings({
          ...UCI_MAPPING,
          date: 'Quantity',
          quantity: null,
          price: null,
          amount: 'UnitPrice',
        }),
      ),
    );
    expect(noDates.code).toBe('bad-mapping');
    expect(noDates.message).toMatch(/"Quantity" holds numbers, not dates/);
    const missing = await userErrorOf(() =>
      rfmOf(SMALL, settings({ ...UCI_MAPPING, customer: 'Client' })),
    );
    expect(missing.message).toMatch(/no column named "Client"/);
    const nothing = await userErrorOf(() =>
      rfmOf(
        'customer,date,amount\na,2024-01-01,-1\n',
        settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
      ),
    );
    expect(nothing.code).toBe('no-rows');
  });
});

describe('RFM without money', () => {
  const GROCERY_MAPPING = { ...EMPTY_MAPPING, customer: 'Member_number', date: 'Date' };

  it('scores recency and frequency only, counts a member’s day as an order and says so', async () => {
    const csv = generateGroceriesCsv({ lines: 3_000, members: 400, seed: 5 });
    const rfm = await rfmOf(csv, settings({ ...GROCERY_MAPPING, item: 'itemDescription' }));
    expect(rfm.hasMoney).toBe(false);
    expect(rfm.customers).toHaveLength(400);
    expect(rfm.rows).toMatchObject({ read: 3_000, used: 3_000 });
    expect(Object.values(rfm.rows.dropped).every((n) => n === 0)).toBe(true);
    expect(rfm.monetary.every((v) => v === 0)).toBe(true);
    expect(rfm.m.every((score) => score === 0)).toBe(true);
    expect(rfm.totalRevenue).toBe(0);
    // R and F are real scores, and the named segments come from them.
    expect(new Set(rfm.r).size).toBeGreaterThan(3);
    expect(new Set(rfm.f).size).toBeGreaterThan(2);
    const map = defaultSegmentMap('rf-grid');
    rfm.segment.forEach((segment, i) =>
      expect(segment).toBe(map.cells[cellIndex(rfm.r[i], rfm.f[i])]),
    );
    // Frequency is the member's distinct days, counted here by hand.
    const days = new Map<string, Set<string>>();
    for (const line of csv.trim().split('\n').slice(1)) {
      const [member, date] = line.split(',');
      if (!days.has(member)) days.set(member, new Set());
      days.get(member)!.add(date);
    }
    rfm.customers.forEach((member, i) => expect(rfm.frequency[i]).toBe(days.get(member)!.size));
    expect(rfm.notes).toEqual(
      expect.arrayContaining([message('rfmNoteNoMoney'), message('rfmNoteOrdersByDay')]),
    );
    expect(rfm.notes.some((note) => note.params?.which === 'monetary')).toBe(false);
  });

  it('keeps every line a quantity or price would have left out, and finds cancellations by id', async () => {
    const rfm = await rfmOf(
      'order,customer,date,qty\n1,a,2024-01-01,-2\n2,a,2024-01-03,\nC3,b,2024-01-04,1\n3,b,2024-01-04,1\n',
      settings({ ...EMPTY_MAPPING, order: 'order', customer: 'customer', date: 'date' }),
    );
    expect(rfm.rows.used).toBe(3);
    expect(rfm.rows.dropped.cancellation).toBe(1);
    expect(Array.from(rfm.frequency)).toEqual([2, 1]);
  });
});

describe('the cells of each scheme', () => {
  const amountMapping = settings({
    ...EMPTY_MAPPING,
    customer: 'customer',
    date: 'date',
    amount: 'amount',
  });
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);

  it('puts each customer in the R-by-F cell of their scores, and in its default segment', async () => {
    const rfm = await rfmOf(generateTransactionsCsv({ customers: 80, seed: 3 }));
    const map = defaultSegmentMap('rf-grid');
    rfm.customers.forEach((_, i) => {
      expect(rfm.cells['rf-grid'][i]).toBe(cellIndex(rfm.r[i], rfm.f[i]));
      expect(rfm.segment[i]).toBe(map.cells[cellIndex(rfm.r[i], rfm.f[i])]);
    });
  });

  it('puts each customer in the cell of R, F and M against the means, strictly better is high', async () => {
    // Amounts in quarters add up exactly, so n x value against the sum decides each comparison.
    const order = fc.record({
      customer: fc.integer({ min: 0, max: 6 }),
      day: fc.integer({ min: 0, max: 9 }),
      quarters: fc.integer({ min: 1, max: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 30 }), async (orders) => {
        const csv =
          'customer,date,amount\n' +
          orders.map((o) => `c${o.customer},${day(o.day)},${o.quarters / 4}`).join('\n');
        const rfm = await rfmOf(csv, amountMapping);
        const ids = [...new Set(orders.map((o) => `c${o.customer}`))].sort();
        expect(rfm.customers).toEqual(ids);
        const snapshot = Math.max(...orders.map((o) => o.day)) + 1;
        const of = (id: string) => orders.filter((o) => `c${o.customer}` === id);
        const recency = ids.map((id) => snapshot - Math.max(...of(id).map((o) => o.day)));
        // Without an order column, an order is a customer's day.
        const frequency = ids.map((id) => new Set(of(id).map((o) => o.day)).size);
        const monetary = ids.map((id) => of(id).reduce((sum, o) => sum + o.quarters / 4, 0));
        const n = ids.length;
        const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
        const expected = ids.map((_, i) =>
          meanCell(
            recency[i] * n < total(recency),
            frequency[i] * n > total(frequency),
            monetary[i] * n > total(monetary),
          ),
        );
        expect(Array.from(rfm.recency)).toEqual(recency);
        expect(Array.from(rfm.cells['rfm-mean'])).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('rates no one above the mean when every customer has the same figures', async () => {
    // 0.7 added up 3 times and divided by 3 is not 0.7 in floating point (nor 0.1 over 10);
    // a customer equal to the mean must still not count as above it.
    for (const [amount, customers] of [
      [0.7, 3],
      [9.99, 3],
      [0.1, 10],
      [19.95, 7],
    ]) {
      const csv =
        'customer,date,amount\n' +
        Array.from({ length: customers }, (_, i) => `c${i},2024-03-01,${amount}`).join('\n');
      const rfm = await rfmOf(csv, amountMapping);
      expect(rfm.monetary.every((value) => value === amount)).toBe(true);
      expect(Array.from(rfm.cells['rfm-mean']), `${customers} x ${amount}`).toEqual(
        new Array(customers).fill(meanCell(false, false, false)),
      );
    }
  });

  it('rates no one above the mean of any constant spend, however many customers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        async (amount, customers) => {
          const csv =
            'customer,date,amount\n' +
            Array.from({ length: customers }, (_, i) => `c${i},2024-03-01,${amount}`).join('\n');
          const rfm = await rfmOf(csv, amountMapping);
          expect(rfm.monetary.every((value) => value === amount)).toBe(true);
          expect(
            rfm.cells['rfm-mean'].every((cell) => cell === meanCell(false, false, false)),
          ).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('puts a lone customer, who equals every mean, in the all-low cell', async () => {
    const rfm = await rfmOf('customer,date,amount\nsolo,2024-03-01,10\n', amountMapping);
    expect(Array.from(rfm.cells['rfm-mean'])).toEqual([meanCell(false, false, false)]);
  });
});
