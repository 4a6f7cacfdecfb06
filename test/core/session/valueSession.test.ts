import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { isUserError, type UserError } from '../../../src/core/common/userError';
import {
  defaultSegmentMap,
  nameSegments,
  type NamedSegmentMap,
} from '../../../src/core/rfm/rfmSegments';
import type { AnalysisSession } from '../../../src/core/session/session';
import {
  AT_RISK_SHOWN,
  atRiskRows,
  customerValueView,
  DEFAULT_VALUE_REQUEST,
  P_ALIVE_BINS,
  rfmSegmentOf,
  valueByGroupView,
  valueColumns,
  type CustomerValueView,
  type ValueRequest,
} from '../../../src/core/session/valueSession';
import { historyRows, valueStage } from '../../../src/core/session/valueStages';
import { englishText } from '../../../src/i18n/formatMessage';
import { ordersRfm, quickOptions } from '../../support/sessionData';
import { amountRequest, heavySpendText, openText } from '../../support/valueOrders';

// Seed 3: both fits and the calibration fit converge; frequency and spend correlate below 0.3.
const shopCsv = generateTransactionsCsv({ customers: 600, seed: 3 });
const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm };
const gridMap = nameSegments(defaultSegmentMap('rf-grid'), englishText);
const meanMap = nameSegments(defaultSegmentMap('rfm-mean'), englishText);
const clustering = quickOptions({ kMax: 3 });

const total = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

async function userErrorOf(work: () => unknown): Promise<UserError> {
  try {
    await work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

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

describe('valueByGroupView', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await openText(shopCsv);
  });

  it.each([
    ['rf-grid', gridMap],
    ['rfm-mean', meanMap],
  ] as const)('gives each named segment (%s) its customers, means and share', async (_, map) => {
    const view = await valueByGroupView(session, request, { kind: 'rfm', map });
    const rfm = session.rfm(ordersRfm);
    const columns = valueColumns(session, request);
    const segmentOf = rfmSegmentOf(session, ordersRfm, map);
    expect(view.kind).toBe('rfm');
    expect(view.scheme).toBe(map.scheme);
    expect(view.groups.map((g) => g.name)).toEqual(map.names);
    expect(total(view.groups.map((g) => g.customers))).toBe(rfm.customers.length);
    expect(total(view.groups.map((g) => g.shareOfValue!))).toBeCloseTo(1, 12);
    for (const group of view.groups) {
      const members = Array.from(segmentOf.keys()).filter((i) => segmentOf[i] === group.group);
      expect(group.customers).toBe(members.length);
      if (members.length === 0) {
        expect(group.meanPAlive).toBeNull();
        expect(group.meanClv).toBeNull();
        expect(group.shareOfValue).toBe(0);
        continue;
      }
      const mean = (values: Float64Array) => total(members.map((i) => values[i])) / members.length;
      expect(group.meanPAlive).toBeCloseTo(mean(columns.pAlive), 12);
      expect(group.meanExpectedPurchases).toBeCloseTo(mean(columns.expectedPurchases), 12);
      expect(group.meanClv).toBeCloseTo(mean(columns.clv!), 9);
      expect(group.label).toBeNull();
    }
  });

  it('follows the map the user edited, and refuses one that is not usable', async () => {
    const renamed: NamedSegmentMap = {
      ...gridMap,
      names: gridMap.names.map((name, i) => (i === 0 ? 'Our best' : name)),
    };
    const view = await valueByGroupView(session, request, { kind: 'rfm', map: renamed });
    expect(view.groups[0].name).toBe('Our best');
    const twice = {
      ...gridMap,
      names: gridMap.names.map((n, i) => (i === 1 ? gridMap.names[0] : n)),
    };
    const error = await userErrorOf(() =>
      valueByGroupView(session, request, { kind: 'rfm', map: twice }),
    );
    expect(error.code).toBe('bad-option');
    expect(error.sentence.key).toBe('segmentMapTwice');
  });

  it('gives each cluster of a k-means on RFM its figures and label', async () => {
    const view = await valueByGroupView(session, request, { kind: 'cluster', clustering, k: 3 });
    const clusters = await session.customerClusters(ordersRfm, clustering, 3);
    const analysis = await session.segmentation({ options: clustering, rfm: ordersRfm });
    const segments = resultFor(analysis, 3)!.profiles.segments;
    expect(view.kind).toBe('cluster');
    expect(view.k).toBe(3);
    expect(view.groups).toHaveLength(3);
    for (const group of view.groups) {
      expect(group.customers).toBe(clusters.filter((c) => c === group.group).length);
      expect(group.label).toEqual(segments.find((s) => s.id === group.group)!.label);
      expect(group.name).toBeNull();
    }
    expect(total(view.groups.map((g) => g.shareOfValue!))).toBeCloseTo(1, 12);
    expect(structuredClone(view)).toEqual(view);
    // A clustering not yet computed reports its progress to the hooks.
    const stages = new Set<string>();
    const fresh = await openText(shopCsv);
    await valueByGroupView(
      fresh,
      request,
      { kind: 'cluster', clustering, k: 2 },
      { onProgress: (stage) => stages.add(stage) },
    );
    expect(stages.has('cluster')).toBe(true);
    const missing = await userErrorOf(() =>
      valueByGroupView(session, request, { kind: 'cluster', clustering, k: 9 }),
    );
    expect(missing.sentence.key).toBe('exportNoSegmentation');
  });

  it('leaves CLV and shares out without a spend model', async () => {
    const heavy = await openText(heavySpendText(3));
    const view = await valueByGroupView(heavy, amountRequest(), { kind: 'rfm', map: gridMap });
    expect(view.spendProblem?.key).toBe('valueNoAverageSpend');
    for (const group of view.groups) {
      expect(group.meanClv).toBeNull();
      expect(group.totalClv).toBeNull();
      expect(group.shareOfValue).toBeNull();
    }
    expect(view.groups.some((g) => g.meanPAlive !== null)).toBe(true);
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
