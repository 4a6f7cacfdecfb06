import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { bytesSource, type ByteSource } from '../../../src/core/read/byteSource';
import { toByteOffsets } from '../../../src/core/read/byteOffsets';
import { FileText } from '../../../src/core/read/fileText';
import { readCsv } from '../../../src/core/read/readCsv';
import { rowSourceText, type Table } from '../../../src/core/read/table';
import { englishText } from '../../../src/i18n/formatMessage';
import { encodeWindows1252 } from '../../fixtures/encode';

const encoder = new TextEncoder();

/** The same bytes, without the means to read them again: the table keeps its text. */
const withoutReadSync = (source: ByteSource): ByteSource => ({
  size: source.size,
  read: (start, end) => source.read(start, end),
});

/** A source that counts its synchronous reads. */
function counted(bytes: Uint8Array) {
  const source = bytesSource(bytes);
  const counter = { reads: 0, bytes: 0 };
  const read = source.readSync!;
  source.readSync = (start, end) => {
    counter.reads++;
    const range = read(start, end);
    counter.bytes += range.length;
    return range;
  };
  return { source, counter };
}

const texts = (table: Table) =>
  Array.from({ length: table.rowCount }, (_, row) => rowSourceText(table.rowText, row));

describe('a table read from a file it can read again', () => {
  it('keeps byte ranges instead of text, and gives back every record as it was read', async () => {
    let letGo = 0;
    const cell = fc.oneof(
      fc.constantFrom(
        '1',
        '-2.5',
        'x',
        '',
        'Zoë',
        '€5',
        '名前',
        '😀',
        '"a,b"',
        '"line\nbreak"',
        ' y ',
      ),
      fc.integer({ min: -999, max: 999 }).map(String),
    );
    const row = fc.array(cell, { minLength: 3, maxLength: 3 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('utf-8', 'utf-8 BOM', 'windows-1252'),
        fc.integer({ min: 8, max: 200 }),
        async (rows, end, encoding, chunkBytes) => {
          let text = ['a,b,c', ...rows].join(end).replace(/\n/g, end === '\r\n' ? '\r\n' : '\n');
          text = text.replace(/\r\r\n/g, '\r\n') + end;
          if (encoding === 'windows-1252') text = text.replace(/[名前😀€]/gu, 'é');
          const bytes =
            encoding === 'windows-1252'
              ? encodeWindows1252(text)
              : encoder.encode((encoding === 'utf-8 BOM' ? '\uFEFF' : '') + text);
          const options = encoding === 'windows-1252' ? { encoding, chunkBytes } : { chunkBytes };
          const kept = await readCsv(withoutReadSync(bytesSource(bytes)), options as never);
          const ranged = await readCsv(bytesSource(bytes), options as never);
          expect(kept.rowText.chunks.every((chunk) => chunk !== null)).toBe(true);
          expect(kept.rowText.file).toBeNull();
          expect(texts(ranged)).toEqual(texts(kept));
          if (ranged.rowText.chunks.includes(null)) letGo++;
          expect(Array.from(ranged.rowText.line)).toEqual(Array.from(kept.rowText.line));
        },
      ),
      { numRuns: 200 },
    );
    // Most files had chunks kept as byte ranges (the rest mixed or carried text across chunks).
    expect(letGo).toBeGreaterThan(100);
  });

  it('lets go of the text of every chunk of a plain file', async () => {
    const lines = ['id,amount'];
    for (let i = 0; i < 5000; i++) lines.push(`C${i},${(i * 7) % 101}.5`);
    const { source, counter } = counted(encoder.encode(lines.join('\r\n') + '\r\n'));
    const table = await readCsv(source, { chunkBytes: 4096 });
    expect(table.rowText.chunks.length).toBeGreaterThan(10);
    expect(table.rowText.chunks.every((chunk) => chunk === null)).toBe(true);
    expect(counter.reads).toBe(0);
    // Reading every record in order reads the file once, a block at a time.
    expect(texts(table)).toEqual(lines.slice(1));
    expect(counter.reads).toBe(1);
    expect(counter.bytes).toBe(source.size - 'id,amount\r\n'.length);
  });

  it('asks the user to choose the file again when it changed after it was read', async () => {
    const source = bytesSource(encoder.encode('a,b\n1,2\n3,4\n'));
    const read = source.readSync!;
    let changed = false;
    source.readSync = (start, end) => {
      if (changed) throw new DOMException('The file could not be read', 'NotReadableError');
      return read(start, end);
    };
    const table = await readCsv(source);
    expect(table.rowText.chunks).toEqual([null]);
    changed = true;
    let caught: unknown;
    try {
      rowSourceText(table.rowText, 1);
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught)).toBe(true);
    expect(englishText((caught as { sentence: never }).sentence)).toMatch(
      /changed or moved after it was read.*choose the file again/,
    );
  });
});

describe('a windows-1252 file read again', () => {
  it('gives its euro signs and curly quotes back as they were read', async () => {
    const text = 'name,spend\nA,€5\nB,“6”\n';
    const table = await readCsv(bytesSource(encodeWindows1252(text)), { encoding: 'windows-1252' });
    expect(table.rowText.chunks).toEqual([null]);
    expect(texts(table)).toEqual(['A,€5', 'B,“6”']);
    expect(table.columns[1].unit).toBe('€');
    expect(table.columns[1].texts).toEqual(['“6”']);
  });
});

describe('toByteOffsets', () => {
  it('counts UTF-8 lengths, CRLF line ends and surrogate pairs', () => {
    // Records: 'é😀\n' (2 + 4 + 2 bytes with CRLF), 'a\n' (1 + 2).
    const text = 'é😀\na\n';
    const start = Uint32Array.from([0, 4]);
    const end = Uint32Array.from([4, 6]);
    const origin = { byteStart: 10, singleByte: false, crlf: true };
    expect(toByteOffsets(text, origin, start, end, 0, 2)).toBe(true);
    expect([...start, ...end]).toEqual([10, 18, 18, 21]);
  });

  it('finds the same offsets in mostly-ASCII text (jumping between wide characters) and in wide text', () => {
    for (const [wide, lineEnd] of [
      ['é', '\n'],
      ['😀', '\r\n'],
      ['名前é😀', '\n'],
      ['名前é😀', '\r\n'],
    ]) {
      // One wide cell in every fifth record: far apart, or (the wide text) in every record.
      const records = Array.from({ length: 200 }, (_, i) =>
        i % 5 === 0 || wide.length > 2
          ? `${wide}${i},${'x'.repeat(60)}`
          : `a${i},${'y'.repeat(60)}`,
      );
      const text = records.join('\n') + '\n';
      const starts: number[] = [];
      let at = 0;
      for (const record of records) starts.push(at, (at += record.length + 1));
      const start = Uint32Array.from(starts.filter((_, i) => i % 2 === 0));
      const end = Uint32Array.from(starts.filter((_, i) => i % 2 === 1));
      const crlf = lineEnd === '\r\n';
      toByteOffsets(text, { byteStart: 5, singleByte: false, crlf }, start, end, 0, records.length);
      const file = encoder.encode(text.replace(/\n/g, lineEnd));
      const decoded = Array.from(start, (s, r) =>
        new TextDecoder().decode(file.subarray(s - 5, end[r] - 5)),
      );
      expect(decoded).toEqual(records.map((record) => record + lineEnd));
    }
  });

  it('adds the start alone for one-byte characters and LF', () => {
    const start = Uint32Array.from([0, 2]);
    const end = Uint32Array.from([2, 4]);
    toByteOffsets('a\nb\n', { byteStart: 3, singleByte: true, crlf: false }, start, end, 1, 2);
    expect([...start, ...end]).toEqual([0, 5, 2, 7]);
  });

  it('refuses offsets past 32 bits, changing nothing', () => {
    const start = Uint32Array.from([0]);
    const end = Uint32Array.from([2]);
    const origin = { byteStart: 0xffffffff - 3, singleByte: true, crlf: false };
    expect(toByteOffsets('a\n', origin, start, end, 0, 1)).toBe(false);
    expect([...start, ...end]).toEqual([0, 2]);
  });
});

describe('FileText', () => {
  it('reads a block at a time for records in order, and again only out of it', () => {
    const line = 'x'.repeat(1023) + '\n';
    const bytes = encoder.encode(line.repeat(3 * 1024));
    const { source, counter } = counted(bytes);
    const file = new FileText(source.readSync!, bytes.length, 'utf-8');
    for (let at = 0; at < bytes.length; at += 1024) expect(file.text(at, at + 1024)).toBe(line);
    expect(counter.reads).toBe(3);
    expect(counter.bytes).toBe(bytes.length);
    expect(file.text(0, 1024)).toBe(line);
    expect(counter.reads).toBe(4);
  });
});
