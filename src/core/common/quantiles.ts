/**
 * Order statistics on typed arrays without sorting everything: selection is linear, which
 * matters for medians of a million rows per segment.
 */

/** The q-quantile (0..1) of `values[0..count)`, with linear interpolation as numpy's default. */
export function quantile(values: Float64Array, q: number, count = values.length): number {
  if (count === 0) return NaN;
  const scratch = values.slice(0, count);
  return quantileInPlace(scratch, q, 0, count);
}

/**
 * The q-quantile of `values[from..to)`, reordering that range. numpy's "linear" method:
 * position q*(n-1) between the two order statistics around it.
 */
export function quantileInPlace(values: Float64Array, q: number, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return NaN;
  const position = q * (n - 1);
  const lower = Math.floor(position);
  const fraction = position - lower;
  if (n > BUCKETED_SELECT) {
    const bucketed = bucketedQuantile(values, from, to, lower, fraction);
    if (bucketed !== null) return bucketed;
  }
  const low = select(values, from, to - 1, from + lower);
  if (fraction === 0) return low;
  // The next order statistic is the minimum of what lies above `lower` after selection.
  let high = Infinity;
  for (let i = from + lower + 1; i < to; i++) if (values[i] < high) high = values[i];
  return low + (high - low) * fraction;
}

/** Above this many values, a histogram of their leading bits first narrows the selection. */
const BUCKETED_SELECT = 1 << 14;
/** The histogram's counts, by a double's leading 16 bits (sign, exponent, 4 bits of mantissa). */
let bucketCounts: Int32Array | null = null;

/**
 * quantileInPlace on a large range, in two passes over it and a selection in one bucket: the
 * values are counted by their leading 16 bits (which order as the values do), the bucket that
 * holds the lower-th smallest is moved to the front of the range, and the selection runs on that
 * bucket alone (a few percent of the range, in data that spreads over more than a few powers of
 * two). Null, having reordered nothing, when that bucket holds more than a quarter of the range
 * (the passes would not pay). Callers leave NaN out.
 */
function bucketedQuantile(
  values: Float64Array,
  from: number,
  to: number,
  lower: number,
  fraction: number,
): number | null {
  // Each value's high word, signed: its sign, exponent and leading 20 bits of mantissa.
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  bucketCounts ??= new Int32Array(1 << 16);
  const counts = bucketCounts.fill(0);
  for (let i = from; i < to; i++) {
    counts[bucketOf(words[2 * i + 1])]++;
  }
  let bucket = 0;
  let below = 0;
  while (below + counts[bucket] <= lower) below += counts[bucket++];
  const size = counts[bucket];
  if (size > (to - from) / 4) return null;
  // The bucket's values to the front of the range.
  let front = from;
  for (let i = from; i < to; i++) {
    if (bucketOf(words[2 * i + 1]) !== bucket) continue;
    const v = values[i];
    values[i] = values[front];
    values[front++] = v;
  }
  const rank = from + lower - below;
  const low = select(values, from, from + size - 1, rank);
  if (fraction === 0) return low;
  // The next order statistic: the least of what lies above `rank` in the bucket, or else the
  // least of the next bucket that holds any value.
  let high = Infinity;
  for (let i = rank + 1; i < from + size; i++) if (values[i] < high) high = values[i];
  if (rank + 1 === from + size) {
    let next = bucket + 1;
    while (counts[next] === 0) next++;
    for (let i = from + size; i < to; i++)
      if (bucketOf(words[2 * i + 1]) === next && values[i] < high) high = values[i];
  }
  return low + (high - low) * fraction;
}

/**
 * A double's leading 16 bits, from its high word, flipped so that they order as the values do:
 * negatives reversed, below the positives (-0 just below 0, which select takes as equal).
 */
function bucketOf(high: number): number {
  return (high ^ ((high >> 31) | 0x80000000)) >>> 16;
}

/** Above this many values, selection first narrows the range on a sample (Floyd and Rivest). */
const SAMPLED_SELECT = 600;

/**
 * Rearranges values[left..right] so that values[k] is the k-th smallest, with no larger value
 * before it and no smaller one after; returns it. Floyd and Rivest's SELECT: on a large range it
 * first selects within a small sample around k's expected place, so the partition that follows
 * nearly always lands close to k. About 1.5 n comparisons for a median, against about 3.4 n for
 * quickselect: the medians of every segment at every k are half the work.
 */
function select(values: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    if (right - left > SAMPLED_SELECT) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      select(
        values,
        Math.max(left, Math.floor(k - (i * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)),
        k,
      );
    }
    const pivot = values[k];
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right] > pivot) swap(values, right, left);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
    }
    if (values[left] === pivot) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}
