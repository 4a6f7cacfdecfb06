import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { predictModels, type ModelKind } from '../src/core/classify/predictModels';
import { createRandom } from '../src/core/common/random';
import { fitImm } from '../src/core/explain/imm';
import { explainSegments } from '../src/core/explain/segmentTree';
import { BENCH_DIR } from './benchData';
import { machine, median, PYTHON, ROOT, run, table } from './common';

/**
 * Predict and explain, ours against scikit-learn (and ExKMC when it is on PYTHONPATH), on the
 * same seeded data in the same invocation, each run in its own process (for a fair peak memory),
 * medians of the runs:
 *
 * - predict: 100,000 customers x 20 features (ages, incomes, spends, counts, flags, noise) and a
 *   yes/no response; logistic regression, a depth-5 tree and a 100-tree forest on one 75/25
 *   stratified split (scikit-learn: StandardScaler + LogisticRegression(), DecisionTreeClassifier
 *   (max_depth=5), RandomForestClassifier(100), one thread each, on the same split);
 * - explain: 1,000,000 rows x 8 features in 5 segments (the nearest of 5 centres); the
 *   explanation tree on a 100,000-row sample (scikit-learn: DecisionTreeClassifier(max_depth=3)
 *   on the same training rows), and IMM on every row (ExKMC's Tree(5, "IMM")).
 *
 *   npx tsx bench/classify.ts [--runs 3] [--rows 100000] [--explain-rows 1000000] [--no-python]
 */
const FEATURES = 20;
const EXPLAIN_FEATURES = 8;
const SEGMENTS = 5;

interface Args {
  runs: number;
  rows: number;
  explainRows: number;
  python: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 3, rows: 100_000, explainRows: 1_000_000, python: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--rows') args.rows = Number(argv[++i]);
    else if (arg === '--explain-rows') args.explainRows = Number(argv[++i]);
    else if (arg === '--no-python') args.python = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

/** Seeded customers: 20 features of customer-like kinds and a response of about one in six. */
function predictData(rows: number) {
  const random = createRandom(15);
  const matrix = new Float64Array(rows * FEATURES);
  const target = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const u = () => random.next();
    const income = Math.round((15_000 + 110_000 * u() * u()) * 100) / 100;
    const recency = Math.floor(365 * u());
    const x = matrix.subarray(i * FEATURES, (i + 1) * FEATURES);
    x[0] = 18 + Math.floor(62 * u());
    x[1] = income;
    x[2] = recency;
    for (let f = 3; f < 9; f++) x[f] = Math.round((income / 1000) * u() * u() * 1000) / 100;
    for (let f = 9; f < 13; f++) x[f] = Math.floor(15 * u() * u());
    for (let f = 13; f < 17; f++) x[f] = u() < 0.1 + 0.05 * (f - 13) ? 1 : 0;
    x[17] = Math.floor(20 * u());
    x[18] = Math.floor(120 * u());
    x[19] = u();
    const logit =
      -2.2 +
      (income - 60_000) / 40_000 -
      (recency - 180) / 120 +
      0.8 * x[13] +
      0.6 * x[14] +
      0.08 * x[9] +
      x[3] / 800 -
      x[17] / 25 +
      (x[0] < 30 ? 0.4 : 0);
    target[i] = u() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { matrix, target };
}

/** Seeded rows around 5 centres, labelled by their nearest centre; the centres too. */
function explainData(rows: number) {
  const random = createRandom(16);
  const d = EXPLAIN_FEATURES;
  const centres = Float64Array.from({ length: SEGMENTS * d }, () => random.next() * 4 - 2);
  const matrix = new Float64Array(rows * d);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const from = random.int(SEGMENTS);
    for (let f = 0; f < d; f++) {
      const gauss =
        Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
      matrix[i * d + f] = centres[from * d + f] + 0.9 * gauss;
    }
    let best = 0;
    let bestDistance = Infinity;
    for (let s = 0; s < SEGMENTS; s++) {
      let distance = 0;
      for (let f = 0; f < d; f++) distance += (matrix[i * d + f] - centres[s * d + f]) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = s;
      }
    }
    labels[i] = best;
  }
  return { matrix, labels, centres };
}

const bytes = (array: Float64Array | Int32Array) =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function writeInputs(args: Args) {
  await mkdir(BENCH_DIR, { recursive: true });
  const predict = join(BENCH_DIR, `classify-${args.rows}x${FEATURES}`);
  if (!existsSync(`${predict}.target`)) {
    const { matrix, target } = predictData(args.rows);
    await writeFile(`${predict}.matrix`, bytes(matrix));
    await writeFile(`${predict}.target`, bytes(target));
  }
  const explain = join(BENCH_DIR, `explain-${args.explainRows}x${EXPLAIN_FEATURES}`);
  if (!existsSync(`${explain}.centres`)) {
    const { matrix, labels, centres } = explainData(args.explainRows);
    await writeFile(`${explain}.matrix`, bytes(matrix));
    await writeFile(`${explain}.labels`, bytes(labels));
    await writeFile(`${explain}.centres`, bytes(centres));
  }
  return { predict, explain };
}

async function readFloats(path: string): Promise<Float64Array> {
  const buffer = await readFile(path);
  return new Float64Array(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
  );
}

async function readInts(path: string): Promise<Int32Array> {
  const buffer = await readFile(path);
  return new Int32Array(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
  );
}

/** In a child process: our predict on the files; prints times (ms), figures and peak memory. */
async function childPredict(base: string) {
  const matrix = await readFloats(`${base}.matrix`);
  const target = await readInts(`${base}.target`);
  const n = target.length;
  const started = new Map<ModelKind, number>();
  const times: Record<string, number> = {};
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = predictModels(
    { matrix, n, d: FEATURES, target, classes: ['0', '1'] },
    {},
    (model, f) => {
      if (f === 0) started.set(model, performance.now());
      if (f === 1) times[model] = performance.now() - started.get(model)!;
    },
  );
  times.total = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time too: on a shared machine it says more about the code than the clock does.
  times.cpu = (cpu.user + cpu.system) / 1000;
  // The split, for scikit-learn to train and test on the very same rows.
  await writeFile(`${base}.train`, bytes(result.split.train));
  const figures = Object.fromEntries(
    result.models.map((m) => [m.model, { accuracy: m.accuracy, auc: m.rocAuc }]),
  );
  console.log(JSON.stringify({ times, figures, peak_mb: peakMb() }));
}

/** In a child process: our explanation (sampled) and IMM on every row. */
async function childExplain(base: string) {
  const matrix = await readFloats(`${base}.matrix`);
  const labels = await readInts(`${base}.labels`);
  const centres = await readFloats(`${base}.centres`);
  const n = labels.length;
  const d = EXPLAIN_FEATURES;
  const features = Array.from({ length: d }, (_, f) => ({
    kind: 'numeric' as const,
    column: `x${f}`,
    log1p: false,
  }));
  let start = performance.now();
  const explanation = explainSegments({
    matrix,
    n,
    d,
    features,
    segments: labels,
    segmentCount: SEGMENTS,
  });
  const explain = performance.now() - start;
  start = performance.now();
  const imm = fitImm({ matrix, n, d, centres, k: SEGMENTS, labels });
  const immTime = performance.now() - start;
  const train: number[] = [];
  for (let i = 0; i < n; i++) if (explanation.part[i] === 0) train.push(i);
  await writeFile(`${base}.train`, bytes(Int32Array.from(train)));
  console.log(
    JSON.stringify({
      times: { explain, imm: immTime },
      figures: {
        fidelity: explanation.fidelity.all,
        imm_cost: imm.cost,
        sample: explanation.sampleSize,
      },
      peak_mb: peakMb(),
    }),
  );
}

interface Run {
  times: Record<string, number>;
  figures: Record<string, unknown>;
  peak_mb: number;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    await (argv[1] === 'predict' ? childPredict(argv[2]) : childExplain(argv[2]));
    return;
  }
  const args = parseArgs(argv);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const self = join(ROOT, 'bench', 'classify.ts');
  const script = join(ROOT, 'bench', 'sklearn_classify.py');
  const python = args.python && existsSync(PYTHON) && (await hasSklearn());
  console.log(
    `SegmentLens classify benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}, median of ${args.runs} run(s)\n`,
  );
  const { predict, explain } = await writeInputs(args);
  const runs: Record<string, Run[]> = {
    ours: [],
    sklearn: [],
    oursExplain: [],
    sklearnExplain: [],
  };
  for (let r = 0; r < args.runs; r++) {
    // Ours first in each run: it writes the split scikit-learn then uses.
    runs.ours.push(JSON.parse(await run(tsx, [self, '--child', 'predict', predict])) as Run);
    if (python)
      runs.sklearn.push(JSON.parse(await run(PYTHON, [script, 'predict', predict])) as Run);
    runs.oursExplain.push(JSON.parse(await run(tsx, [self, '--child', 'explain', explain])) as Run);
    if (python)
      runs.sklearnExplain.push(JSON.parse(await run(PYTHON, [script, 'explain', explain])) as Run);
    console.error(`done: run ${r + 1}`);
  }
  const timeOf = (list: Run[], key: string) =>
    list.length === 0 ? NaN : median(list.map((x) => x.times[key]));
  const secondsOf = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
  const ratio = (a: number, b: number) => (Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : '–');
  const figure = (list: Run[], model: string) => {
    if (list.length === 0) return '–';
    const f = list[0].figures[model] as { accuracy: number; auc: number | null };
    return `${f.accuracy.toFixed(4)} / ${f.auc === null ? '–' : f.auc.toFixed(4)}`;
  };
  const rows = ['logistic', 'tree', 'forest', 'total', 'cpu'].map((key) => {
    const ours = timeOf(runs.ours, key);
    const theirs = timeOf(runs.sklearn, key);
    return [
      key === 'cpu' ? 'total CPU time' : key,
      secondsOf(ours),
      secondsOf(theirs),
      ratio(ours, theirs),
      key === 'total' || key === 'cpu' ? '' : figure(runs.ours, key),
      key === 'total' || key === 'cpu' ? '' : figure(runs.sklearn, key),
    ];
  });
  rows.push([
    'peak memory',
    `${median(runs.ours.map((x) => x.peak_mb))} MB`,
    python ? `${median(runs.sklearn.map((x) => x.peak_mb))} MB` : '–',
    '',
    '',
    '',
  ]);
  console.log(
    `Predict: ${args.rows.toLocaleString('en-US')} rows x ${FEATURES} features, 75/25 split\n`,
  );
  console.log(
    table(
      [
        'model',
        'ours (s)',
        'scikit-learn (s)',
        'ours / scikit-learn',
        'ours accuracy / AUC',
        'scikit-learn accuracy / AUC',
      ],
      rows,
    ),
  );
  const explainRows = [
    ['explanation tree (sample of 100,000, depth 3)', 'explain'],
    ['IMM threshold tree (every row)', 'imm'],
  ].map(([label, key]) => {
    const ours = timeOf(runs.oursExplain, key);
    const theirs = timeOf(runs.sklearnExplain, key);
    return [label, secondsOf(ours), secondsOf(theirs), ratio(ours, theirs)];
  });
  explainRows.push([
    'peak memory',
    `${median(runs.oursExplain.map((x) => x.peak_mb))} MB`,
    python ? `${median(runs.sklearnExplain.map((x) => x.peak_mb))} MB` : '–',
    '',
  ]);
  console.log(
    `\nExplain: ${args.explainRows.toLocaleString('en-US')} rows x ${EXPLAIN_FEATURES} features, ${SEGMENTS} segments (scikit-learn: the tree on the same training rows, and prediction of every row; ExKMC when on PYTHONPATH)\n`,
  );
  console.log(
    table(['stage', 'ours (s)', 'scikit-learn / ExKMC (s)', 'ours / theirs'], explainRows),
  );
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
