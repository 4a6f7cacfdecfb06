import { linesJson, linesLeftOut } from './orderLinesReport';
import type { RankingMetrics } from '../core/recommend/metrics';
import type { RecommendMethod } from '../core/recommend/recommendOptions';
import type { LineReport } from '../core/rfm/orderLines';
import type { NamedSegmentMap } from '../core/rfm/rfmSegments';
import type {
  RecommendEvaluationView,
  RecommendGroupsView,
} from '../core/session/recommendSession';
import { methodName } from '../core/session/recommendVerdict';
import { textTable, type Voice } from './voice';

/** What --out wrote: whose lists, and how many rows. */
export interface WrittenRecommendations {
  out: string;
  method: RecommendMethod;
  /** True when the method was chosen as the best on NDCG (--method all). */
  best: boolean;
  rows: number;
}

const METRICS = ['hitRate', 'precision', 'recall', 'ndcg', 'map', 'coverage'] as const;

/** The six figures of the issue, under their English names. */
function figures(metrics: RankingMetrics) {
  return Object.fromEntries(METRICS.map((metric) => [metric, metrics[metric]])) as Record<
    (typeof METRICS)[number],
    number
  >;
}

/** The result as the issue specifies it (keys in English, sentences in the voice's language). */
export function recommendJson(
  report: LineReport,
  view: RecommendEvaluationView,
  bySegment: RecommendGroupsView,
  map: NamedSegmentMap,
  written: WrittenRecommendations | null,
  voice: Voice,
) {
  const { split, options } = view;
  return {
    rows: linesJson(report),
    customers: split.customers,
    items: split.items,
    interactions: split.interactions,
    options,
    evaluation: {
      n: options.top,
      split: { ...split, description: voice.say(view.splitSentence) },
      methods: Object.fromEntries(
        view.methods.map((entry) => [entry.method, figures(entry.metrics)]),
      ),
      winner: view.verdict.winner,
      verdict: voice.say(view.verdict.sentence),
      bySegment: {
        segmentMap: map.scheme,
        segments: bySegment.groups.map((group) => ({
          name: typeof group.name === 'string' ? group.name : voice.say(group.name),
          customers: group.customers,
          evaluated: group.evaluated,
          methods: Object.fromEntries(
            bySegment.methods.map((method, m) => {
              const metrics = group.metrics[m];
              return [method, metrics === null ? null : figures(metrics)];
            }),
          ),
          winner: group.verdict.winner,
          runnerUp: group.verdict.runnerUp,
          margin: group.verdict.margin,
          verdict: voice.say(group.verdict.sentence),
        })),
      },
    },
    ...(written === null
      ? {}
      : {
          recommendations: {
            file: 'recommendations.csv',
            method: written.method,
            best: written.best,
            rows: written.rows,
          },
        }),
  };
}

const figure = (value: number) => value.toFixed(4);

/** The readable report: the split, the evaluation table, the winner per segment, the file. */
export function recommendText(
  path: string,
  report: LineReport,
  view: RecommendEvaluationView,
  bySegment: RecommendGroupsView,
  map: NamedSegmentMap,
  written: WrittenRecommendations | null,
  voice: Voice,
): string {
  const { split, options } = view;
  const n = options.top;
  const name = (method: RecommendMethod) => voice.say(methodName(method));
  const lines = [
    voice.text('recommendSummary', {
      path,
      read: report.read,
      used: report.used,
      customers: split.customers,
      items: split.items,
      interactions: split.interactions,
    }),
    ...linesLeftOut(report, voice),
    voice.text('recommendSettings', {
      n,
      itemNeighbours: options.itemNeighbours,
      userNeighbours: options.userNeighbours,
      similarity: options.similarity,
    }),
    voice.say(view.splitSentence),
    '',
    ...textTable(
      [
        voice.text('recommendColumnMethod'),
        voice.text('recommendColumnEvaluated'),
        voice.text('recommendColumnHitRate'),
        voice.text('recommendColumnPrecision', { n }),
        voice.text('recommendColumnRecall', { n }),
        voice.text('recommendColumnNdcg', { n }),
        voice.text('recommendColumnMap', { n }),
        voice.text('recommendColumnCoverage'),
      ],
      view.methods.map(({ method, metrics }) => [
        name(method),
        String(metrics.customers),
        ...METRICS.map((metric) => figure(metrics[metric])),
      ]),
      [false, true, true, true, true, true, true, true],
    ),
    voice.say(view.verdict.sentence),
    '',
    voice.text('recommendBySegment', {
      n,
      // ICU select keys cannot hold a hyphen.
      scheme: map.scheme === 'rfm-mean' ? 'mean' : 'grid',
    }),
    ...textTable(
      [
        voice.text('columnSegment'),
        voice.text('columnCustomers'),
        voice.text('recommendColumnEvaluated'),
        ...bySegment.methods.map(name),
        voice.text('recommendColumnWinner'),
        voice.text('recommendColumnMargin'),
      ],
      bySegment.groups.map((group) => {
        const { winner, margin } = group.verdict;
        return [
          typeof group.name === 'string' ? group.name : voice.say(group.name),
          String(group.customers),
          String(group.evaluated),
          ...group.metrics.map((metrics) => (metrics === null ? '' : figure(metrics.ndcg))),
          winner === null ? voice.text('recommendNoWinner') : name(winner),
          winner === null || margin === null ? '' : `+${figure(margin)}`,
        ];
      }),
      [false, true, true, ...bySegment.methods.map(() => true), false, true],
    ),
  ];
  if (written !== null)
    lines.push(
      '',
      voice.text(written.best ? 'recommendWroteBest' : 'recommendWrote', {
        out: written.out,
        rows: written.rows,
        n,
        method: name(written.method),
      }),
    );
  return lines.join('\n') + '\n';
}
