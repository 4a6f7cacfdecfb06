import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLEAN_OPTIONS,
  DROPPED_DUPLICATE,
  DROPPED_OUTLIER,
  KEPT,
  type CleanOptions,
  type CleanReport,
  type FeatureSource,
} from '../../../src/core/clean/cleanOptions';
import type { NumericTransform } from '../../../src/core/clean/numericFeature';
import { treatOutliers } from '../../../src/core/clean/outliers';
import { readableNumber } from '../../../src/core/common/readableNumber';
import { message, type Message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

const emptyReport = (): CleanReport => ({
  read: 0,
  kept: 0,
  dropped: { malformed: 0, duplicate: 0, missing: 0, outlier: 0 },
  imputed: [],
  clipped: [],
  missingCodes: [],
  sentinels: [],
  excluded: [],
  notes: [],
});

const feature = (name: string, values: number[], log = false): NumericTransform => ({
  name,
  values: Float64Array.from(values),
  fill: NaN,
  log,
  low: -Infinity,
  high: Infinity,
});

const source = (name: string, transform: FeatureSource['transform'] = 'none'): FeatureSource => ({
  name: transform === 'log1p' ? `log1p(${name})` : name,
  column: name,
  transform,
});

function treat(
  transforms: NumericTransform[],
  options: Partial<CleanOptions>,
  untested: ReadonlySet<string> = new Set(),
  reason = new Uint8Array(transforms[0].values.length),
  sources = transforms.map((t) => source(t.name)),
) {
  const detail = new Map<number, Message>();
  const report = emptyReport();
  treatOutliers(
    transforms,
    sources,
    { ...DEFAULT_CLEAN_OPTIONS, ...options },
    reason,
    detail,
    report,
    untested,
  );
  return { reason, detail, report };
}

const above = (column: string, limit: number) => message('detailAbove', { column, limit });

/**
 * Four -2s, five 2s and an 8: mean 1, population standard deviation 3 (three values: a feature
 * with two is a flag, never tested for outliers).
 */
const HIGH_EIGHT = [-2, -2, -2, -2, 2, 2, 2, 2, 2, 8];

describe('treatOutliers', () => {
  it('clips beyond mean +- z standard deviations (population), and reports the clip', () => {
    const x = feature('x', HIGH_EIGHT);
    const { reason, report } = treat([x], {
      outliers: 'zscore',
      outlierAction: 'clip',
      zThreshold: 2,
    });
    // The low limit, mean - 2 standard deviations, is -5, below every value: it is the minimum.
    expect([x.low, x.high]).toEqual([Math.min(...HIGH_EIGHT), 7]);
    expect(report.clipped).toEqual([
      { column: 'x', count: 1, below: 0, above: 1, low: Math.min(...HIGH_EIGHT), high: 7 },
    ]);
    expect(Array.from(reason)).toEqual(new Array(10).fill(KEPT));
  });

  it('sets aside rows beyond the limits instead, saying which side and where', () => {
    const { reason, detail, report } = treat([feature('x', HIGH_EIGHT)], {
      outliers: 'zscore',
      outlierAction: 'drop',
      zThreshold: 2,
    });
    expect(reason[9]).toBe(DROPPED_OUTLIER);
    expect(Array.from(reason.subarray(0, 9))).toEqual(new Array(9).fill(KEPT));
    expect([...detail]).toEqual([[9, above('x', 7)]]);
    expect(englishText(detail.get(9)!)).toBe('x above 7');
    expect(report.clipped).toEqual([]);
    const low = treat(
      [
        feature(
          'x',
          HIGH_EIGHT.map((v) => 10 - v),
        ),
      ],
      {
        outliers: 'zscore',
        outlierAction: 'drop',
        zThreshold: 2,
      },
    );
    expect([...low.detail]).toEqual([[9, message('detailBelow', { column: 'x', limit: 3 })]]);
    expect(englishText(low.detail.get(9)!)).toBe('x below 3');
  });

  it('uses the quartiles (numpy linear) and iqrFactor x IQR with the iqr method', () => {
    // Quartiles of 1..9 and 100 are 3.25 and 7.75: the fences lie 1.5 x 4.5 beyond them.
    const x = feature('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
    const { report } = treat([x], { outliers: 'iqr', outlierAction: 'clip', iqrFactor: 1.5 });
    // The low fence, -3.5, lies below every value: the clip limit is the minimum, 1.
    expect(report.clipped).toEqual([
      { column: 'x', count: 1, below: 0, above: 1, low: 1, high: 14.5 },
    ]);
    const wider = feature('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
    treat([wider], { outliers: 'iqr', outlierAction: 'clip', iqrFactor: 30 });
    expect([wider.low, wider.high]).toEqual([1, 100]);
    expect([wider.outlierLow, wider.outlierHigh]).toEqual([3.25 - 135, 7.75 + 135]);
  });

  it('sets limits without reporting when nothing lies beyond them, within the values own range', () => {
    const x = feature('x', [1, 2, 3, 4]);
    const { report } = treat([x], { outliers: 'zscore', outlierAction: 'clip', zThreshold: 3 });
    expect(report.clipped).toEqual([]);
    expect([x.low, x.high]).toEqual([1, 4]);
  });

  it('counts the values clipped below and above separately', () => {
    const values = [-1000, ...Array.from({ length: 40 }, (_, i) => i % 10), 1000, 2000];
    const x = feature('x', values);
    const { report } = treat([x], { outliers: 'iqr', outlierAction: 'clip', iqrFactor: 1.5 });
    expect(report.clipped).toEqual([
      { column: 'x', count: 3, below: 1, above: 2, low: x.low, high: x.high },
    ]);
    expect(x.low).toBeGreaterThan(-1000);
    expect(x.high).toBeLessThan(1000);
  });

  it('leaves a feature holding a code for no value as it is', () => {
    const x = feature('x', HIGH_EIGHT);
    const { report } = treat([x], { outliers: 'zscore', zThreshold: 2 }, new Set(['x']));
    expect(report.clipped).toEqual([]);
    expect([x.low, x.high]).toEqual([-Infinity, Infinity]);
  });

  it('leaves a flag (two values) as it is, however rare its yes, and names it once', () => {
    // One 1 in twenty: 4.4 standard deviations above the mean.
    const rare = [...new Array<number>(19).fill(0), 1];
    const complain = feature('Complain', rare);
    const amount = feature('Amount', [...HIGH_EIGHT, ...HIGH_EIGHT]);
    const clipped = treat([complain, amount], { outliers: 'zscore', outlierAction: 'clip' });
    expect([complain.low, complain.high]).toEqual([-Infinity, Infinity]);
    expect(clipped.report.clipped.map((entry) => entry.column)).toEqual([]);
    expect(clipped.report.notes).toEqual([
      message('outliersFlagsUntested', { count: 1, columns: '"Complain"' }),
    ]);
    expect(englishText(clipped.report.notes[0])).toBe(
      '"Complain" takes only two values, so the rarer one was kept as it is: a yes/no column has no outliers.',
    );
    // Set aside instead of clipped: no row goes for its yes. The 8s still do, at z = 2.
    const dropped = treat(
      [feature('Complain', rare), feature('Amount', [...HIGH_EIGHT, ...HIGH_EIGHT])],
      {
        outliers: 'zscore',
        outlierAction: 'drop',
        zThreshold: 2,
      },
    );
    expect([...dropped.detail.keys()]).toEqual([9, 19]);
    expect(dropped.detail.get(19)).toEqual(above('Amount', 7));
    // The quartiles of a rare flag are both 0, so IQR would clip every 1: it does not either.
    const iqr = treat([feature('Complain', rare)], { outliers: 'iqr', outlierAction: 'clip' });
    expect(iqr.report.clipped).toEqual([]);
    expect(iqr.report.notes).toHaveLength(1);
  });

  it('leaves a flag filled with its mean a flag: neither its 1s nor its filled cells are clipped', () => {
    const rare = [...new Array<number>(18).fill(0), NaN, 1];
    const complain = { ...feature('Complain', rare), fill: 1 / 19 };
    const { report } = treat([complain], { outliers: 'iqr', outlierAction: 'clip' });
    expect([complain.low, complain.high]).toEqual([-Infinity, Infinity]);
    expect(report.clipped).toEqual([]);
    expect(report.notes).toEqual([
      message('outliersFlagsUntested', { count: 1, columns: '"Complain"' }),
    ]);
  });

  it('says nothing of a flag nothing would have been clipped in, nor of a column with three values', () => {
    const even = treat([feature('Member', [0, 1, 0, 1, 0, 1])], { outliers: 'zscore' });
    expect(even.report.notes).toEqual([]);
    const x = feature('x', HIGH_EIGHT);
    const three = treat([x], { outliers: 'zscore', outlierAction: 'clip', zThreshold: 2 });
    expect(three.report.notes).toEqual([]);
    expect(three.report.clipped).toHaveLength(1);
  });

  it('leaves a constant feature alone: no limits, nothing clipped or set aside', () => {
    const x = feature('x', [4, 4, 4]);
    const clipped = treat([x], { outliers: 'zscore', outlierAction: 'clip' });
    expect([x.low, x.high]).toEqual([-Infinity, Infinity]);
    expect(clipped.report.clipped).toEqual([]);
    const dropped = treat([feature('x', [4, 4, 4])], { outliers: 'zscore', outlierAction: 'drop' });
    expect(Array.from(dropped.reason)).toEqual([KEPT, KEPT, KEPT]);
  });

  it('judges and touches only the kept rows', () => {
    // The 1000 is a duplicate already set aside: it neither moves the limits nor is counted.
    const reason = Uint8Array.from([...new Array(10).fill(KEPT), DROPPED_DUPLICATE]);
    const x = feature('x', [...HIGH_EIGHT, 1000]);
    const { detail } = treat(
      [x],
      { outliers: 'zscore', outlierAction: 'drop', zThreshold: 2 },
      new Set(),
      reason,
    );
    expect(reason[10]).toBe(DROPPED_DUPLICATE);
    expect(reason[9]).toBe(DROPPED_OUTLIER);
    expect([...detail]).toEqual([[9, above('x', 7)]]);
  });

  it('names the first feature a row is an outlier in, and counts it under every feature', () => {
    const { reason, detail } = treat([feature('a', HIGH_EIGHT), feature('b', HIGH_EIGHT)], {
      outliers: 'zscore',
      outlierAction: 'drop',
      zThreshold: 2,
    });
    expect(reason[9]).toBe(DROPPED_OUTLIER);
    expect([...detail]).toEqual([[9, above('a', 7)]]);
    const clip = [feature('a', HIGH_EIGHT), feature('b', HIGH_EIGHT)];
    const { report } = treat(clip, { outliers: 'zscore', outlierAction: 'clip', zThreshold: 2 });
    expect(report.clipped.map((c) => [c.column, c.count])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('judges a log1p feature after the log, and says so', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 1e9];
    const x = feature('x', values, true);
    const { detail } = treat(
      [x],
      { outliers: 'zscore', outlierAction: 'drop', zThreshold: 2 },
      undefined,
      undefined,
      [source('x', 'log1p')],
    );
    const logged = values.map(Math.log1p);
    const mean = logged.reduce((a, b) => a + b) / logged.length;
    const std = Math.sqrt(logged.reduce((a, v) => a + (v - mean) ** 2, 0) / logged.length);
    expect([...detail.keys()]).toEqual([9]);
    const said = detail.get(9)!;
    expect(said.key).toBe('detailAboveLog');
    expect(said.params?.column).toBe('x');
    const limit = said.params?.limit as number;
    expect(limit).toBeCloseTo(mean + 2 * std, 12);
    expect(englishText(said)).toBe(`x above ${readableNumber(limit)} (after log1p)`);
  });

  it('fills a missing cell before judging it', () => {
    // Twice HIGH_EIGHT, the second 8 missing and filled with 8: judged as the first is.
    const x = {
      ...feature('x', [...HIGH_EIGHT, ...HIGH_EIGHT.slice(0, 9), NaN]),
      fill: HIGH_EIGHT[9],
    };
    const { detail } = treat([x], { outliers: 'zscore', outlierAction: 'drop', zThreshold: 2 });
    expect([...detail]).toEqual([
      [9, above('x', 7)],
      [19, above('x', 7)],
    ]);
  });
});
