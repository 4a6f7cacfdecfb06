import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openSession } from '../src/cli/openSession';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import type { ForestJob, ForestPart } from '../src/core/classify/randomForest';
import { createRandom } from '../src/core/common/random';
import type { ExplainRequest } from '../src/core/session/explainRequest';
import {
  explainView,
  explanationFor,
  forgetExplanations,
} from '../src/core/session/explainSession';
import { bySegment } from '../src/core/session/predictSegments';
import type { ForestRunner } from '../src/core/session/predictForest';
import { defaultPredictRequest } from '../src/core/session/predictRequest';
import {
  forgetPredictions,
  predictData,
  predictView,
  trainedModels,
} from '../src/core/session/predictSession';
import type { AnalysisSession, SegmentationRequest } from '../src/core/session/session';
import { BENCH_DIR, benchFile } from './benchData';
import { machine, median, PYTHON, ROOT, run, table } from './common';

/**
 * The session's explain and predict views, timed as the page's worker runs them (node, one
 * thread unless said), each part in its own process (for a fair peak memory), medians of the
 * runs, against scikit-learn (and ExKMC when it is on PYTHONPATH) on the very same rows and split
 * (bench/sklearn_classify.py, one thread):
 *
 * - explain: a generated 1,000,000-row file of 8 numeric features in 6 clusters (bench/benchData.ts)
 *   segmented by k-means at k = 6 (not timed: the page has it); the explanation tree (depth 3, on
 *   a seeded 100,000-row sample, every row measured), the same at depth 4 (the sample kept), and
 *   IMM's threshold tree on every row;
 * - predict: a generated 100,000-row file of 20 numeric features and a yes/no response, the three
 *   models on one split (100 trees), on one thread, then with the forest's two halves grown on
 *   two worker_threads (the page's worker and a helper would do the same);
 * - marketing_campaign (../shared): the explain view (tree and IMM) of the analysis's default
 *   segmentation, the predict view of Response, and its rates per segment.
 *
 *   npx tsx bench/classifySession.ts [--runs 3] [--explain-rows 1000000] [--predict-rows 100000]
 *     [--no-python] [--parts explain,predict,threads,marketing]
 *   PYTHONPATH=/path/to/ExKMC:/path/to/ExKMC/ExKMC/splitters npx tsx bench/classifySession.ts
 */
const PREDICT_FEATURES = 20;
const EXPLAIN_K = 6;
const MARKETING = join(ROOT, '..', 'shared', 'datasets', 'marketing_campaign_tab.csv');

interface Args {
  runs: number;
  explainRows: number;
  predictRows: number;
  python: boolean;
  parts: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    runs: 3,
    explainRows: 1_000_000,
    predictRows: 100_000,
    python: true,
    parts: ['explain', 'predict', 'threads', 'marketing'],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--explain-rows') args.explainRows = Number(argv[++i]);
    else if (arg === '--predict-rows') args.predictRows = Number(argv[++i]);
    else if (arg === '--no-python') args.python = false;
    else if (arg === '--parts') args.parts = argv[++i].split(',');
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

/** Seeded customers: 20 numeric features and a response of about one in six, as a CSV file. */
async function predictFile(rows: number): Promise<string> {
  await mkdir(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `predict-${rows}x${PREDICT_FEATURES}.csv`);
  if (existsSync(path)) return path;
  const random = createRandom(15);
  const u = () => random.next();
  const names = [
    'age',
    'income',
    'recency',
    ...Array.from({ length: 6 }, (_, j) => `spend_${j + 1}`),
    ...Array.from({ length: 4 }, (_, j) => `orders_${j + 1}`),
    ...Array.from({ length: 4 }, (_, j) => `flag_${j + 1}`),
    'tenure',
    'visits',
    'noise',
    'response',
  ];
  const out = createWriteStream(`${path}.partial`);
  out.write(names.join(',') + '\n');
  for (let i = 0; i < rows; i++) {
    const x = new Array<number>(PREDICT_FEATURES);
    const income = Math.round((15_000 + 110_000 * u() * u()) * 100) / 100;
    x[0] = 18 + Math.floor(62 * u());
    x[1] = income;
    x[2] = Math.floor(365 * u());
    for (let f = 3; f < 9; f++) x[f] = Math.round((income / 1000) * u() * u() * 1000) / 100;
    for (let f = 9; f < 13; f++) x[f] = Math.floor(15 * u() * u());
    for (let f = 13; f < 17; f++) x[f] = u() < 0.1 + 0.05 * (f - 13) ? 1 : 0;
    x[17] = Math.floor(20 * u());
    x[18] = Math.floor(120 * u());
    x[19] = Math.round(u() * 1e6) / 1e6;
    const logit =
      -2.2 +
      (income - 60_000) / 40_000 -
      (x[2] - 180) / 120 +
      0.8 * x[13] +
      0.6 * x[14] +
      0.08 * x[9] +
      x[3] / 800 -
      x[17] / 25 +
      (x[0] < 30 ? 0.4 : 0);
    const response = u() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    if (!out.write(`${x.join(',')},${response}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  await rename(`${path}.partial`, path);
  return path;
}

const bytes = (array: Float64Array | Int32Array) =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const quiet = () => {};

/** Wall time, and CPU time of every thread of the process (the machine may be shared and busy). */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await work();
  const cpu = process.cpuUsage(cpuStart);
  return { value, ms: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
}

/** In a child: the explain views of a generated file's k-means, and the files for Python. */
async function childExplain(rows: number, runs: number) {
  const { path } = await benchFile(rows);
  const session = await openSession(path, {}, quiet);
  const segmentation: SegmentationRequest = {
    options: { ...DEFAULT_ANALYSIS_OPTIONS, k: EXPLAIN_K, kMax: EXPLAIN_K, nInit: 1 },
    rfm: null,
  };
  const setup = await timed(() => session.segmentation(segmentation));
  const request: ExplainRequest = {
    segmentation,
    k: EXPLAIN_K,
    method: 'tree',
    depth: 3,
    minRowsPerLeaf: null,
  };
  const times: Record<string, number[]> = { tree: [], deeper: [], imm: [] };
  const cpu: Record<string, number[]> = { tree: [], deeper: [], imm: [] };
  let figures: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    forgetExplanations(session);
    const tree = await timed(() => explainView(session, request));
    const deeper = await timed(() => explainView(session, { ...request, depth: 4 }));
    const imm = await timed(() => explainView(session, { ...request, method: 'imm' }));
    for (const [key, took] of [
      ['tree', tree],
      ['deeper', deeper],
      ['imm', imm],
    ] as const) {
      times[key].push(took.ms);
      cpu[key].push(took.cpu);
    }
    figures = {
      rows: tree.value.rows.explained,
      sample: tree.value.rows.sample,
      fidelity: tree.value.tree!.fidelity.all,
      immRatio: imm.value.imm!.ratio ?? NaN,
    };
  }
  // The very rows, segments and training rows, for scikit-learn and ExKMC.
  const { stage, explanation } = await explanationFor(session, request);
  const base = join(BENCH_DIR, `explain-session-${rows}`);
  const train: number[] = [];
  explanation!.part.forEach((part, i) => part === 0 && train.push(i));
  await writeFile(`${base}.matrix`, bytes(stage.input.matrix));
  await writeFile(`${base}.labels`, bytes(Int32Array.from(stage.result.labels)));
  await writeFile(`${base}.centres`, bytes(stage.result.centroidsOriginal));
  await writeFile(`${base}.train`, bytes(Int32Array.from(train)));
  console.log(JSON.stringify({ base, setup: setup.ms, times, cpu, figures, peak_mb: peakMb() }));
}

/** Two worker threads that grow a forest's halves (the arrays come back moved), once loaded. */
async function twoThreads(): Promise<{ runner: ForestRunner; close: () => Promise<void> }> {
  const script = new URL('./forestThread.ts', import.meta.url).href;
  const workers = [0, 1].map(
    () =>
      new Worker(
        `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(script)});`,
        { eval: true },
      ),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        }),
    ),
  );
  const ask = (worker: Worker, job: ForestJob) =>
    new Promise<ForestPart>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(job);
    });
  return {
    runner: async (job, onProgress) => {
      const middle = Math.ceil(job.to / 2);
      const parts = await Promise.all([
        ask(workers[0], { ...job, to: middle }),
        ask(workers[1], { ...job, from: middle }),
      ]);
      onProgress(1);
      return parts;
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** In a child: the predict view of a generated file, on one thread or two, and the files for Python. */
async function childPredict(rows: number, runs: number, threads: boolean) {
  const path = await predictFile(rows);
  const session = await openSession(path, {}, quiet);
  const request = defaultPredictRequest(session, 'response');
  const pool = threads ? await twoThreads() : null;
  const times: Record<string, number[]> = { total: [], logistic: [], tree: [], forest: [] };
  const cpu: Record<string, number[]> = { total: [] };
  let figures: Record<string, number | null> = {};
  try {
    for (let r = 0; r < runs; r++) {
      forgetPredictions(session);
      const took = await timed(() =>
        predictView(session, request, undefined, pool === null ? {} : { forest: pool.runner }),
      );
      const view = took.value;
      times.total.push(took.ms);
      cpu.total.push(took.cpu);
      for (const model of view.models) times[model.model].push(model.trainingMs);
      figures = Object.fromEntries(
        view.models.flatMap((m) => [
          [`${m.model}_accuracy`, m.accuracy],
          [`${m.model}_auc`, m.rocAuc],
        ]),
      );
    }
  } finally {
    await pool?.close();
  }
  const data = predictData(session, request);
  if (data.input.d !== PREDICT_FEATURES) throw new Error(`${data.input.d} features, not 20`);
  const { split } = await trainedModels(session, request, data);
  const base = join(BENCH_DIR, `predict-session-${rows}`);
  await writeFile(`${base}.matrix`, bytes(data.input.matrix));
  await writeFile(`${base}.target`, bytes(data.input.target));
  await writeFile(`${base}.train`, bytes(split.train));
  console.log(
    JSON.stringify({
      base,
      times,
      cpu,
      figures,
      peak_mb: peakMb(),
    }),
  );
}

/** In a child: the three views on marketing_campaign. */
async function childMarketing(runs: number) {
  const session: AnalysisSession = await openSession(MARKETING, {}, quiet);
  const segmentation: SegmentationRequest = { options: DEFAULT_ANALYSIS_OPTIONS, rfm: null };
  const setup = await timed(() => session.segmentation(segmentation));
  const k = setup.value.k;
  const explain: ExplainRequest = {
    segmentation,
    k,
    method: 'tree',
    depth: 3,
    minRowsPerLeaf: null,
  };
  const predict = defaultPredictRequest(session, 'Response');
  const times: Record<string, number[]> = { tree: [], imm: [], predict: [], rates: [] };
  const cpu: Record<string, number[]> = { tree: [], imm: [], predict: [], rates: [] };
  const record = (key: string, took: { ms: number; cpu: number }) => {
    times[key].push(took.ms);
    cpu[key].push(took.cpu);
  };
  for (let r = 0; r < runs; r++) {
    forgetExplanations(session);
    forgetPredictions(session);
    record('tree', await timed(() => explainView(session, explain)));
    record('imm', await timed(() => explainView(session, { ...explain, method: 'imm' })));
    record('predict', await timed(() => predictView(session, predict)));
    record('rates', await timed(() => bySegment(session, predict, segmentation, k)));
  }
  console.log(JSON.stringify({ setup: setup.ms, k, times, cpu, peak_mb: peakMb() }));
}

interface ChildRun {
  base?: string;
  setup?: number;
  k?: number;
  times: Record<string, number[]>;
  cpu: Record<string, number[]>;
  figures?: Record<string, number | null>;
  peak_mb: number;
}

interface PythonRun {
  times: Record<string, number>;
  figures: Record<string, unknown>;
  peak_mb: number;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, kind, rows, runs] = argv;
    if (kind === 'explain') await childExplain(Number(rows), Number(runs));
    else if (kind === 'marketing') await childMarketing(Number(runs));
    else await childPredict(Number(rows), Number(runs), kind === 'threads');
    return;
  }
  const args = parseArgs(argv);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const self = join(ROOT, 'bench', 'classifySession.ts');
  const script = join(ROOT, 'bench', 'sklearn_classify.py');
  const python = args.python && existsSync(PYTHON) && (await hasSklearn());
  // The machine may be shared: its load says how far wall times stand above CPU times.
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  console.log(
    `SegmentLens explain and predict views, ${new Date().toISOString().slice(0, 10)}, ${machine()}, load average ${load} at the start, median of ${args.runs} run(s)\n`,
  );
  const child = async (kind: string, rows: number) =>
    JSON.parse(
      await run(tsx, [self, '--child', kind, String(rows), String(args.runs)], 60 * 60_000),
    ) as ChildRun;
  const pythonRun = async (kind: 'predict' | 'explain', base: string) => {
    if (!python) return null;
    const results: PythonRun[] = [];
    for (let r = 0; r < args.runs; r++)
      results.push(JSON.parse(await run(PYTHON, [script, kind, base])) as PythonRun);
    return results;
  };
  const s = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
  const ratio = (a: number, b: number) => (Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : '–');
  const theirs = (list: PythonRun[] | null, key: string) =>
    list === null || list[0].times[key] === undefined ? NaN : median(list.map((x) => x.times[key]));

  if (args.parts.includes('explain')) {
    const ours = await child('explain', args.explainRows);
    const py = await pythonRun('explain', ours.base!);
    const rows = [
      ['explanation tree, depth 3 (sample of 100,000; every row measured)', 'tree', 'explain'],
      ['the same at depth 4 (the sample kept)', 'deeper', ''],
      ['IMM threshold tree (every row)', 'imm', 'imm'],
    ].map(([label, key, their]) => {
      const mine = median(ours.times[key]);
      const other = their === '' ? NaN : theirs(py, their);
      return [label, s(mine), s(median(ours.cpu[key])), s(other), ratio(mine, other)];
    });
    rows.push([
      'peak memory',
      `${ours.peak_mb} MB`,
      '',
      py === null ? '–' : `${median(py.map((x) => x.peak_mb))} MB`,
      '',
    ]);
    console.log(
      `Explain: ${args.explainRows.toLocaleString('en-US')} rows x 8 features, k-means k = ${EXPLAIN_K} (${s(ours.setup!)} s, not timed below); fidelity ${ours.figures!.fidelity?.toFixed(4)}, IMM cost ratio ${ours.figures!.immRatio?.toFixed(4)}\n`,
    );
    console.log(
      table(
        ['view', 'ours (s)', 'ours, CPU (s)', 'scikit-learn / ExKMC (s)', 'ours / theirs'],
        rows,
      ),
    );
  }

  if (args.parts.includes('predict') || args.parts.includes('threads')) {
    const one = args.parts.includes('predict') ? await child('predict', args.predictRows) : null;
    const two = args.parts.includes('threads') ? await child('threads', args.predictRows) : null;
    const base = (one ?? two)!.base!;
    const py = await pythonRun('predict', base);
    const cell = (runOf: ChildRun | null, key: string) =>
      runOf === null ? NaN : median(runOf.times[key]);
    const rows = ['logistic', 'tree', 'forest', 'total'].map((key) => {
      const other = theirs(py, key);
      return [
        key === 'total' ? 'the view (cleaning, split, three models)' : key,
        s(cell(one, key)),
        s(cell(two, key)),
        s(other),
        ratio(cell(one, key), other),
      ];
    });
    rows.push([
      'the view, CPU time of all threads',
      one === null ? '–' : s(median(one.cpu.total)),
      two === null ? '–' : s(median(two.cpu.total)),
      s(theirs(py, 'cpu')),
      '',
    ]);
    rows.push([
      'peak memory',
      one === null ? '–' : `${one.peak_mb} MB`,
      two === null ? '–' : `${two.peak_mb} MB`,
      py === null ? '–' : `${median(py.map((x) => x.peak_mb))} MB`,
      '',
    ]);
    const figures = (one ?? two)!.figures!;
    console.log(
      `\nPredict: ${args.predictRows.toLocaleString('en-US')} rows x ${PREDICT_FEATURES} features, 75/25 split, 100 trees; test accuracy / AUC: logistic ${figures.logistic_accuracy?.toFixed(4)} / ${figures.logistic_auc?.toFixed(4)}, tree ${figures.tree_accuracy?.toFixed(4)} / ${figures.tree_auc?.toFixed(4)}, forest ${figures.forest_accuracy?.toFixed(4)} / ${figures.forest_auc?.toFixed(4)}\n`,
    );
    console.log(
      table(
        [
          'model',
          'ours, one thread (s)',
          'ours, forest halves on two threads (s)',
          'scikit-learn, one thread (s)',
          'ours (one thread) / scikit-learn',
        ],
        rows,
      ),
    );
  }

  if (args.parts.includes('marketing') && existsSync(MARKETING)) {
    const ours = await child('marketing', 0);
    console.log(
      `\nmarketing_campaign (2,240 rows): the analysis's default segmentation (k = ${ours.k}, ${s(ours.setup!)} s, not timed below)\n`,
    );
    console.log(
      table(
        ['view', 'ours (s)', 'ours, CPU (s)'],
        [
          ['explain: decision tree, depth 3', 'tree'],
          ['explain: IMM threshold tree', 'imm'],
          ['predict Response: three models', 'predict'],
          ['Response per segment (the models kept)', 'rates'],
        ]
          .map(([label, key]) => [label, s(median(ours.times[key])), s(median(ours.cpu[key]))])
          .concat([['peak memory', `${ours.peak_mb} MB`, '']]),
      ),
    );
  }
}

async function hasSklearn(): Promise<boolean> {
  try {
    await run(PYTHON, ['-c', 'import sklearn, numpy']);
    return true;
  } catch {
    return false;
  }
}

await main();
