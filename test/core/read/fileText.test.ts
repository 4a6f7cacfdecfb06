import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { bytesSource, type ByteSource } from '../../../src/core/read/byteSource';
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
