import { englishText } from '../src/i18n/formatMessage';
import { nameSegments } from '../src/core/rfm/rfmSegments';
import { join } from 'node:path';
import { fileSource } from '../src/cli/fileSource';
import { groupOrders } from '../src/core/rfm/orders';
import { evaluateRecommenders, metricsByGroup } from '../src/core/recommend/evaluate';
import { holdOutLastOrders } from '../src/core/recommend/holdOut';
import { customerRanks, itemColumns, knownItemCount } from '../src/core/recommend/interactions';
import { itemNeighbours, recommendItemKnn } from '../src/core/recommend/itemKnn';
import {
  averageMetrics,
  customerMetrics,
  type RankingMetrics,
} from '../src/core/recommend/metrics';
import { recommendPopular } from '../src/core/recommend/popularity';
import { recommendForCustomers } from '../src/core/recommend/recommendations';
import { RECOMMEND_METHODS, type RecommendMethod } from '../src/core/recommend/recommendOptions';
import type { UserSimilarity } from '../src/core/recommend/similarity';
import { recommendUserKnn, userNeighbours } from '../src/core/recommend/userKnn';
import { inferColumns } from '../src/core/read/inferColumns';
import { readCsv } from '../src/core/read/readCsv';
import { selectOrderLines } from '../src/core/rfm/orderLines';
import { computeRfm } from '../src/core/rfm/rfm';
import { suggestTransactionMapping } from '../src/core/rfm/transactionMapping';
import { machine, median, PYTHON, ROOT, run, seconds, SHARED_RETAIL, table } from './common';

/**
 * npm run bench:recommend: collaborative filtering on held-out orders, in node and in
 * numpy/scipy (bench/recommend_numpy.py), on the same order-line file in the same invocation,
 * stage by stage (split, similarity, scoring, metrics; medians of the runs), each side in its own
 * process so that peak memory is its own. Then the evaluation table, overall and per RFM segment,
 * and the time to compute every customer's list on the full history (the download).
 *   npx tsx bench/recommend.ts [--file orders.csv] [--runs 3] [--similarity pearson] [--no-python]
 * Reading the file is not timed on either side.
 */

const STAGES = ['split', 'similarity', 'scoring', 'metrics', 'total'] as const;
const METRICS = ['hitRate', 'precision', 'recall', 'ndcg', 'map', 'coverage'] as const;

interface SideRun {
  evaluated: number;
  times_ms: Record<string, number>;
  peak_rss_mb: number;
  methods: Record<RecommendMethod, RankingMetrics>;
}

interface OurRun extends SideRun {
  customers: number;
  items: number;
  interactions: number;
  structures_mb: number;
  segments: { name: string; methods: Record<RecommendMethod, RankingMetrics | null> }[];
  full_history_ms: Record<RecommendMethod, number>;
}

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at === -1 ? null : argv[at + 1];
};
const file = option('--file') ?? SHARED_RETAIL;
const runs = Number(option('--runs') ?? 3);
const similarity = (option('--similarity') ?? 'cosine') as UserSimilarity;

if (argv[0] === '--child') await child(argv[1], similarity);
else await parent();

/** One measured run of our side: prints one JSON line. */
async function child(path: string, similarity: UserSimilarity): Promise<void> {
  const { source, close } = await fileSource(path);
  const table = await readCsv(source);
  await close();
  const { mapping } = suggestTransactionMapping(inferColumns(table), table.rowCount);
  const lines = selectOrderLines(table, { mapping, dateOrder: null });
  const times: Record<string, number> = {};
  let since = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    times[stage] = (times[stage] ?? 0) + now - since;
    since = now;
  };
  const start = performance.now();
  const columns = itemColumns(lines);
  const holdOut = holdOutLastOrders(
    lines,
    groupOrders(lines),
    columns,
    customerRanks(lines.customers),
  );
  const { training, customers } = holdOut;
  lap('split');
  const items = itemNeighbours(training, 20);
  const users = userNeighbours(training, customers, 50, similarity);
  lap('similarity');
  const lists = {
    popularity: recommendPopular(training, customers, 10),
    item: recommendItemKnn(training, items, customers, 10),
    user: recommendUserKnn(training, users, customers, 10),
  };
  lap('scoring');
  const catalogue = knownItemCount(training);
  const methods = Object.fromEntries(
    RECOMMEND_METHODS.map((method) => {
      const perCustomer = customerMetrics(
        lists[method],
        holdOut.testStart,
        holdOut.testItems,
        training.itemCount,
      );
      return [method, averageMetrics(lists[method], perCustomer, catalogue)!];
    }),
  ) as Record<RecommendMethod, RankingMetrics>;
  lap('metrics');
  times.total = performance.now() - start;
  const bytes = (arrays: { byteLength: number }[]) => arrays.reduce((s, a) => s + a.byteLength, 0);
  const structures =
    bytes([training.rowStart, training.rowItems, training.columnStart, training.columnCustomers]) +
    bytes([items.ids, items.similarities, users.ids, users.similarities]) +
    Object.values(lists).reduce((s, l) => s + bytes([l.items, l.scores, l.counts]), 0);

  // As the page runs it: one call, all three methods; then per RFM segment.
  const whole = performance.now();
  const evaluation = evaluateRecommenders(lines, { similarity });
  times.evaluate = performance.now() - whole;
  const rfm = computeRfm(table, { mapping, dateOrder: null, snapshot: null });
  const bySegment = evaluation.methods.map((result) =>
    metricsByGroup(evaluation, result, rfm.segment, rfm.segmentMap.names.length),
  );
  const segments = nameSegments(rfm.segmentMap, englishText).names.map((name, s) => ({
    name,
    methods: Object.fromEntries(
      evaluation.methods.map((result, m) => [result.method, bySegment[m][s]]),
    ) as Record<RecommendMethod, RankingMetrics | null>,
  }));
  const fullHistory = {} as Record<RecommendMethod, number>;
  for (const method of RECOMMEND_METHODS) {
    const t = performance.now();
    recommendForCustomers(lines, method, { similarity });
    fullHistory[method] = Math.round(performance.now() - t);
  }
  const result: OurRun = {
    customers: lines.customers.length,
    items: training.itemCount,
    interactions: training.rowItems.length + holdOut.testItems.length,
    evaluated: customers.length,
    times_ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)])),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    structures_mb: Math.round(structures / 1e5) / 10,
    methods,
    segments,
    full_history_ms: fullHistory,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

async function parent(): Promise<void> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const python = !argv.includes('--no-python');
  const ours: OurRun[] = [];
  const theirs: SideRun[] = [];
  for (let r = 0; r < runs; r++) {
    // The sides take turns, so that a busy moment of the shared machine hits both.
    const out = await run(tsx, [
      join(ROOT, 'bench', 'recommend.ts'),
      '--child',
      file,
      '--similarity',
      similarity,
    ]);
    ours.push(JSON.parse(out) as OurRun);
    if (python) {
      const py = await run(PYTHON, [
        join(ROOT, 'bench', 'recommend_numpy.py'),
        file,
        '--similarity',
        similarity,
      ]);
      theirs.push(JSON.parse(py) as SideRun);
    }
    console.error(`run ${r + 1} of ${runs} done`);
  }
  const first = ours[0];
  console.log(
    `SegmentLens recommendations benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}\n` +
      `${file.split('/').pop()}: ${first.customers.toLocaleString('en-US')} customers x ${first.items.toLocaleString('en-US')} items, ` +
      `${first.interactions.toLocaleString('en-US')} interactions; ${first.evaluated.toLocaleString('en-US')} customers evaluated; ` +
      `item K 20, user K 50 (${similarity}), N 10; median of ${runs} run(s), wall clock\n`,
  );
  const ourMedian = (key: string) => median(ours.map((o) => o.times_ms[key]));
  const theirMedian = (key: string) => median(theirs.map((t) => t.times_ms[key]));
  const rows = STAGES.map((stage) => [
    stage,
    seconds(ourMedian(stage)),
    python ? seconds(theirMedian(stage)) : 'not run',
    python ? `${(ourMedian(stage) / theirMedian(stage)).toFixed(2)}x` : '–',
  ]);
  rows.push([
    'peak memory (process, with the file read)',
    `${median(ours.map((o) => o.peak_rss_mb))} MB`,
    python ? `${median(theirs.map((t) => t.peak_rss_mb))} MB` : 'not run',
    '–',
  ]);
  console.log(table(['stage', 'SegmentLens (s)', 'numpy/scipy (s)', 'ratio'], rows));
  console.log(
    `\nevaluateRecommenders (all three, as the page calls it): ${seconds(ourMedian('evaluate'))} s; ` +
      `recommender structures (training matrix, K neighbours per row, lists): ${first.structures_mb} MB.`,
  );
  console.log(
    `Every customer's top 10 on the full history (the download): ` +
      RECOMMEND_METHODS.map(
        (m) => `${m} ${seconds(median(ours.map((o) => o.full_history_ms[m])))} s`,
      ).join(', ') +
      '.',
  );
  if (python) {
    let worst = 0;
    for (const method of RECOMMEND_METHODS)
      for (const metric of METRICS)
        worst = Math.max(
          worst,
          Math.abs(first.methods[method][metric] - theirs[0].methods[method][metric]),
        );
    console.log(`Largest metric difference between the two sides: ${worst.toExponential(1)}.`);
  }

  const figures = (m: RankingMetrics | null) =>
    m === null
      ? ['–', '–', '–', '–', '–']
      : [m.hitRate, m.precision, m.recall, m.ndcg, m.map].map((v) => v.toFixed(3));
  console.log(
    '\nEvaluation at N = 10 (hit rate / precision / recall / NDCG / MAP; coverage overall only)\n',
  );
  const evaluationRows = [
    [
      'all customers',
      String(first.evaluated),
      ...RECOMMEND_METHODS.map((method) => {
        const m = first.methods[method];
        return `${figures(m).join(' / ')} (cov. ${m.coverage.toFixed(3)})`;
      }),
    ],
    ...first.segments.map((segment) => [
      segment.name,
      String(segment.methods.item?.customers ?? 0),
      ...RECOMMEND_METHODS.map((method) => figures(segment.methods[method]).join(' / ')),
    ]),
  ];
  console.log(
    table(['customers', 'evaluated', 'best sellers', 'item-based', 'user-based'], evaluationRows),
  );
}
