import type { ClusterData } from '../../src/core/cluster/clusterJob';
import { rowDistance, type DistanceMetric } from '../../src/core/cluster/distance';
import { createRandom } from '../../src/core/common/random';
import { gaussian } from '../../scripts/generators/customers';
import { prepareProfiles, type ProfileContext } from '../../src/core/profile/profileContext';
import { textSource } from '../../src/core/read/byteSource';
import { readCsv } from '../../src/core/read/readCsv';

/** n x d values drawn uniformly from [-2, 2), seeded. */
export function randomMatrix(n: number, d: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n * d }, () => random.next() * 4 - 2);
}

/** Three blobs in two dimensions (row i belongs to blob i % 3), unit-square noise, seeded. */
export function threeBlobs(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const matrix = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const centre = i % 3;
    matrix[2 * i] = centre * 4 + random.next();
    matrix[2 * i + 1] = (centre % 2) * 4 + random.next();
  }
  return matrix;
}

/** n rows round the given centres (row i round centre i % centres), normal spread, seeded. */
export function gaussianBlobs(
  n: number,
  centres: number[][],
  spread: number,
  seed: number,
): Float64Array {
  const random = createRandom(seed);
  const d = centres[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const centre = centres[i % centres.length];
    for (let j = 0; j < d; j++) data[i * d + j] = gaussian(random, centre[j], spread);
  }
  return data;
}

/** Every row within eps of row i (i itself included), ascending, by a full scan. */
export function bruteNeighbours(
  matrix: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
  i: number,
  eps: number,
): number[] {
  const distance = rowDistance(metric);
  const found: number[] = [];
  for (let row = 0; row < n; row++)
    if (row === i || distance(matrix, i * d, matrix, row * d, d) <= eps) found.push(row);
  return found;
}

/** Two partitions are the same when each label of one maps to exactly one label of the other. */
export function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((forward.get(a[i]) ?? b[i]) !== b[i] || (backward.get(b[i]) ?? a[i]) !== a[i]) return false;
    forward.set(a[i], b[i]);
    backward.set(b[i], a[i]);
  }
  return true;
}

/**
 * Cluster data for a matrix already in scaled units (centre 0, scale 1, no transform), profiled
 * on its first column: what the clustering stages need, without a table.
 */
export function clusterDataOf(
  matrix: Float64Array,
  n: number,
  d: number,
  overrides: Partial<ClusterData> = {},
): ClusterData {
  const values = Float64Array.from({ length: n }, (_, i) => matrix[i * d]);
  let mean = 0;
  for (const v of values) mean += v / Math.max(1, n);
  const profile: ProfileContext = {
    n,
    numeric: [
      {
        name: 'x',
        values,
        complete: true,
        stats: { feature: 'x', mean, median: mean, std: 1 },
      },
    ],
    categorical: [],
  };
  return {
    matrix,
    n,
    d,
    center: new Float64Array(d),
    scale: new Float64Array(d).fill(1),
    transforms: Array.from({ length: d }, () => 'none' as const),
    profile,
    ...overrides,
    basis: overrides.basis ?? null,
  };
}

/**
 * n rows around four centres (row i about centre i % 4) in d dimensions, read from CSV text as
 * a file would be, with the first `profiled` columns described in the profiles: the data the
 * helper pool and the command line's threads receive.
 */
export async function profiledClusterData(
  n: number,
  d: number,
  seed: number,
  profiled: number,
): Promise<ClusterData> {
  const random = createRandom(seed);
  const names = ['a', 'b', 'c', 'e', 'f', 'g', 'h', 'i'].slice(0, d);
  const lines = [names.join(',')];
  const matrix = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: d }, () => gaussian(random, (i % 4) * 3, 1));
    matrix.set(row, i * d);
    lines.push(row.map((v) => v.toFixed(4)).join(','));
  }
  const table = await readCsv(textSource(lines.join('\n')));
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  return {
    matrix,
    n,
    d,
    center: new Float64Array(d),
    scale: new Float64Array(d).fill(1),
    transforms: new Array(d).fill('none'),
    profile: prepareProfiles({ table, rows, numeric: names.slice(0, profiled), categorical: [] }),
    basis: null,
  };
}
