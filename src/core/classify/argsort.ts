/**
 * The order that sorts a column of numbers, ascending, ties in index order (a stable sort), in
 * linear time: a least-significant-digit radix sort of the numbers' IEEE bits, 16 bits a pass,
 * skipping passes where every number has the same digit. Trees and IMM sort every feature once
 * with it; a comparison sort of indices is several times slower in JavaScript.
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

/** Indices 0..count-1 ordered by values[offset + i * stride] (finite numbers). */
export function argsortFloat64(
  values: Float64Array,
  count = values.length,
  offset = 0,
  stride = 1,
): Int32Array {
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  // Little-endian word order on every platform JavaScript runs on.
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  for (let i = 0; i < count; i++) {
    scratch[0] = values[offset + i * stride];
    const hi = littleEndian ? words[1] : words[0];
    const lo = littleEndian ? words[0] : words[1];
    // Negative numbers: flip every bit; others: flip the sign bit. Unsigned order is then numeric.
    if (hi & 0x80000000) {
      high[i] = ~hi >>> 0;
      low[i] = ~lo >>> 0;
    } else {
      high[i] = (hi | 0x80000000) >>> 0;
      low[i] = lo;
    }
  }
  return radixOrder([low, high], count);
}

/** Indices 0..count-1 ordered by values[i] (finite numbers in single precision). */
export function argsortFloat32(values: Float32Array, count = values.length): Int32Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, count);
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const b = bits[i];
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  }
  return radixOrder([keys], count);
}

/** Stable LSD radix sort by 32-bit words, least significant word first. */
function radixOrder(words: Uint32Array[], count: number): Int32Array {
  let order = Int32Array.from({ length: count }, (_, i) => i);
  let spare = new Int32Array(count);
  const histogram = new Int32Array(BUCKETS);
  for (const word of words) {
    for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
      histogram.fill(0);
      for (let i = 0; i < count; i++) histogram[(word[i] >>> shift) & (BUCKETS - 1)]++;
      // A pass where every key has the same digit changes nothing.
      if (count === 0 || histogram[(word[0] >>> shift) & (BUCKETS - 1)] === count) continue;
      let total = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const size = histogram[b];
        histogram[b] = total;
        total += size;
      }
      for (let k = 0; k < count; k++) {
        const i = order[k];
        spare[histogram[(word[i] >>> shift) & (BUCKETS - 1)]++] = i;
      }
      const t = order;
      order = spare;
      spare = t;
    }
  }
  return order;
}
