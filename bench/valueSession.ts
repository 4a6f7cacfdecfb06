import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import { fileSource } from '../src/cli/fileSource';
import { createRandom } from '../src/core/common/random';
import { defaultSegmentMap, nameSegments } from '../src/core/rfm/rfmSegments';
import { AnalysisSession } from '../src/core/session/session';
import { atRiskExport, valueExport } from '../src/core/session/valueExports';
import {
  customerValueView,
  DEFAULT_VALUE_REQUEST,
  valueByGroupView,
  valueColumns,
  type ValueRequest,
} from '../src/core/session/valueSession';
import { simulateHistories } from '../src/core/value/simulate';
import { englishText } from '../src/i18n/formatMessage';
import { machine, median, PYTHON, ROOT, run, seconds, SHARED_RETAIL, table } from './common';

/**
 * Customer value as the session serves the page and the command line, on order lines: the UCI
 * Online Retail year and order lines drawn from BG/NBD and Gamma-Gamma for many customers
 * (seeded; one line per purchase, in the UCI layout). Each run opens a fresh session and times,
 * after the order lines and RFM the page already has: the fits and scores with their view, the
 * default holdout check, value per RFM segment, the per-customer columns, and the two exports.
 * lifetimes runs summary_data_from_transaction_data, both fits and the scores on the same file
 * (bench/lifetimes_value.py). Each side runs in its own process (fair peak memory).
 *   npx tsx bench/valueSession.ts [--customers 1000000] [--runs 3] [--no-python] [--no-retail]
 *                                 [--python-max 1000000] [--orders FILE]
 * lifetimes is pure Python and not installed: set LIFETIMES_PATH to its source folder and
 * autograd's (as PYTHONPATH, colon-separated), or have them importable.
 */

interface Timings {
  customers: number;
  lines: number;
  times_ms: Record<string, number>;
  peak_rss_mb: number;
  open_ms: number;
  progress_calls: number;
  /** Longest wait between two progress reports of the fits and the holdout check. */
  longest_silence_ms: number;
  converged: boolean;
}

/** Stages the Customer value section waits for once RFM is known. */
const PAGE_STAGES = ['fit_score', 'holdout', 'by_segment', 'columns'];

/** Histories drawn as in bench/value.ts: a year of daily data like the Online Retail fit. */
const DRAW = {
  params: { r: 0.8, alpha: 70, a: 0.05, b: 5 },
  spend: { p: 2, q: 3.5, v: 500 },
  minT: 1,
  maxT: 373,
  seed: 1,
};

/**
 * Order lines whose per-day summary is the drawn histories': each customer's first purchase T
 * days before the last day, the last one `recency` days after it, the others on distinct days
 * between; repeat purchases spend about the drawn mean. Written in the UCI layout.
 */
async function writeDrawnOrders(path: string, customers: number): Promise<number> {
  const h = simulateHistories(DRAW.params, {
    customers,
    seed: DRAW.seed,
    minT: DRAW.minT,
    maxT: DRAW.maxT,
    wholePeriods: true,
    spend: DRAW.spend,
  });
  const random = createRandom(DRAW.seed + 1);
  const lastDay = Date.UTC(2011, 11, 9) / 86_400_000;
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n');
  let invoice = 500_000;
  let lines = 0;
  let chunk = '';
  for (let c = 0; c < customers; c++) {
    const first = lastDay - h.T[c];
    const days = new Set<number>([first]);
    if (h.frequency[c] > 0) days.add(first + h.recency[c]);
    while (days.size < h.frequency[c] + 1) days.add(first + 1 + random.int(h.recency[c] - 1));
    const mean = h.frequency[c] > 0 ? h.monetary[c] : 20 + 40 * random.next();
    for (const day of [...days].sort((a, b) => a - b)) {
      const date = new Date(day * 86_400_000 + 36_000_000).toISOString();
      const price = (mean * (0.5 + random.next())).toFixed(2);
      chunk += `${invoice++},P${random.int(500)},1,${date.slice(0, 10)} ${date.slice(11, 19)},${price},${10_000 + c}\n`;
      lines++;
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return lines;
}

/** The child process: `runs` fresh sessions on one file, one JSON line of medians. */
async function child(path: string, runs: number): Promise<Timings> {
  const all: Record<string, number>[] = [];
  let last: Omit<Timings, 'times_ms' | 'peak_rss_mb'> | null = null;
  const opens: number[] = [];
  for (let i = 0; i < runs; i++) {
    let since = performance.now();
    const times: Record<string, number> = {};
    const lap = (name: string) => {
      const now = performance.now();
      times[name] = now - since;
      since = now;
    };
    const { source, close } = await fileSource(path);
    const session = await AnalysisSession.open(source, basename(path), {});
    await close();
    opens.push(performance.now() - since);
    since = performance.now();
    const mapping = session.summary().transactions.mapping;
    const rfm = { mapping, dateOrder: null, snapshot: null };
    const { lines } = session.linesAndRfm(rfm);
    lap('rfm');
    const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm };
    let calls = 0;
    let lastCall = performance.now();
    let silence = 0;
    const onProgress = () => {
      const now = performance.now();
      silence = Math.max(silence, now - lastCall);
      lastCall = now;
      calls++;
    };
    // Without the holdout first, so that this stage is what lifetimes does; then the holdout.
    const view = customerValueView(session, { ...request, holdout: 'none' }, onProgress);
    lap('fit_score');
    lastCall = performance.now();
    customerValueView(session, request, onProgress);
    lap('holdout');
    const map = nameSegments(defaultSegmentMap('rf-grid'), englishText);
    await valueByGroupView(session, request, { kind: 'rfm', map });
    lap('by_segment');
    valueColumns(session, request);
    lap('columns');
    await valueExport(session, request, { map, clusters: null }, englishText);
    atRiskExport(session, request, map, englishText);
    lap('exports');
    times.page = PAGE_STAGES.reduce((sum, stage) => sum + times[stage], 0);
    all.push(times);
    last = {
      customers: view.totals.customers,
      lines: lines.count,
      open_ms: 0,
      progress_calls: calls,
      longest_silence_ms: silence,
      converged: view.bgnbd.converged,
    };
  }
  const keys = Object.keys(all[0]);
  return {
    ...last!,
    open_ms: median(opens),
    times_ms: Object.fromEntries(keys.map((k) => [k, median(all.map((t) => t[k]))])),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

interface LifetimesTimings {
  customers: number;
  read_ms: number;
  times_ms: Record<string, number>;
  peak_rss_mb: number;
}

async function lifetimes(path: string, runs: number): Promise<LifetimesTimings | null> {
  const script = join(ROOT, 'bench', 'lifetimes_value.py');
  try {
    const out = await run(PYTHON, [script, '--orders', path, '--runs', String(runs)], 7_200_000);
    return JSON.parse(out.trim().split('\n').at(-1)!) as LifetimesTimings;
  } catch (error) {
    console.error(`lifetimes did not run: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

function parseArgs(argv: string[]) {
  const args = {
    customers: [1_000_000],
    runs: 3,
    python: true,
    pythonMax: 1_000_000,
    orders: existsSync(SHARED_RETAIL) ? SHARED_RETAIL : null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--customers') args.customers = argv[++i].split(',').filter(Boolean).map(Number);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--no-python') args.python = false;
    else if (arg === '--python-max') args.pythonMax = Number(argv[++i]);
    else if (arg === '--no-retail') args.orders = null;
    else if (arg === '--orders') args.orders = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(await child(argv[1], Number(argv[2]))) + '\n');
    return;
  }
  const args = parseArgs(argv);
  // The Python child inherits it.
  if (process.env.LIFETIMES_PATH) process.env.PYTHONPATH = process.env.LIFETIMES_PATH;
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const self = join(ROOT, 'bench', 'valueSession.ts');
  console.log(
    `SegmentLens customer value through the session, against lifetimes, ${new Date().toISOString().slice(0, 10)}, ${machine()}, median of ${args.runs} run(s); times in seconds\n`,
  );
  const header = ['input', 'customers', 'stage', 'SegmentLens', 'lifetimes', 'lifetimes / ours'];
  const rows: string[][] = [];
  const notes: string[] = [];
  const measure = async (label: string, path: string, python: boolean) => {
    const mine = JSON.parse(
      await run(tsx, [self, '--child', path, String(args.runs)], 7_200_000),
    ) as Timings;
    const theirs = python ? await lifetimes(path, args.runs) : null;
    const stages = ['rfm', 'fit_score', 'holdout', 'by_segment', 'columns', 'exports', 'page'];
    for (const stage of stages) {
      const a = mine.times_ms[stage];
      // lifetimes' total (summary, both fits, the scores) is what fit_score does.
      const b = stage === 'fit_score' ? theirs?.times_ms.total : undefined;
      rows.push([
        label,
        mine.customers.toLocaleString('en-US'),
        stage === 'page' ? `page (${PAGE_STAGES.join(' + ')})` : stage,
        seconds(a),
        seconds(b),
        b === undefined ? '–' : `${(b / a).toFixed(1)}x`,
      ]);
    }
    notes.push(
      `${label}: ${mine.lines.toLocaleString('en-US')} order lines, ${mine.customers.toLocaleString('en-US')} customers; ` +
        `peak memory ${mine.peak_rss_mb} MB ours (with the table), ${theirs?.peak_rss_mb ?? '–'} MB lifetimes; ` +
        `BG/NBD ${mine.converged ? 'converged' : 'did not converge'}; ${mine.progress_calls} progress calls, ` +
        `at most ${seconds(mine.longest_silence_ms)} s apart; reading the file ${seconds(mine.open_ms)} s ours, ` +
        `${seconds(theirs?.read_ms)} s pandas`,
    );
  };
  if (args.orders !== null) await measure(basename(args.orders), args.orders, args.python);
  const folder = mkdtempSync(join(tmpdir(), 'segmentlens-value-session-'));
  try {
    for (const customers of args.customers) {
      const path = join(folder, `drawn-${customers}.csv`);
      await writeDrawnOrders(path, customers);
      await measure('drawn from BG/NBD (days)', path, args.python && customers <= args.pythonMax);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(table(header, rows));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
}

await main();
