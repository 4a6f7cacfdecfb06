import { resultFor, type AnalysisResult } from '../core/analysis/analysisResult';
import { formatDateTime } from '../core/read/parseDate';
import { RFM_DROP_LABELS, RFM_DROP_REASONS, type RfmResult } from '../core/rfm/rfm';
import { cellTotals, segmentCounts, segmentSummary } from '../core/rfm/rfmSummary';

/** The result as the issue specifies it, plus the clusters. */
export function rfmJson(rfm: RfmResult, analysis: AnalysisResult) {
  const totals = cellTotals(rfm);
  const chosen = resultFor(analysis, analysis.k)!;
  return {
    rows: { read: rfm.rows.read, used: rfm.rows.used, dropped: rfm.rows.dropped },
    customers: rfm.customers.length,
    snapshot: formatDateTime(rfm.snapshot),
    firstOrder: formatDateTime(rfm.firstOrder),
    lastOrder: formatDateTime(rfm.lastOrder),
    dateOrder: rfm.dateOrder,
    revenue: rfm.totalRevenue,
    segmentCounts: segmentCounts(totals, rfm.segmentMap),
    segments: segmentSummary(totals, rfm.segmentMap).map((row) => ({
      name: row.name,
      customers: row.customers,
      share: row.share,
      meanRecency: row.customers > 0 ? row.meanRecency : null,
      meanFrequency: row.customers > 0 ? row.meanFrequency : null,
      meanMonetary: row.customers > 0 ? row.meanMonetary : null,
      revenueShare: row.revenueShare,
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
        label: s.label,
        size: s.size,
        means: Object.fromEntries(s.features.map((f) => [f.feature, f.mean])),
      })),
    },
  };
}

export function rfmText(
  path: string,
  rfm: RfmResult,
  analysis: AnalysisResult,
  out: string | undefined,
): string {
  const dropped = RFM_DROP_REASONS.filter((r) => rfm.rows.dropped[r] > 0).map(
    (r) => `  ${String(rfm.rows.dropped[r]).padStart(9)}  ${RFM_DROP_LABELS[r]}`,
  );
  const summary = segmentSummary(cellTotals(rfm), rfm.segmentMap).sort(
    (a, b) => b.customers - a.customers,
  );
  const money = (v: number) => (Number.isNaN(v) ? '' : v.toFixed(2));
  const lines = [
    `${path}: ${rfm.rows.read} order lines read, ${rfm.rows.used} used, ${rfm.customers.length} customers`,
    ...(dropped.length > 0 ? ['Left out:', ...dropped] : []),
    `Orders from ${formatDateTime(rfm.firstOrder)} to ${formatDateTime(rfm.lastOrder)}; recency counted to ${formatDateTime(rfm.snapshot)}.`,
    '',
    'segment                customers   share  mean recency  mean frequency  mean monetary  revenue',
    ...summary.map(
      (row) =>
        `${row.name.padEnd(21)} ${String(row.customers).padStart(10)}  ${(row.share * 100).toFixed(1).padStart(5)}%  ${money(row.meanRecency).padStart(12)}  ${money(row.meanFrequency).padStart(14)}  ${money(row.meanMonetary).padStart(13)}  ${(row.revenueShare * 100).toFixed(1).padStart(6)}%`,
    ),
    '',
    `Clusters on log1p(frequency), log1p(monetary) and recency, standardised: k = ${analysis.k} (recommended ${analysis.recommendation.k}).`,
    ...resultFor(analysis, analysis.k)!.profiles.segments.map(
      (s) => `  ${String(s.id).padStart(2)}  ${String(s.size).padStart(7)}  ${s.label}`,
    ),
  ];
  if (out !== undefined) lines.push('', `Wrote rfm.csv and set-aside.csv to ${out}`);
  return lines.join('\n') + '\n';
}
