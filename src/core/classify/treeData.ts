import { argsortFloat32 } from './argsort';

/**
 * The features trees are grown on, sorted once: a feature of at most 256 distinct values (or
 * binned into at most 256 bins) is "counted", stored as each row's rank; any other is "sorted",
 * stored as its rows in ascending order with their values, in single precision (scikit-learn
 * casts X to float32). See treeGrower.ts for how trees use them.
 */

/** Features with at most this many distinct values are counted, not kept sorted. */
export const COUNTED_MAX_VALUES = 256;

/** The features of n rows, sorted once for all the trees grown on them. */
export interface TreeData {
  n: number;
  d: number;
  /** Per feature kept sorted: the rows in ascending order of it (ties in row order); else null. */
  sorted: (Int32Array | null)[];
  /** ...and their values in single precision, in that order. */
  sortedValues: (Float32Array | null)[];
  /** Per feature: its slot among the counted features, or -1 if it is kept sorted. */
  countedSlot: Int32Array;
  /**
   * n x (counted features), row-major: each row's rank in each counted feature (its distinct
   * value's, or its bin's). Row-major because a node scans several features of the same rows.
   */
  codes: Uint8Array;
  /** Per counted feature: the lowest and highest value of each rank, ascending; else null. */
  lower: (Float64Array | null)[];
  upper: (Float64Array | null)[];
}

export interface TreeDataOptions {
  /**
   * Put the values of every feature with more distinct values than this into this many bins of
   * about equal rows (equal values in one bin), and split only between bins: the histogram
   * splitting that makes forests fast. null (the default) splits between every two values, as
   * scikit-learn.
   */
  bins: number | null;
}

/** Sorts each feature of an n x d row-major matrix (finite values, as cleaning leaves them). */
export function prepareTreeData(
  matrix: Float64Array,
  n: number,
  d: number,
  options: Partial<TreeDataOptions> = {},
): TreeData {
  const bins = options.bins ?? null;
  if (bins !== null && !(bins >= 2 && bins <= COUNTED_MAX_VALUES))
    throw new Error(`bins must be from 2 to ${COUNTED_MAX_VALUES}, not ${bins}`);
  const data: TreeData = {
    n,
    d,
    sorted: [],
    sortedValues: [],
    countedSlot: new Int32Array(d).fill(-1),
    codes: new Uint8Array(0),
    lower: [],
    upper: [],
  };
  const column = new Float32Array(n);
  const ranks: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    for (let i = 0; i < n; i++) {
      const v = matrix[i * d + f];
      if (!Number.isFinite(v)) throw new Error(`feature ${f} of row ${i} is ${v}`);
      column[i] = v;
    }
    const order = argsortFloat32(column);
    const ordered = new Float32Array(n);
    for (let k = 0; k < n; k++) ordered[k] = column[order[k]];
    let distinct = 0;
    for (let k = 0; k < n && distinct <= COUNTED_MAX_VALUES; k++)
      if (k === 0 || ordered[k] !== ordered[k - 1]) distinct++;
    if (distinct > COUNTED_MAX_VALUES && bins === null) {
      data.sorted.push(order);
      data.sortedValues.push(ordered);
      data.lower.push(null);
      data.upper.push(null);
      continue;
    }
    // One rank per distinct value, or per bin of at least n / bins rows.
    const binRows = distinct > (bins ?? COUNTED_MAX_VALUES) ? n / bins! : 0;
    const rank = new Uint8Array(n);
    const lower: number[] = [];
    const upper: number[] = [];
    let inBin = 0;
    for (let k = 0; k < n; k++) {
      const v = ordered[k];
      if (k === 0 || (v !== ordered[k - 1] && inBin >= binRows)) {
        lower.push(v);
        upper.push(v);
        inBin = 0;
      }
      upper[upper.length - 1] = v;
      rank[order[k]] = lower.length - 1;
      inBin++;
    }
    data.countedSlot[f] = ranks.push(rank) - 1;
    data.sorted.push(null);
    data.sortedValues.push(null);
    data.lower.push(Float64Array.from(lower));
    data.upper.push(Float64Array.from(upper));
  }
  const counted = ranks.length;
  data.codes = new Uint8Array(n * counted);
  ranks.forEach((rank, slot) => {
    for (let i = 0; i < n; i++) data.codes[i * counted + slot] = rank[i];
  });
  return data;
}
