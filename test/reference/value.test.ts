import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/core/read/byteSource';
import { ONE_DAY_MS } from '../../src/core/read/parseDate';
import { readCsv } from '../../src/core/read/readCsv';
import { selectOrderLines, type OrderLines } from '../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../src/core/rfm/transactionMapping';
import {
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from '../../src/core/value/bgnbd';
import {
  calibrationChart,
  defaultHoldoutStart,
  splitCalibrationHoldout,
} from '../../src/core/value/calibration';
import { customerLifetimeValue } from '../../src/core/value/clv';
import {
  expectedAverageSpend,
  fitGammaGamma,
  type GammaGammaParams,
} from '../../src/core/value/gammaGamma';
import { summarizeHistories, type ValueUnit } from '../../src/core/value/summary';
import { readShared, requireShared } from './sharedData';
import { englishText } from '../../src/i18n/formatMessage';

/**
 * Customer value against the Python library lifetimes (fixtures written by
 * scripts/reference/lifetimes_reference.py): on the CDNOW summary lifetimes ships (weeks), on
 * the UCI Online Retail order lines (days and weeks) and on histories drawn from the model.
 */
const DATA = join(import.meta.dirname, 'data', 'value');

interface Columns {
  frequency: number[];
  recency: number[];
  T: number[];
  monetary: number[];
}
type BgNbdReference = BgNbdParams & { logLikelihood: number; lifetimes_converged?: boolean };
type GammaGammaReference = GammaGammaParams & { logLikelihood: number };
interface Predictions {
  p_alive: number[];
  expected_purchases: number[];
  expected_spend: number[];
  clv: number[];
}
interface CdnowReference {
  horizon: number;
  clv: { months: number; discount: number };
  customers: Columns;
  bgnbd: BgNbdReference;
  gammaGamma: GammaGammaReference;
  predictions: Predictions;
}
interface UnitReference {
  summary: Columns & { customer: string[] };
  bgnbd: BgNbdReference;
  gammaGamma: GammaGammaReference;
  predictions?: Predictions;
}
interface RetailReference {
  lines: number;
  horizon_days: number;
  clv: { months: number; discount: number };
  days: UnitReference;
  weeks: UnitReference;
  holdout: {
    holdout_start_ms: number;
    duration: number;
    customer: string[];
    frequency_cal: number[];
    recency_cal: number[];
    T_cal: number[];
    frequency_holdout: number[];
    bgnbd: BgNbdReference;
    chart: { frequency: number[]; customers: number[]; actual: number[]; predicted: number[] };
  };
}
interface SyntheticReference {
  customers: Columns;
  bgnbd: BgNbdReference;
  gammaGamma: GammaGammaReference;
}

async function fixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(join(DATA, name), 'utf8')) as T;
}

const histories = (columns: Columns) => ({
  frequency: Float64Array.from(columns.frequency),
  recency: Float64Array.from(columns.recency),
  T: Float64Array.from(columns.T),
  monetary: Float64Array.from(columns.monetary),
});

/** Indices where ours and theirs differ by more than `relative` of theirs (and 1e-300). */
function mismatches(ours: ArrayLike<number>, theirs: number[], relative: number): string[] {
  expect(ours.length).toBe(theirs.length);
  const bad: string[] = [];
  for (let i = 0; i < theirs.length; i++) {
    const ok = Math.abs(ours[i] - theirs[i]) <= relative * Math.abs(theirs[i]) + 1e-300;
    if (!ok) bad.push(`${i}: ${ours[i]} instead of ${theirs[i]}`);
  }
  return bad.slice(0, 5);
}

function expectParams(ours: object, theirs: object, names: string[], relative: number) {
  const o = ours as Record<string, number>;
  const t = theirs as Record<string, number>;
  for (const name of names) {
    expect(Math.abs(o[name] - t[name]), `${name}: ${o[name]} vs ${t[name]}`).toBeLessThanOrEqual(
      relative * Math.abs(t[name]),
    );
  }
}

/** Ours per customer against lifetimes' at the given parameters, to relative 1e-4. */
function expectPredictions(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  data: ReturnType<typeof histories>,
  unit: ValueUnit,
  horizon: number,
  clv: { months: number; discount: number },
  reference: Predictions,
) {
  const spend = expectedAverageSpend(gammaGamma, data);
  expect(mismatches(probabilityAlive(bgnbd, data), reference.p_alive, 1e-4)).toEqual([]);
  expect(
    mismatches(expectedPurchases(bgnbd, data, horizon), reference.expected_purchases, 1e-4),
  ).toEqual([]);
  expect(mismatches(spend, reference.expected_spend, 1e-4)).toEqual([]);
  const value = customerLifetimeValue(bgnbd, data, spend, {
    unit,
    horizonMonths: clv.months,
    monthlyDiscount: clv.discount,
  });
  expect(mismatches(value, reference.clv, 1e-4)).toEqual([]);
}

const BG_NAMES = ['r', 'alpha', 'a', 'b'];
const GG_NAMES = ['p', 'q', 'v'];

describe('customer value on the CDNOW summary (weeks) against lifetimes', () => {
  let reference: CdnowReference;
  let data: ReturnType<typeof histories>;
  beforeAll(async () => {
    reference = await fixture<CdnowReference>('cdnow.json');
    data = histories(reference.customers);
  });

  it('fits the published parameters, to relative 1e-3, at a log-likelihood no lower', () => {
    const bgnbd = fitBgNbd(data);
    expect(bgnbd.converged).toBe(true);
    // The figures in the lifetimes documentation and the paper, to their four decimals.
    expect([bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b].map((v) => +v.toFixed(4))).toEqual([
      0.2426, 4.4135, 0.7929, 2.4258,
    ]);
    expectParams(bgnbd, reference.bgnbd, BG_NAMES, 1e-3);
    expect(bgnbd.logLikelihood).toBeGreaterThanOrEqual(reference.bgnbd.logLikelihood - 1e-9);
    const gammaGamma = fitGammaGamma(data);
    expect(gammaGamma.converged).toBe(true);
    expect([gammaGamma.p, gammaGamma.q, gammaGamma.v].map((v) => +v.toFixed(4))).toEqual([
      6.2488, 3.7446, 15.4477,
    ]);
    expectParams(gammaGamma, reference.gammaGamma, GG_NAMES, 1e-3);
    expect(gammaGamma.logLikelihood).toBeGreaterThanOrEqual(
      reference.gammaGamma.logLikelihood - 1e-9,
    );
  });

  it("gives every customer lifetimes' P(alive), expected purchases and CLV at lifetimes' parameters", () => {
    expectPredictions(
      reference.bgnbd,
      reference.gammaGamma,
      data,
      'weeks',
      reference.horizon,
      reference.clv,
      reference.predictions,
    );
  });

  it("gives every customer lifetimes' figures from its own fits too", () => {
    expectPredictions(
      fitBgNbd(data),
      fitGammaGamma(data),
      data,
      'weeks',
      reference.horizon,
      reference.clv,
      reference.predictions,
    );
  });
});

describe('customer value on the UCI Online Retail order lines against lifetimes', () => {
  let reference: RetailReference;
  let lines: OrderLines;
  beforeAll(async () => {
    requireShared();
    reference = await fixture<RetailReference>('online_retail.json');
    const table = await readCsv(
      bytesSource(await readShared('datasets', 'online_retail_full.csv')),
    );
    lines = selectOrderLines(table, {
      mapping: {
        ...EMPTY_MAPPING,
        customer: 'CustomerID',
        date: 'InvoiceDate',
        order: 'InvoiceNo',
        quantity: 'Quantity',
        price: 'UnitPrice',
      },
      dateOrder: null,
    });
  }, 120_000);

  it.each(['days', 'weeks'] as const)(
    'summarises every customer exactly as summary_data_from_transaction_data (%s)',
    (unit) => {
      expect(lines.count).toBe(reference.lines);
      const expected = reference[unit].summary;
      const summary = summarizeHistories(lines, {
        unit,
        observationEnd: lines.lastOrder + ONE_DAY_MS,
      });
      expect(Array.from(summary.customer, (c) => lines.customers[c])).toEqual(expected.customer);
      expect(Array.from(summary.frequency)).toEqual(expected.frequency);
      expect(Array.from(summary.recency)).toEqual(expected.recency);
      expect(Array.from(summary.T)).toEqual(expected.T);
      expect(mismatches(summary.monetary, expected.monetary, 1e-12)).toEqual([]);
    },
  );

  it('fits the day model to relative 1e-3 and gives every customer the same figures', () => {
    const unit = reference.days;
    const data = histories(unit.summary);
    const bgnbd = fitBgNbd(data);
    expect(bgnbd.converged).toBe(true);
    expectParams(bgnbd, unit.bgnbd, BG_NAMES, 1e-3);
    expect(bgnbd.logLikelihood).toBeGreaterThanOrEqual(unit.bgnbd.logLikelihood - 1e-9);
    const gammaGamma = fitGammaGamma(data);
    expect(gammaGamma.converged).toBe(true);
    expectParams(gammaGamma, unit.gammaGamma, GG_NAMES, 1e-3);
    const args = ['days', reference.horizon_days, reference.clv, unit.predictions!] as const;
    expectPredictions(unit.bgnbd, unit.gammaGamma, data, ...args);
    expectPredictions(bgnbd, gammaGamma, data, ...args);
  });

  it('says the week model does not converge (its optimum is at the edge) and reaches at least its likelihood', () => {
    const unit = reference.weeks;
    const bgnbd = fitBgNbd(histories(unit.summary));
    expect(bgnbd.converged).toBe(false);
    expect(englishText(bgnbd.reason!)).toMatch(
      /^The fit did not converge: almost no customer seems to stop/,
    );
    expect(bgnbd.logLikelihood).toBeGreaterThanOrEqual(unit.bgnbd.logLikelihood - 1e-9);
  });

  it('splits calibration and holdout as calibration_and_holdout_data and draws its chart', () => {
    const expected = reference.holdout;
    const observationEnd = lines.lastOrder + ONE_DAY_MS;
    const holdoutStart = defaultHoldoutStart(lines.firstOrder, observationEnd);
    expect(holdoutStart).toBe(expected.holdout_start_ms);
    const split = splitCalibrationHoldout(lines, { unit: 'days', holdoutStart, observationEnd });
    const { calibration } = split;
    expect(Array.from(calibration.customer, (c) => lines.customers[c])).toEqual(expected.customer);
    expect(Array.from(calibration.frequency)).toEqual(expected.frequency_cal);
    expect(Array.from(calibration.recency)).toEqual(expected.recency_cal);
    expect(Array.from(calibration.T)).toEqual(expected.T_cal);
    expect(Array.from(split.holdoutFrequency)).toEqual(expected.frequency_holdout);
    expect(split.holdoutDuration).toBe(expected.duration);

    const chart = calibrationChart(expected.bgnbd, split);
    expect(chart.buckets.map((b) => b.frequency)).toEqual(expected.chart.frequency);
    expect(chart.buckets.map((b) => b.customers)).toEqual(expected.chart.customers);
    expect(
      mismatches(
        chart.buckets.map((b) => b.actual),
        expected.chart.actual,
        1e-12,
      ),
    ).toEqual([]);
    expect(
      mismatches(
        chart.buckets.map((b) => b.predicted),
        expected.chart.predicted,
        1e-4,
      ),
    ).toEqual([]);
    // lifetimes stops on precision loss here: the optimum is at the edge (a -> 0).
    expect(expected.bgnbd.lifetimes_converged).toBe(false);
    const fit = fitBgNbd(calibration);
    expect(fit.converged).toBe(false);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(expected.bgnbd.logLikelihood - 1e-9);
  });
});

describe('customer value on histories drawn from the model against lifetimes', () => {
  it('fits the same parameters to relative 1e-3, at a log-likelihood no lower', async () => {
    const reference = await fixture<SyntheticReference>('synthetic.json');
    const data = histories(reference.customers);
    const bgnbd = fitBgNbd(data);
    expect(bgnbd.converged).toBe(true);
    expectParams(bgnbd, reference.bgnbd, BG_NAMES, 1e-3);
    expect(bgnbd.logLikelihood).toBeGreaterThanOrEqual(reference.bgnbd.logLikelihood - 1e-9);
    const gammaGamma = fitGammaGamma(data);
    expect(gammaGamma.converged).toBe(true);
    expectParams(gammaGamma, reference.gammaGamma, GG_NAMES, 1e-3);
    expect(gammaGamma.logLikelihood).toBeGreaterThanOrEqual(
      reference.gammaGamma.logLikelihood - 1e-9,
    );
  });
});
