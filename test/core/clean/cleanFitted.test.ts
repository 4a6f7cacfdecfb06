import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLEAN_OPTIONS,
  DROPPED_DUPLICATE,
  KEPT,
} from '../../../src/core/clean/cleanOptions';
import { cleanRows } from '../../../src/core/clean/cleanRows';
import { strategyFill } from '../../../src/core/clean/missingValues';
import { readCsv } from '../../../src/core/read/readCsv';
import { textSource } from '../../../src/core/read/byteSource';

describe("cleanRows' fitted steps (what a saved model applies again)", () => {
  it('gives each numeric feature its fill, log1p, clip limits and outlier limits', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 4}`);
    const table = await readCsv(textSource(['a,b', ...rows, ',2', '500,1'].join('\n')));
    const cleaned = cleanRows(table, {
      ...DEFAULT_CLEAN_OPTIONS,
      features: ['a', 'b'],
      missing: 'median',
      outliers: 'zscore',
      outlierAction: 'clip',
      zThreshold: 2,
      log1p: ['b'],
    });
    const [a, b] = cleaned.fitted;
    expect(a.name).toBe('a');
    expect(a.fill).toBe(10);
    expect(a.log).toBe(false);
    // The low outlier limit lies below every value (0): the clip limit is the minimum instead.
    expect(a.outlierLow).toBeLessThan(0);
    expect(a.low).toBe(0);
    expect(a.high).toBe(a.outlierHigh);
    expect(a.missingCodes).toEqual([]);
    expect(cleaned.report.clipped.find((c) => c.column === 'a')).toMatchObject({
      low: a.low,
      high: a.high,
    });
    // Nothing of b was missing: no fill was needed.
    expect(b.fill).toBeNaN();
    expect(b.log).toBe(true);
    expect(b.outlierHigh).toBeGreaterThan(b.outlierLow);
  });

  it('leaves the clip limits open when outliers are dropped, and gives no limits without a test', async () => {
    const table = await readCsv(textSource('a\n1\n2\n3\n100\n'));
    const dropped = cleanRows(table, {
      ...DEFAULT_CLEAN_OPTIONS,
      features: ['a'],
      outlierAction: 'drop',
      zThreshold: 1,
    });
    expect(dropped.fitted[0]).toMatchObject({ low: -Infinity, high: Infinity });
    expect(dropped.fitted[0].outlierLow).toBeLessThan(dropped.fitted[0].outlierHigh);
    const none = cleanRows(table, { ...DEFAULT_CLEAN_OPTIONS, features: ['a'], outliers: 'none' });
    expect(none.fitted[0].outlierLow).toBeNaN();
  });
});

describe('strategyFill', () => {
  it('fills from the kept rows whether or not any is missing', () => {
    const values = Float64Array.from([1, 2, 4, 100]);
    const reason = Uint8Array.from([KEPT, KEPT, KEPT, DROPPED_DUPLICATE]);
    expect(strategyFill(values, reason, 'mean', 0)).toBeCloseTo(7 / 3, 15);
    expect(strategyFill(values, reason, 'median', 0)).toBe(2);
    expect(strategyFill(values, reason, 'mode', 0)).toBe(1);
    expect(strategyFill(values, reason, 'constant', -5)).toBe(-5);
  });
});
