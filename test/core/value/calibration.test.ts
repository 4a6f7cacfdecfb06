import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { expectedPurchases } from '../../../src/core/value/bgnbd';
import {
  calibrationChart,
  defaultHoldoutStart,
  splitCalibrationHoldout,
} from '../../../src/core/value/calibration';

async function linesOf(rows: string[]) {
  const csv = ['InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice', ...rows].join('\n');
  const mapping = {
    ...EMPTY_MAPPING,
    customer: 'CustomerID',
    date: 'InvoiceDate',
    order: 'InvoiceNo',
    quantity: 'Quantity',
    price: 'UnitPrice',
  };
  return selectOrderLines(await readCsv(textSource(csv)), { mapping, dateOrder: null });
}

const ROWS = [
  '1,2011-01-03 10:00,A,1,10',
  '2,2011-01-05 10:00,A,1,10',
  '3,2011-01-20 10:00,A,1,10',
  '4,2011-01-22 10:00,A,1,10',
  '5,2011-01-22 18:00,A,1,10',
  '6,2011-01-04 10:00,B,1,10',
  '7,2011-01-25 10:00,C,1,10',
  '8,2011-01-10 23:00,D,1,10',
  '9,2011-01-11 00:00,D,1,10',
];
const HOLDOUT = Date.UTC(2011, 0, 11);
const END = Date.UTC(2011, 0, 31);
const PARAMS = { r: 0.5, alpha: 10, a: 0.7, b: 2.5 };

function userErrorOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('defaultHoldoutStart', () => {
  it('is the start of the day three quarters of the way to the end', () => {
    // From 2011-01-01 08:26 to 2011-01-05 12:00, three quarters is 2011-01-04 11:51.
    expect(defaultHoldoutStart(Date.UTC(2011, 0, 1, 8, 26), Date.UTC(2011, 0, 5, 12))).toBe(
      Date.UTC(2011, 0, 4),
    );
  });
});

describe('splitCalibrationHoldout', () => {
  it('learns from the lines before the holdout and counts holdout days per customer', async () => {
    const lines = await linesOf(ROWS);
    const split = splitCalibrationHoldout(lines, {
      unit: 'days',
      holdoutStart: HOLDOUT,
      observationEnd: END,
    });
    const { calibration } = split;
    // C bought only in the holdout: a new customer, left out as lifetimes does.
    expect(Array.from(calibration.customer, (c) => lines.customers[c])).toEqual(['A', 'B', 'D']);
    expect(Array.from(calibration.frequency)).toEqual([1, 0, 0]);
    expect(Array.from(calibration.recency)).toEqual([2, 0, 0]);
    expect(Array.from(calibration.T)).toEqual([7, 6, 0]);
    // A: the 20th and the 22nd (twice) are 2 purchase days; D's line at midnight is holdout.
    expect(Array.from(split.holdoutFrequency)).toEqual([2, 0, 1]);
    expect(split.holdoutDuration).toBe(21);
  });

  it('refuses a holdout that starts outside the orders or holds no purchase', async () => {
    const lines = await linesOf(ROWS);
    const split =
      (holdoutStart: number, observationEnd = END) =>
      () =>
        splitCalibrationHoldout(lines, { unit: 'days', holdoutStart, observationEnd });
    expect(userErrorOf(split(Date.UTC(2011, 0, 3, 10))).code).toBe('bad-option');
    expect(userErrorOf(split(Date.UTC(2011, 0, 26))).code).toBe('bad-option');
    const empty = userErrorOf(split(HOLDOUT, Date.UTC(2011, 0, 10, 12)));
    expect(empty.message).toMatch(/^No customer of the calibration period bought anything/);
  });
});

describe('calibrationChart', () => {
  it('averages actual and predicted holdout purchases by calibration frequency', async () => {
    const lines = await linesOf(ROWS);
    const split = splitCalibrationHoldout(lines, {
      unit: 'days',
      holdoutStart: HOLDOUT,
      observationEnd: END,
    });
    const predicted = expectedPurchases(PARAMS, split.calibration, 21);
    const chart = calibrationChart(PARAMS, split);
    expect(chart.buckets).toEqual([
      { frequency: 0, customers: 2, actual: 0.5, predicted: (predicted[1] + predicted[2]) / 2 },
      { frequency: 1, customers: 1, actual: 2, predicted: predicted[0] },
    ]);
    expect(chart.total.customers).toBe(3);
    expect(chart.total.actual).toBe(3);
    expect(chart.total.predicted).toBeCloseTo(predicted[0] + predicted[1] + predicted[2], 14);
    expect(calibrationChart(PARAMS, split, 1).buckets.map((b) => b.frequency)).toEqual([0]);
  });
});
