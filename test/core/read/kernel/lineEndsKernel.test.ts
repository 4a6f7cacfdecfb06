import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLineEndings } from '../../../../src/core/read/decodeChunks';
import { LineEndsKernel } from '../../../../src/core/read/kernel/lineEndsKernel';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function countsOf(text: string) {
  let crlfs = 0;
  let loneCrs = 0;
  let lineFeeds = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineFeeds++;
    if (text[i] === '\r') {
      if (text[i + 1] === '\n') crlfs++;
      else loneCrs++;
    }
  }
  return { crlfs, loneCrs, lineFeeds };
}

describe('LineEndsKernel', () => {
  const kernel = LineEndsKernel.load() as LineEndsKernel;

  it('makes every line end LF, as normaliseLineEndings does, and counts them', () => {
    // Runs of eight bytes with and without CRs, and the bytes after the last whole eight.
    const piece = fc.constantFrom(
      'a',
      'bcdefghi',
      ';',
      '\r',
      '\n',
      '\r\n',
      '\r\r',
      'é',
      '名',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }).map((parts) => parts.join('')),
        (text) => {
          const bytes = encoder.encode(text);
          const copy = bytes.slice();
          const joined = kernel.join(bytes);
          expect(joined).not.toBeNull();
          const { bytes: out, ...counts } = joined!;
          expect(decoder.decode(out)).toBe(normaliseLineEndings(text));
          expect(counts).toEqual(countsOf(text));
          expect(bytes).toEqual(copy);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('grows its memory for a larger chunk, and keeps working after it', () => {
    const line = 'x'.repeat(70) + '\r\n';
    const large = line.repeat(3000);
    const joined = kernel.join(encoder.encode(large))!;
    expect(joined.bytes.length).toBe(large.length - 3000);
    expect(decoder.decode(joined.bytes)).toBe(large.replace(/\r\n/g, '\n'));
    expect(joined.crlfs).toBe(3000);
    expect(decoder.decode(kernel.join(encoder.encode('a\r\nb\rc'))!.bytes)).toBe('a\nb\nc');
  });
});
