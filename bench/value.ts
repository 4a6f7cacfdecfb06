import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileSource } from '../src/cli/fileSource';
import { readCsv } from '../src/core/read/readCsv';
import { ONE_DAY_MS } from '../src/core/read/parseDate';
import { selectOrderLines } from '../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../src/core/rfm/transactionMapping';
import {
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdFit,
} from '../src/core/value/bgnbd';
import { defaultHoldoutStart, splitCalibrationHoldout } from '../src/core/value/calibration';
import { customerLifetimeValue } from '../src/core/value/clv';
import { expectedAverageSpend, fitGammaGamma } from '../src/core/value/gammaGamma';
import { simulateHistories } from '../src/core/value/simulate';
import { summarizeHistories, type CustomerHistories } from '../src/core/value/summary';
import { machine, median, PYTHON, ROOT, run, seconds, SHARED_RETAIL, table } from './common';

/**
 * Customer value, SegmentLens against the Python library lifetimes on the same inputs, in one
 * invocation: the UCI Online Retail year (order lines -> per-day histories, as both read them)
 * and histories drawn from BG/NBD and Gamma-Gamma (seeded, per whole day). Each side runs in its
 * own process (fair peak memory), `--runs` times; tables show medians.
 *   npx tsx bench/value.ts [--customers 100000,1000000] [--runs 3] [--no-python] [--no-retail]
 *                          [--python-max 1000000] [--orders FILE]
 * --orders takes another file of order lines with the UCI columns (CustomerID, InvoiceDate,
 * InvoiceNo, Quantity, UnitPrice) instead of ../shared's Online Retail year.
 * lifetimes is pure Python and not installed: set LIFETIMES_PATH to its source folder and
 * autograd's (as PYTHONPATH, colon-separated), or have them importable.
 */

interface Timings {
  customers: number;
  times_ms: Record<string, number>;
  peak_rss_mb: number;
  params: Record<string, number>;
  converged: boolean;
  progress_calls?: number;
  read_ms?: number;
}

/** Histories drawn for the benchmark: a year of daily data like the Online Retail fit. */
const DRAW = {
  params: { r: 0.8, alpha: 70, a: 0.05, b: 5 },
  spend: { p: 2, q: 3.5, v: 500 },
  minT: 1,
  maxT: 373,
  seed: 1,
};

function drawn(customers: number) {
  return simulateHistories(DRAW.params, {
    customers,
    seed: DRAW.seed,
    minT: DRAW.minT,
    maxT: DRAW.maxT,
    wholePeriods: true,
    spend: DRAW.spend,
  });
}

/** One run of the models on histories: BG/NBD, Gamma-Gamma, then every customer's figures. */
function score(histories: Pick<CustomerHistories, 'frequency' | 'recency' | 'T' | 'monetary'>) {
  const times: Record<string, number> = {};
  let since = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = now - since;
    since = now;
  };
  let progressCalls = 0;
  const bgnbd: BgNbdFit = fitBgNbd(histories, { penalizer: 0 }, () => progressCalls++);
  lap('bgnbd');
  const gammaGamma = fitGammaGamma(histories, { penalizer: 0 }, () => progressCalls++);
  lap('gamma_gamma');
  probabilityAlive(bgnbd, histories);
  expectedPurchases(bgnbd, histories, 90);
  const spend = expectedAverageSpend(gammaGamma, histories);
  customerLifetimeValue(bgnbd, histories, spend, {
    unit: 'days',
    horizonMonths: 12,
    monthlyDiscount: 0.01,
  });
  lap('score');
  const { r, alpha, a, b } = bgnbd;
  const { p, q, v } = gammaGamma;
  return {
    times,
    params: { r, alpha, a, b, p, q, v },
    converged: bgnbd.converged,
    progressCalls,
  };
}

/** The child process: ours on one input, `runs` times, one JSON line. */
async function child(kind: string, input: string, runs: number): Promise<Timings> {
  const all: Record<string, number>[] = [];
  let last: ReturnType<typeof score> | null = null;
  let customers = 0;
  let readMs: number | undefined;
  if (kind === 'orders') {
    const start = performance.now();
    const { source, close } = await fileSource(input);
    const lines = selectOrderLines(await readCsv(source), {
      mapping: {
        ...EMPTY_MAPPING,
        customer: 'CustomerID',
        date: 'InvoiceDate',
        order: 'InvoiceNo',
        quantity: 'Quantity',
        price: 'UnitPrice',
      },
      dateOrder: null,
    });
    await close();
    readMs = performance.now() - start;
    const observationEnd = lines.lastOrder + ONE_DAY_MS;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const histories = summarizeHistories(lines, { unit: 'days', observationEnd });
      const summaryMs = performance.now() - t;
      last = score(histories);
      const h = performance.now();
      const split = splitCalibrationHoldout(lines, {
        unit: 'days',
        holdoutStart: defaultHoldoutStart(lines.firstOrder, observationEnd),
        observationEnd,
      });
      fitBgNbd(split.calibration);
      const holdoutMs = performance.now() - h;
      customers = histories.customer.length;
      all.push({ summary: summaryMs, ...last.times, holdout: holdoutMs });
    }
  } else {
    const histories = drawn(Number(input));
    customers = histories.frequency.length;
    for (let i = 0; i < runs; i++) {
      last = score(histories);
      all.push(last.times);
    }
  }
  const keys = Object.keys(all[0]);
  const times_ms = Object.fromEntries(keys.map((k) => [k, median(all.map((t) => t[k]))]));
  times_ms.total = median(
    all.map((t) => keys.filter((k) => k !== 'holdout').reduce((sum, k) => sum + t[k], 0)),
  );
  return {
    customers,
    times_ms,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    params: last!.params,
    converged: last!.converged,
    progress_calls: last!.progressCalls,
    read_ms: readMs,
  };
}

async function lifetimes(args: string[], runs: number): Promise<Timings | null> {
  const script = join(ROOT, 'bench', 'lifetimes_value.py');
  try {
    const out = await run(PYTHON, [script, ...args, '--runs', String(runs)], 3_600_000);
    return JSON.parse(out.trim().split('\n').at(-1)!) as Timings;
  } catch (error) {
    console.error(`lifetimes did not run: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

function parseArgs(argv: string[]) {
  const args = {
    customers: [100_000, 1_000_000],
    runs: 3,
    python: true,
    pythonMax: 1_000_000,
    orders: existsSync(SHARED_RETAIL) ? SHARED_RETAIL : null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--customers') args.customers = argv[++i].split(',').map(Number);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--no-python') args.python = false;
    else if (arg === '--python-max') args.pythonMax = Number(argv[++i]);
    else if (arg === '--no-retail') args.orders = null;
    else if (arg === '--orders') args.orders = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

const relativeGap = (ours: Record<string, number>, theirs: Record<string, number>) =>
  Math.max(...Object.keys(theirs).map((k) => Math.abs(ours[k] / theirs[k] - 1)));

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(await child(argv[1], argv[2], Number(argv[3]))) + '\n');
    return;
  }
  const args = parseArgs(argv);
  // The Python child inherits it.
  if (process.env.LIFETIMES_PATH) process.env.PYTHONPATH = process.env.LIFETIMES_PATH;
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const self = join(ROOT, 'bench', 'value.ts');
  const ours = async (kind: string, input: string) =>
    JSON.parse(
      await run(tsx, [self, '--child', kind, input, String(args.runs)], 3_600_000),
    ) as Timings;
  console.log(
    `SegmentLens customer value against lifetimes, ${new Date().toISOString().slice(0, 10)}, ${machine()}, median of ${args.runs} run(s); times in seconds\n`,
  );
  const header = ['input', 'customers', 'stage', 'SegmentLens', 'lifetimes', 'lifetimes / ours'];
  const rows: string[][] = [];
  const notes: string[] = [];
  const addRows = (label: string, mine: Timings, theirs: Timings | null) => {
    const stages = ['summary', 'bgnbd', 'gamma_gamma', 'score', 'total'].filter(
      (s) => s in mine.times_ms,
    );
    for (const stage of stages) {
      const a = mine.times_ms[stage];
      const b = theirs?.times_ms[stage];
      rows.push([
        label,
        mine.customers.toLocaleString('en-US'),
        stage,
        seconds(a),
        seconds(b),
        b === undefined ? '–' : `${(b / a).toFixed(1)}x`,
      ]);
    }
    notes.push(
      `${label}, ${mine.customers.toLocaleString('en-US')} customers: peak memory ${mine.peak_rss_mb} MB ours, ${theirs?.peak_rss_mb ?? '–'} MB lifetimes; ` +
        `BG/NBD ${mine.converged ? 'converged' : 'did not converge'}; ` +
        `${mine.progress_calls} progress calls` +
        (theirs
          ? `; largest relative gap in the parameters ${relativeGap(mine.params, theirs.params).toExponential(1)}`
          : '') +
        (mine.times_ms.holdout === undefined
          ? ''
          : `; holdout check (ours) ${seconds(mine.times_ms.holdout)} s`) +
        (mine.read_ms === undefined
          ? ''
          : `; reading the file ${seconds(mine.read_ms)} s ours, ${seconds(theirs?.read_ms)} s pandas`),
    );
  };
  if (args.orders !== null) {
    try {
      const mine = await ours('orders', args.orders);
      const theirs = args.python ? await lifetimes(['--orders', args.orders], args.runs) : null;
      addRows(basename(args.orders), mine, theirs);
    } catch (error) {
      // A file the models cannot use (one day of orders has no repeat purchase) says why.
      const reason = /UserError: (.*)/.exec((error as Error).message)?.[1] ?? error;
      notes.push(`${basename(args.orders)}: not measured: ${reason}`);
    }
  }
  const folder = mkdtempSync(join(tmpdir(), 'segmentlens-value-'));
  try {
    for (const customers of args.customers) {
      const mine = await ours('drawn', String(customers));
      let theirs: Timings | null = null;
      if (args.python && customers <= args.pythonMax) {
        const h = drawn(customers);
        const path = join(folder, `histories-${customers}.csv`);
        const csv = ['frequency,recency,T,monetary_value'];
        for (let i = 0; i < customers; i++) {
          csv.push(`${h.frequency[i]},${h.recency[i]},${h.T[i]},${h.monetary[i]}`);
        }
        writeFileSync(path, csv.join('\n') + '\n');
        theirs = await lifetimes(['--summary', path], args.runs);
      }
      addRows(`drawn from BG/NBD (days)`, mine, theirs);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(table(header, rows));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
}

await main();
