import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import type { AnalysisSession } from '../../../src/core/session/session';
import {
  AT_RISK_SHOWN,
  atRiskRows,
  customerValueView,
  DEFAULT_VALUE_REQUEST,
  P_ALIVE_BINS,
  valueColumns,
  type CustomerValueView,
  type ValueRequest,
} from '../../../src/core/session/valueSession';
import { historyRows, valueStage } from '../../../src/core/session/valueStages';
import { englishText } from '../../../src/i18n/formatMessage';
import { ordersRfm } from '../../support/sessionData';
import { amountRequest, heavySpendText, openText } from '../../support/valueOrders';

// Seed 3: both fits and the calibration fit converge; frequency and spend correlate below 0.3.
const shopCsv = generateTransactionsCsv({ customers: 600, seed: 3 });
const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm };

const total = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

/** Every number in a view, at any depth. */
function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, found));
  else if (value !== null && typeof value === 'object')
    Object.values(value).forEach((item) => numbersIn(item, found));
  return found;
}

describe('customerValueView', () => {
  let session: AnalysisSession;
  let view: CustomerValueView;
  beforeAll(async () => {
    session = await openText(shopCsv);
    view = customerValueView(session, request);
  });

  it("shows the fits' parameters, and survives the worker's structured clone", () => {
    const { fits } = valueStage(session, request);
    const { r, alpha, a, b, logLikelihood, converged } = fits.bgnbd;
    expect(view.bgnbd).toEqual({ r, alpha, a, b, logLikelihood, converged, reason: null });
    expect(view.gammaGamma).toMatchObject({
      p: fits.gammaGamma!.p,
      q: fits.gammaGamma!.q,
      v: fits.gammaGamma!.v,
      converged: true,
      reason: null,
      customers: fits.bgnbd.repeatCustomers,
    });
    expect(view.spendProblem).toBeNull();
    expect(view.observationEnd).toBe(session.rfm(ordersRfm).snapshot);
    expect(structuredClone(view)).toEqual(view);
    expect(numbersIn(view).every(Number.isFinite)).toBe(true);
  });

  it('adds up the totals from the per-customer figures', () => {
    const { scores, fits } = valueStage(session, request);
    expect(view.totals.customers).toBe(session.rfm(ordersRfm).customers.length);
    expect(view.totals.repeatCustomers).toBe(
      Array.from(fits.histories.frequency).filter((x) => x > 0).length,
    );
    expect(view.totals.expectedPurchases).toBeCloseTo(total(scores.expectedPurchases), 9);
    expect(view.totals.clv).toBeCloseTo(total(scores.clv!), 6);
  });

  it('counts every customer once in the P(alive) histogram', () => {
    const { scores, fits } = valueStage(session, request);
    const { counts, oneTimeBuyers } = view.pAliveHistogram;
    expect(counts).toHaveLength(P_ALIVE_BINS);
    expect(total(counts)).toBe(view.totals.customers);
    expect(oneTimeBuyers).toBe(view.totals.customers - view.totals.repeatCustomers);
    // One-time buyers have P(alive) 1, in the last bin.
    expect(counts[P_ALIVE_BINS - 1]).toBeGreaterThanOrEqual(oneTimeBuyers);
    const expected = new Array<number>(P_ALIVE_BINS).fill(0);
    scores.pAlive.forEach((p) => expected[Math.min(P_ALIVE_BINS - 1, Math.floor(p * 20))]++);
    expect(counts).toEqual(expected);
    expect(fits.histories.frequency.filter((x) => x === 0)).toHaveLength(oneTimeBuyers);
  });

  it('lists the customers at risk with most value at risk first, at most 50', () => {
    const stage = valueStage(session, request);
    const { atRisk } = view;
    expect(atRisk.total).toBe(stage.scores.atRisk.customers.length);
    expect(atRisk.total).toBeGreaterThan(0);
    expect(atRisk.customers).toEqual(atRiskRows(stage).slice(0, AT_RISK_SHOWN));
    expect(atRisk.customers.length).toBe(Math.min(AT_RISK_SHOWN, atRisk.total));
    const rfm = session.rfm(ordersRfm);
    const columns = valueColumns(session, request);
    for (const [i, row] of atRisk.customers.entries()) {
      expect(row.pAlive).toBeLessThan(0.5);
      expect(row.repeatSpend).toBeGreaterThanOrEqual(atRisk.valueThreshold!);
      expect(row.valueAtRisk).toBeCloseTo(row.repeatSpend * (1 - row.pAlive), 9);
      if (i > 0) expect(row.valueAtRisk).toBeLessThanOrEqual(atRisk.customers[i - 1].valueAtRisk);
      const customer = rfm.customers.indexOf(row.customer);
      expect(row.pAlive).toBe(columns.pAlive[customer]);
      expect(row.clv).toBe(columns.clv![customer]);
    }
  });

  it('shows the calibration chart on the default split (the last quarter of the period)', () => {
    const { lines, rfm } = session.linesAndRfm(ordersRfm);
    const calibration = view.calibration!;
    expect(view.calibrationProblem).toBeNull();
    const quarter = (rfm.snapshot - lines.firstOrder) / 4;
    expect(Math.abs(rfm.snapshot - calibration.holdoutStart - quarter)).toBeLessThan(86_400_000);
    expect(calibration.observationEnd).toBe(rfm.snapshot);
    expect(calibration.duration).toBeGreaterThan(80);
    expect(calibration.buckets.map((b) => b.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(total(calibration.buckets.map((b) => b.customers))).toBeLessThanOrEqual(
      calibration.total.customers,
    );
    expect(calibration.total.actual).toBeGreaterThan(0);
    expect(calibration.total.predicted).toBeGreaterThan(0);
    const none = customerValueView(session, { ...request, holdout: 'none' });
    expect(none.calibration).toBeNull();
    expect(none.calibrationProblem).toBeNull();
  });

  it('warns about correlated frequency and spend above 0.3 only', async () => {
    const { correlation } = valueStage(session, request).fits;
    expect(view.correlation.value).toBe(correlation.correlation);
    expect(view.correlation.customers).toBe(view.totals.repeatCustomers);
    expect(Math.abs(correlation.correlation!)).toBeLessThan(0.3);
    expect(view.correlation.warning).toBeNull();
    // Seed 2 correlates more.
    const other = await openText(generateTransactionsCsv({ customers: 600, seed: 2 }));
    const warned = customerValueView(other, request).correlation;
    expect(warned.value).toBeGreaterThan(0.3);
    expect(warned.warning).toEqual({
      key: 'valueSpendCorrelation',
      params: { correlation: Number(warned.value!.toFixed(2)) },
    });
    expect(englishText(warned.warning!)).toMatch(/^Frequency and spend .* \(0\.\d\d\) among/);
  });

  it('says why there is no CLV when spend cannot be modelled', async () => {
    const heavy = await openText(heavySpendText(2));
    const spendless = customerValueView(heavy, amountRequest());
    expect(spendless.spendProblem).toEqual({ key: 'valueNoAverageSpend' });
    expect(spendless.gammaGamma!.q).toBeLessThanOrEqual(1);
    expect(spendless.totals.clv).toBeNull();
    expect(spendless.atRisk.customers.every((row) => row.clv === null)).toBe(true);
    expect(numbersIn(spendless).every(Number.isFinite)).toBe(true);
  });
});

describe('valueColumns', () => {
  it("gives each RFM customer, in the table's order, its row's figures", async () => {
    const session = await openText(shopCsv);
    const columns = valueColumns(session, request);
    const stage = valueStage(session, request);
    const rows = historyRows(stage.fits);
    expect(columns.customers).toBe(session.rfm(ordersRfm).customers.length);
    for (const name of ['pAlive', 'expectedPurchases', 'clv'] as const) {
      expect(columns[name]).toBeInstanceOf(Float64Array);
      expect(columns[name]).toHaveLength(columns.customers);
    }
    fc.assert(
      fc.property(fc.nat(columns.customers - 1), (customer) => {
        const row = rows[customer];
        return (
          columns.pAlive[customer] === stage.scores.pAlive[row] &&
          columns.expectedPurchases[customer] === stage.scores.expectedPurchases[row] &&
          columns.clv![customer] === stage.scores.clv![row]
        );
      }),
    );
    const heavy = await openText(heavySpendText());
    expect(valueColumns(heavy, amountRequest()).clv).toBeNull();
  });
});
