import { describe, expect, it } from 'vitest';
import {
  DROPPED_DUPLICATE,
  KEPT,
  type CleanReport,
  type MissingStrategy,
} from '../../../src/core/clean/cleanOptions';
import { encodeOneHot, MAX_ONE_HOT_CATEGORIES } from '../../../src/core/clean/oneHot';
import { englishText } from '../../../src/i18n/formatMessage';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';

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

/** One-hot encodes the first column of a file with a second column x (so empty cells are cells). */
async function encode(cells: string[], strategy: MissingStrategy = 'mode', reason?: Uint8Array) {
  const table = await readCsv(textSource('c,x\n' + cells.map((c) => `${c},1`).join('\n') + '\n'));
  const report = emptyReport();
  const encoded = encodeOneHot(
    table,
    'c',
    0,
    strategy,
    reason ?? new Uint8Array(cells.length),
    report,
  );
  return { ...encoded, codes: Array.from(encoded.codes), imputed: report.imputed };
}

describe('encodeOneHot', () => {
  it('lists the categories most frequent first and codes each row by its rank', async () => {
    const result = await encode(['red', 'blue', 'red', 'green', 'blue', 'red']);
    expect(result.column).toBe('c');
    expect(result.categories).toEqual(['red', 'blue', 'green']);
    expect(result.codes).toEqual([0, 1, 0, 2, 1, 0]);
    expect(result.imputed).toEqual([]);
  });

  it('breaks ties by text order (code units: capitals first)', async () => {
    expect((await encode(['b', 'a', 'b', 'a', 'c'])).categories).toEqual(['a', 'b', 'c']);
    expect((await encode(['a', 'B'])).categories).toEqual(['B', 'a']);
  });

  it('counts only the kept rows', async () => {
    const reason = Uint8Array.from([KEPT, DROPPED_DUPLICATE, DROPPED_DUPLICATE, KEPT, KEPT]);
    const result = await encode(['red', 'blue', 'blue', 'green', 'red'], 'mode', reason);
    expect(result.categories).toEqual(['red', 'green']);
    expect([result.codes[0], result.codes[3], result.codes[4]]).toEqual([0, 1, 0]);
  });

  it('reads numbers in the column as categories, as they read', async () => {
    const result = await encode(['1', 'x', '2.50', '1']);
    expect(result.categories).toEqual(['1', '2.5', 'x']);
    expect(result.codes).toEqual([0, 2, 1, 0]);
  });

  it('gives a missing cell the most frequent category, and reports it as the mode', async () => {
    for (const strategy of ['mode', 'mean', 'median'] as const) {
      const result = await encode(['red', '', 'blue', 'red', 'NA'], strategy);
      expect(result.categories).toEqual(['red', 'blue']);
      expect(result.codes).toEqual([0, 0, 1, 0, 0]);
      expect(result.imputed).toEqual([{ column: 'c', strategy: 'mode', count: 2, value: 'red' }]);
    }
  });

  it('gives a missing cell a category of its own, last, with the constant strategy', async () => {
    const result = await encode(['red', '', 'blue', 'red'], 'constant');
    expect(result.categories).toEqual(['red', 'blue', '(missing)']);
    expect(result.codes).toEqual([0, 2, 1, 0]);
    expect(result.imputed).toEqual([
      { column: 'c', strategy: 'constant', count: 1, value: '(missing)' },
    ]);
  });

  it('makes "(missing)" the only category when every kept cell is missing', async () => {
    const result = await encode(['', 'NA'], 'mode');
    expect(result.categories).toEqual(['(missing)']);
    expect(result.codes).toEqual([0, 0]);
    expect(result.imputed).toEqual([
      { column: 'c', strategy: 'mode', count: 2, value: '(missing)' },
    ]);
  });

  // A file whose column held the text "(missing)" itself got that category twice with the
  // constant strategy (two features named "c=(missing)", the second all zeros).
  it('keeps one category per value when the data itself holds "(missing)"', async () => {
    const result = await encode(['(missing)', '', 'red', 'red'], 'constant');
    expect(result.categories).toEqual(['red', '(missing)']);
  });
});

describe('many categories (#20: 100,000 categories asked for 100,000 features per row)', () => {
  const table = (cells: string[]) =>
    readCsv(textSource('c,x\n' + cells.map((c) => `${c},1`).join('\n') + '\n'));

  it('keeps the most frequent categories and groups the rest as "(other)", saying so', async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `v${i % 300}`);
    cells.push('v0', 'v0', 'v1');
    const report = emptyReport();
    const encoded = encodeOneHot(
      await table(cells),
      'c',
      0,
      'mode',
      new Uint8Array(cells.length),
      report,
    );
    expect(encoded.categories).toHaveLength(MAX_ONE_HOT_CATEGORIES);
    expect(encoded.categories.slice(0, 2)).toEqual(['v0', 'v1']);
    expect(encoded.categories.at(-1)).toBe('(other)');
    const other = MAX_ONE_HOT_CATEGORIES - 1;
    const inOther = Array.from(encoded.codes).filter((code) => code === other).length;
    expect(inOther).toBe(3000 - 10 * other);
    expect(report.notes.map(englishText)).toEqual([
      `c has 300 categories: the 49 most frequent have a 0/1 feature each, the other 251 (${inOther.toLocaleString('en-US')} rows) share "(other)".`,
    ]);
  });

  it('names the group apart from a category the file already calls "(other)"', async () => {
    const cells = Array.from({ length: 200 }, (_, i) => (i < 20 ? '(other)' : `v${i}`));
    const encoded = encodeOneHot(
      await table(cells),
      'c',
      0,
      'mode',
      new Uint8Array(cells.length),
      emptyReport(),
    );
    expect(encoded.categories[0]).toBe('(other)');
    expect(encoded.categories.at(-1)).toBe('(other) 2');
  });
});
