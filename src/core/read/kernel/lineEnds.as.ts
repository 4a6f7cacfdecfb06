// AssemblyScript: a chunk's line ends made LF (CRLF and CR alike, as normaliseLineEndings does),
// in place in this module's memory, before the chunk is decoded (lineEndsKernel.ts), with the
// counts that say what line ends the chunk had.

const ONES: u64 = 0x0101010101010101;
const LOW: u64 = 0x7f7f7f7f7f7f7f7f;

/** A high bit in each byte of `word` that is zero, and in no other. */
@inline
function zeroBytes(word: u64): u64 {
  return ~(((word & LOW) + LOW) | word | LOW);
}

/**
 * The `length` bytes at `bytes` with the CR of each CRLF taken out and every other CR made LF,
 * moved down in place; returns the new length. Writes three u32 counts at `counts`: CRLFs joined,
 * CRs made LF, and the LFs there were (CRLFs' included). Eight bytes with no CR move at a step;
 * near a CR, bytes move one at a time.
 */
export function joinCrlf(bytes: usize, length: usize, counts: usize): usize {
  const end = bytes + length;
  let from = bytes;
  let to = bytes;
  let joined: u32 = 0;
  let lone: u32 = 0;
  let lineFeeds: u32 = 0;
  while (from < end) {
    if (from + 8 <= end) {
      const word = load<u64>(from);
      if (zeroBytes(word ^ (ONES * 0x0d)) == 0) {
        lineFeeds += <u32>popcnt(zeroBytes(word ^ (ONES * 0x0a)));
        store<u64>(to, word);
        from += 8;
        to += 8;
        continue;
      }
    }
    // One byte at a time near a CR, and the last few.
    const byte = load<u8>(from);
    from++;
    if (byte == 0x0d) {
      if (from < end && load<u8>(from) == 0x0a) {
        joined++;
        continue;
      }
      lone++;
      store<u8>(to, 0x0a);
    } else {
      if (byte == 0x0a) lineFeeds++;
      store<u8>(to, byte);
    }
    to++;
  }
  store<u32>(counts, joined);
  store<u32>(counts, lone, 4);
  store<u32>(counts, lineFeeds, 8);
  return to - bytes;
}
