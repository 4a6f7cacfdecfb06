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
  const low = select(values, from, to - 1, from + lower);
  if (fraction === 0) return low;
  // The next order statistic is the minimum of what lies above `lower` after selection.
  let high = Infinity;
  for (let i = from + lower + 1; i < to; i++) if (values[i] < high) high = values[i];
  return low + (high - low) * fraction;
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
