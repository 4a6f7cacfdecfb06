// AssemblyScript: k-means' loops over the rows (Lloyd's in lloydLoops.ts, k-means++'s in seeding.ts),
// compiled to WebAssembly by scripts/buildKernels.ts (npm run build:kernels). Every argument named
// like an array is a byte offset into this module's memory, where kmeansKernel.ts lays the arrays
// out. Each loop is the JavaScript one, operation for operation, so both give the very same
// doubles; test/core/cluster/kmeans/kernel checks that they do.

import { squared } from '../../distance.as';

// lloydLoops.ts' UP, DOWN, SMALLEST_NORMAL and LARGEST_SINGLE (2^-22 margins, single precision's range).
const UP: f64 = 1.0000002384185791;
const DOWN: f64 = 0.9999997615814209;
const SMALLEST_NORMAL: f64 = 1.1754943508222875e-38;
const LARGEST_SINGLE: f64 = 3.4028234663852886e38;

@inline
function roundUp(distance: f64): f64 {
  if (!(distance < SMALLEST_NORMAL)) return distance * UP;
  return distance > 0 ? SMALLEST_NORMAL : 0;
}

@inline
function roundDown(distance: f64): f64 {
  if (!(distance >= SMALLEST_NORMAL)) return 0;
  const lowered = distance * DOWN;
  return lowered > LARGEST_SINGLE ? LARGEST_SINGLE : lowered;
}

// What nearestTwo finds.
let nearest: i32 = 0;
let nearestDistance: f64 = 0;
let secondDistance: f64 = 0;

/**
 * The nearest of the k centres to `row` and the squared distances to it and to the second
 * nearest, into the three globals above. Two and three columns are read into registers once
 * per row (with d a variable, `squared` reads them again for every centre, behind its branches):
 * one assignment of Online Retail's 4,338 customers (three columns) to ten centres took 201 to
 * 206 µs against 254 to 258 µs, to four centres 75 to 104 µs against 152 to 161 µs. Each column
 * count has a loop of its own: one loop that chooses per centre took 260 to 280 µs again. The sums
 * are `squared`'s, in its order.
 */
@inline
function nearestTwo(row: usize, centres: usize, d: i32, k: i32): void {
  let best: i32 = 0;
  let bestDistance: f64 = Infinity;
  let second: f64 = Infinity;
  let centre = centres;
  if (d == 3) {
    const x0 = load<f64>(row);
    const x1 = load<f64>(row, 8);
    const x2 = load<f64>(row, 16);
    for (let c: i32 = 0; c < k; c++, centre += 24) {
      const t = x0 - load<f64>(centre);
      const u = x1 - load<f64>(centre, 8);
      const v = x2 - load<f64>(centre, 16);
      let dist = t * t;
      dist += u * u;
      dist += v * v;
      if (dist < bestDistance) {
        second = bestDistance;
        bestDistance = dist;
        best = c;
      } else if (dist < second) {
        second = dist;
      }
    }
  } else if (d == 2) {
    const x0 = load<f64>(row);
    const x1 = load<f64>(row, 8);
    for (let c: i32 = 0; c < k; c++, centre += 16) {
      const t = x0 - load<f64>(centre);
      const u = x1 - load<f64>(centre, 8);
      let dist = t * t;
      dist += u * u;
      if (dist < bestDistance) {
        second = bestDistance;
        bestDistance = dist;
        best = c;
      } else if (dist < second) {
        second = dist;
      }
    }
  } else {
    const rowBytes = <usize>d << 3;
    for (let c: i32 = 0; c < k; c++, centre += rowBytes) {
      const dist = squared(row, centre, d);
      if (dist < bestDistance) {
        second = bestDistance;
        bestDistance = dist;
        best = c;
      } else if (dist < second) {
        second = dist;
      }
    }
  }
  nearest = best;
  nearestDistance = bestDistance;
  secondDistance = second;
}

/** Hamerly's step after the centres moved (lloydLoops.ts' reassign); returns how many rows changed. */
export function reassign(
  matrix: usize,
  n: i32,
  d: i32,
  k: i32,
  centres: usize,
  labels: usize,
  upper: usize,
  lower: usize,
  half: usize,
  moved: usize,
  drop: usize,
): i32 {
  const rowBytes = <usize>d << 3;
  let changed: i32 = 0;
  let row = matrix;
  for (let i: i32 = 0; i < n; i++, row += rowBytes) {
    const at4 = <usize>i << 2;
    const own = load<i32>(labels + at4);
    const own8 = <usize>own << 3;
    const up = <f64>(<f32>roundUp(<f64>load<f32>(upper + at4) + load<f64>(moved + own8)));
    const low = <f64>(<f32>roundDown(<f64>load<f32>(lower + at4) - load<f64>(drop + own8)));
    store<f32>(upper + at4, <f32>up);
    store<f32>(lower + at4, <f32>low);
    const separation = load<f64>(half + own8);
    const bound = separation > low ? separation : low;
    if (up <= bound) continue;
    const exact = Math.sqrt(squared(row, centres + <usize>own * rowBytes, d));
    store<f32>(upper + at4, <f32>roundUp(exact));
    if (exact <= bound) continue;
    nearestTwo(row, centres, d, k);
    const best = nearest;
    const bestDistance = nearestDistance;
    const second = secondDistance;
    if (best != own) {
      store<i32>(labels + at4, best);
      changed++;
    }
    store<f32>(upper + at4, <f32>roundUp(Math.sqrt(bestDistance)));
    store<f32>(lower + at4, <f32>roundDown(Math.sqrt(second)));
  }
  return changed;
}

/** Nearest centre of every row, with the bounds (lloydLoops.ts' assignWithBounds). */
export function assignWithBounds(
  matrix: usize,
  n: i32,
  d: i32,
  k: i32,
  centres: usize,
  labels: usize,
  upper: usize,
  lower: usize,
): void {
  const rowBytes = <usize>d << 3;
  let row = matrix;
  for (let i: i32 = 0; i < n; i++, row += rowBytes) {
    nearestTwo(row, centres, d, k);
    const best = nearest;
    const bestDistance = nearestDistance;
    const second = secondDistance;
    const at4 = <usize>i << 2;
    store<i32>(labels + at4, best);
    store<f32>(upper + at4, <f32>roundUp(Math.sqrt(bestDistance)));
    store<f32>(lower + at4, <f32>roundDown(Math.sqrt(second)));
  }
}

/** Each centre's sum of rows and count of rows (lloydLoops.ts' sumByLabel, any number of columns). */
export function sumByLabel(
  matrix: usize,
  n: i32,
  d: i32,
  k: i32,
  labels: usize,
  sums: usize,
  counts: usize,
): void {
  memory.fill(sums, 0, <usize>(k * d) << 3);
  memory.fill(counts, 0, <usize>k << 3);
  addByLabel(matrix, n, d, labels, sums, counts);
}

/**
 * sumByLabel without starting from zero: the rows added to the sums and counts already there (a
 * large matrix's rows go through the kernel a block at a time, in row order).
 */
export function addByLabel(
  matrix: usize,
  n: i32,
  d: i32,
  labels: usize,
  sums: usize,
  counts: usize,
): void {
  const rowBytes = <usize>d << 3;
  let row = matrix;
  for (let i: i32 = 0; i < n; i++, row += rowBytes) {
    const label = <usize>load<i32>(labels + (<usize>i << 2));
    const count = counts + (label << 3);
    store<f64>(count, load<f64>(count) + 1);
    const sum = sums + label * rowBytes;
    for (let j: usize = 0; j < rowBytes; j += 8)
      store<f64>(sum + j, load<f64>(sum + j) + load<f64>(row + j));
  }
}

/** Sum of squared distances of the rows to their centres, in row order. */
export function inertia(matrix: usize, n: i32, d: i32, centres: usize, labels: usize): f64 {
  return addInertia(matrix, n, d, centres, labels, 0);
}

/** inertia added to `total` in row order (for a large matrix's blocks). */
export function addInertia(
  matrix: usize,
  n: i32,
  d: i32,
  centres: usize,
  labels: usize,
  total: f64,
): f64 {
  const rowBytes = <usize>d << 3;
  let row = matrix;
  for (let i: i32 = 0; i < n; i++, row += rowBytes) {
    const label = <usize>load<i32>(labels + (<usize>i << 2));
    total += squared(row, centres + label * rowBytes, d);
  }
  return total;
}

/** k-means++'s first pass: each row's squared distance to `centre` into `out`; returns the sum. */
export function distancesTo(matrix: usize, n: i32, d: i32, centre: usize, out: usize): f64 {
  const rowBytes = <usize>d << 3;
  let total: f64 = 0;
  let row = matrix;
  for (let i: i32 = 0; i < n; i++, row += rowBytes) {
    const dist = squared(row, centre, d);
    store<f64>(out + (<usize>i << 3), dist);
    total += dist;
  }
  return total;
}

/**
 * One k-means++ trial: each row's squared distance to the nearer of `candidate` and the centres
 * so far (`closest`) into `out`; returns their sum, the trial's potential.
 */
export function trialDistances(
  matrix: usize,
  n: i32,
  d: i32,
  candidate: usize,
  closest: usize,
  out: usize,
): f64 {
  const rowBytes = <usize>d << 3;
  let total: f64 = 0;
  let row = matrix;
  for (let i: i32 = 0; i < n; i++, row += rowBytes) {
    const at = <usize>i << 3;
    const dist = squared(row, candidate, d);
    const known = load<f64>(closest + at);
    const nearest = dist < known ? dist : known;
    store<f64>(out + at, nearest);
    total += nearest;
  }
  return total;
}

/** Running sums of `values` into `sums` (k-means++ draws a row from them). */
export function cumulate(values: usize, n: i32, sums: usize): void {
  let running: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const at = <usize>i << 3;
    running += load<f64>(values + at);
    store<f64>(sums + at, running);
  }
}
