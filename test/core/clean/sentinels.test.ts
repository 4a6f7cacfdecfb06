import { describe, expect, it } from 'vitest';
import { DROPPED_DUPLICATE, KEPT } from '../../../src/core/clean/cleanOptions';
import {
  findSentinels,
  SENTINEL_MIN_COUNT,
  SENTINEL_MIN_SHARE,
} from '../../../src/core/clean/sentinels';

const keptAll = (n: number) => new Uint8Array(n).fill(KEPT);
const find = (values: number[], reason = keptAll(values.length)) =>
  findSentinels('c', Float64Array.from(values), reason);
const repeat = (value: number, times: number) => Array<number>(times).fill(value);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('findSentinels', () => {
  it('finds 999 covering most of a column whose other values are 0-27, with its count and share', () => {
    const values = [...repeat(999, 96), ...range(0, 3)];
    expect(find(values)).toEqual([
      { column: 'c', value: 999, count: 96, share: 0.96, restLow: 0, restHigh: 3 },
    ]);
  });

  it('finds a code far beyond the other values (more than 3 IQRs) even when it is not a typical one', () => {
    const values = [...range(1, 40), ...repeat(500, 10)];
    expect(find(values).map((c) => c.value)).toEqual([500]);
  });

  it('finds a typical code (99, -1 below values never negative) even near the other values', () => {
    expect(find([...range(0, 80), ...repeat(99, 10)]).map((c) => c.value)).toEqual([99]);
    expect(find([...range(0, 80), ...repeat(-1, 10)]).map((c) => c.value)).toEqual([-1]);
    // -1 among negative values is a value like the others.
    expect(find([...range(-20, 60), ...repeat(-21, 10)])).toEqual([]);
  });

  it('finds codes at both ends, the largest first', () => {
    const values = [...range(0, 30), ...repeat(-1, 5), ...repeat(9999, 5)];
    expect(find(values).map((c) => c.value)).toEqual([9999, -1]);
  });

  it(`ignores a code covering less than ${SENTINEL_MIN_SHARE * 100}% of the values`, () => {
    const values = [...range(0, 99), ...range(0, 99), 999, 999, 999, 999, 999, 999, 999, 999, 999];
    expect(9 / values.length).toBeLessThan(SENTINEL_MIN_SHARE);
    expect(find(values)).toEqual([]);
    expect(find([...values, 999, 999]).map((c) => c.count)).toEqual([11]);
  });

  it(`ignores a value in fewer than ${SENTINEL_MIN_COUNT} cells, however far: a typo, not a code`, () => {
    expect(find([...range(1, 20), 5000, 5000, 5000, 5000])).toEqual([]);
    expect(find([...range(1, 20), 5000, 5000, 5000, 5000, 5000]).map((c) => c.value)).toEqual([
      5000,
    ]);
  });

  it('leaves alone a skewed column, a binary one, a constant one and values next to the others', () => {
    const skewed = range(1, 200).map((i) => Math.round(1000 / i));
    expect(find(skewed)).toEqual([]);
    expect(find([...repeat(0, 90), ...repeat(1, 10)])).toEqual([]);
    expect(find(repeat(5, 20))).toEqual([]);
    expect(find([...range(1, 50), ...repeat(60, 10)])).toEqual([]);
  });

  it('counts only the kept rows that hold a value', () => {
    const values = [...repeat(999, 10), ...range(0, 9), NaN, NaN];
    const reason = keptAll(values.length);
    reason.fill(DROPPED_DUPLICATE, 0, 4);
    expect(find(values, reason)).toEqual([
      { column: 'c', value: 999, count: 6, share: 6 / 16, restLow: 0, restHigh: 9 },
    ]);
  });
});
