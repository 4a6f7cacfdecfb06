import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnBuilder, firstItems } from '../../../src/core/read/columnBuilder';
import type { DecimalSeparator } from '../../../src/core/read/parseNumber';
import { cellText, isMissing, MISSING_CODE, NUMBER_CODE } from '../../../src/core/read/table';
import { isShared } from '../../../src/core/common/sharedArrays';

/** The markers parseNumber lists (cells of at most five characters here, see the failing test). */
const MISSING_MARKERS = new Set(
  'NA N/A na n/a null NULL Null NaN nan NAN ? - #N/A #NA <NA>'.split(' '),
);

function build(cells: (string | null)[], decimal: DecimalSeparator = '.', capacity = 4) {
  const builder = new ColumnBuilder('x', capacity, decimal);
  cells.forEach((cell, row) => {
    builder.reserve(row + 1);
    if (cell === null) builder.addMissing(row);
    else builder.add(row, cell);
  });
  return builder.finish(cells.length);
}

describe('ColumnBuilder', () => {
  it('keeps a numeric column as numbers only, without codes', () => {
    const column = build(['1', ' 2.5 ', '-3e2', '', 'NA']);
    expect(column.name).toBe('x');
    expect(Array.from(column.numbers)).toEqual([1, 2.5, -300, NaN, NaN]);
    expect(column.codes).toBeNull();
    expect(column.numberCount).toBe(3);
    expect(column.missingCount).toBe(2);
    expect(column.texts).toEqual([]);
    expect(column.unit).toBeNull();
  });

  it('counts every missing marker and addMissing as missing', () => {
    const column = build(['', ' ', 'NA', 'N/A', 'null', 'NaN', '?', '-', ' #N/A', '      ', null]);
    expect(column.missingCount).toBe(11);
    expect(column.numberCount).toBe(0);
    expect(column.codes).toBeNull();
  });

  // isMissingCell (parseNumber.ts) returns early for cells longer than 5 characters, looking only
  // for spaces, so a marker with padding around it (' NULL ', '  NA  ', ' <NA> ', as fixed-width
  // exports write them) is read as a category of its own, while ' NULL' and 'NA  ' are missing.
  it.fails('counts a missing marker as missing however much space pads it', () => {
    const column = build([' NULL', ' NULL ', '  NA  ', ' <NA> ', '1']);
    expect(column.missingCount).toBe(4);
    expect(column.texts).toEqual([]);
  });

  it('codes texts in order of first appearance, trimmed, and marks numbers and gaps before them', () => {
    const column = build(['4', '', 'Paris', ' Lyon', '7', 'Paris ', null, 'Lyon']);
    expect(column.texts).toEqual(['Paris', 'Lyon']);
    expect(column.textCounts).toEqual([2, 2]);
    expect(Array.from(column.codes!)).toEqual([
      NUMBER_CODE,
      MISSING_CODE,
      0,
      1,
      NUMBER_CODE,
      0,
      MISSING_CODE,
      1,
    ]);
    expect(Array.from(column.numbers)).toEqual([4, NaN, NaN, NaN, 7, NaN, NaN, NaN]);
    expect([column.numberCount, column.missingCount]).toEqual([2, 2]);
    expect(Array.from({ length: 8 }, (_, row) => cellText(column, row))).toEqual([
      '4',
      '',
      'Paris',
      'Lyon',
      '7',
      'Paris',
      '',
      'Lyon',
    ]);
  });

  it('keeps texts apart that differ inside, and case', () => {
    const column = build(['a b', 'a  b', 'A b']);
    expect(column.texts).toEqual(['a b', 'a  b', 'A b']);
  });

  it('reads numbers with units, and keeps the first unit it met', () => {
    const column = build(['$1,234.50', '($12.00)', '€ 3', '12%']);
    expect(Array.from(column.numbers)).toEqual([1234.5, -12, 3, 12]);
    expect(column.unit).toBe('$');
    expect(column.codes).toBeNull();
    expect(build(['12%', '7.5%', '0%']).unit).toBe('%');
  });

  it('reads decimal commas when the file uses them', () => {
    const column = build(['12,5', '1.234,56', '0,99', '-3', '1 234,5'], ',');
    expect(Array.from(column.numbers)).toEqual([12.5, 1234.56, 0.99, -3, 1234.5]);
    expect(column.codes).toBeNull();
    // The same cells in a dot-decimal file: 12,5 is no number there.
    expect(build(['12,5'], '.').texts).toEqual(['12,5']);
  });

  it('grows past its capacity and keeps every row', () => {
    const cells = Array.from({ length: 100 }, (_, i) => (i % 10 === 3 ? `t${i % 4}` : String(i)));
    const column = build(cells, '.', 1);
    expect(column.numbers).toHaveLength(100);
    expect(column.codes).toHaveLength(100);
    expect(column.numbers[99]).toBe(99);
    expect(column.texts).toEqual(['t3', 't1']);
    // Codes made before the column grew are kept: t3 is code 0, t1 code 1.
    expect(Array.from(column.codes!)).toEqual(
      cells.map((cell) => (cell === 't3' ? 0 : cell === 't1' ? 1 : NUMBER_CODE)),
    );
  });

  it('accounts for every row: numbers, missing and texts, as a simple model says', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'NA', ' ', '-', 'x', ' x', 'x ', 'y', '$5', '12%', '1,5', '1.234,5'),
      fc.integer({ min: -999, max: 999 }).map(String),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v.toFixed(2)),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 60 }),
        fc.constantFrom<DecimalSeparator>('.', ','),
        (cells, decimal) => {
          const column = build(cells, decimal);
          const textTotal = column.textCounts.reduce((a, b) => a + b, 0);
          expect(column.numberCount + column.missingCount + textTotal).toBe(cells.length);
          expect(column.numbers).toHaveLength(cells.length);
          expect(new Set(column.texts).size).toBe(column.texts.length);
          cells.forEach((raw, row) => {
            const missing = raw.trim() === '' || MISSING_MARKERS.has(raw.trim());
            expect(isMissing(column, row), JSON.stringify(raw)).toBe(missing);
            // Not missing: a number, or its text as written (trimmed).
            if (!missing && Number.isNaN(column.numbers[row]))
              expect(cellText(column, row)).toBe(raw.trim());
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('ColumnBuilder.addNumbers', () => {
  it('takes every stride-th value as the next rows, marking them numbers once codes exist', () => {
    const builder = new ColumnBuilder('x', 2, '.');
    builder.add(0, 'north');
    builder.addNumbers(1, new Float64Array([9, 1.5, 9, -2, 9, 3]), 1, 2, 3);
    builder.addMissing(4);
    const column = builder.finish(5);
    expect(Array.from(column.numbers)).toEqual([NaN, 1.5, -2, 3, NaN]);
    expect(Array.from(column.codes!)).toEqual([
      0,
      NUMBER_CODE,
      NUMBER_CODE,
      NUMBER_CODE,
      MISSING_CODE,
    ]);
    expect(column.numberCount).toBe(3);
  });
});

describe('ColumnBuilder.addTextWithId', () => {
  it('makes of every cell what `add` makes of it, whatever came first: texts, gaps, numbers', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        'NA',
        'n/a',
        'North',
        ' North ',
        'south',
        '12',
        '12%',
        '$5',
        '1,234',
        '7 kg',
      ),
      fc.stringMatching(/^[a-c]{1,3}$/),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 200 }), (cells) => {
        const text = cells.join('|');
        const byId = new ColumnBuilder('x', 4, '.');
        // Ids as the scan gives them: one per distinct text, in order of first appearance.
        const ids = new Map<string, number>();
        let start = 0;
        cells.forEach((value, row) => {
          if (!ids.has(value)) ids.set(value, ids.size);
          byId.reserve(row + 1);
          byId.addTextWithId(row, ids.get(value)!, text, start, start + value.length);
          start += value.length + 1;
        });
        const withId = byId.finish(cells.length);
        const added = build(cells);
        expect(withId).toEqual(added);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ColumnBuilder.addText', () => {
  /** The cells laid end to end in one text, as a chunk of the file holds them, added in place. */
  function buildInPlace(cells: string[]) {
    const text = cells.join('|');
    const builder = new ColumnBuilder('x', 4, '.');
    let start = 0;
    cells.forEach((cell, row) => {
      builder.reserve(row + 1);
      builder.addText(row, text, start, start + cell.length);
      start += cell.length + 1;
    });
    return builder.finish(cells.length);
  }

  it('gives every cell the code `add` gives, however the cache slots collide', () => {
    // Product codes as order lines have them: many, all the same length, mostly alike.
    const codes = fc.stringMatching(/^[0-9]{5}[A-C]?$/);
    const cell = fc.oneof(codes, fc.constantFrom('', 'NA', ' x', 'x', '12', 'C1', '1,234'));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 400 }), (cells) => {
        // A text first, so the column keeps codes (and the cache) from the start.
        const all = ['first', ...cells];
        const inPlace = buildInPlace(all);
        const added = build(all);
        expect(inPlace.texts).toEqual(added.texts);
        expect(inPlace.textCounts).toEqual(added.textCounts);
        expect(Array.from(inPlace.codes!)).toEqual(Array.from(added.codes!));
        expect(Array.from(inPlace.numbers)).toEqual(Array.from(added.numbers));
        expect(inPlace.missingCount).toBe(added.missingCount);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps 20,000 distinct codes apart, each counted once per row', () => {
    const distinct = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(5, '0')}B`);
    const cells = ['first', ...distinct, ...distinct.slice().reverse()];
    const column = buildInPlace(cells);
    expect(column.texts).toHaveLength(20_001);
    expect(column.textCounts.slice(1).every((count) => count === 2)).toBe(true);
    expect(cellText(column, 20_001)).toBe(distinct[19_999]);
  });
});

describe('ColumnBuilder memory', () => {
  it('keeps numbers and codes on shared memory, grown or trimmed, so helpers need no copy', () => {
    // Capacity 2 for 12 rows: grown twice, then trimmed by a copy (more than a quarter too long).
    const column = build(['1', 'x', ...Array.from({ length: 10 }, (_, i) => String(i))], '.', 2);
    expect(isShared(column.numbers)).toBe(true);
    expect(isShared(column.codes as Int32Array)).toBe(true);
    expect(column.numbers).toHaveLength(12);
    expect(cellText(column, 1)).toBe('x');
    expect(column.numbers[11]).toBe(9);
  });
});

describe('firstItems', () => {
  it('is a view when the array is at most a quarter too long', () => {
    const array = new Float64Array(10).map((_, i) => i);
    const view = firstItems(array, 8);
    expect(Array.from(view)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(view.buffer).toBe(array.buffer);
    expect(firstItems(array, 10)).toHaveLength(10);
  });

  it('is a copy when the array is longer, so the rest can be let go', () => {
    const array = new Int32Array(11).map((_, i) => i);
    const copy = firstItems(array, 8);
    expect(Array.from(copy)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(copy.buffer).not.toBe(array.buffer);
    expect(copy).toBeInstanceOf(Int32Array);
    expect(firstItems(new Uint8Array(16), 0)).toHaveLength(0);
  });
});
