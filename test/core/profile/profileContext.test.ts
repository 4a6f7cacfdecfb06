import { describe, expect, it } from 'vitest';
import { prepareProfiles } from '../../../src/core/profile/profileContext';
import type { FeatureWording } from '../../../src/core/profile/profileTypes';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';

const TEXT = 'income,spend,region\n10,100,North\n12,90,\n11,,North\n100,5,South\n110,7,7\n';

const tableOf = (text = TEXT) => readCsv(textSource(text));

const WORDING: FeatureWording = {
  high: 'rfmLapsed',
  low: 'rfmRecent',
  slightlyHigh: 'rfmFairlyLapsed',
  slightlyLow: 'rfmFairlyRecent',
};

describe('prepareProfiles', () => {
  it('gathers each numeric column of the analysed rows with its population statistics', async () => {
    const table = await tableOf();
    const context = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1, 3, 4]),
      numeric: ['income'],
      categorical: [],
    });
    expect(context.n).toBe(4);
    const [income] = context.numeric;
    expect(income.name).toBe('income');
    expect(Array.from(income.values)).toEqual([10, 12, 100, 110]);
    expect(income.complete).toBe(true);
    // Population standard deviation, and numpy's median of four values.
    const mean = 232 / 4;
    const std = Math.sqrt([10, 12, 100, 110].reduce((a, v) => a + (v - mean) ** 2, 0) / 4);
    expect(income.stats).toEqual({ feature: 'income', mean, std, median: 56 });
    expect(income.wording).toBeUndefined();
  });

  it('leaves missing values out of the statistics, and says the column is not complete', async () => {
    const table = await tableOf();
    const [spend] = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1, 2, 3, 4]),
      numeric: ['spend'],
      categorical: [],
    }).numeric;
    expect(spend.complete).toBe(false);
    expect(Array.from(spend.values)).toEqual([100, 90, NaN, 5, 7]);
    expect(spend.stats.mean).toBe(202 / 4);
    expect(spend.stats.median).toBe(48.5);
    expect(spend.stats.std).toBeCloseTo(
      Math.sqrt([100, 90, 5, 7].reduce((a, v) => a + (v - 50.5) ** 2, 0) / 4),
      12,
    );
  });

  it('reads the column itself when every row is analysed, and copies the rows otherwise', async () => {
    const table = await tableOf();
    const all = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1, 2, 3, 4]),
      numeric: ['income'],
      categorical: [],
    });
    expect(all.numeric[0].values).toBe(table.columns[0].numbers);
    const some = prepareProfiles({
      table,
      rows: Int32Array.from([1, 4]),
      numeric: ['income'],
      categorical: [],
    });
    expect(some.numeric[0].values).not.toBe(table.columns[0].numbers);
    expect(Array.from(some.numeric[0].values)).toEqual([12, 110]);
  });

  it('codes each categorical column by first appearance among the analysed rows, blanks -1', async () => {
    const table = await tableOf();
    const [region] = prepareProfiles({
      table,
      rows: Int32Array.from([1, 2, 3, 4, 0]),
      numeric: [],
      categorical: ['region'],
    }).categorical;
    expect(region.name).toBe('region');
    expect(region.categories).toEqual(['North', 'South', '7']);
    expect(Array.from(region.codes)).toEqual([-1, 0, 1, 2, 0]);
    expect(Array.from(region.counts)).toEqual([2, 1, 1]);
  });

  it('skips columns the table lacks, and attaches wording only to the columns it names', async () => {
    const table = await tableOf();
    const context = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1]),
      numeric: ['gone', 'income', 'spend'],
      categorical: ['missing too'],
      wording: [{ column: 'spend', wording: WORDING }],
    });
    expect(context.numeric.map((f) => f.name)).toEqual(['income', 'spend']);
    expect(context.numeric[0].wording).toBeUndefined();
    expect(context.numeric[1].wording).toBe(WORDING);
    expect(context.categorical).toEqual([]);
  });

  it('gives NaN statistics, deliberately, for a column without a value on the analysed rows', async () => {
    const table = await tableOf('x,y\n1,\n2,\n3,5\n');
    const [y] = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1]),
      numeric: ['y'],
      categorical: [],
    }).numeric;
    expect(y.complete).toBe(false);
    expect([y.stats.mean, y.stats.std, y.stats.median]).toEqual([NaN, NaN, NaN]);
  });

  it('describes no rows as an empty context', async () => {
    const table = await tableOf();
    const context = prepareProfiles({
      table,
      rows: new Int32Array(0),
      numeric: ['income'],
      categorical: ['region'],
    });
    expect(context.n).toBe(0);
    expect(context.numeric[0].values).toHaveLength(0);
    expect(context.numeric[0].complete).toBe(true);
    expect(context.categorical[0].categories).toEqual([]);
  });

  // Once a known defect: `wording[name]` read the prototype of a plain object, so a column named
  // "constructor" got a function as its wording. Wording is now a list of { column, wording }.
  it('gives no wording to a column named like an Object property', async () => {
    const table = await tableOf('constructor,x\n1,1\n2,1\n30,9\n40,9\n');
    const [constructor] = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1, 2, 3]),
      numeric: ['constructor'],
      categorical: [],
    }).numeric;
    expect(constructor.wording).toBeUndefined();
    const [named] = prepareProfiles({
      table,
      rows: Int32Array.from([0, 1, 2, 3]),
      numeric: ['constructor'],
      categorical: [],
      wording: [{ column: 'constructor', wording: WORDING }],
    }).numeric;
    expect(named.wording).toBe(WORDING);
  });
});
