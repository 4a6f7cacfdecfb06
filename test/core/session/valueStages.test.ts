import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { isUserError, type UserError } from '../../../src/core/common/userError';
import { parseDate } from '../../../src/core/read/parseDate';
import type { AnalysisSession } from '../../../src/core/session/session';
import {
  checkValueRequest,
  DEFAULT_VALUE_REQUEST,
  historyRows,
  valueStage,
  type ValueRequest,
} from '../../../src/core/session/valueStages';
import { computeCustomerValue, DEFAULT_VALUE_OPTIONS } from '../../../src/core/value/customerValue';
import { ordersRfm } from '../../support/sessionData';
import { amountRequest, heavySpendText, openText, ordersText } from '../../support/valueOrders';

const shopCsv = generateTransactionsCsv({ customers: 300, seed: 7 });
const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm };

function userErrorOf(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('valueStage', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await openText(shopCsv);
  });

  it("gives computeCustomerValue's figures on the session's order lines", () => {
    const { fits, scores, holdout } = valueStage(session, request);
    const { lines, rfm } = session.linesAndRfm(ordersRfm);
    expect(fits.lines).toBe(lines);
    const core = computeCustomerValue(lines, {
      ...DEFAULT_VALUE_OPTIONS,
      observationEnd: rfm.snapshot,
    });
    expect(fits.histories).toEqual(core.histories);
    expect(fits.bgnbd).toEqual(core.bgnbd);
    expect(fits.gammaGamma).toEqual(core.gammaGamma);
    expect(fits.correlation).toEqual(core.correlation);
    expect(fits.expectedSpend).toEqual(core.expectedSpend);
    expect(scores.pAlive).toEqual(core.pAlive);
    expect(scores.expectedPurchases).toEqual(core.expectedPurchases);
    expect(scores.clv).toEqual(core.clv);
    expect(holdout.problem).toBeNull();
    expect(holdout.check).toEqual(core.holdout);
  });

  it('computes each stage once per the options that decide it', () => {
    const first = valueStage(session, request);
    const again = valueStage(session, { ...request, rfm: { ...ordersRfm } });
    expect(again.fits).toBe(first.fits);
    expect(again.scores).toBe(first.scores);
    expect(again.holdout).toBe(first.holdout);

    const longer = valueStage(session, { ...request, horizonMonths: 24 });
    expect(longer.fits).toBe(first.fits);
    expect(longer.scores).not.toBe(first.scores);
    expect(longer.scores.pAlive).toEqual(first.scores.pAlive);
    for (let i = 0; i < first.scores.clv!.length; i++) {
      expect(longer.scores.clv![i]).toBeGreaterThanOrEqual(first.scores.clv![i]);
    }

    const noHoldout = valueStage(session, { ...request, horizonMonths: 24, holdout: 'none' });
    expect(noHoldout.scores).toBe(longer.scores);
    expect(noHoldout.holdout).toEqual({ check: null, problem: null });

    const weeks = valueStage(session, { ...request, unit: 'weeks' });
    expect(weeks.fits).not.toBe(first.fits);
    expect(weeks.fits.histories.unit).toBe('weeks');
  });

  it('gives a fresh session the same figures', async () => {
    const fresh = await openText(shopCsv);
    const a = valueStage(session, request);
    const b = valueStage(fresh, request);
    expect(b.fits.bgnbd).toEqual(a.fits.bgnbd);
    expect(b.scores).toEqual(a.scores);
    expect(b.holdout).toEqual(a.holdout);
  });

  it('reports progress a few dozen times at most, rising to 1, cached or not', async () => {
    const fresh = await openText(shopCsv);
    for (let pass = 0; pass < 2; pass++) {
      const fractions: number[] = [];
      valueStage(fresh, request, (f) => fractions.push(f));
      expect(fractions.length).toBeLessThanOrEqual(40);
      expect(fractions.every((f, i) => f >= 0 && f <= 1 && f >= (fractions[i - 1] ?? 0))).toBe(
        true,
      );
      expect(fractions.at(-1)).toBe(1);
    }
  });

  it('maps every RFM customer to its history row', () => {
    const { fits } = valueStage(session, request);
    const rows = historyRows(fits);
    expect(rows).toHaveLength(fits.rfm.customers.length);
    rows.forEach((row, customer) => expect(fits.histories.customer[row]).toBe(customer));
  });

  it('throws a chosen holdout start outside the orders, and reports a default one that fails', async () => {
    const { lines } = session.linesAndRfm(ordersRfm);
    const outside = userErrorOf(() =>
      valueStage(session, { ...request, holdout: lines.lastOrder + 1 }),
    );
    expect(outside.code).toBe('bad-option');
    expect(outside.sentence.key).toBe('valueHoldoutRange');
    expect(userErrorOf(() => valueStage(session, { ...request, holdout: NaN })).sentence.key).toBe(
      'valueHoldoutRange',
    );

    // Only one-time buyers before the last quarter: the calibration period cannot be fitted.
    const late = await openText(
      ordersText([
        ['a', '2024-01-01', 10],
        ['b', '2024-01-02', 10],
        ['a', '2024-04-01', 10],
        ['c', '2024-03-28', 10],
        ['c', '2024-04-02', 12],
        ['d', '2024-03-29', 20],
        ['d', '2024-04-05', 25],
        ['d', '2024-04-08', 21],
      ]),
    );
    const { holdout, fits } = valueStage(late, amountRequest());
    expect(holdout.check).toBeNull();
    expect(holdout.problem?.key).toBe('valueNoRepeat');
    expect(fits.bgnbd.repeatCustomers).toBe(3);
    const chosen = userErrorOf(() =>
      valueStage(late, amountRequest({ holdout: parseDate('2024-03-01', 'ymd') })),
    );
    expect(chosen.sentence.key).toBe('valueNoRepeat');
  });

  it('refuses files of one-time buyers only, with the clear message', async () => {
    const once = await openText(
      ordersText([
        ['a', '2024-01-01', 10],
        ['a', '2024-01-01', 5],
        ['b', '2024-02-01', 7],
        ['c', '2024-03-01', 9],
      ]),
    );
    const error = userErrorOf(() => valueStage(once, amountRequest()));
    expect(error.code).toBe('no-repeat-purchases');
    expect(error.sentence.key).toBe('valueNoRepeat');
  });

  it('keeps P(alive) and purchases when spend cannot be modelled, and says why', async () => {
    const heavy = await openText(heavySpendText());
    const { fits, scores } = valueStage(heavy, amountRequest());
    expect(fits.gammaGamma!.q).toBeLessThanOrEqual(1);
    expect(fits.expectedSpend).toBeNull();
    expect(fits.spendProblem?.key).toBe('valueNoAverageSpend');
    expect(scores.clv).toBeNull();
    expect(scores.pAlive.every(Number.isFinite)).toBe(true);
    expect(scores.expectedPurchases.every(Number.isFinite)).toBe(true);
  });

  it('models a customer whose last purchase is on the snapshot', async () => {
    const text = ordersText([
      ['a', '2024-01-01', 10],
      ['a', '2024-03-01', 20],
      ['b', '2024-01-10', 5],
      ['b', '2024-02-10', 6],
      ['b', '2024-04-30', 7],
      ['c', '2024-02-01', 30],
    ]);
    const snapshot = Date.UTC(2024, 3, 30);
    const session = await openText(text);
    const { fits, scores } = valueStage(
      session,
      amountRequest({ rfm: { ...amountRequest().rfm, snapshot }, holdout: 'none' }),
    );
    const b = fits.rfm.customers.indexOf('b');
    const row = historyRows(fits)[b];
    expect(fits.histories.recency[row]).toBe(fits.histories.T[row]);
    expect(fits.histories.T[row]).toBe(111);
    // Bought on the last day watched: alive unless that purchase was the last,
    // P(alive) = (b + x - 1) / (a + b + x - 1).
    const { a, b: beta } = fits.bgnbd;
    const x = fits.histories.frequency[row];
    expect(x).toBe(2);
    expect(scores.pAlive[row]).toBeCloseTo((beta + x - 1) / (a + beta + x - 1), 14);
    expect(scores.expectedPurchases.every(Number.isFinite)).toBe(true);
  });

  it.each([
    [{ horizonDays: 0 }, 'valueHorizonDays'],
    [{ horizonDays: NaN }, 'valueHorizonDays'],
    [{ horizonDays: Infinity }, 'valueHorizonDays'],
    [{ horizonMonths: 0 }, 'valueHorizonMonths'],
    [{ horizonMonths: 1.5 }, 'valueHorizonMonths'],
    [{ horizonMonths: 1201 }, 'valueHorizonMonths'],
    [{ monthlyDiscount: -0.01 }, 'valueDiscount'],
    [{ monthlyDiscount: 10 }, 'valueDiscount'],
    [{ monthlyDiscount: NaN }, 'valueDiscount'],
  ] as const)('refuses %o before computing anything', (change, key) => {
    const error = userErrorOf(() => checkValueRequest({ ...request, ...change }));
    expect(error.code).toBe('bad-option');
    expect(error.sentence.key).toBe(key);
    // The session computes nothing for it either.
    expect(userErrorOf(() => valueStage(session, { ...request, ...change })).sentence.key).toBe(
      key,
    );
  });

  it('accepts the edges of each option', () => {
    for (const change of [
      { horizonDays: 1e-3 },
      { horizonMonths: 1 },
      { horizonMonths: 1200 },
      { monthlyDiscount: 0 },
      { monthlyDiscount: 9.99 },
      { holdout: 'none' as const },
      { holdout: 0 },
    ]) {
      expect(() => checkValueRequest({ ...request, ...change })).not.toThrow();
    }
  });
});
