import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { generateGroceriesCsv } from '../../../scripts/generators/orderShapes';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { ONE_DAY_MS } from '../../../src/core/read/parseDate';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines, type OrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { computeCustomerValue, DEFAULT_VALUE_OPTIONS } from '../../../src/core/value/customerValue';
import { simulateHistories } from '../../../src/core/value/simulate';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

const mapping = {
  ...EMPTY_MAPPING,
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
};

async function linesOf(csv: string) {
  return selectOrderLines(await readCsv(textSource(csv)), { mapping, dateOrder: 'dmy' });
}

function userErrorOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('computeCustomerValue', () => {
  let lines: OrderLines;
  beforeAll(async () => {
    lines = await linesOf(generateTransactionsCsv({ customers: 400, seed: 3 }));
  });

  it('scores every customer of the sample shop, with a holdout check and progress', () => {
    const fractions: number[] = [];
    const value = computeCustomerValue(lines, DEFAULT_VALUE_OPTIONS, (f) => fractions.push(f));
    const n = lines.customers.length;
    // The default end is the RFM snapshot, so every customer is in.
    expect(value.histories.customer).toHaveLength(n);
    expect(value.histories.observationEnd).toBe(
      Math.floor((lines.lastOrder + ONE_DAY_MS) / ONE_DAY_MS) * ONE_DAY_MS,
    );
    expect(value.bgnbd.customers).toBe(n);
    expect(value.gammaGamma).not.toBeNull();
    expect(value.spendProblem).toBeNull();
    for (let i = 0; i < n; i++) {
      expect(value.pAlive[i]).toBeGreaterThan(0);
      expect(value.pAlive[i]).toBeLessThanOrEqual(1);
      expect(value.expectedPurchases[i]).toBeGreaterThanOrEqual(0);
      expect(value.expectedSpend![i]).toBeGreaterThan(0);
      expect(value.clv![i]).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(value.clv![i])).toBe(true);
    }
    expect(value.holdoutProblem).toBeNull();
    expect(value.holdout!.chart.buckets.length).toBeGreaterThan(1);
    expect(value.holdout!.duration).toBeGreaterThan(0);
    expect(value.correlation.customers).toBe(value.gammaGamma!.customers);
    expect(fractions.length).toBeLessThanOrEqual(40);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(
      true,
    );
    expect(fractions.at(-1)).toBe(1);
  });

  it('counts weeks, skips the holdout when asked, and takes a later end', () => {
    const end = lines.lastOrder + 30 * ONE_DAY_MS;
    const days = computeCustomerValue(lines, {
      ...DEFAULT_VALUE_OPTIONS,
      holdout: 'none',
      observationEnd: end,
    });
    const weeks = computeCustomerValue(lines, {
      ...DEFAULT_VALUE_OPTIONS,
      unit: 'weeks',
      holdout: 'none',
      observationEnd: end,
    });
    expect(days.holdout).toBeNull();
    expect(weeks.holdout).toBeNull();
    const longest = (T: Float64Array) => Math.max(...T);
    expect(longest(weeks.histories.T)).toBeLessThan(longest(days.histories.T) / 6);
    // The same 90 days ahead, counted in either unit.
    const total = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
    expect(total(weeks.expectedPurchases)).toBeGreaterThan(0.5 * total(days.expectedPurchases));
    expect(total(weeks.expectedPurchases)).toBeLessThan(1.5 * total(days.expectedPurchases));
  });

  it('throws for a bad option or an explicit holdout outside the orders', () => {
    expect(
      userErrorOf(() => computeCustomerValue(lines, { ...DEFAULT_VALUE_OPTIONS, horizonDays: 0 }))
        .code,
    ).toBe('bad-option');
    expect(
      userErrorOf(() => computeCustomerValue(lines, { ...DEFAULT_VALUE_OPTIONS, horizonMonths: 0 }))
        .code,
    ).toBe('bad-option');
    expect(
      userErrorOf(() =>
        computeCustomerValue(lines, { ...DEFAULT_VALUE_OPTIONS, holdout: lines.firstOrder - 1 }),
      ).code,
    ).toBe('bad-option');
  });

  it('says clearly when everyone bought once, and reports a default holdout that cannot work', async () => {
    const once = await linesOf(
      [
        'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice',
        '1,01/02/2011 10:00,A,1,10',
        '2,03/02/2011 10:00,B,2,10',
        '3,04/02/2011 10:00,C,1,5',
      ].join('\n'),
    );
    const error = userErrorOf(() => computeCustomerValue(once));
    expect(error.code).toBe('no-repeat-purchases');
    expect(error.sentence).toEqual(message('valueNoRepeat', { unit: 'days' }));
    expect(error.message).toBe(
      'No customer bought more than once in different days, so repeat buying cannot be modelled: use a longer stretch of orders.',
    );
    // Counted per week, the advice is to count per day.
    const weekly = userErrorOf(() =>
      computeCustomerValue(once, { ...DEFAULT_VALUE_OPTIONS, unit: 'weeks' }),
    );
    expect(weekly.sentence).toEqual(message('valueNoRepeat', { unit: 'weeks' }));
    expect(weekly.message).toMatch(/: use a longer stretch of orders, or count per day\.$/);

    // Repeat buying only after the default holdout start: the calibration has none.
    const late = await linesOf(
      [
        'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice',
        '1,01/01/2011 10:00,A,1,10',
        '2,25/01/2011 10:00,A,1,10',
        '3,02/01/2011 10:00,B,1,10',
        '4,26/01/2011 10:00,B,1,10',
        '5,03/01/2011 10:00,C,1,10',
      ].join('\n'),
    );
    const value = computeCustomerValue(late);
    expect(value.holdout).toBeNull();
    expect(value.holdoutProblem).toEqual(message('valueNoRepeat', { unit: 'days' }));
    expect(englishText(value.holdoutProblem!)).toMatch(/^No customer bought more than once/);
    expect(value.bgnbd.converged).toBe(false);
  });

  it('says plainly that spend and lifetime value need a money column, and keeps the rest', async () => {
    const shop = selectOrderLines(
      await readCsv(textSource(generateGroceriesCsv({ lines: 4_000, members: 300, seed: 2 }))),
      { mapping: { ...EMPTY_MAPPING, customer: 'Member_number', date: 'Date' }, dateOrder: null },
    );
    expect(shop.hasMoney).toBe(false);
    const value = computeCustomerValue(shop, { ...DEFAULT_VALUE_OPTIONS, holdout: 'none' });
    expect(value.gammaGamma).toBeNull();
    expect(value.clv).toBeNull();
    expect(value.spendProblem).toEqual(message('valueNeedsMoney'));
    expect(englishText(value.spendProblem!)).toMatch(/needs? a money column/);
    expect(value.pAlive.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  it('keeps P(alive) and expected purchases when spend has no finite mean, and says why', async () => {
    // Order lines behind histories whose spend comes from Gamma-Gamma with q = 0.5.
    const drawn = simulateHistories(
      { r: 0.5, alpha: 10, a: 0.7, b: 2.5 },
      {
        customers: 1500,
        seed: 1,
        minT: 30,
        maxT: 200,
        wholePeriods: true,
        spend: { p: 3, q: 0.5, v: 50 },
      },
    );
    const end = Date.UTC(2012, 0, 1);
    const day = (offset: number) => new Date(end - offset * ONE_DAY_MS).toISOString().slice(0, 10);
    const rows = ['InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice'];
    drawn.frequency.forEach((x, i) => {
      const first = drawn.T[i];
      rows.push(`${rows.length},${day(first)},c${i},1,10`);
      // x repeat days ending at the recency, one purchase of the mean spend each.
      for (let k = 1; k <= x; k++) {
        rows.push(
          `${rows.length},${day(first - drawn.recency[i] + x - k)},c${i},1,${drawn.monetary[i]}`,
        );
      }
    });
    const shop = selectOrderLines(await readCsv(textSource(rows.join('\n'))), {
      mapping,
      dateOrder: 'ymd',
    });
    const value = computeCustomerValue(shop, { ...DEFAULT_VALUE_OPTIONS, holdout: 'none' });
    expect(value.gammaGamma!.q).toBeLessThan(1);
    expect(value.spendProblem).toEqual(message('valueNoAverageSpend'));
    expect(englishText(value.spendProblem!)).toMatch(
      /^The spend model found no finite average spend/,
    );
    expect(value.expectedSpend).toBeNull();
    expect(value.clv).toBeNull();
    expect(value.pAlive).toHaveLength(1500);
    expect(value.expectedPurchases.every(Number.isFinite)).toBe(true);
  });
});
