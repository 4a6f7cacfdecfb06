import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { readCsvPart, type PartReader } from '../../../src/core/read/readParts';
import type { Table } from '../../../src/core/read/table';
import { seen } from '../../support/tableSeen';

/** A part reader on this thread (the same code a helper runs), splitting even small files. */
function partsOn(source: ByteSource, log: number[] = [], fail = false): PartReader {
  return {
    ready: () => true,
    minBytes: 1,
    read: async (request) => {
      log.push(request.start);
      if (fail) throw new Error('the helper stopped');
      return readCsvPart(source, request);
    },
  };
}

/** The table, or the sentence a file that cannot be read gets. */
async function outcome(read: Promise<Table>) {
  try {
    return seen(await read);
  } catch (error) {
    return { error };
  }
}

const CELLS = [
  '12',
  '-3.25',
  '1e5',
  '"4.5"',
  '"$1,234.50"',
  '$7',
  'Paris',
  ' spaced ',
  'Zürich 東京',
  '"a, b"',
  '"two\nlines"',
  '"say ""hi"""',
  '5\'10"',
  '',
  'NA',
  '"\n\n"',
];

const row = fc
  .array(fc.constantFrom(...CELLS), { minLength: 1, maxLength: 5 })
  .map((cells) => cells.join(','));
const file = fc
  .tuple(
    fc.array(fc.oneof({ weight: 12, arbitrary: row }, fc.constant(''), fc.constant('"open')), {
      minLength: 1,
      maxLength: 60,
    }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([rows, crlf, endsWithNewline]) => {
    const end = crlf ? '\r\n' : '\n';
    const text = ['id,a,b,c,d', ...rows].join(end).replace(/(?<!\r)\n/g, end);
    return endsWithNewline ? text + end : text;
  });

describe('reading a file in two parts', () => {
  it('gives the table one reader gives, record for record, wherever the split falls', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 8, max: 200 }), async (text, chunkBytes) => {
        const bytes = new TextEncoder().encode(text);
        const serial = await outcome(readCsv(bytesSource(bytes), { chunkBytes }));
        const source = bytesSource(bytes);
        const parallel = await outcome(readCsv(source, { chunkBytes, parts: partsOn(source) }));
        expect(parallel).toEqual(serial);
      }),
      { numRuns: 400 },
    );
  });

  it('reads on alone where the split falls inside a quoted cell, and when the part fails', async () => {
    const note = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');
    const quoted = `id,note,amount\n1,"${note}",2.5\n2,short,3\n`;
    const plain =
      'id,note,amount\n' + Array.from({ length: 100 }, (_, i) => `${i},n${i},${i / 4}`).join('\n');
    for (const [text, fail] of [
      [quoted, false],
      [plain, true],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      const serial = seen(await readCsv(bytesSource(bytes), { chunkBytes: 64 }));
      const source = bytesSource(bytes);
      const log: number[] = [];
      const parallel = await readCsv(source, { chunkBytes: 64, parts: partsOn(source, log, fail) });
      expect(log).toHaveLength(1);
      expect(seen(parallel)).toEqual(serial);
    }
  });

  it('hands a part over only once the header is read and a thread is free', async () => {
    const text = 'a,b\n' + Array.from({ length: 200 }, (_, i) => `${i},${i * 2}`).join('\n');
    const source = bytesSource(new TextEncoder().encode(text));
    const log: number[] = [];
    const busy: PartReader = { ...partsOn(source, log), ready: () => false };
    const table = await readCsv(source, { chunkBytes: 64, parts: busy });
    expect(log).toEqual([]);
    expect(table.rowCount).toBe(200);
    const split = await readCsv(source, { chunkBytes: 64, parts: partsOn(source, log) });
    expect(log).toHaveLength(1);
    expect(log[0]).toBeGreaterThan(64);
    expect(split.rowCount).toBe(200);
    expect(Array.from(split.columns[1].numbers)).toEqual(
      Array.from({ length: 200 }, (_, i) => i * 2),
    );
  });

  it('keeps a UTF-16 file on one thread (0x0A is not a line end there)', async () => {
    const text = '\ufeffa,b\n' + Array.from({ length: 100 }, (_, i) => `${i},x${i}`).join('\n');
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 255;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const source = bytesSource(bytes);
    const log: number[] = [];
    const table = await readCsv(source, { chunkBytes: 64, parts: partsOn(source, log) });
    expect(table.encoding).toBe('utf-16le');
    expect(log).toEqual([]);
    expect(table.rowCount).toBe(100);
  });
});
