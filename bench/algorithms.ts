import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareFeatures } from '../src/core/features/prepareFeatures';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import { fileSource } from '../src/cli/fileSource';
import { densityClusters } from '../src/core/cluster/density/densityClustering';
import { fitHierarchy } from '../src/core/cluster/hierarchy/hierarchicalClustering';
import { LINKAGES } from '../src/core/cluster/hierarchy/agglomerative';
import { readCsv } from '../src/core/read/readCsv';
import { benchFile, BENCH_DIR } from './benchData';
import { PYTHON, run } from './common';

/**
 * How long DBSCAN and hierarchical clustering take as the rows grow, on the seeded benchmark
 * data (8 numeric features, standardised): the measurements behind DBSCAN_MAX_ROWS and
 * HIERARCHY_MAX_ROWS. With scikit-learn installed, its DBSCAN and AgglomerativeClustering run on
 * the same scaled rows with the same eps. Run: npm run bench:algorithms [-- --no-sklearn]
 */
const withSklearn = !process.argv.includes('--no-sklearn');
const dbscanSizes = [10_000, 20_000, 50_000];
const treeSizes = [1_000, 2_500, 5_000];

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

async function scaledRows(rows: number, take: number) {
  const { path } = await benchFile(rows);
  const { source, close } = await fileSource(path);
  try {
    const table = await readCsv(source);
    const prepared = prepareFeatures(table, DEFAULT_ANALYSIS_OPTIONS);
    const n = Math.min(take, prepared.n);
    return { matrix: prepared.scaled.matrix.subarray(0, n * prepared.d), n, d: prepared.d };
  } finally {
    await close();
  }
}

async function sklearnSeconds(
  kind: string,
  matrix: Float64Array,
  n: number,
  d: number,
  arg: string,
) {
  const file = join(BENCH_DIR, `scaled-${kind}-${n}.bin`);
  await writeFile(file, new Uint8Array(matrix.buffer, matrix.byteOffset, n * d * 8));
  const script = `
import sys, time, numpy as np
from sklearn.cluster import DBSCAN, AgglomerativeClustering
x = np.fromfile(sys.argv[1], dtype='<f8').reshape(-1, ${d})
t = time.perf_counter()
if sys.argv[2] == 'dbscan':
    DBSCAN(eps=float(sys.argv[3]), min_samples=5).fit(x)
else:
    AgglomerativeClustering(n_clusters=4, linkage=sys.argv[3]).fit(x)
print(time.perf_counter() - t)
`;
  return Number((await run(PYTHON, ['-c', script, file, kind, arg])).trim());
}

const all = await scaledRows(100_000, 50_000);
console.log('DBSCAN (minPts 5, Euclidean, eps from the k-distance knee of each size)');
console.log('   rows   eps    clusters  noise     ours (s)  sklearn (s)');
for (const n of dbscanSizes) {
  const matrix = all.matrix.subarray(0, n * all.d);
  const start = performance.now();
  const found = densityClusters(
    matrix,
    n,
    all.d,
    { eps: null, minPts: 5, metric: 'euclidean', seed: 0 },
    undefined,
    Infinity,
  );
  const ours = seconds(start);
  const theirs = withSklearn
    ? await sklearnSeconds('dbscan', matrix, n, all.d, String(found.eps))
    : NaN;
  console.log(
    `${String(n).padStart(7)}  ${String(found.eps).padEnd(6)} ${String(found.clusters).padStart(8)}  ${String(found.noise).padStart(6)}  ${ours.toFixed(2).padStart(9)}  ${Number.isNaN(theirs) ? '' : theirs.toFixed(2).padStart(10)}`,
  );
}
console.log('\nHierarchical (merge tree only; k = 4 for scikit-learn)');
console.log('   rows  linkage    ours (s)  sklearn (s)');
for (const n of treeSizes) {
  const matrix = all.matrix.subarray(0, n * all.d);
  for (const linkage of LINKAGES) {
    const start = performance.now();
    fitHierarchy(matrix, n, all.d, linkage, 'euclidean', 0, undefined, Infinity);
    const ours = seconds(start);
    const theirs = withSklearn ? await sklearnSeconds('tree', matrix, n, all.d, linkage) : NaN;
    console.log(
      `${String(n).padStart(7)}  ${linkage.padEnd(9)} ${ours.toFixed(2).padStart(9)}  ${Number.isNaN(theirs) ? '' : theirs.toFixed(2).padStart(10)}`,
    );
  }
}
