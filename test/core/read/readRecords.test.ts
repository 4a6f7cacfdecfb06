import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message, type Message } from '../../../src/core/common/message';
import { textSource } from '../../../src/core/read/byteSource';
import { decodeChunks, type DecodedChunk } from '../../../src/core/read/decodeChunks';
import { hasStrayQuote, readRecords } from '../../../src/core/read/readRecords';

/** What the sink saw: each record with its own text (from its chunk) and line, and blank lines. */
interface Seen {
  fields: string[] | null;
  text: string;
  line: number;
  warning?: Message;
}

async function recordsOf(chunks: AsyncIterable<DecodedChunk>, delimiter = ',', fastPath = true) {
  const records: Seen[] = [];
  const chunkTexts: string[] = [];
  let blankLines = 0;
  await readRecords(
    chunks,
    delimiter,
    {
      chunk: (text) => chunkTexts.push(text),
      record: (fields, start, end, line, warning) =>
        records.push({
          fields,
          text: chunkTexts.at(-1)!.slice(start, end),
          line,
          ...(warning === undefined ? {} : { warning }),
        }),
      blankLine: () => blankLines++,
    },
    '.',
    fastPath,
  );
  return { records, blankLines, chunkTexts };
}

/** The file as the reader gets it: decoded (line endings made LF) in chunks of a given size. */
const read = (text: string, chunkBytes = 1 << 20, delimiter = ',', fastPath = true) =>
  recordsOf(decodeChunks(textSource(text), 'utf-8', { chunkBytes }), delimiter, fastPath);

/** Chunks exactly as given, the last one final. */
async function* chunksOf(...texts: string[]): AsyncGenerator<DecodedChunk> {
  let bytesRead = 0;
  for (const [i, text] of texts.entries()) {
    bytesRead += text.length;
    yield { text, bytesRead, final: i === texts.length - 1, origin: null, ascii: null };
  }
}

const QUOTE_WARNING = message('rowStrayQuote');

describe('readRecords', () => {
  it('gives each record its fields, its text with the line ending, and its line', async () => {
    const { records } = await read('a,b\n1,2\n');
    expect(records).toEqual([
      { fields: ['a', 'b'], text: 'a,b\n', line: 1 },
      { fields: ['1', '2'], text: '1,2\n', line: 2 },
    ]);
  });

  it('reads the last record of a file without a final newline', async () => {
    const { records } = await read('a,b\n1,2');
    expect(records.at(-1)).toEqual({ fields: ['1', '2'], text: '1,2', line: 2 });
  });

  it('reads quoted fields: delimiters and doubled quotes inside them', async () => {
    const { records } = await read('a,"x,y"\n"q ""w"" e",2\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'x,y'],
      ['q "w" e', '2'],
    ]);
    expect(records[1].text).toBe('"q ""w"" e",2\n');
    expect(records.every((r) => r.warning === undefined)).toBe(true);
  });

  it('keeps a line break inside quotes in its field, and counts the lines after it', async () => {
    const { records } = await read('a,b\n1,"two\nlines"\n3,4\n');
    expect(records.map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b'], 1],
      [['1', 'two\nlines'], 2],
      [['3', '4'], 4],
    ]);
  });

  it('passes ragged rows on as they are (the table builder judges them)', async () => {
    const { records } = await read('a,b\n1,2,3\n4\n');
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2', '3'], ['4']]);
  });

  it('reads a quote inside an unquoted field as written, with a warning', async () => {
    const { records } = await read('a,b\n1,5\'10"\nx,This "quotes" too\n3,"fine"\n');
    expect(records.slice(1)).toEqual([
      { fields: ['1', '5\'10"'], text: '1,5\'10"\n', line: 2, warning: QUOTE_WARNING },
      {
        fields: ['x', 'This "quotes" too'],
        text: 'x,This "quotes" too\n',
        line: 3,
        warning: QUOTE_WARNING,
      },
      { fields: ['3', 'fine'], text: '3,"fine"\n', line: 4 },
    ]);
  });

  it('contains an unclosed quote to its first line, and reads on from the next', async () => {
    const { records } = await read('a,b\n1,"open\n3,4\n5,6\n');
    expect(records).toEqual([
      { fields: ['a', 'b'], text: 'a,b\n', line: 1 },
      { fields: null, text: '1,"open\n', line: 2 },
      { fields: ['3', '4'], text: '3,4\n', line: 3 },
      { fields: ['5', '6'], text: '5,6\n', line: 4 },
    ]);
    // Also when the broken record is the last but one, and the file has no final newline.
    const last = await read('a,b\n1,"open\n3,4');
    expect(last.records.slice(1)).toEqual([
      { fields: null, text: '1,"open\n', line: 2 },
      { fields: ['3', '4'], text: '3,4', line: 3 },
    ]);
  });

  it('contains an unclosed quote followed by more than a cell may hold (1 MiB), across chunks', async () => {
    const rest = Array.from({ length: 20_000 }, (_, i) => `${i},${'y'.repeat(50)}`);
    const text = ['a,b', '1,"open', ...rest].join('\n') + '\n';
    const { records } = await read(text, 256 * 1024);
    expect(records).toHaveLength(20_002);
    expect(records[1]).toEqual({ fields: null, text: '1,"open\n', line: 2 });
    expect(records[2]).toEqual({ fields: ['0', 'y'.repeat(50)], text: `${rest[0]}\n`, line: 3 });
    expect(records.at(-1)!.line).toBe(20_002);
    expect(records.slice(2).every((r) => r.fields !== null && r.fields.length === 2)).toBe(true);
  });

  it('reports a stray quote after a quoted field as broken', async () => {
    const { records } = await read('a,b\n1,"b"x\n3,4\n');
    expect(records.map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b'], 1],
      [null, 2],
      [['3', '4'], 3],
    ]);
  });

  it('counts blank lines and lines of spaces apart, but reads a quoted empty field', async () => {
    const { records, blankLines } = await read('a,b\n\n  \n1,2\n""\n');
    expect(blankLines).toBe(2);
    expect(records.map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 4],
      [[''], 5],
    ]);
  });

  it('reads CR, LF and CRLF line endings alike (as decoded)', async () => {
    for (const newline of ['\n', '\r', '\r\n']) {
      const { records } = await read(['a,b', '1,2', '3,4'].join(newline) + newline);
      expect(records.map((r) => [r.fields, r.line])).toEqual([
        [['a', 'b'], 1],
        [['1', '2'], 2],
        [['3', '4'], 3],
      ]);
    }
    const mixed = await read('a\r1\r\n2\n3\r');
    expect(mixed.records.map((r) => r.fields)).toEqual([['a'], ['1'], ['2'], ['3']]);
  });

  it('splits on the delimiter it is given', async () => {
    const { records } = await read('a;b,c\n1;2,5\n', 1 << 20, ';');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b,c'],
      ['1', '2,5'],
    ]);
  });

  it('carries a record cut by a chunk boundary into the next chunk', async () => {
    const { records, chunkTexts } = await recordsOf(chunksOf('a,b\n1,', '2\n3,4\n'));
    expect(chunkTexts).toEqual(['a,b\n1,', '1,2\n3,4\n']);
    expect(records).toEqual([
      { fields: ['a', 'b'], text: 'a,b\n', line: 1 },
      { fields: ['1', '2'], text: '1,2\n', line: 2 },
      { fields: ['3', '4'], text: '3,4\n', line: 3 },
    ]);
    // A quoted line break cut by the boundary stays in its field.
    const quoted = await recordsOf(chunksOf('a,b\n1,"x', '\ny"\n5,6\n'));
    expect(quoted.records.map((r) => [r.fields, r.text, r.line])).toEqual([
      [['a', 'b'], 'a,b\n', 1],
      [['1', 'x\ny'], '1,"x\ny"\n', 2],
      [['5', '6'], '5,6\n', 4],
    ]);
  });

  it('reads every record, text and line alike whatever the chunk size', async () => {
    const cell = fc.constantFrom(
      '1',
      'ab',
      '',
      ' ',
      '"q"',
      '"a,b"',
      '"x\ny"',
      '"d""q"',
      'é€',
      '5\'10"',
      '"open',
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
      )
      .map(([lines, newline, last]) => lines.join(newline) + (last ? newline : ''));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 16 }), async (csv, chunkBytes) => {
        const whole = await read(csv);
        const chunked = await read(csv, chunkBytes);
        expect(chunked.records).toEqual(whole.records);
        expect(chunked.blankLines).toBe(whole.blankLines);
        // Without blank lines, the records' texts are the whole file, in order, each once.
        if (whole.blankLines === 0)
          expect(whole.records.map((r) => r.text).join('')).toBe(csv.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('readRecords: the fast path against the reference path (PapaParse)', () => {
  // Cells that are numbers in every spelling, text, quotes right and wrong, and what sits
  // around them; the fast path must read every record exactly as the reference path does, or
  // leave it to the reference path.
  const cell = fc.constantFrom(
    '12',
    '-3.25',
    '+7',
    '1e5',
    '"4.5"',
    '"1,234.5"',
    '"$9.99"',
    '.',
    '-',
    '',
    '  ',
    'ab',
    '"q"',
    '"a;b"',
    '"x\ny"',
    '"d""q"',
    '"q" ',
    '"q"x',
    'é€',
    '5\'10"',
    '"open',
    '\u0000',
  );
  const file = (delimiter: string) =>
    fc
      .tuple(
        fc.array(
          fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(delimiter)),
          { minLength: 1, maxLength: 10 },
        ),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
      )
      .map(([lines, newline, last]) => lines.join(newline) + (last ? newline : ''));

  it.each([',', ';'])(
    'reads every record as the reference path does (delimiter %s)',
    async (delimiter) => {
      await fc.assert(
        fc.asyncProperty(
          file(delimiter),
          fc.integer({ min: 1, max: 24 }),
          async (csv, chunkBytes) => {
            const reference = await read(csv, chunkBytes, delimiter, false);
            const fast = await read(csv, chunkBytes, delimiter, true);
            expect(fast.records).toEqual(reference.records);
            expect(fast.blankLines).toBe(reference.blankLines);
          },
        ),
        { numRuns: 400 },
      );
    },
  );
});

describe('hasStrayQuote', () => {
  const stray = (text: string, start = 0, end = text.length) =>
    hasStrayQuote(text, start, end, ','.charCodeAt(0));

  it('finds a quote inside a field that does not start with one', () => {
    expect(stray('a,b"c')).toBe(true);
    expect(stray('1,5\'10"')).toBe(true);
    expect(stray('This "quotes" x,1')).toBe(true);
    expect(stray('"ok",then "not"')).toBe(true);
  });

  it('skips quoted fields, with their doubled quotes and delimiters', () => {
    expect(stray('"a",b')).toBe(false);
    expect(stray('"a""b",c')).toBe(false);
    expect(stray('a,"b,c"')).toBe(false);
    expect(stray('a,b')).toBe(false);
    // A field that starts on a new line (a record's text spans lines) starts afresh.
    expect(stray('a,"x\ny"\n"z",1')).toBe(false);
  });

  it('looks only between start and end', () => {
    const text = 'x"y\na,b\n';
    expect(stray(text, 4, text.length)).toBe(false);
    expect(stray(text, 0, 4)).toBe(true);
    // A quoted field that does not close before end is not a stray quote.
    expect(stray('"abc', 0, 4)).toBe(false);
  });
});
