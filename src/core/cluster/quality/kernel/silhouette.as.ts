// AssemblyScript: the silhouette sample's loops over its pairs of rows (silhouette.ts has them in
// JavaScript), compiled to WebAssembly by scripts/buildKernels.ts (npm run build:kernels). Every
// argument named like an array is a byte offset into this module's memory, where
// silhouetteKernel.ts lays the arrays out. Each loop is the JavaScript one, operation for
// operation, so both give the very same doubles; test/core/cluster/quality/kernel checks that
// they do.

import { squared } from '../../distance.as';

/**
 * The Euclidean distances from rows [from, to) of the sample to every row after each, into
 * `distances` (the condensed matrix, row `from`'s pairs starting at pair `at`).
 */
export function exactDistances(
  rows: usize,
  m: i32,
  d: i32,
  from: i32,
  to: i32,
  distances: usize,
  at: i32,
): void {
  pairDistances<f64>(rows, m, d, from, to, distances, at, 0);
}

/**
 * The same distances stored as silhouette.ts' Quantisation stores them: in 16 bits,
 * min(65535, round(sqrt(distance) * scale)), rounding halves up as Math.round does.
 */
export function quantisedDistances(
  rows: usize,
  m: i32,
  d: i32,
  from: i32,
  to: i32,
  codes: usize,
  at: i32,
  scale: f64,
): void {
  pairDistances<u16>(rows, m, d, from, to, codes, at, scale);
}

/** The loop of both: T is how a distance is stored (f64 itself, or a u16 code at `scale`). */
@inline
function pairDistances<T>(
  rows: usize,
  m: i32,
  d: i32,
  from: i32,
  to: i32,
  distances: usize,
  at: i32,
  scale: f64,
): void {
  let p = distances + <usize>at * sizeof<T>();
  const width = <usize>d << 3;
  for (let a = from; a < to; a++) {
    const ra = rows + <usize>a * width;
    for (let b = a + 1; b < m; b++) {
      const distance = Math.sqrt(squared(ra, rows + <usize>b * width, d));
      if (isInteger<T>()) {
        const x = Math.sqrt(distance) * scale;
        let code: u32 = 0;
        if (x >= 65535) code = 65535;
        else if (x >= 0) {
          const whole = Math.floor(x);
          code = <u32>(x - whole >= 0.5 ? whole + 1 : whole);
        }
        store<T>(p, <T>code);
      } else {
        store<T>(p, <T>distance);
      }
      p += sizeof<T>();
    }
  }
}

/**
 * silhouette.ts' distanceSums on exact distances: sums[c * m + a], row a's summed distance to
 * the rows of cluster c (rows labelled below 0 left out), added in the same order.
 */
export function sumsFromDistances(
  distances: usize,
  m: i32,
  labels: usize,
  k: i32,
  sums: usize,
  rowSums: usize,
  noise: bool,
): void {
  distanceSums<f64>(distances, 0, m, labels, k, sums, rowSums, noise);
}

/** sumsFromDistances on 16-bit codes, each read as code * code * unit. */
export function sumsFromCodes(
  codes: usize,
  unit: f64,
  m: i32,
  labels: usize,
  k: i32,
  sums: usize,
  rowSums: usize,
  noise: bool,
): void {
  distanceSums<u16>(codes, unit, m, labels, k, sums, rowSums, noise);
}

/** The loop of both: T is how a distance is stored (f64 itself, or u16 as code * code * unit). */
@inline
function distanceSums<T>(
  distances: usize,
  unit: f64,
  m: i32,
  labels: usize,
  k: i32,
  sums: usize,
  rowSums: usize,
  noise: bool,
): void {
  let p = distances;
  for (let a = 0; a < m; a++) {
    const la = load<i32>(labels + (<usize>a << 2));
    if (la < 0) {
      p += <usize>(m - a - 1) * sizeof<T>();
      continue;
    }
    memory.fill(rowSums, 0, <usize>k << 3);
    const column = sums + ((<usize>la * <usize>m) << 3);
    for (let b = a + 1; b < m; b++) {
      let distance: f64;
      if (isInteger<T>()) {
        const code = <f64>load<T>(p);
        distance = code * code * unit;
      } else {
        distance = <f64>load<T>(p);
      }
      p += sizeof<T>();
      const lb = load<i32>(labels + (<usize>b << 2));
      if (noise && lb < 0) continue;
      const own = rowSums + (<usize>lb << 3);
      store<f64>(own, load<f64>(own) + distance);
      const other = column + (<usize>b << 3);
      store<f64>(other, load<f64>(other) + distance);
    }
    addRowSums(sums, rowSums, m, k, a);
  }
}

@inline
function addRowSums(sums: usize, rowSums: usize, m: i32, k: i32, a: i32): void {
  for (let c = 0; c < k; c++) {
    const at = sums + ((<usize>c * <usize>m + <usize>a) << 3);
    store<f64>(at, load<f64>(at) + load<f64>(rowSums + (<usize>c << 3)));
  }
}
