import { join } from 'node:path';
import {
  benchInputs,
  machine,
  median,
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
import { benchShapes, parseShapeIds } from './shapesBench';

/**
 * npm run bench: the analysis core in node, stage by stage, against the same pipeline built
 * naively on ml-kmeans and ml-pca, and against pandas + scikit-learn, on the same seeded files
 * in the same invocation (each pipeline in its own process, for a fair peak memory).
 *   npm run bench -- --rows 10000,100000 --n-init 3 --no-sklearn --naive-max 100000 --file x.csv
 * With --shapes (all, or a list such as plain,quoted): the file shapes of bench/shapes.ts instead,
 * through the command line's session pipeline, at --rows (default 100,000), median of --runs (3).
 *   npm run bench -- --shapes --rows 100000 --runs 3
 */
const args = parseBenchArgs(process.argv.slice(2));
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
if (args.shapes !== null) {
  const runs = args.runsGiven ? args.runs : 3;
  const rowCounts = args.rowsGiven ? args.sizes : [100_000];
  console.log(
    `SegmentLens node benchmark by file shape, ${new Date().toISOString().slice(0, 10)}, ${machine()}, nInit ${args.nInit}, k = 1..10, silhouette on 5,000 rows, median of ${runs} run(s)\n`,
  );
  console.log(
    await benchShapes(parseShapeIds(args.shapes), rowCounts, runs, args.nInit, args.sklearn),
  );
  process.exit(0);
}
console.log(
  `SegmentLens node benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}, nInit ${args.nInit}, k = 1..10, silhouette on 5,000 rows, median of ${args.runs} run(s)\n`,
);
const rows: string[][] = [];
/** Per-key medians of several runs' stage times (the machine is shared and noisy). */
function medianRun<T extends PipelineRun>(runs: T[]): T {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.times_ms)))];
  return {
    ...runs[0],
    times_ms: Object.fromEntries(
      keys.map((key) => [key, median(runs.map((r) => r.times_ms[key]))]),
    ),
    peak_rss_mb: median(runs.map((r) => r.peak_rss_mb ?? NaN)),
  };
}

for (const input of await benchInputs(args)) {
  // The pipelines take turns, run after run, so that a busy moment of the machine hits all.
  const oursRuns: PipelineRun[] = [];
  const baselineRuns: number[] = [];
  const naiveRuns: PipelineRun[] = [];
  const sklearnRuns: PipelineRun[] = [];
  for (let r = 0; r < args.runs; r++) {
    oursRuns.push(
      JSON.parse(
        await run(tsx, [join(ROOT, 'bench', 'runOurs.ts'), input.path, String(args.nInit)]),
      ) as PipelineRun,
    );
    baselineRuns.push(
      (
        JSON.parse(await run(tsx, [join(ROOT, 'bench', 'runBaseline.ts'), input.path])) as {
          parse_ms: number;
        }
      ).parse_ms,
    );
    if (oursRuns[0].rows <= args.naiveMax)
      naiveRuns.push(
        JSON.parse(
          await run(tsx, [join(ROOT, 'bench', 'runNaive.ts'), input.path, String(args.nInit)]),
        ) as PipelineRun,
      );
    const sklearnRun = args.sklearn ? await runSklearn(input.path, args.nInit) : null;
    if (sklearnRun) sklearnRuns.push(sklearnRun);
  }
  const ours = medianRun(oursRuns);
  const baseline = { parse_ms: median(baselineRuns) };
  const naive = naiveRuns.length > 0 ? medianRun(naiveRuns) : null;
  const sklearn = sklearnRuns.length > 0 ? medianRun(sklearnRuns) : null;
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
    sklearn
      ? Math.max(
          ...oursRuns.map((r, i) => worstInertiaRatio(r.inertia, sklearnRuns[i].inertia)),
        ).toFixed(4)
      : '–',
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
    const oursRuns: (PipelineRun & { customers: number })[] = [];
    const pandasRuns: PipelineRun[] = [];
    for (let r = 0; r < args.runs; r++) {
      oursRuns.push(
        JSON.parse(await run(tsx, [join(ROOT, 'bench', 'runRfm.ts'), path])) as PipelineRun & {
          customers: number;
        },
      );
      const pandasRun = args.sklearn ? await runPandasRfm(path) : null;
      if (pandasRun) pandasRuns.push(pandasRun);
    }
    const ours = medianRun(oursRuns);
    const pandas = pandasRuns.length > 0 ? medianRun(pandasRuns) : null;
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
