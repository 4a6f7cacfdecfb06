import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { checkMatrixSize, cleanRows, MAX_MATRIX_CELLS } from '../../../src/core/clean/cleanRows';
import { isUserError } from '../../../src/core/common/userError';
import {
  DEFAULT_CLEAN_OPTIONS,
  listSetAside,
  type CleanOptions,
} from '../../../src/core/clean/cleanOptions';
import { readCsv } from '../../../src/core/read/readCsv';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';
import { bankMarketingCsv } from '../../support/bankMarketing';

async function clean(text: string, options: Partial<CleanOptions>) {
  const table = await readCsv(textSource(text));
  return cleanRows(table, { ...DEFAULT_CLEAN_OPTIONS, ...options });
}

const column = (result: Awaited<ReturnType<typeof clean>>, j: number) => {
  const d = result.features.length;
  return Array.from({ length: result.rows.length }, (_, r) => result.matrix[r * d + j]);
};

describe('cleanRows', () => {
  it('accounts for every row: read = kept + dropped by reason', async () => {
    const text =
      'id,x,y\n1,1,10\n2,2,\n3,3,30\n3,3,30\n4,4,40,extra\n5,500,50\n6,6,60\n7,7,70\n8,8,80\n9,9,90\n10,10,100\n11,11,110\n';
    const result = await clean(text, {
      features: ['x', 'y'],
      outliers: 'iqr',
      outlierAction: 'drop',
    });
    const { read, kept, dropped } = result.report;
    expect(read).toBe(12);
    expect(dropped).toEqual({ malformed: 1, duplicate: 1, missing: 1, outlier: 1 });
    expect(kept + dropped.malformed + dropped.duplicate + dropped.missing + dropped.outlier).toBe(
      read,
    );
    expect(result.rows.length).toBe(kept);
    const listed = listSetAside(result.dropReason, result.dropDetail);
    expect(listed.map((r) => [r.row, r.reason, r.detail])).toEqual([
      [1, 'missing', message('detailMissing', { column: 'y' })],
      [3, 'duplicate', message('detailRepeats', { line: 4 })],
      [4, 'malformed', message('rowFieldCount', { count: 4, expected: 3 })],
      // Quartiles of the x kept so far (1, 3, 6..11, 500) are 6 and 10: the fence is 10 + 1.5 x 4.
      [5, 'outlier', message('detailAbove', { column: 'x', limit: 16 })],
    ]);
    expect(listed.map((r) => englishText(r.detail!))).toEqual([
      'no value for y',
      'repeats line 4',
      '4 fields where the header has 3',
      'x above 16',
    ]);
  });

  it('sets aside only rows repeated exactly, not rows whose cells read as the same values', async () => {
    const text = 'name,spend,visits\nA,$5,1\nA,€5,1\nA,$5,1\n"-5\n",0,2\n-5,0,2\n';
    const result = await clean(text, { features: ['spend', 'visits'] });
    const listed = listSetAside(result.dropReason, result.dropDetail);
    expect(listed.map((r) => [r.row, r.reason, r.detail])).toEqual([
      [2, 'duplicate', message('detailRepeats', { line: 2 })],
    ]);
    expect(result.report.kept).toBe(4);
  });

  it('says why log(1 + x) was not applied to a column', async () => {
    const text = 'x,y,c\n1,2,a\n2,-3,b\n3,4,a\n';
    const { report } = await clean(text, { features: ['x', 'y'], log1p: ['y'] });
    expect(report.notes).toEqual([message('log1pNegative', { name: 'y' })]);
    expect(report.notes.map(englishText)).toEqual([
      'y has negative values, so log(1 + x) was not applied to it.',
    ]);
    const other = await clean(text, { features: ['x'], log1p: ['y', 'c'] });
    expect(other.report.notes).toEqual([
      message('log1pNotFeature', { name: 'y' }),
      message('log1pNotNumeric', { name: 'c' }),
    ]);
    expect(other.report.notes.map(englishText)).toEqual([
      'y is not among the chosen features, so log(1 + x) was not applied to it.',
      'c is not a numeric feature, so log(1 + x) was not applied to it.',
    ]);
    await expect(clean(text, { features: ['x'], log1p: ['nope'] })).rejects.toThrow(
      /There is no column named "nope"/,
    );
    await expect(clean(text, { features: ['x'], log1p: ['nope'] })).rejects.toMatchObject({
      code: 'bad-option',
      sentence: message('noColumn', { name: 'nope', names: 'x, y, c' }),
    });
  });

  it('keeps duplicates when asked to', async () => {
    const result = await clean('x\n1\n1\n2\n', { features: ['x'], duplicates: 'keep' });
    expect(result.report.kept).toBe(3);
  });

  it('fills missing values by mean, median, mode or a constant', async () => {
    // A second column, so that the empty x is a missing cell and not a blank line.
    const text = 'x,id\n1,a\n2,b\n2,c\n,d\n10,e\n';
    const fill = async (missing: CleanOptions['missing']) =>
      column(
        await clean(text, { features: ['x'], missing, missingConstant: -1, duplicates: 'keep' }),
        0,
      )[3];
    expect(await fill('mean')).toBe(3.75);
    expect(await fill('median')).toBe(2);
    expect(await fill('mode')).toBe(2);
    expect(await fill('constant')).toBe(-1);
    const result = await clean(text, { features: ['x'], missing: 'median', duplicates: 'keep' });
    expect(result.report.imputed).toEqual([
      { column: 'x', strategy: 'median', count: 1, value: 2 },
    ]);
  });

  it('takes the strategy of each column when given', async () => {
    const result = await clean('x,y\n1,\n,2\n3,3\n', {
      features: ['x', 'y'],
      missing: 'drop',
      missingByColumn: [{ column: 'x', strategy: 'mean' }],
    });
    // The first row goes (y is dropped when missing); x is then filled with the mean of the rows left.
    expect(result.report.dropped.missing).toBe(1);
    expect(column(result, 0)).toEqual([3, 3]);
    expect(column(result, 1)).toEqual([2, 3]);
  });

  it('clips outliers by z-score', async () => {
    const values = [...Array.from({ length: 30 }, (_, i) => i % 5), 1000];
    const result = await clean('x\n' + values.join('\n'), {
      features: ['x'],
      duplicates: 'keep',
      outliers: 'zscore',
      outlierAction: 'clip',
      zThreshold: 3,
    });
    expect(result.report.kept).toBe(31);
    expect(result.report.clipped).toHaveLength(1);
    expect(result.report.clipped[0].count).toBe(1);
    expect(Math.max(...column(result, 0))).toBeCloseTo(result.report.clipped[0].high, 9);
  });

  it('applies log1p to non-negative columns and refuses negative ones', async () => {
    const result = await clean('a,b\n0,-1\n9,2\n99,3\n', {
      features: ['a', 'b'],
      log1p: ['a', 'b'],
    });
    expect(column(result, 0).map((v) => Math.round(Math.expm1(v)))).toEqual([0, 9, 99]);
    expect(result.features.map((f) => f.name)).toEqual(['log1p(a)', 'b']);
    expect(result.report.notes[0]).toEqual(message('log1pNegative', { name: 'b' }));
  });

  it('one-hot encodes categorical columns, most frequent category first', async () => {
    const result = await clean('x,colour\n1,red\n2,blue\n3,red\n4,\n', {
      features: ['x'],
      oneHot: ['colour'],
      missing: 'mode',
    });
    expect(result.features.map((f) => f.name)).toEqual(['x', 'colour=red', 'colour=blue']);
    expect(column(result, 1)).toEqual([1, 0, 1, 1]);
    expect(result.report.imputed).toEqual([
      { column: 'colour', strategy: 'mode', count: 1, value: 'red' },
    ]);
  });

  it('leaves an all-missing feature out instead of dropping every row', async () => {
    const result = await clean('x,empty\n1,\n2,\n', { features: ['x', 'empty'] });
    expect(result.report.kept).toBe(2);
    expect(result.report.excluded).toEqual([
      { column: 'empty', reason: message('featureNoNumbersReason') },
    ]);
    expect(englishText(result.report.excluded[0].reason)).toBe('it has no numbers');
  });

  it('works on a single row', async () => {
    const result = await clean('x,y\n1,2\n', { features: ['x', 'y'] });
    expect(Array.from(result.matrix)).toEqual([1, 2]);
  });

  it('keeps short rows when asked to pad them, their gaps handled as missing', async () => {
    const text = 'x,y\n1,2\n3\n5,6\n';
    expect((await clean(text, { features: ['x', 'y'] })).report.dropped.malformed).toBe(1);
    const padded = await clean(text, { features: ['x', 'y'], padShortRows: true, missing: 'mean' });
    expect(padded.report.kept).toBe(3);
    expect(column(padded, 1)).toEqual([2, 4, 6]);
  });

  // `options.missingByColumn[name] ?? options.missing` reads the prototype of the plain object:
  // for a feature named "toString" or "constructor" the strategy is a function, which is not
  // 'drop', so its missing cells are filled with the mean although the user chose to drop them.
  // Column names are user data.
  it('drops a row missing a feature named like an Object property, as asked', async () => {
    const result = await clean('toString,x\n5,1\n6,2\n,3\n', {
      features: ['toString', 'x'],
      missing: 'drop',
      outliers: 'none',
    });
    expect(result.report.dropped.missing).toBe(1);
  });

  it('says what to do when nothing is left or nothing is chosen', async () => {
    await expect(
      clean('x,y\n1,\n2,\n', { features: ['y', 'x'], missing: 'drop' }),
    ).resolves.toBeTruthy();
    await expect(clean('x,y\n,1\n2,\n', { features: ['x', 'y'], missing: 'drop' })).rejects.toThrow(
      /Every row has a missing value/,
    );
    await expect(
      clean('x,y\n,1\n2,\n', { features: ['x', 'y'], missing: 'drop' }),
    ).rejects.toMatchObject({
      code: 'too-few-rows',
      sentence: message('cleanNoRowsMissing', { count: 2 }),
    });
    await expect(clean('x\n1\n', { features: [] })).rejects.toMatchObject({
      code: 'no-features',
      sentence: message('featureNoneChosen'),
    });
    await expect(clean('x,e\n1,\n', { features: ['e'] })).rejects.toMatchObject({
      code: 'no-features',
      sentence: message('featureNoNumbers'),
    });
    await expect(clean('x\n1\n', { features: ['nope'] })).rejects.toThrow(/no column named "nope"/);
  });
});

describe('checkMatrixSize (#20: a wide one-hot failed with "Invalid typed array length")', () => {
  it('refuses a feature matrix over the bound in one sentence with its figures, before allocating', () => {
    expect(() => checkMatrixSize(100_000, MAX_MATRIX_CELLS / 100_000)).not.toThrow();
    let thrown: unknown;
    try {
      checkMatrixSize(100_000, 100_002);
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown) && thrown.code).toBe('too-large');
    expect((thrown as Error).message).toMatch(
      /^The features would be 100,000 rows by 100,002 columns \(74.51 GB\), more than can be held/,
    );
  });
});

describe('cleanRows on a bank-marketing look-alike (pdays 999 = never contacted)', () => {
  const text = bankMarketingCsv(3000);
  const features = ['age', 'duration', 'campaign', 'pdays'];
  const values = (name: string) =>
    text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[['client', ...features].indexOf(name)]));

  it('leaves pdays as it is under the default cleaning: its real 0-27 are not clipped up, 999 is found', async () => {
    const result = await clean(text, { features });
    const pdays = column(result, 3);
    const real = pdays.filter((v) => v !== 999);
    expect(real.length).toBeGreaterThan(50);
    expect(Math.max(...real)).toBeLessThanOrEqual(27);
    expect(pdays).toEqual(values('pdays'));
    const count999 = values('pdays').filter((v) => v === 999).length;
    expect(result.report.sentinels).toEqual([
      {
        column: 'pdays',
        value: 999,
        count: count999,
        share: count999 / 3000,
        restLow: 0,
        restHigh: 27,
      },
    ]);
    expect(result.report.clipped.map((c) => c.column)).not.toContain('pdays');
    expect(result.report.notes.map(englishText)).toContain(
      `pdays: 999 fills ${((count999 / 3000) * 100).toFixed(1)}% of the values, far from the others (0 to 27); it looks like a code for “no value” rather than a measurement, so the outliers of pdays were left as they are. Treat it as missing if it is one.`,
    );
  });

  it('never clips a non-negative duration below its minimum, and counts what clipping changed per side', async () => {
    const result = await clean(text, { features });
    const duration = values('duration');
    const mean = duration.reduce((a, b) => a + b) / duration.length;
    const std = Math.sqrt(duration.reduce((a, b) => a + (b - mean) ** 2, 0) / duration.length);
    expect(mean - 3 * std).toBeLessThan(0);
    const clipped = result.report.clipped.find((c) => c.column === 'duration')!;
    expect(clipped.low).toBe(Math.min(...duration));
    expect(clipped.high).toBeCloseTo(mean + 3 * std, 6);
    const above = duration.filter((v) => v > mean + 3 * std).length;
    expect(clipped).toMatchObject({ below: 0, above, count: above });
    expect(Math.min(...column(result, 1))).toBe(Math.min(...duration));
    expect(result.fitted[1].low).toBe(Math.min(...duration));
  });

  it('treats 999 as missing when asked: the rows follow the column rule, counted, and the rest is clipped on its own values', async () => {
    const count999 = values('pdays').filter((v) => v === 999).length;
    const median = await clean(text, {
      features,
      missingCodes: [{ column: 'pdays', value: 999 }],
      missingByColumn: [{ column: 'pdays', strategy: 'median' }],
    });
    expect(median.report.missingCodes).toEqual([{ column: 'pdays', value: 999, count: count999 }]);
    expect(median.report.sentinels).toEqual([]);
    expect(median.report.imputed).toEqual([
      expect.objectContaining({ column: 'pdays', strategy: 'median', count: count999 }),
    ]);
    expect(Math.max(...column(median, 3))).toBeLessThanOrEqual(27);
    expect(median.fitted[3].missingCodes).toEqual([999]);

    const dropped = await clean(text, {
      features,
      missingCodes: [{ column: 'pdays', value: 999 }],
    });
    expect(dropped.report.dropped.missing).toBe(count999);
    expect(dropped.report.kept).toBe(3000 - count999);
    const listed = listSetAside(dropped.dropReason, dropped.dropDetail);
    expect(englishText(listed[0].detail!)).toBe('pdays is 999, a code for no value');
  });

  it('notes a code for a column that is not a numeric feature, and refuses one for no column', async () => {
    const result = await clean(text, {
      features: ['age', 'duration'],
      missingCodes: [{ column: 'pdays', value: 999 }],
    });
    expect(result.report.notes.map(englishText)).toContain(
      'pdays is not a numeric feature of this analysis, so its code 999 was not used.',
    );
    await expect(
      clean(text, { features: ['age'], missingCodes: [{ column: 'nope', value: 1 }] }),
    ).rejects.toSatisfy(isUserError);
  });

  it('leaves out a feature whose every value is a missing code', async () => {
    const result = await clean('a,b\n1,999\n2,999\n3,999\n', {
      features: ['a', 'b'],
      missingCodes: [{ column: 'b', value: 999 }],
    });
    expect(result.features.map((f) => f.name)).toEqual(['a']);
    expect(englishText(result.report.excluded[0].reason)).toBe(
      'every value it has is a code for no value',
    );
  });
});
