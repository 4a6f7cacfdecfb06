import type { ChunkOrigin } from './decodeChunks';

/**
 * Turns the offsets of records `from` to `to` in a chunk's text into offsets in the file, in
 * place, so that the text can be let go and the records read again from the file. Each record
 * starts at or after the end of the one before, so one walk over the text finds them all; a
 * chunk of one-byte characters needs none (only its line ends counted, for CRLF). False (nothing
 * changed) when the file is too large for the offsets' 32 bits.
 */
export function toByteOffsets(
  text: string,
  origin: ChunkOrigin,
  start: Uint32Array,
  end: Uint32Array,
  from: number,
  to: number,
): boolean {
  const { byteStart, singleByte, crlf } = origin;
  if (byteStart + text.length * (singleByte ? 2 : 4) > 0xffffffff) return false;
  if (singleByte && !crlf) {
    for (let r = from; r < to; r++) {
      start[r] += byteStart;
      end[r] += byteStart;
    }
    return true;
  }
  if (singleByte) {
    // One byte a character, plus the CR of each line end before the offset. Each line end is
    // found once, with indexOf (many times faster than looking at each character): `next` is
    // the first not yet counted.
    let lineEnds = 0;
    let next = text.indexOf('\n');
    let counted = 0;
    const byteAtCrlf = (target: number): number => {
      if (target < counted) {
        lineEnds = 0;
        next = text.indexOf('\n');
      }
      for (; next !== -1 && next < target; next = text.indexOf('\n', next + 1)) lineEnds++;
      counted = target;
      return byteStart + target + lineEnds;
    };
    for (let r = from; r < to; r++) {
      start[r] = byteAtCrlf(start[r]);
      end[r] = byteAtCrlf(end[r]);
    }
    return true;
  }
  if (sparseWide(text)) utf8Sparse(text, byteStart, crlf, start, end, from, to);
  else utf8Walk(text, byteStart, crlf, start, end, from, to);
  return true;
}

/** Text mostly ASCII (a name with an accent here and there): a few characters need counting. */
function sparseWide(text: string): boolean {
  const sample = text.slice(0, 4096);
  return sample.replace(/[^\u0080-\uffff]/g, '').length * 32 < sample.length;
}

/**
 * Bytes in the file beyond one for this UTF-16 unit: an LF (only ever asked for CRLF) had a CR
 * before it; U+0080..U+07FF take two bytes, the rest of the BMP three, and a surrogate pair four
 * (two for each half).
 */
function extraBytes(c: number): number {
  if (c === 10 || c < 0x800) return 1;
  return c >= 0xd800 && c <= 0xdfff ? 1 : 2;
}

/** UTF-8 with few wide characters: jump from one to the next (and to each LF, for CRLF). */
function utf8Sparse(
  text: string,
  byteStart: number,
  crlf: boolean,
  start: Uint32Array,
  end: Uint32Array,
  from: number,
  to: number,
): void {
  const pattern = crlf ? /[\n\u0080-\uffff]/g : /[\u0080-\uffff]/g;
  let extra = 0;
  let counted = 0;
  let next = -1;
  const find = (at: number) => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    next = match === null ? text.length : match.index;
  };
  find(0);
  const byteAt = (target: number): number => {
    if (target < counted) {
      extra = 0;
      find(0);
    }
    while (next < target) {
      extra += extraBytes(text.charCodeAt(next));
      find(next + 1);
    }
    counted = target;
    return byteStart + target + extra;
  };
  for (let r = from; r < to; r++) {
    start[r] = byteAt(start[r]);
    end[r] = byteAt(end[r]);
  }
}

/** UTF-8 with many wide characters: one walk over them all. */
function utf8Walk(
  text: string,
  byteStart: number,
  crlf: boolean,
  start: Uint32Array,
  end: Uint32Array,
  from: number,
  to: number,
): void {
  let char = 0;
  let byte = byteStart;
  for (let r = from; r < to; r++) {
    for (let side = 0; side < 2; side++) {
      const offsets = side === 0 ? start : end;
      const target = offsets[r];
      if (target < char) {
        char = 0;
        byte = byteStart;
      }
      while (char < target) {
        const c = text.charCodeAt(char++);
        if (c < 0x80) byte += c === 10 && crlf ? 2 : 1;
        else byte += 1 + extraBytes(c);
      }
      offsets[r] = byte;
    }
  }
}
