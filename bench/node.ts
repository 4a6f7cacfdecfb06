import { join } from 'node:path';
import {
  benchInputs,
  machine,
  parseBenchArgs,
  ROOT,
  run,
  runPandasRfm,
  runSklearn,
  seconds,
  table,
  worstInertiaRatio,
  type PipelineRun,
} from './common';

/**
 * npm run bench: the analysis core in node, stage by stage, against the same pipeline built
 * naively on ml-kmeans and ml-pca, and against pandas + scikit-learn, on the same seeded files
 * in the same invocation (each pipeline in its own process, for a fair peak memory).
 *   npm run bench -- --rows 10000,100000 --n-init 3 --no-sklearn --naive-max 100000 --file x.csv
 */
const args = parseBenchArgs(process.argv.slice(2));
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
console.log(
  `SegmentLens node benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}, nInit ${args.nInit}, k = 1..10, silhouette on 5,000 rows\n`,
);
const rows: string[][] = [];
for (const input of await benchInputs(args)) {
  const ours = JSON.parse(
    await run(tsx, [join(ROOT, 'bench', 'runOurs.ts'), input.path, String(args.nInit)]),
  ) as PipelineRun;
  const baseline = JSON.parse(
    await run(tsx, [join(ROOT, 'bench', 'runBaseline.ts'), input.path]),
  ) as { parse_ms: number };
  const naive =
    ours.rows <= args.naiveMax
      ? (JSON.parse(
          await run(tsx, [join(ROOT, 'bench', 'runNaive.ts'), input.path, String(args.nInit)]),
        ) as PipelineRun)
      : null;
  const sklearn = args.sklearn ? await runSklearn(input.path, args.nInit) : null;
  const t = ours.times_ms;
  rows.push([
    `${input.label} (${(input.bytes / 1e6).toFixed(1)} MB)`,
    `${seconds(t.parse)} (baseline ${seconds(baseline.parse_ms)})`,
    seconds((t.infer ?? 0) + (t.clean ?? 0)),
    seconds(t.scale),
    seconds(t.pca),
    seconds(t.cluster),
    seconds(t.silhouette),
    seconds(t.total),
    `${ours.peak_rss_mb} MB`,
    naive
      ? `${seconds(naive.times_ms.total)} s (${(t.total / naive.times_ms.total).toFixed(2)}x)`
      : 'not run (too slow)',
    sklearn
      ? `${seconds(sklearn.times_ms.total)} s (${(t.total / sklearn.times_ms.total).toFixed(2)}x)`
      : 'not installed',
    sklearn ? worstInertiaRatio(ours.inertia, sklearn.inertia).toFixed(4) : '–',
  ]);
  console.error(`done: ${input.label}`);
}
console.log(
  table(
    [
      'data',
      'parse',
      'infer + clean',
      'scale',
      'PCA',
      'elbow (k-means, profiles)',
      'silhouette sample',
      'total (s)',
      'peak memory',
      'naive (ml-kmeans, ml-pca)',
      'scikit-learn',
      'worst inertia / sklearn',
    ],
    rows,
  ),
);

if (args.rfm.length > 0) {
  const rfmRows: string[][] = [];
  for (const path of args.rfm) {
    const ours = JSON.parse(
      await run(tsx, [join(ROOT, 'bench', 'runRfm.ts'), path]),
    ) as PipelineRun & { customers: number };
    const pandas = args.sklearn ? await runPandasRfm(path) : null;
    const t = ours.times_ms;
    rfmRows.push([
      `${path.split('/').pop()} (${ours.rows.toLocaleString('en-US')} lines, ${ours.customers.toLocaleString('en-US')} customers)`,
      seconds(t.parse),
      seconds((t.infer ?? 0) + (t.rfm ?? 0)),
      seconds(t.tables),
      seconds(t.cluster),
      seconds(t.total),
      `${ours.peak_rss_mb} MB`,
      pandas
        ? `${seconds(pandas.times_ms.tables)} / ${seconds(pandas.times_ms.total)} (${(t.total / pandas.times_ms.total).toFixed(2)}x)`
        : 'not installed',
    ]);
    console.error(`done: RFM ${path}`);
  }
  console.log(
    '\n' +
      table(
        [
          'RFM (order lines)',
          'parse',
          'kinds + RFM',
          'RFM tables (s)',
          'k-means on RFM, k = 1..10',
          'total (s)',
          'peak memory',
          'pandas + scikit-learn: tables / total (s)',
        ],
        rfmRows,
      ),
  );
}
