import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileSource } from '../src/cli/fileSource';
import { associationRules } from '../src/core/basket/associationRules';
import { buildBaskets } from '../src/core/basket/baskets';
import { mineItemsets } from '../src/core/basket/fpGrowth';
import { DEFAULT_MAX_ITEMSETS } from '../src/core/basket/rulesDefaults';
import { inferColumns } from '../src/core/read/inferColumns';
import { readCsv } from '../src/core/read/readCsv';
import { selectOrderLines } from '../src/core/rfm/orderLines';
import { suggestTransactionMapping } from '../src/core/rfm/transactionMapping';
import { machine, median, PYTHON, ROOT, run, seconds, SHARED_RETAIL, table } from './common';

/**
 * npm run bench:rules: association rules (FP-growth, then the rules) on the whole UCI Online
 * Retail file, in node and with mlxtend 0.25 on the same baskets, in the same invocation. Each
 * (support, run) is its own process for both, so that peak memory is that run's; the table shows
 * medians. Timed for both: mining + rules from the baskets (mlxtend: fpgrowth +
 * association_rules on its one-hot DataFrame). Ours is timed on its first run in the process
 * (not yet compiled, as the page's first run without warmUpRules) and again (compiled); it also
 * shows building the baskets from the order lines, which the page adds to it.
 *   npx tsx bench/rules.ts [--file orders.csv] [--supports 0.01,0.005,0.002] [--max-len 3]
 *     [--min-confidence 0.3] [--runs 3] [--no-python]
 * mlxtend is found on PYTHONPATH (PYTHONPATH=/path/to/mlxtend npx tsx bench/rules.ts).
 */

interface OursRun {
  baskets: number;
  items: number;
  itemsets: number;
  rules: number;
  times_ms: {
    read: number;
    baskets: number;
    mine: number;
    rules: number;
    mine_and_rules: number;
    /** The same again in the same process, compiled (as after warmUpRules in the worker). */
    warm_mine_and_rules: number;
  };
  rss_before_mining_mb: number;
  peak_rss_mb: number;
}

interface MlxtendRun {
  baskets: number;
  items: number;
  itemsets: number;
  rules: number;
  times_ms: { encode: number; mine: number; rules: number; mine_and_rules: number };
  peak_rss_mb: number;
}

interface Args {
  file: string;
  supports: number[];
  maxLen: number;
  minConfidence: number;
  runs: number;
  python: boolean;
  child: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    file: SHARED_RETAIL,
    supports: [0.01, 0.005, 0.002],
    maxLen: 3,
    minConfidence: 0.3,
    runs: 3,
    python: true,
    child: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--file') args.file = argv[++i];
    else if (arg === '--supports') args.supports = argv[++i].split(',').map(Number);
    else if (arg === '--max-len') args.maxLen = Number(argv[++i]);
    else if (arg === '--min-confidence') args.minConfidence = Number(argv[++i]);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--no-python') args.python = false;
    else if (arg === '--child') args.child = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

/** One run in this process: read, order lines, baskets, then mining and rules at one support. */
async function childRun(args: Args): Promise<OursRun> {
  const start = performance.now();
  const { source, close } = await fileSource(args.file);
  const parsed = await readCsv(source);
  await close();
  const suggestion = suggestTransactionMapping(inferColumns(parsed), parsed.rowCount);
  const lines = selectOrderLines(parsed, { mapping: suggestion.mapping, dateOrder: null });
  const read = performance.now() - start;
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const baskets = buildBaskets(lines);
  const basketsMs = performance.now() - t;
  const options = {
    minSupport: args.supports[0],
    maxLen: args.maxLen,
    maxItemsets: DEFAULT_MAX_ITEMSETS,
  };
  t = performance.now();
  const itemsets = mineItemsets(baskets, options);
  const mine = performance.now() - t;
  t = performance.now();
  const rules = associationRules(itemsets, { minConfidence: args.minConfidence });
  const rulesMs = performance.now() - t;
  t = performance.now();
  associationRules(mineItemsets(baskets, options), { minConfidence: args.minConfidence });
  const warm = performance.now() - t;
  return {
    baskets: baskets.basketCount,
    items: new Set(baskets.items).size,
    itemsets: itemsets.count,
    rules: rules.count,
    times_ms: {
      read: Math.round(read),
      baskets: round1(basketsMs),
      mine: round1(mine),
      rules: round1(rulesMs),
      mine_and_rules: round1(mine + rulesMs),
      warm_mine_and_rules: round1(warm),
    },
    rss_before_mining_mb: Math.round(rssBefore / 1024 ** 2),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

async function hasMlxtend(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false;
  try {
    await run(PYTHON, ['-c', 'import mlxtend.frequent_patterns, pandas']);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    process.stdout.write(JSON.stringify(await childRun(args)) + '\n');
    return;
  }
  if (!existsSync(args.file)) throw new Error(`${args.file} not found (give --file)`);
  const python = args.python && (await hasMlxtend());
  if (args.python && !python) console.error('mlxtend not importable: set PYTHONPATH to its folder');
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  console.log(
    `SegmentLens association rules, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${args.file.split('/').pop()}, max length ${args.maxLen}, min confidence ${args.minConfidence}, median of ${args.runs} run(s), each in its own process\n`,
  );
  const rows: string[][] = [];
  for (const support of args.supports) {
    const ours: OursRun[] = [];
    const theirs: MlxtendRun[] = [];
    for (let r = 0; r < args.runs; r++) {
      const common = ['--max-len', String(args.maxLen)];
      ours.push(
        JSON.parse(
          await run(tsx, [
            join(ROOT, 'bench', 'rules.ts'),
            '--child',
            '--file',
            args.file,
            '--supports',
            String(support),
            '--min-confidence',
            String(args.minConfidence),
            ...common,
          ]),
        ) as OursRun,
      );
      if (python)
        theirs.push(
          JSON.parse(
            await run(PYTHON, [
              join(ROOT, 'bench', 'mlxtend_rules.py'),
              args.file,
              '--min-support',
              String(support),
              '--min-confidence',
              String(args.minConfidence),
              ...common,
            ]),
          ) as MlxtendRun,
        );
    }
    const o = ours[0];
    const t = theirs[0];
    if (t && (t.baskets !== o.baskets || t.itemsets !== o.itemsets || t.rules !== o.rules)) {
      throw new Error(
        `different results at ${support}: ours ${JSON.stringify(o)}, mlxtend ${JSON.stringify(t)}`,
      );
    }
    const oursMs = median(ours.map((x) => x.times_ms.mine_and_rules));
    const warmMs = median(ours.map((x) => x.times_ms.warm_mine_and_rules));
    const theirMs = median(theirs.map((x) => x.times_ms.mine_and_rules));
    const basketsMs = median(ours.map((x) => x.times_ms.baskets));
    rows.push([
      String(support),
      `${o.baskets.toLocaleString('en-US')} / ${o.items.toLocaleString('en-US')}`,
      `${o.itemsets.toLocaleString('en-US')} / ${o.rules.toLocaleString('en-US')}`,
      `${seconds(median(ours.map((x) => x.times_ms.mine)))} + ${seconds(median(ours.map((x) => x.times_ms.rules)))}`,
      seconds(warmMs),
      seconds(basketsMs + oursMs),
      `${median(ours.map((x) => x.peak_rss_mb))} MB (${median(ours.map((x) => x.rss_before_mining_mb))} before baskets)`,
      theirs.length > 0
        ? `${seconds(median(theirs.map((x) => x.times_ms.mine)))} + ${seconds(median(theirs.map((x) => x.times_ms.rules)))}`
        : 'not run',
      theirs.length > 0 ? `${median(theirs.map((x) => x.peak_rss_mb))} MB` : '–',
      theirs.length > 0
        ? `${(oursMs / theirMs).toFixed(3)}x (compiled ${(warmMs / theirMs).toFixed(3)}x)`
        : '–',
    ]);
    console.error(`done: ${support}`);
  }
  console.log(
    table(
      [
        'min support',
        'baskets / items',
        'itemsets / rules (both)',
        'ours: mine + rules, first run (s)',
        'ours: again, compiled (s)',
        'ours: baskets + mine + rules, first run (s)',
        'ours: peak RSS',
        'mlxtend: fpgrowth + association_rules (s)',
        'mlxtend: peak RSS',
        'ours / mlxtend (mine + rules, first run)',
      ],
      rows,
    ),
  );
}

await main();
