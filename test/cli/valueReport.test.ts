import { describe, expect, it } from 'vitest';
import { valueJson, valueText, type ValueReport } from '../../src/cli/valueReport';
import { createVoice } from '../../src/cli/voice';
import { message } from '../../src/core/common/message';
import type {
  AtRiskRow,
  CustomerValueView,
  ValueByGroupView,
  ValueGroupRow,
} from '../../src/core/session/valueSession';
import { DEFAULT_VALUE_REQUEST } from '../../src/core/session/valueSession';
import { ordersRfm } from '../support/sessionData';

const en = createVoice('en');
const zh = createVoice('zh');
const END = Date.UTC(2011, 11, 10, 12, 50);

function group(overrides: Partial<ValueGroupRow>): ValueGroupRow {
  return {
    group: 0,
    name: null,
    label: null,
    customers: 10,
    meanPAlive: 0.5,
    meanExpectedPurchases: 1.25,
    meanClv: 100,
    totalClv: 1000,
    shareOfValue: 0.25,
    ...overrides,
  };
}

const atRisk = (n: number): AtRiskRow[] =>
  Array.from({ length: n }, (_, i) => ({
    customer: `c${i}`,
    pAlive: 0.25,
    repeatSpend: 1000 - i,
    valueAtRisk: 750 - i,
    clv: 12.5,
  }));

/** A hand-made view: every figure known. */
function view(overrides: Partial<CustomerValueView> = {}): CustomerValueView {
  return {
    request: { ...DEFAULT_VALUE_REQUEST, holdout: 'none', rfm: ordersRfm },
    observationEnd: END,
    bgnbd: {
      r: 0.24259,
      alpha: 4.41359,
      a: 0.79293,
      b: 2.42589,
      logLikelihood: -9582.42912,
      converged: true,
      reason: null,
    },
    gammaGamma: {
      p: 6.24882,
      q: 3.74463,
      v: 15.44771,
      logLikelihood: -4000.5,
      converged: true,
      reason: null,
      customers: 946,
    },
    spendProblem: null,
    correlation: { value: 0.11381, customers: 946, warning: null },
    totals: { customers: 2357, repeatCustomers: 946, expectedPurchases: 1234.56, clv: 98765.432 },
    calibration: null,
    calibrationProblem: null,
    pAliveHistogram: { counts: new Array<number>(20).fill(0), oneTimeBuyers: 1411 },
    atRisk: { total: 12, valueThreshold: 500, maxPAlive: 0.5, customers: atRisk(12) },
    ...overrides,
  };
}

const bySegment: ValueByGroupView = {
  kind: 'rfm',
  scheme: 'rf-grid',
  k: null,
  groups: [
    group({ group: 0, name: 'Champions', shareOfValue: 0.75 }),
    group({ group: 1, name: 'Empty', customers: 0, meanPAlive: null, meanClv: null }),
  ],
  spendProblem: null,
};

const byCluster: ValueByGroupView = {
  kind: 'cluster',
  scheme: null,
  k: 2,
  groups: [
    group({ group: 0, label: message('rfmFrequent') }),
    group({ group: 1, label: message('rfmLapsed') }),
  ],
  spendProblem: null,
};

const calibration = {
  holdoutStart: Date.UTC(2011, 8, 7),
  observationEnd: END,
  duration: 95,
  fit: {
    r: 0.7,
    alpha: 65,
    a: 5e-6,
    b: 2840,
    logLikelihood: -36685.9,
    converged: false,
    reason: message('bgnbdNoDropoutA', { unit: 'days' }),
  },
  buckets: [{ frequency: 0, customers: 1426, actual: 0.61, predicted: 0.4133 }],
  total: { customers: 3352, actual: 4593, predicted: 3493.27 },
};

const LINES = {
  read: 541_909,
  used: 397_884,
  dropped: {
    unreadable_row: 0,
    no_customer_id: 135_080,
    cancellation: 8_905,
    unreadable_date: 0,
    missing_amount: 0,
    not_positive: 40,
  },
};

const report = (overrides: Partial<ValueReport> = {}): ValueReport => ({
  lines: LINES,
  view: view(),
  bySegment,
  byCluster: null,
  ...overrides,
});

describe('valueJson', () => {
  it('gives the parameters, totals, segments and customers at risk under English keys', () => {
    const json = valueJson(report(), en);
    expect(json).toEqual({
      rows: LINES,
      customers: 2357,
      repeatCustomers: 946,
      unit: 'days',
      observationEnd: '2011-12-10 12:50:00',
      horizonDays: 90,
      horizonMonths: 12,
      discount: 0.01,
      bgnbd: {
        r: 0.24259,
        alpha: 4.41359,
        a: 0.79293,
        b: 2.42589,
        logLikelihood: -9582.42912,
        converged: true,
        note: null,
      },
      gammaGamma: {
        p: 6.24882,
        q: 3.74463,
        v: 15.44771,
        logLikelihood: -4000.5,
        converged: true,
        note: null,
      },
      spendNote: null,
      correlation: { frequencyMonetary: 0.11381, warning: null },
      totals: { expectedPurchases: 1234.56, clv: 98765.432 },
      bySegment: {
        segmentMap: 'rf-grid',
        segments: [
          {
            name: 'Champions',
            customers: 10,
            meanPAlive: 0.5,
            meanExpectedPurchases: 1.25,
            meanClv: 100,
            shareOfValue: 0.75,
          },
          {
            name: 'Empty',
            customers: 0,
            meanPAlive: null,
            meanExpectedPurchases: 1.25,
            meanClv: null,
            shareOfValue: 0.25,
          },
        ],
      },
      atRisk: { customers: 12, valueThreshold: 500, maxPAlive: 0.5, top: atRisk(12) },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('adds the clusters and the holdout when asked, with notes in the language', () => {
    const asked = view({
      request: { ...DEFAULT_VALUE_REQUEST, holdout: Date.UTC(2011, 8, 7), rfm: ordersRfm },
      calibration,
    });
    const json = valueJson(report({ view: asked, byCluster }), zh);
    expect(json.byCluster).toEqual({
      k: 2,
      clusters: [
        expect.objectContaining({ id: 0, label: zh.say(message('rfmFrequent')), customers: 10 }),
        expect.objectContaining({ id: 1, label: zh.say(message('rfmLapsed')) }),
      ],
    });
    expect(json.byCluster!.clusters[0].label).toMatch(/[\u4e00-\u9fff]/);
    expect(json.holdout).toEqual({
      predicted: 3493.27,
      actual: 4593,
      customers: 3352,
      from: '2011-09-07 00:00:00',
      to: '2011-12-10 12:50:00',
      duration: 95,
      bgnbd: {
        r: 0.7,
        alpha: 65,
        a: 5e-6,
        b: 2840,
        logLikelihood: -36685.9,
        converged: false,
        note: zh.say(message('bgnbdNoDropoutA', { unit: 'days' })),
      },
      byFrequency: calibration.buckets,
    });
  });

  it('says why when the holdout or the spend model could not be drawn', () => {
    const json = valueJson(
      report({
        view: view({
          request: { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm },
          calibrationProblem: message('valueNoRepeat', { unit: 'days' }),
          gammaGamma: null,
          spendProblem: message('valueNoAverageSpend'),
          totals: { customers: 3, repeatCustomers: 2, expectedPurchases: 1, clv: null },
          correlation: {
            value: 0.5,
            customers: 2,
            warning: message('valueSpendCorrelation', { correlation: 0.5 }),
          },
        }),
      }),
      en,
    );
    expect(json.holdout).toEqual({
      predicted: null,
      actual: null,
      note: en.say(message('valueNoRepeat', { unit: 'days' })),
    });
    expect(json.gammaGamma).toBeNull();
    expect(json.spendNote).toMatch(/^The spend model found no finite average spend/);
    expect(json.correlation.warning).toMatch(/correlated \(0\.5\)/);
    expect(json.totals.clv).toBeNull();
  });
});

describe('valueText', () => {
  it('prints the summary, the fits, the totals and the segment table', () => {
    const text = valueText('orders.csv', report(), undefined, en);
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'orders.csv: 541,909 order lines read, 397,884 used: 2,357 customers, 946 with a repeat purchase; one purchase counted per day, observed up to 10 December 2011 at 12:50.',
      'Left out:',
      expect.stringMatching(/^ +135080 {2}no customer id/),
      expect.stringMatching(/^ +8905 {2}/),
      expect.stringMatching(/^ +40 {2}/),
    ]);
    expect(text).toContain(
      'BG/NBD (purchases and dropout): r = 0.2426, alpha = 4.414, a = 0.7929, b = 2.426; log-likelihood -9582.43',
    );
    expect(text).toContain('Gamma-Gamma (spend per purchase): p = 6.249, q = 3.745, v = 15.45');
    expect(text).toContain('Correlation of frequency and spend among repeat customers: 0.11');
    expect(text).toContain('Expected purchases in the next 90 days: 1,234.6');
    expect(text).toContain(
      'Customer lifetime value over 12 months, discounted 1% a month: 98,765.43 in all',
    );
    expect(text).toMatch(
      /Value by RFM segment \(rf-grid\):\n {2}segment +customers +mean P\(alive\) +mean expected purchases +mean CLV +share of CLV\n {2}Champions +10 +0\.500 +1\.25 +100\.00 +75\.0%\n {2}Empty +0 +1\.25/,
    );
    expect(text).not.toContain('Holdout');
    expect(text).not.toContain('Wrote');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('lists the first 10 customers at risk, or says there are none', () => {
    const text = valueText('orders.csv', report(), 'out', en);
    expect(text).toContain(
      'Customers at risk (repeat spend in the top quarter, P(alive) below 0.5): 12, most value at risk first:',
    );
    expect(text).toMatch(/ {2}c9 +0\.250 +991\.00 +12\.50\n/);
    expect(text).not.toContain('c10 ');
    expect(text).toContain('Wrote value.csv and at-risk.csv to out');
    const none = view({
      atRisk: { total: 0, valueThreshold: null, maxPAlive: 0.5, customers: [] },
    });
    expect(valueText('orders.csv', report({ view: none }), undefined, en)).toContain(
      'Customers at risk (repeat spend in the top quarter, P(alive) below 0.5): none.',
    );
  });

  it('prints the clusters, the holdout check and every note, in Chinese too', () => {
    const asked = view({
      request: { ...DEFAULT_VALUE_REQUEST, holdout: 'default', rfm: ordersRfm },
      calibration,
      bgnbd: { ...view().bgnbd, converged: false, reason: message('bgnbdFlat') },
    });
    const text = valueText('orders.csv', report({ view: asked, byCluster }), undefined, en);
    expect(text).toContain('Value by cluster of a k-means on RFM (k = 2):');
    expect(text).toMatch(/ {2}0 {2}Frequent +10 +0\.500/);
    expect(text).toContain(`  ${en.say(message('bgnbdFlat'))}`);
    expect(text).toContain(
      'Holdout check: fitted on the orders before 7 September 2011 at 00:00, the model expected 3493.3 repeat purchases from its 3,352 customers up to 10 December 2011 at 12:50; they made 4,593.',
    );
    expect(text).toContain(`  ${en.say(message('bgnbdNoDropoutA', { unit: 'days' }))}`);
    expect(text).toMatch(
      /repeat purchases before +customers +actual +predicted\n +0 +1426 +0\.61 +0\.41/,
    );
    const chinese = valueText('orders.csv', report({ view: asked, byCluster }), undefined, zh);
    expect(chinese).toContain('验证期检验：用 2011年9月7日 00:00 之前的订单拟合');
    expect(chinese).toContain(zh.say(message('rfmFrequent')));
    const failed = view({
      request: { ...DEFAULT_VALUE_REQUEST, holdout: 'default', rfm: ordersRfm },
      calibrationProblem: message('valueNoRepeat', { unit: 'days' }),
    });
    const noHoldout = valueText('orders.csv', report({ view: failed }), undefined, en);
    expect(noHoldout).toContain(
      `Holdout check: not drawn.\n  ${en.say(message('valueNoRepeat', { unit: 'days' }))}`,
    );
  });

  it('leaves CLV out without a spend model and says why', () => {
    const spendless = view({
      gammaGamma: null,
      spendProblem: message('valueNoAverageSpend'),
      totals: { customers: 3, repeatCustomers: 2, expectedPurchases: 1, clv: null },
      correlation: { value: null, customers: 1, warning: null },
      atRisk: {
        total: 1,
        valueThreshold: 1,
        maxPAlive: 0.5,
        customers: [{ ...atRisk(1)[0], clv: null }],
      },
    });
    const groups: ValueByGroupView = {
      ...bySegment,
      groups: [group({ name: 'All', meanClv: null, totalClv: null, shareOfValue: null })],
    };
    const text = valueText('o.csv', report({ view: spendless, bySegment: groups }), undefined, en);
    expect(text).toContain('Gamma-Gamma (spend per purchase): not fitted.');
    expect(text).toContain(`  ${en.say(message('valueNoAverageSpend'))}`);
    expect(text).not.toContain('Customer lifetime value over');
    expect(text).not.toContain('Correlation of frequency');
    expect(text).toMatch(/ {2}All +10 +0\.500 +1\.25\n/);
    expect(text).toMatch(/ {2}c0 +0\.250 +1000\.00\n/);
  });
});
