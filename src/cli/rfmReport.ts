import { linesJson, linesLeftOut } from './orderLinesReport';
import { resultFor, type AnalysisResult } from '../core/analysis/analysisResult';
import { formatDateTime } from '../core/read/parseDate';
import type { RfmResult } from '../core/rfm/rfm';
import type { NamedSegmentMap } from '../core/rfm/rfmSegments';
import { cellTotals, segmentCounts, segmentSummary } from '../core/rfm/rfmSummary';
import type { MappingRole, TransactionMapping } from '../core/rfm/transactionMapping';
import type { ColumnChoice } from './mappingFlags';
import { textTable, type Voice } from './voice';

/** The columns RFM read, by role (customer, date, order, quantity, price or amount, item). */
export function usedColumns(mapping: TransactionMapping): Record<string, string> {
  const roles = ['customer', 'date', 'order', 'quantity', 'price', 'amount', 'item'] as const;
  const money = mapping.amount !== null ? ['amount'] : ['quantity', 'price'];
  const columns: Record<string, string> = {};
  for (const role of roles) {
    const column = mapping[role];
    if (column === null || column === undefined) continue;
    if ((role === 'quantity' || role === 'price' || role === 'amount') && !money.includes(role))
      continue;
    columns[role] = column;
  }
  return columns;
}

/** The result as the issue specifies it, plus the clusters; without money, nothing of money. */
export function rfmJson(
  rfm: RfmResult,
  analysis: AnalysisResult,
  map: NamedSegmentMap,
  voice: Voice,
  mapping: TransactionMapping,
  choices: Partial<Record<MappingRole, ColumnChoice>> = {},
) {
  const totals = cellTotals(rfm, map.scheme);
  const chosen = resultFor(analysis, analysis.k)!;
  const money = rfm.hasMoney;
  const columns = usedColumns(mapping);
  return {
    columns,
    columnBasis: Object.fromEntries(
      Object.keys(columns).flatMap((role) => {
        const how = choices[role as MappingRole];
        return how === undefined ? [] : [[role, how]];
      }),
    ),
    hasMoney: money,
    rows: linesJson(rfm.rows),
    customers: rfm.customers.length,
    snapshot: formatDateTime(rfm.snapshot),
    firstOrder: formatDateTime(rfm.firstOrder),
    lastOrder: formatDateTime(rfm.lastOrder),
    dateOrder: rfm.dateOrder,
    ...(money ? { revenue: rfm.totalRevenue } : {}),
    cancellations: { lines: rfm.rows.dropped.cancellation, examples: rfm.cancellationExamples },
    notes: rfm.notes.map((note) => voice.say(note)),
    segmentMap: map.scheme,
    segmentCounts: segmentCounts(totals, map),
    segments: segmentSummary(totals, map).map((row) => ({
      name: row.name,
      customers: row.customers,
      share: row.share,
      meanRecency: row.customers > 0 ? row.meanRecency : null,
      meanFrequency: row.customers > 0 ? row.meanFrequency : null,
      ...(money
        ? {
            meanMonetary: row.customers > 0 ? row.meanMonetary : null,
            revenueShare: row.revenueShare,
          }
        : {}),
    })),
    clustering: {
      features: analysis.features.map((f) => f.name),
      k: analysis.k,
      recommendedK: analysis.recommendation.k,
      elbow: analysis.elbow.map((p) => ({
        k: p.k,
        inertia: p.inertia,
        silhouette: p.silhouette,
      })),
      clusters: chosen.profiles.segments.map((s) => ({
        id: s.id,
        label: voice.say(s.label),
        size: s.size,
        means: Object.fromEntries(s.features.map((f) => [f.feature, f.mean])),
      })),
      // What is weak about these clusters, as analyze --json gives them.
      warnings: analysis.clusterWarnings.map((warning) => voice.say(warning)),
    },
  };
}

/** The readable summary: lines used and left out, the named segments, the clusters. */
export function rfmText(
  path: string,
  rfm: RfmResult,
  analysis: AnalysisResult,
  map: NamedSegmentMap,
  out: string | undefined,
  voice: Voice,
  mapping: TransactionMapping,
  choices: Partial<Record<MappingRole, ColumnChoice>> = {},
): string {
  const money = rfm.hasMoney;
  const summary = segmentSummary(cellTotals(rfm, map.scheme), map).sort(
    (a, b) => b.customers - a.customers,
  );
  const figure = (v: number) => (Number.isNaN(v) ? '' : v.toFixed(2));
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const lines = [
    voice.text('rfmSummary', {
      path,
      read: rfm.rows.read,
      used: rfm.rows.used,
      customers: rfm.customers.length,
    }),
    voice.text('rfmColumns', {
      list: Object.entries(usedColumns(mapping))
        // As the flags that choose them (the same in every language), and how each was chosen.
        .map(([role, column]) => {
          const flag = `--${role} "${column}"`;
          const how = choices[role as MappingRole];
          return how === undefined ? flag : voice.text('rfmColumnChoice', { flag, how });
        })
        .join(', '),
    }),
    ...linesLeftOut(rfm.rows, voice),
    voice.text('ordersSpan', {
      first: rfm.firstOrder,
      last: rfm.lastOrder,
      snapshot: rfm.snapshot,
    }),
    ...rfm.notes.map((note) => voice.say(note)),
    '',
    // Without money, mean monetary and revenue share are left out (the notes say so).
    ...textTable(
      (
        [
          'columnSegment',
          'columnCustomers',
          'columnShare',
          'columnMeanRecency',
          'columnMeanFrequency',
          ...(money ? (['columnMeanMonetary', 'columnRevenue'] as const) : []),
        ] as const
      ).map((key) => voice.text(key)),
      summary.map((row) => [
        row.name,
        String(row.customers),
        percent(row.share),
        figure(row.meanRecency),
        figure(row.meanFrequency),
        ...(money ? [figure(row.meanMonetary), percent(row.revenueShare)] : []),
      ]),
      [false, true, true, true, true, ...(money ? [true, true] : [])],
    ),
    '',
    voice.text('rfmClusters', { k: analysis.k, recommended: analysis.recommendation.k }),
    ...resultFor(analysis, analysis.k)!.profiles.segments.map(
      (s) => `  ${String(s.id).padStart(2)}  ${String(s.size).padStart(7)}  ${voice.say(s.label)}`,
    ),
    ...(analysis.clusterWarnings.length > 0
      ? [
          voice.text('clusterWarnings'),
          ...analysis.clusterWarnings.map((warning) => `  - ${voice.say(warning)}`),
        ]
      : []),
  ];
  if (out !== undefined) lines.push('', voice.text('wroteRfm', { out }));
  return lines.join('\n') + '\n';
}
