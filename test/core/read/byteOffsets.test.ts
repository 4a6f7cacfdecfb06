import { describe, expect, it } from 'vitest';
import { toByteOffsets } from '../../../src/core/read/byteOffsets';

const encoder = new TextEncoder();

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

  it('counts the CR of every line end before an offset in one-byte text with CRLF', () => {
    // Records with line breaks inside them and blank lines between them, and a second call that
    // starts over from the chunk's first records.
    const records = Array.from({ length: 300 }, (_, i) =>
      i % 7 === 0
        ? `"a\nb${i}",1\n`
        : i % 11 === 0
          ? `\n\nc${i},2\n`
          : `d${i},${i}`.padEnd(i % 40) + '\n',
    );
    const text = records.join('');
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    for (const record of records) {
      // A blank line is not part of the record after it.
      const blank = record.startsWith('\n\n') ? 2 : 0;
      starts.push(at + blank);
      ends.push((at += record.length));
    }
    const file = encoder.encode(text.replace(/\n/g, '\r\n'));
    for (const [from, to] of [
      [0, records.length],
      [5, 40],
    ]) {
      const start = Uint32Array.from(starts);
      const end = Uint32Array.from(ends);
      toByteOffsets(text, { byteStart: 7, singleByte: true, crlf: true }, start, end, from, to);
      const decoded = Array.from({ length: to - from }, (_, i) =>
        new TextDecoder().decode(file.subarray(start[from + i] - 7, end[from + i] - 7)),
      );
      expect(decoded).toEqual(
        records.slice(from, to).map((record) => record.replace(/^\n\n/, '').replace(/\n/g, '\r\n')),
      );
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
