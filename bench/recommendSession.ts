import { fileSource } from '../src/cli/fileSource';
import { RECOMMEND_METHODS, type RecommendMethod } from '../src/core/recommend/recommendOptions';
import { defaultSegmentMap, nameSegments } from '../src/core/rfm/rfmSegments';
import {
  customerRecommendations,
  mostRecommendedByGroup,
  recommendationsExport,
} from '../src/core/session/recommendLists';
import {
  forgetRecommendations,
  recommendEvaluation,
  recommendEvaluationByGroup,
  type RecommendRequest,
} from '../src/core/session/recommendSession';
import { AnalysisSession } from '../src/core/session/session';
import { englishText } from '../src/i18n/formatMessage';
import { machine, median, SHARED_RETAIL, table } from './common';

/**
 * Recommendations as the page and the command line ask the session for them, in node, on one
 * order-line file (default: the whole Online Retail year beside the repository):
 *   npx tsx bench/recommendSession.ts [--file orders.csv] [--runs 3]
 * Each run starts from a session whose order lines and RFM are already computed (the page has
 * them before the Recommendations section opens) and whose recommendation stages are dropped:
 * the evaluation of all three methods, the figures per RFM segment from it, a customer look-up
 * per method (the first computes every customer's list on the full history, the next reuses
 * it), the items most recommended per segment, and the download of every customer's list.
 * Medians of the runs, wall clock; reading the file is not timed. There is no Python side: the
 * numpy/scipy comparison of the same computations is bench/recommend.ts.
 */

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at === -1 ? null : argv[at + 1];
};
const file = option('--file') ?? SHARED_RETAIL;
const runs = Number(option('--runs') ?? 3);

const { source, close } = await fileSource(file);
const session = await AnalysisSession.open(source, file, {});
await close();
const rfm = { mapping: session.summary().transactions.mapping, dateOrder: null, snapshot: null };
const { lines } = session.linesAndRfm(rfm);
const request: RecommendRequest = { rfm, options: {} };
const map = nameSegments(defaultSegmentMap('rf-grid'), englishText);
const grouping = { kind: 'rfm', map } as const;

const times = new Map<string, number[]>();
const sizes = new Map<string, number>();
async function timed<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const list = times.get(name) ?? [];
  list.push(performance.now() - start);
  times.set(name, list);
  return result;
}
/** What a view costs to post to the page: its JSON size (typed arrays aside, the same order). */
const measure = (name: string, view: unknown) =>
  sizes.set(name, Buffer.byteLength(JSON.stringify(view)));

const milliseconds = (ms: number) => (ms < 10 ? ms.toFixed(2) : String(Math.round(ms)));

const someone = lines.customers[lines.customers.length >> 1];
let exportRows = 0;
for (let run = 0; run < runs; run++) {
  forgetRecommendations(session);
  const view = await timed('evaluation, all three methods', () =>
    recommendEvaluation(session, request),
  );
  measure('evaluation view', view);
  const bySegment = await timed('per RFM segment (from the evaluation)', () =>
    recommendEvaluationByGroup(session, request, grouping),
  );
  measure('per-segment view', bySegment);
  for (const method of RECOMMEND_METHODS) {
    const lookup = await timed(`first look-up, ${method} (every list computed)`, () =>
      customerRecommendations(session, request, method, someone, map),
    );
    measure(`look-up (${method})`, lookup);
    await timed(`next look-up, ${method}`, () =>
      customerRecommendations(session, request, method, lines.customers[0], map),
    );
  }
  const top = await timed('most recommended per segment (user)', () =>
    mostRecommendedByGroup(session, request, 'user', grouping),
  );
  measure('most recommended per segment', top);
  const csv = await timed('download, every customer (user; lists kept)', () =>
    recommendationsExport(session, request, 'user', { grouping }, englishText),
  );
  exportRows = csv.parts.join('').split('\n').length - 2;
  forgetRecommendations(session);
  await timed('download, every customer (user; from nothing)', () =>
    recommendationsExport(session, request, 'user', { grouping }, englishText),
  );
  console.error(`run ${run + 1} of ${runs} done`);
}

const view = recommendEvaluation(session, request);
console.log(
  `SegmentLens recommendations through the session, ${new Date().toISOString().slice(0, 10)}, ${machine()}\n` +
    `${file.split('/').pop()}: ${view.split.customers.toLocaleString('en-US')} customers x ` +
    `${view.split.items.toLocaleString('en-US')} items, ${view.split.interactions.toLocaleString('en-US')} interactions; ` +
    `${view.split.customersEvaluated.toLocaleString('en-US')} customers evaluated; item K 20, user K 50 (cosine), N 10; ` +
    `median of ${runs} run(s), wall clock\n`,
);
console.log(
  table(
    ['step', 'median (ms)', 'runs (ms)'],
    [...times].map(([name, list]) => [
      name,
      milliseconds(median(list)),
      list.map(milliseconds).join(', '),
    ]),
  ),
);
console.log(
  `\nDownload: ${exportRows.toLocaleString('en-US')} rows. Peak memory (process, with the file read): ` +
    `${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`,
);
console.log(
  'Views posted to the page (JSON bytes): ' +
    [...sizes].map(([name, bytes]) => `${name} ${bytes.toLocaleString('en-US')}`).join(', ') +
    '.',
);
const name = (method: RecommendMethod | null) =>
  method === null ? 'none' : englishText({ key: 'recommendMethodName', params: { method } });
console.log(
  `\nOverall: ${englishText(view.verdict.sentence)} (winner: ${name(view.verdict.winner)})`,
);
