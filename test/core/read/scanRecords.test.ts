import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { textSource } from '../../../src/core/read/byteSource';
import { decodeChunks } from '../../../src/core/read/decodeChunks';
import { parseNumberCell, type DecimalSeparator } from '../../../src/core/read/parseNumber';
import { readRecords } from '../../../src/core/read/readRecords';
import {
  FIELD_DOLLARS,
  FIELD_ESCAPED,
  FIELD_NUMBER,
  FIELD_TEXT,
  FieldBuffer,
  fieldCells,
} from '../../../src/core/read/scannedFields';
import { numberIn, scanRecords, type ScanSink } from '../../../src/core/read/scanRecords';
import { TableBuilder } from '../../../src/core/read/tableBuilder';

const COMMA = 44;
const DOT = 46;

function scan(text: string, final = true, delimiter = ',', decimal: DecimalSeparator = '.') {
  const seen: {
    kinds: number[];
    cells: string[];
    values: number[];
    line: number;
    stray: boolean;
  }[] = [];
  let blank = 0;
  const sink: ScanSink = {
    fields: (t, fields, first, count, _start, _end, line, stray) =>
      seen.push({
        kinds: [...fields.kinds.subarray(first, first + count)],
        cells: fieldCells(t, fields, first, count),
        values: [...fields.values.subarray(first, first + count)],
        line,
        stray,
      }),
    blankLine: () => blank++,
  };
  const outcome = scanRecords(
    text,
    0,
    1,
    final,
    delimiter.charCodeAt(0),
    decimal.charCodeAt(0),
    new FieldBuffer(),
    sink,
    { dollar: false },
  );
  return { seen, blank, outcome };
}

describe('scanRecords', () => {
  it('reads plain numbers, grouped and dollar numbers, text and escaped quotes', () => {
    const { seen } = scan('12,-3.5,"1,234.5","$9.99",ab,"d""q"\n');
    expect(seen).toHaveLength(1);
    expect(seen[0].kinds).toEqual([
      FIELD_NUMBER,
      FIELD_NUMBER,
      FIELD_NUMBER,
      FIELD_DOLLARS,
      FIELD_TEXT,
      FIELD_ESCAPED,
    ]);
    expect(seen[0].values.slice(0, 4)).toEqual([12, -3.5, 1234.5, 9.99]);
    expect(seen[0].cells).toEqual(['12', '-3.5', '1,234.5', '$9.99', 'ab', 'd"q']);
  });

  it('counts the lines inside quoted cells, and reads a stray quote as written', () => {
    const { seen } = scan('"a\nb",1\n5\'10",2\n');
    expect(seen.map((r) => r.line)).toEqual([1, 3]);
    expect(seen.map((r) => r.stray)).toEqual([false, true]);
    expect(seen[1].cells).toEqual(['5\'10"', '2']);
  });

  it('carries a record cut by the chunk end, and stops at one it leaves to PapaParse', () => {
    expect(scan('1,2\n3,4', false).outcome).toEqual({ line: 2, stoppedAt: -1, carryFrom: 4 });
    expect(scan('1,2\n"a"b,4\n').outcome).toEqual({ line: 2, stoppedAt: 4, carryFrom: -1 });
    // An unclosed quote at the end of the file is the reference path's to contain.
    expect(scan('1,2\n"open,4\n').outcome).toEqual({ line: 2, stoppedAt: 4, carryFrom: -1 });
  });

  it('reads decimal commas with a semicolon delimiter, dots grouping thousands', () => {
    const { seen } = scan('1,5;"1.234,5";-0,25\n', true, ';', ',');
    expect(seen[0].values).toEqual([1.5, 1234.5, -0.25]);
  });

  it('takes a line of spaces for a blank line, but not a quoted empty field', () => {
    const { seen, blank } = scan('  \n""\n\n');
    expect(blank).toBe(2);
    expect(seen).toHaveLength(1);
  });
});

describe('numberIn', () => {
  const read = (cell: string, decimal: DecimalSeparator) => {
    const unit = { dollar: false };
    const value = numberIn(cell, 0, cell.length, decimal === '.' ? DOT : COMMA, unit);
    return { value, unit: unit.dollar ? '$' : null };
  };

  it('reads what the columns read, the same double, or leaves it to them (NaN)', () => {
    const piece = fc.constantFrom(
      '0',
      '1',
      '2',
      '5',
      '9',
      '12',
      '123',
      '0001',
      '.',
      ',',
      '-',
      '+',
      '$',
      'e',
      'E',
      'e-',
      'e+',
      ' ',
      '%',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join('')),
        fc.constantFrom<DecimalSeparator>('.', ','),
        (cell, decimal) => {
          const fast = read(cell, decimal);
          if (fast.value !== fast.value) return;
          const general = parseNumberCell(cell, decimal);
          expect(fast.value, cell).toBe(general.value);
          expect(fast.unit, cell).toBe(general.unit);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads every double printed with up to 15 digits, exponents included, exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }),
        (x) => {
          for (const cell of [x.toPrecision(12), x.toExponential(6), x.toFixed(4)]) {
            const fast = read(cell, '.');
            if (fast.value === fast.value) expect(fast.value, cell).toBe(Number(cell));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads grouped thousands only in groups of three', () => {
    expect(read('1,234,567.5', '.').value).toBe(1234567.5);
    expect(read('12,34', '.').value).toBeNaN();
    expect(read('1,2345', '.').value).toBeNaN();
    expect(read('1.234.567,5', ',').value).toBe(1234567.5);
    expect(read('-$1,234', '.')).toEqual({ value: -1234, unit: '$' });
  });
});

describe('TableBuilder from the fast path', () => {
  async function table(
    csv: string,
    fastPath: boolean,
    chunkBytes: number,
    delimiter: ',' | ';',
    decimal: DecimalSeparator,
  ) {
    const dialect = { delimiter, decimal, hasHeader: true };
    const builder = new TableBuilder(dialect, 4);
    await readRecords(
      decodeChunks(textSource(csv), 'utf-8', { chunkBytes, cutAtLineEnds: true }),
      delimiter,
      builder,
      decimal,
      fastPath,
    );
    return builder.finish('utf-8', message('encodingChosen'), csv.length);
  }

  it.each([
    [',', '.'],
    [',', ','],
    [';', ','],
    [';', '.'],
  ] as const)(
    'builds the same table as the reference path (delimiter %s, decimal %s)',
    async (delimiter, decimal) => {
      const cell = fc.constantFrom(
        '1',
        '-2.5',
        '"3.75"',
        '"1,000"',
        '"$4.5"',
        '$7',
        '',
        'NA',
        'x',
        '"y,z"',
        '1e3',
        '1.5e-3',
        '2E+4',
        '1e',
        '-3e400',
        '"q""q"',
        '5%',
        ' 8 ',
        'United Kingdom',
        'United Kingdoms',
        '"1,5"',
        '1.234',
        '"1.234,5"',
        // Quotes inside an unquoted cell (two, so that the delimiter swap below still sees
        // which commas are quoted), and a line break inside a quoted one.
        'ab"c"d',
        '"two\nlines"',
      );
      const csv = fc
        .array(
          fc.array(cell, { minLength: 2, maxLength: 4 }).map((c) => c.join(',')),
          {
            minLength: 1,
            maxLength: 12,
          },
        )
        .map(
          (lines) =>
            ['a,b,c', ...lines].join('\n').replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, delimiter) +
            '\n',
        );
      await fc.assert(
        fc.asyncProperty(csv, fc.integer({ min: 1, max: 40 }), async (text, chunkBytes) => {
          const reference = await table(text, false, chunkBytes, delimiter, decimal);
          const fast = await table(text, true, chunkBytes, delimiter, decimal);
          expect(fast.columns).toEqual(reference.columns);
          expect(fast.rowStatus).toEqual(reference.rowStatus);
          expect(fast.issues).toEqual(reference.issues);
          expect(fast.warnings).toEqual(reference.warnings);
        }),
        { numRuns: 300 },
      );
    },
  );
});
