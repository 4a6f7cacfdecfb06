import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileSource } from '../src/cli/fileSource';
import { englishText } from '../src/i18n/formatMessage';
import { defaultSegmentMap, nameSegments } from '../src/core/rfm/rfmSegments';
import type { RfmSettings } from '../src/core/rfm/rfm';
import {
  defaultRulesRequest,
  rulesExport,
  rulesPage,
  rulesSummary,
  segmentsOverview,
} from '../src/core/session/basketsSession';
import { AnalysisSession } from '../src/core/session/session';
import { machine, median, ROOT, run, seconds, SHARED_RETAIL, table } from './common';

/**
 * What the page waits for in its Baskets section on the whole UCI Online Retail file, in node:
 * the rules summary plus the first page of the rules table (by lift), for the whole file at each
 * minimum support, once the file is read and RFM is done (as when the user opens Baskets after
 * RFM). Also: the same on a second session over the same table (compiled code, as after
 * warmUpRules), the segment overview for both segment maps, one segment's summary, and the
 * rules download. Each run is its own process (peak memory is that run's); medians of the runs.
 * No Python library has this session to compare with: bench/rules.ts times the mining against
 * mlxtend. --no-python is accepted for symmetry with the other benchmarks and changes nothing.
 *   npx tsx bench/rulesSession.ts [--file orders.csv] [--supports 0.01,0.005,0.002] [--runs 3]
 */

interface ChildRun {
  baskets: number;
  itemsets: number;
  rules: number;
  times_ms: {
    open_and_rfm: number;
    summary: number;
    first_page: number;
    summary_and_first_page: number;
    summary_and_first_page_cpu: number;
    compiled_summary_and_first_page: number;
    overview_rf_grid: number;
    overview_rfm_mean: number;
    segment_summary: number;
    export_rules: number;
  };
  peak_rss_mb: number;
}

interface Args {
  file: string;
  supports: number[];
  runs: number;
  child: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: SHARED_RETAIL, supports: [0.01, 0.005, 0.002], runs: 3, child: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--file') args.file = argv[++i];
    else if (arg === '--supports') args.supports = argv[++i].split(',').map(Number);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--child') args.child = true;
    else if (arg !== '--no-python') throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

const FIRST_PAGE = {
  sort: 'lift',
  descending: true,
  offset: 0,
  limit: 50,
  contains: null,
  hideRedundant: false,
} as const;

/** The work's result, wall time and CPU time of this process (ms): the machine may be shared. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - start, (used.user + used.system) / 1000];
}

async function childRun(args: Args): Promise<ChildRun> {
  const minSupport = args.supports[0];
  const [session, openMs] = await timed(async () => {
    const { source, close } = await fileSource(args.file);
    try {
      const opened = await AnalysisSession.open(source, args.file, {});
      return opened;
    } finally {
      await close();
    }
  });
  const settings: RfmSettings = {
    mapping: session.summary().transactions.mapping,
    dateOrder: null,
    snapshot: null,
  };
  const [, rfmMs] = await timed(async () => session.linesAndRfm(settings));
  const request = { ...defaultRulesRequest(settings, { kind: 'all' }), minSupport };
  const [summary, summaryMs, summaryCpu] = await timed(() => rulesSummary(session, request));
  const [, pageMs, pageCpu] = await timed(() => rulesPage(session, request, FIRST_PAGE));

  const again = AnalysisSession.ofTable(session.table, args.file);
  again.orderLines(settings);
  const [, compiledMs] = await timed(async () => {
    await rulesSummary(again, request);
    return rulesPage(again, request, FIRST_PAGE);
  });

  const grid = nameSegments(defaultSegmentMap('rf-grid'), englishText);
  const mean = nameSegments(defaultSegmentMap('rfm-mean'), englishText);
  const [, gridMs] = await timed(() =>
    segmentsOverview(session, settings, { kind: 'rfm', map: grid }),
  );
  const [, meanMs] = await timed(() =>
    segmentsOverview(session, settings, { kind: 'rfm', map: mean }),
  );
  const segmentRequest = {
    ...request,
    scope: { kind: 'rfm', map: grid, segment: 0 } as const,
  };
  const [, segmentMs] = await timed(() => rulesSummary(session, segmentRequest));
  const [, exportMs] = await timed(() => rulesExport(session, request, englishText));
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    baskets: summary.baskets,
    itemsets: summary.itemsets,
    rules: summary.rules,
    times_ms: {
      open_and_rfm: Math.round(openMs + rfmMs),
      summary: round(summaryMs),
      first_page: round(pageMs),
      summary_and_first_page: round(summaryMs + pageMs),
      summary_and_first_page_cpu: round(summaryCpu + pageCpu),
      compiled_summary_and_first_page: round(compiledMs),
      overview_rf_grid: round(gridMs),
      overview_rfm_mean: round(meanMs),
      segment_summary: round(segmentMs),
      export_rules: round(exportMs),
    },
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    process.stdout.write(JSON.stringify(await childRun(args)) + '\n');
    return;
  }
  if (!existsSync(args.file)) throw new Error(`${args.file} not found (give --file)`);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  console.log(
    `SegmentLens rules session, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${args.file.split('/').pop()}, whole file, max length 3, min confidence 0.3, median of ${args.runs} run(s), each in its own process\n`,
  );
  const rows: string[][] = [];
  for (const support of args.supports) {
    const runs: ChildRun[] = [];
    for (let r = 0; r < args.runs; r++) {
      const child = ['bench/rulesSession.ts', '--child', '--file', args.file];
      runs.push(JSON.parse(await run(tsx, [...child, '--supports', String(support)])) as ChildRun);
    }
    const ms = (key: keyof ChildRun['times_ms']) => median(runs.map((x) => x.times_ms[key]));
    const first = runs[0];
    rows.push([
      String(support),
      `${first.baskets.toLocaleString('en-US')} / ${first.itemsets.toLocaleString('en-US')} / ${first.rules.toLocaleString('en-US')}`,
      seconds(ms('open_and_rfm')),
      `${seconds(ms('summary'))} + ${seconds(ms('first_page'))} = ${seconds(ms('summary_and_first_page'))} (CPU ${seconds(ms('summary_and_first_page_cpu'))})`,
      seconds(ms('compiled_summary_and_first_page')),
      `${seconds(ms('overview_rf_grid'))} / ${seconds(ms('overview_rfm_mean'))}`,
      seconds(ms('segment_summary')),
      seconds(ms('export_rules')),
      `${median(runs.map((x) => x.peak_rss_mb))} MB`,
    ]);
    console.error(`done: ${support}`);
  }
  console.log(
    table(
      [
        'min support',
        'baskets / itemsets / rules',
        'read + RFM, before (s)',
        'summary + first page, first run (s, wall)',
        'same, compiled (s)',
        'segment overview rf-grid / rfm-mean (s)',
        'one segment summary (s)',
        'rules CSV (s)',
        'peak RSS',
      ],
      rows,
    ),
  );
}

await main();
