/**
 * Order statistics on typed arrays without sorting everything: quickselect is linear, which
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

/** Rearranges values[left..right] so that values[k] is the k-th smallest; returns it. */
function select(values: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    // Median of three as pivot keeps sorted input linear.
    const middle = (left + right) >> 1;
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    const pivot = values[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}
