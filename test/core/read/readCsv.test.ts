import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { isUserError } from '../../../src/core/common/userError';
import { describeSize } from '../../../src/core/common/byteSize';
import { englishText } from '../../../src/i18n/formatMessage';
import { MAX_FILE_BYTES } from '../../../src/worker/protocol';
import { oversizedSource, READABLE } from '../../fixtures/files';
import { csvText } from '../../support/csvText';
import { textSource, bytesSource } from '../../../src/core/read/byteSource';
import { readCsv, warmUpFiles, warmUpReading } from '../../../src/core/read/readCsv';
import {
  cellText,
  isMissing,
  rowSourceText,
  ROW_LONG,
  ROW_QUOTES,
  ROW_SHORT,
} from '../../../src/core/read/table';

const read = (text: string, options = {}) => readCsv(textSource(text), options);

describe('readCsv', () => {
  it('reads a simple comma file into typed columns', async () => {
    const table = await read('id,age,city\n1,34,Paris\n2,45,Lyon\n');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'age', 'city']);
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.columns[1].numbers)).toEqual([34, 45]);
    expect(table.columns[1].codes).toBeNull();
    expect(table.columns[2].texts).toEqual(['Paris', 'Lyon']);
    expect(table.dialect).toEqual({ delimiter: ',', decimal: '.', hasHeader: true });
    expect(table.encoding).toBe('utf-8');
  });

  it('detects semicolons, tabs and pipes', async () => {
    for (const delimiter of [';', '\t', '|'] as const) {
      const table = await read(
        ['a', 'b', 'c'].join(delimiter) + '\n1' + delimiter + '2' + delimiter + '3\n',
      );
      expect(table.dialect.delimiter).toBe(delimiter);
      expect(Array.from(table.columns[2].numbers)).toEqual([3]);
    }
  });

  it('is not fooled by decimal commas in a semicolon file', async () => {
    const table = await read('name;price;qty\nA;12,5;3\nB;1.234,56;4\nC;0,99;5\n');
    expect(table.dialect.delimiter).toBe(';');
    expect(table.dialect.decimal).toBe(',');
    expect(Array.from(table.columns[1].numbers)).toEqual([12.5, 1234.56, 0.99]);
  });

  it('skips a UTF-8 byte-order mark', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('name,x\nÉmile,1\n'),
    ]);
    const table = await readCsv(bytesSource(bytes));
    expect(table.columns[0].name).toBe('name');
    expect(table.columns[0].texts).toEqual(['Émile']);
  });

  it('treats the missing markers as missing', async () => {
    const table = await read('x\n1\n\n NA\nN/A\nnull\nNULL\nNaN\n?\n-\n""\n7\n');
    const x = table.columns[0];
    expect(table.rowCount).toBe(10);
    expect(x.missingCount).toBe(8);
    expect(x.codes).toBeNull();
    expect(x.numberCount).toBe(2);
    expect(table.blankLines).toBe(1);
  });

  it('reports ragged rows with their line numbers and never shifts them', async () => {
    const table = await read('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    expect(table.rowCount).toBe(4);
    expect(Array.from(table.rowStatus)).toEqual([0, ROW_SHORT, ROW_LONG, 0]);
    expect(table.issues).toEqual([
      { row: 1, line: 3, reason: message('rowFieldCount', { count: 2, expected: 3 }) },
      { row: 2, line: 4, reason: message('rowFieldCount', { count: 4, expected: 3 }) },
    ]);
    expect(table.issues.map((issue) => englishText(issue.reason))).toEqual([
      '2 fields where the header has 3',
      '4 fields where the header has 3',
    ]);
    // The long row puts nothing into any column.
    expect(isMissing(table.columns[0], 2)).toBe(true);
    expect(Array.from(table.columns[2].numbers)).toEqual([3, NaN, NaN, 12]);
  });

  it('contains an unclosed quote to its own line', async () => {
    const table = await read('a,b,c\n1,"open,3\n4,5,6\n7,8,9\n');
    expect(table.rowCount).toBe(3);
    expect(table.rowStatus[0]).toBe(ROW_QUOTES);
    expect(table.issues[0].line).toBe(2);
    expect(Array.from(table.columns[0].numbers.slice(1))).toEqual([4, 7]);
  });

  it('reads quotes inside an unquoted field as written, and reports them', async () => {
    const table = await read('a,b,c\n1,This "quotes" must be escaped,3\n4,5\'10",6\n7,8,9\n');
    expect(Array.from(table.rowStatus)).toEqual([0, 0, 0]);
    expect(table.columns[1].texts).toEqual(['This "quotes" must be escaped', '5\'10"']);
    expect(table.warnings.map((w) => w.line)).toEqual([2, 3]);
    expect(table.notes).toContainEqual(message('noteStrayQuotes', { count: 2, lines: '2, 3' }));
    expect(table.notes.map(englishText).join(' ')).toMatch(
      /2 rows have a quote inside an unquoted field \(line 2, 3\); they were read as written/,
    );
    expect(table.warnings.map((w) => w.reason)).toEqual([
      message('rowStrayQuote'),
      message('rowStrayQuote'),
    ]);
  });

  it('sets aside a quoted field with a stray quote in it', async () => {
    const table = await read('a,b,c\n1,"Hey, I missed " it",3\n4,5,6\n');
    expect(Array.from(table.rowStatus)).toEqual([ROW_QUOTES, 0]);
  });

  it('keeps quoted newlines in a cell and counts lines right', async () => {
    const table = await read('a,b\n1,"two\nlines"\n2,x\n3,4,5\n');
    expect(table.columns[1].texts[0]).toBe('two\nlines');
    expect(table.issues[0].line).toBe(5);
  });

  it('keeps the original text of every row', async () => {
    const text = 'id,spend\r\n0001,"12.50"\r\n0002,7\r\n';
    const table = await read(text);
    expect(rowSourceText(table.rowText, 0)).toBe('0001,"12.50"');
    expect(rowSourceText(table.rowText, 1)).toBe('0002,7');
    expect(cellText(table.columns[0], 0)).toBe('1');
  });

  it('reads across chunk boundaries without splitting characters or records', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i},"名前 ${i}\n続き",${i * 1.5}`);
    const text = 'id,name,value\n' + rows.join('\n') + '\n';
    const table = await readCsv(textSource(text), { chunkBytes: 37 });
    expect(table.rowCount).toBe(500);
    expect(table.issues).toEqual([]);
    expect(table.columns[1].texts[499]).toBe('名前 499\n続き');
    expect(table.columns[2].numbers[499]).toBe(748.5);
    expect(rowSourceText(table.rowText, 250)).toBe('250,"名前 250\n続き",375');
    expect(table.rowText.line[250]).toBe(2 + 250 * 2);
  });

  it('handles CR, LF, CRLF and a mix of them', async () => {
    const table = await read('a,b\r1,2\r\n3,4\n5,6\r');
    expect(Array.from(table.columns[1].numbers)).toEqual([2, 4, 6]);
  });

  it('names columns of a file without a header and makes repeated names unique', async () => {
    const noHeader = await read('1,2\n3,4\n');
    expect(noHeader.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(noHeader.rowCount).toBe(2);
    const repeated = await read('a,a,,b\n1,2,3,4\n');
    expect(repeated.columns.map((c) => c.name)).toEqual(['a', 'a_2', 'column_3', 'b']);
  });

  it('warms up on made-up files without error (the worker runs this before the first file)', async () => {
    await expect(warmUpReading()).resolves.toBeUndefined();
  });

  it('warms up on every shape of numbers the benchmark reads, so that no shape is favoured', async () => {
    const read = await Promise.all(warmUpFiles().map(async (text) => readCsv(textSource(text))));
    const shapeOf = (table: Awaited<ReturnType<typeof readCsv>>) => ({
      delimiter: table.dialect.delimiter,
      decimal: table.dialect.decimal,
      units: [...new Set(table.columns.map((c) => c.unit))],
      allNumbers: table.columns.every((c) => c.numberCount === table.rowCount),
      text: table.columns.some((c) => c.numberCount === 0),
    });
    const shapes = read.map(shapeOf);
    // Each file is read whole, as numbers where it holds numbers.
    for (const table of read) {
      expect(table.issues).toEqual([]);
      expect(table.rowCount).toBeGreaterThanOrEqual(1000);
    }
    const texts = warmUpFiles();
    const some = (test: (text: string) => boolean) => texts.some(test);
    expect(some((t) => /,-\d+\.\d{6}(,|\n)/.test(t))).toBe(true);
    expect(some((t) => /\de[+-]\d/.test(t))).toBe(true);
    expect(some((t) => /^"-?\d+\.\d+",/m.test(t))).toBe(true);
    expect(some((t) => t.includes('\r\n'))).toBe(true);
    expect(shapes).toContainEqual(
      expect.objectContaining({ delimiter: ';', decimal: ',', allNumbers: true }),
    );
    expect(shapes).toContainEqual(
      expect.objectContaining({
        delimiter: ',',
        units: expect.arrayContaining(['$']),
        allNumbers: true,
      }),
    );
    expect(shapes).toContainEqual(expect.objectContaining({ delimiter: ',', text: true }));
    expect(shapes.filter((s) => s.allNumbers && s.decimal === '.').length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('drops empty unnamed columns at the end of every row', async () => {
    const table = await read('a,b,,\n1,2,,\n3,4,,\n');
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'b']);
    // The note on unnamed columns counts only those that stay.
    expect(table.notes).toEqual([message('noteDroppedEmptyColumns', { count: 2 })]);
    expect(table.notes.map(englishText)).toEqual([
      'Dropped 2 empty columns without a name at the end of each row.',
    ]);
    const kept = await read('a,,b,,\n1,5,2,,\n3,6,4,,\n');
    expect(kept.columns.map((c) => c.name)).toEqual(['a', 'column_2', 'b']);
    expect(kept.notes).toEqual([
      message('noteUnnamedColumns', { count: 1 }),
      message('noteDroppedEmptyColumns', { count: 2 }),
    ]);
  });

  it('refuses empty files and headers without rows', async () => {
    await expect(read('')).rejects.toMatchObject({
      code: 'empty-file',
      sentence: message('readEmptyFile'),
    });
    await expect(read('\n\n')).rejects.toMatchObject({
      code: 'empty-file',
      sentence: message('readNoText'),
    });
    await expect(read('a,b,c\n')).rejects.toMatchObject({
      code: 'no-rows',
      sentence: message('readNoRows'),
    });
  });

  it('reports progress up to 1', async () => {
    const fractions: number[] = [];
    await readCsv(textSource('a\n' + '1\n'.repeat(1000)), {
      chunkBytes: 100,
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('files people really have', () => {
  it.each(READABLE.map((f) => [f.name, f] as const))('reads %s', async (_, fixture) => {
    const table = await readCsv(bytesSource(fixture.bytes));
    const { expect: wanted } = fixture;
    if (wanted.encoding) expect(table.encoding).toBe(wanted.encoding);
    if (wanted.delimiter) expect(table.dialect.delimiter).toBe(wanted.delimiter);
    if (wanted.decimal) expect(table.dialect.decimal).toBe(wanted.decimal);
    if (wanted.names) expect(table.columns.map((c) => c.name)).toEqual(wanted.names);
    if (wanted.spend) {
      const spend = table.columns.find((c) => /spend|消费/.test(c.name)) ?? table.columns[1];
      expect(Array.from(spend.numbers)).toEqual(wanted.spend);
    }
    expect(table.issues).toEqual([]);
  });

  it('keeps the unit of a currency column in its description', async () => {
    const table = await readCsv(
      bytesSource(READABLE.find((f) => f.name === 'currency-and-percent.csv')!.bytes),
    );
    expect(table.columns.map((c) => c.unit)).toEqual([null, '$', '%', '€']);
  });
});

describe('files too large for the page', () => {
  it('refuses a file larger than the page can hold, before reading it, and names the command line', async () => {
    await expect(
      readCsv(oversizedSource(MAX_FILE_BYTES, 1.5 * 1024 ** 3), { maxBytes: MAX_FILE_BYTES }),
    ).rejects.toThrow(
      /^This file is 1\.50 GB, more than the 1\.00 GB this page can hold: use the command line \(npx segmentlens analyze FILE\)/,
    );
    await expect(
      readCsv(oversizedSource(MAX_FILE_BYTES), { maxBytes: MAX_FILE_BYTES }),
    ).rejects.toMatchObject({
      code: 'too-large',
      sentence: message('readTooLarge', {
        size: describeSize(MAX_FILE_BYTES + 1),
        limit: describeSize(MAX_FILE_BYTES),
      }),
    });
  });
});

describe('any CSV text', () => {
  it('reads without an unexpected error, and every record keeps its text and status', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        try {
          const table = await readCsv(textSource(text), { chunkBytes: 64 });
          expect(table.rowStatus.length).toBe(table.rowCount);
          for (let row = 0; row < table.rowCount; row++)
            expect(typeof rowSourceText(table.rowText, row)).toBe('string');
          for (const column of table.columns) expect(column.numbers.length).toBe(table.rowCount);
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('shapes that would never end (#20: a 50 MB line of numbers grew without bound)', () => {
  /** A source of `size` bytes of one endless line of comma-separated numbers, made on demand. */
  function endlessLine(size: number) {
    const unit = new TextEncoder().encode('12.5,7,');
    return {
      size,
      read: async (start: number, end: number) => {
        const bytes = new Uint8Array(end - start);
        for (let i = 0; i < bytes.length; i++) bytes[i] = unit[(start + i) % unit.length];
        return bytes;
      },
    };
  }

  async function refusal(work: Promise<unknown>) {
    try {
      await work;
    } catch (error) {
      if (isUserError(error)) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('refuses a line longer than the record limit with its line number, reading only that far', async () => {
    let bytesAsked = 0;
    const source = endlessLine(50 * 1024 * 1024);
    const counted = {
      size: source.size,
      read: (start: number, end: number) => {
        bytesAsked += end - start;
        return source.read(start, end);
      },
    };
    const error = await refusal(readCsv(counted));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^Line 1 is longer than 16(\.0)? MB without ending/);
    expect(bytesAsked).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a header of more than 10,000 columns, in one sentence with the count', async () => {
    const header = Array.from({ length: 10_001 }, (_, j) => `c${j}`).join(',');
    const error = await refusal(readCsv(textSource(`${header}\n${header.replace(/c/g, '')}\n`)));
    expect(error.message).toBe(
      'This file has 10,001 columns (line 1); SegmentLens reads at most 10,000: choose the columns you need and save them as a smaller file.',
    );
    const fine = Array.from({ length: 10_000 }, (_, j) => `c${j}`).join(',') + ',,,';
    const table = await readCsv(textSource(`${fine}\n${fine.replace(/c/g, '')}\n`));
    expect(table.columns.length).toBe(10_000);
  });
});

describe('NUL bytes (#20: one NUL early refused the file, one NUL late set aside a row)', () => {
  const rows = Array.from({ length: 8000 }, (_, i) => `${i % 97}.5,${(i * 13) % 89}.25,${i % 11}`);
  const withNul = (at: number) => {
    const copy = ['a,b,c', ...rows];
    copy[at] = copy[at].replace(',', ',\u0000');
    return new TextEncoder().encode(copy.join('\n') + '\n');
  };

  it('sets aside the row that holds a NUL, wherever it is, and reads the rest', async () => {
    for (const line of [3, 7001]) {
      const table = await readCsv(bytesSource(withNul(line - 1)));
      expect(table.rowCount).toBe(8000);
      expect(table.issues.map((issue) => [issue.line, englishText(issue.reason)])).toEqual([
        [line, 'holds a NUL byte, which text never holds (the row is damaged)'],
      ]);
    }
  });

  it('still refuses a file with NULs throughout as not text', async () => {
    const bytes = new TextEncoder().encode(['a,b', ...rows.map((r) => `\u0000${r}`)].join('\n'));
    await expect(readCsv(bytesSource(bytes))).rejects.toThrow(/not text/);
  });
});
