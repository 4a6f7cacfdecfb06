import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { bytesSource, textSource, type ByteSource } from '../../../src/core/read/byteSource';
import {
  decodeChunks,
  normaliseLineEndings,
  type DecodedChunk,
} from '../../../src/core/read/decodeChunks';
import type { Encoding } from '../../../src/core/read/detectEncoding';
import { encodeGb18030, encodeUtf16, encodeWindows1252 } from '../../fixtures/encode';

async function chunksOf(
  source: ByteSource,
  encoding: Encoding,
  options: Parameters<typeof decodeChunks>[2] = {},
): Promise<DecodedChunk[]> {
  const chunks: DecodedChunk[] = [];
  for await (const chunk of decodeChunks(source, encoding, options)) chunks.push(chunk);
  return chunks;
}

const textOf = (chunks: DecodedChunk[]) => chunks.map((c) => c.text).join('');

describe('decodeChunks', () => {
  it('joins a multi-byte character split between two chunks', async () => {
    // 2, 3 and 4 bytes in UTF-8; every chunk size cuts some of them.
    const text = 'é,€,😀,名前\n'.repeat(5);
    for (let chunkBytes = 1; chunkBytes <= 9; chunkBytes++) {
      const chunks = await chunksOf(textSource(text), 'utf-8', { chunkBytes });
      expect(textOf(chunks), `chunks of ${chunkBytes} bytes`).toBe(text);
      expect(textOf(chunks)).not.toContain('\uFFFD');
    }
  });

  it('joins a UTF-16 code unit split between two chunks', async () => {
    const text = 'name,città\nZoë,Genève\n';
    for (const order of ['le', 'be'] as const) {
      const source = bytesSource(encodeUtf16(text, order, false));
      const chunks = await chunksOf(source, `utf-16${order}`, { chunkBytes: 3 });
      expect(textOf(chunks)).toBe(text);
    }
  });

  it('turns CRLF, CR and LF into LF, also when a CRLF is split between chunks', async () => {
    const text = 'a\r\nb\rc\nd\r\n';
    expect(textOf(await chunksOf(textSource(text), 'utf-8'))).toBe('a\nb\nc\nd\n');
    // Cut after every CR: the CR waits for the chunk that tells whether an LF follows.
    const crlf = textSource('a\r\nb\r\n');
    const cut = await chunksOf(crlf, 'utf-8', { chunkBytes: 2 });
    expect(cut.map((c) => c.text)).toEqual(['a', '\nb', '\n']);
    expect(textOf(await chunksOf(textSource('a\rb'), 'utf-8', { chunkBytes: 2 }))).toBe('a\nb');
  });

  it('keeps a CR at the very end of the file as a line ending', async () => {
    expect(textOf(await chunksOf(textSource('x\r'), 'utf-8', { chunkBytes: 2 }))).toBe('x\n');
    expect(textOf(await chunksOf(textSource('x\r'), 'utf-8', { chunkBytes: 1 }))).toBe('x\n');
  });

  it('counts the bytes read, and marks only the last chunk final', async () => {
    const chunks = await chunksOf(textSource('0123456789'), 'utf-8', { chunkBytes: 4 });
    expect(chunks.map((c) => [c.text, c.bytesRead, c.final])).toEqual([
      ['0123', 4, false],
      ['4567', 8, false],
      ['89', 10, true],
    ]);
  });

  it('reads the next chunk while the consumer works on this one, and reports a failed read at its chunk', async () => {
    const bytes = new TextEncoder().encode('a,b\n1,2\n3,4\n');
    const asked: number[] = [];
    const source: ByteSource = {
      size: bytes.length,
      read: (start, end) => {
        asked.push(start);
        return start >= 8
          ? Promise.reject(new Error('gone'))
          : Promise.resolve(bytes.subarray(start, end));
      },
    };
    const chunks = decodeChunks(source, 'utf-8', { chunkBytes: 4, cutAtLineEnds: true });
    expect((await chunks.next()).value?.text).toBe('a,b\n');
    // Asked for before the consumer asked for the second chunk.
    expect(asked).toEqual([0, 4]);
    expect((await chunks.next()).value?.text).toBe('1,2\n');
    await expect(chunks.next()).rejects.toThrow('gone');
  });

  it('skips the bytes it is told to (a byte-order mark)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n')]);
    const chunks = await chunksOf(bytesSource(bytes), 'utf-8', { skipBytes: 3 });
    expect(chunks).toEqual([
      {
        text: 'a,b\n',
        bytesRead: 7,
        final: true,
        origin: { byteStart: 3, singleByte: true, crlf: false },
        ascii: new TextEncoder().encode('a,b\n'),
      },
    ]);
  });

  it('gives one empty final chunk when nothing is left to read', async () => {
    expect(await chunksOf(bytesSource(new Uint8Array(0)), 'utf-8')).toEqual([
      { text: '', bytesRead: 0, final: true, origin: null, ascii: null },
    ]);
    expect(await chunksOf(textSource('abc'), 'utf-8', { skipBytes: 3 })).toEqual([
      { text: '', bytesRead: 3, final: true, origin: null, ascii: null },
    ]);
  });

  it('decodes the legacy code pages', async () => {
    const chunks = await chunksOf(bytesSource(encodeWindows1252('Zoë;Genève\r\n')), 'windows-1252');
    expect(textOf(chunks)).toBe('Zoë;Genève\n');
    // 0x80 to 0x9F are windows-1252's own (node decodes them as Latin-1 unless streaming).
    const euro = await chunksOf(bytesSource(encodeWindows1252('€5;“x”\n€6\n')), 'windows-1252', {
      chunkBytes: 4,
      cutAtLineEnds: true,
    });
    expect(textOf(euro)).toBe('€5;“x”\n€6\n');
    const whole = await chunksOf(bytesSource(encodeWindows1252('€5\n')), 'windows-1252');
    expect(textOf(whole)).toBe('€5\n');
  });

  it('throws a TypeError on invalid bytes when fatal, and replaces them otherwise', async () => {
    const invalid = bytesSource(Uint8Array.from([0x61, 0xff, 0x62]));
    await expect(chunksOf(invalid, 'utf-8', { fatal: true })).rejects.toBeInstanceOf(TypeError);
    expect(textOf(await chunksOf(invalid, 'utf-8'))).toBe('a\uFFFDb');
    // A character cut by the end of the file is invalid too.
    const cut = bytesSource(Uint8Array.from([0x61, 0xe2, 0x82]));
    await expect(chunksOf(cut, 'utf-8', { fatal: true, chunkBytes: 2 })).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it('gives the text with LF line endings whatever the chunk size', async () => {
    const piece = fc.constantFrom('a', ',', '"', '\r', '\n', '\r\n', 'é', '€', '😀', ' ');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 12 }),
        async (text, chunkBytes) => {
          const chunks = await chunksOf(textSource(text), 'utf-8', { chunkBytes });
          expect(textOf(chunks)).toBe(text.replace(/\r\n?/g, '\n'));
          expect(chunks.at(-1)!.final).toBe(true);
          expect(chunks.filter((c) => c.final)).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same text cut at line ends, whole chunks decoded without streaming', async () => {
    const piece = fc.constantFrom('a', ',', '\r', '\n', '\r\n', 'é', '€', '😀', '名');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<Encoding>('utf-8', 'gb18030'),
        async (text, chunkBytes, encoding) => {
          // The fixture's GB18030 encoder knows ASCII and the two-byte range (名).
          if (encoding === 'gb18030') text = text.replace(/[é€😀]/gu, '名');
          const source = encoding === 'utf-8' ? textSource(text) : bytesSource(encodeGb18030(text));
          const chunks = await chunksOf(source, encoding, { chunkBytes, cutAtLineEnds: true });
          expect(textOf(chunks)).toBe(text.replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('decodeChunks without WebAssembly', () => {
  it('gives the same text, line ends made LF in the text instead of the bytes', async () => {
    const piece = fc.constantFrom('a', ',', '\r', '\n', '\r\n', 'é', '😀', 'bcdefgh');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (text, chunkBytes, cutAtLineEnds) => {
          const options = { chunkBytes, cutAtLineEnds };
          const withKernel = await chunksOf(textSource(text), 'utf-8', options);
          vi.stubGlobal('WebAssembly', undefined);
          try {
            // A CR before a character cut by the chunk's end may wait for the next chunk.
            expect(textOf(await chunksOf(textSource(text), 'utf-8', options))).toBe(
              textOf(withKernel),
            );
          } finally {
            vi.unstubAllGlobals();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('decodeChunks origins', () => {
  const encoder = new TextEncoder();

  it("says where each chunk lies in the file: its text is the file's bytes from there", async () => {
    const piece = fc.constantFrom('a', ',', '\n', 'é', '€', '😀', '名', '"');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (text, chunkBytes, crlf) => {
          const written = crlf ? text.replace(/\n/g, '\r\n') : text;
          const bytes = encoder.encode(written);
          const chunks = await chunksOf(bytesSource(bytes), 'utf-8', {
            chunkBytes,
            cutAtLineEnds: true,
            fatal: true,
          });
          for (const chunk of chunks) {
            if (chunk.origin === null) continue;
            const raw = crlf ? chunk.text.replace(/\n/g, '\r\n') : chunk.text;
            const length = encoder.encode(raw).length;
            const from = chunk.origin.byteStart;
            expect(new TextDecoder().decode(bytes.subarray(from, from + length))).toBe(raw);
            expect(chunk.origin.singleByte).toBe(raw.length === length);
            expect(chunk.origin.crlf).toBe(crlf && chunk.text.includes('\n'));
          }
          // A whole chunk after a whole chunk (or first) has an origin, when every line ends in LF.
          if (crlf) return;
          chunks.forEach((chunk, i) => {
            const afterWhole = i === 0 || chunks[i - 1].text.endsWith('\n');
            const whole = chunk.final || chunk.text.endsWith('\n');
            if (afterWhole && whole && chunk.text !== '') expect(chunk.origin).not.toBeNull();
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives an ASCII chunk's own bytes (its line ends LF), and no bytes for other text", async () => {
    const piece = fc.constantFrom('a', ',', '\n', '\r\n', '\r', 'é', '"', 'bcdefgh');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 12 }),
        async (text, chunkBytes) => {
          const chunks: DecodedChunk[] = [];
          const options = { chunkBytes, cutAtLineEnds: true };
          for await (const chunk of decodeChunks(textSource(text), 'utf-8', options)) {
            chunks.push(chunk);
            // Looked at before the next chunk is asked for, as the bytes may not outlive it.
            if (chunk.ascii === null) continue;
            expect(chunk.ascii.length).toBe(chunk.text.length);
            expect(new TextDecoder().decode(chunk.ascii)).toBe(chunk.text);
          }
          // A non-empty ASCII file read in one chunk, its line ends all LF or all CRLF.
          const lfs = text.split('\n').length - 1;
          const crlfs = text.split('\r\n').length - 1;
          const crs = text.split('\r').length - 1;
          const oneKind = crs === crlfs && (crlfs === 0 || crlfs === lfs);
          if (text !== '' && !/[\u0080-\uffff]/.test(text) && oneKind && chunkBytes >= text.length)
            expect(chunks[0].ascii).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
    const windows = await chunksOf(bytesSource(encodeWindows1252('Zoë\n')), 'windows-1252');
    expect(windows[0].ascii).toBeNull();
  });

  it('has none where the text cannot be found again by counting', async () => {
    const origins = async (source: ByteSource, encoding: Encoding, fatal = true) =>
      (await chunksOf(source, encoding, { cutAtLineEnds: true, fatal })).map((c) => c.origin);
    // Mixed line endings, and a lone CR.
    expect(await origins(textSource('a\r\nb\nc\n'), 'utf-8')).toEqual([null]);
    expect(await origins(textSource('a\rb\n'), 'utf-8')).toEqual([null]);
    // Two-byte encodings, and the GB18030 code page.
    expect(await origins(bytesSource(encodeUtf16('a\n', 'le', false)), 'utf-16le')).toEqual([null]);
    expect(await origins(bytesSource(encodeGb18030('名\n')), 'gb18030')).toEqual([null]);
    // A byte replaced by U+FFFD (three bytes in the text, one in the file).
    expect(await origins(bytesSource(Uint8Array.from([0x61, 0xff, 0x0a])), 'utf-8', false)).toEqual(
      [null],
    );
    // A one-byte code page counts one byte a character, accents included.
    expect(await origins(bytesSource(encodeWindows1252('Zoë\r\n')), 'windows-1252')).toEqual([
      { byteStart: 0, singleByte: true, crlf: true },
    ]);
    expect(await origins(textSource('Zoë\n'), 'utf-8')).toEqual([
      { byteStart: 0, singleByte: false, crlf: false },
    ]);
  });

  it('has none for a chunk decoded in pieces (no line end to cut at)', async () => {
    const chunks = await chunksOf(textSource('abcdef\ngh\n'), 'utf-8', {
      chunkBytes: 3,
      cutAtLineEnds: true,
    });
    expect(chunks.map((c) => [c.text, c.origin?.byteStart ?? null])).toEqual([
      ['abc', null],
      ['def', null],
      ['\n', null],
      ['gh\n', 7],
    ]);
  });
});

describe('normaliseLineEndings', () => {
  it('turns CRLF and lone CR into LF and leaves LF alone', () => {
    expect(normaliseLineEndings('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(normaliseLineEndings('\r\r\n\n')).toBe('\n\n\n');
    expect(normaliseLineEndings('')).toBe('');
  });

  it('returns text without a CR as it is', () => {
    const text = 'a\nb\n';
    expect(normaliseLineEndings(text)).toBe(text);
  });
});
