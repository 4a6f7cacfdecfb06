import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareFeatures } from '../src/core/features/prepareFeatures';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import { fileSource } from '../src/cli/fileSource';
import { dbscan } from '../src/core/cluster/density/dbscan';
import { kDistancePlot } from '../src/core/cluster/density/kDistance';
import { NeighbourSearch } from '../src/core/cluster/density/neighbours';
import { fitHierarchy } from '../src/core/cluster/hierarchy/hierarchicalClustering';
import { LINKAGES } from '../src/core/cluster/hierarchy/agglomerative';
import { readCsv } from '../src/core/read/readCsv';
import { benchFile, BENCH_DIR } from './benchData';
import { PYTHON, run } from './common';

/**
 * How long DBSCAN and hierarchical clustering take as the rows grow, on the seeded benchmark
 * data (8 numeric features, standardised): the measurements behind DBSCAN_MAX_ROWS and
 * HIERARCHY_DEFAULT_ROWS. With scikit-learn installed, its DBSCAN and AgglomerativeClustering run on
 * the same scaled rows with the same eps, each timed in the same run (medians of --runs, 3 by
 * default). Run: npm run bench:algorithms [-- --no-sklearn] [-- --runs 3]
 */
const withSklearn = !process.argv.includes('--no-sklearn');
const dbscanSizes = [10_000, 20_000, 50_000];
const treeSizes = [1_000, 2_500, 5_000, 10_000];

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
times = []
for _ in range(int(sys.argv[4])):
    t = time.perf_counter()
    if sys.argv[2] == 'dbscan':
        DBSCAN(eps=float(sys.argv[3]), min_samples=5).fit(x)
    else:
        AgglomerativeClustering(n_clusters=4, linkage=sys.argv[3]).fit(x)
    times.append(time.perf_counter() - t)
print(sorted(times)[len(times) // 2])
`;
  return Number((await run(PYTHON, ['-c', script, file, kind, arg, String(runs)])).trim());
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(work: () => void): number {
  return median(
    Array.from({ length: runs }, () => {
      const start = performance.now();
      work();
      return seconds(start);
    }),
  );
}

function ratio(ours: number, theirs: number): string {
  return Number.isNaN(theirs) ? '' : `${(ours / theirs).toFixed(2)}x`;
}

const all = await scaledRows(100_000, 50_000);
console.log(
  `DBSCAN (minPts 5, Euclidean, eps from the k-distance knee of each size; medians of ${runs})\n`,
);
console.log(
  '| rows | eps | clusters | noise | eps suggestion (s) | DBSCAN (s) | scikit-learn (s) | ratio |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of dbscanSizes) {
  const matrix = all.matrix.subarray(0, n * all.d);
  const start = performance.now();
  const plot = kDistancePlot(new NeighbourSearch(matrix, n, all.d, 'euclidean'), n, 5, 0);
  const suggestion = seconds(start);
  const eps = plot.suggestedEps;
  let found = dbscan(matrix, n, all.d, { eps, minPts: 5, metric: 'euclidean' });
  const ours = timed(() => {
    found = dbscan(matrix, n, all.d, { eps, minPts: 5, metric: 'euclidean' });
  });
  const theirs = withSklearn ? await sklearnSeconds('dbscan', matrix, n, all.d, String(eps)) : NaN;
  console.log(
    `| ${n} | ${eps} | ${found.clusters} | ${found.noise} | ${suggestion.toFixed(2)} | ${ours.toFixed(2)} | ${Number.isNaN(theirs) ? '' : theirs.toFixed(2)} | ${ratio(ours, theirs)} |`,
  );
}
console.log(`\nHierarchical (merge tree only; k = 4 for scikit-learn; medians of ${runs})\n`);
console.log('| rows | linkage | ours (s) | scikit-learn (s) | ratio |');
console.log('|---:|---|---:|---:|---:|');
for (const n of treeSizes) {
  const matrix = all.matrix.subarray(0, n * all.d);
  for (const linkage of LINKAGES) {
    const ours = timed(() => {
      fitHierarchy(matrix, n, all.d, linkage, 'euclidean', 0, undefined, Infinity);
    });
    const theirs = withSklearn ? await sklearnSeconds('tree', matrix, n, all.d, linkage) : NaN;
    console.log(
      `| ${n} | ${linkage} | ${ours.toFixed(2)} | ${Number.isNaN(theirs) ? '' : theirs.toFixed(2)} | ${ratio(ours, theirs)} |`,
    );
  }
}
