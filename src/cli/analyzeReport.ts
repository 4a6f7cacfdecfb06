import { ALGORITHM_LABELS } from '../core/analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../core/analysis/analysisResult';
import { listSetAside } from '../core/clean/cleanOptions';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import { METRIC_LABELS } from '../core/cluster/distance';
import { DELIMITER_LABELS } from '../core/read/dialect';
import type { Table } from '../core/read/table';

/** The result as the issue specifies it, plus what else a script may want. */
export function analysisJson(table: Table, analysis: AnalysisResult) {
  const chosen = resultFor(analysis, analysis.k)!;
  return {
    rows: {
      read: analysis.cleaning.read,
      kept: analysis.cleaning.kept,
      dropped: analysis.cleaning.dropped,
      // Every row set aside, with the file line it starts on and why.
      setAside: listSetAside(analysis.dropReason, analysis.dropDetail).map((entry) => ({
        line: table.rowText.line[entry.row],
        reason: entry.reason,
        detail: entry.detail,
      })),
    },
    file: {
      encoding: table.encoding,
      delimiter: DELIMITER_LABELS[table.dialect.delimiter],
      decimal: table.dialect.decimal,
      header: table.dialect.hasHeader,
      columns: analysis.columns.map((c) => ({
        name: c.name,
        kind: c.kind,
        missing: c.missing,
        unique: c.unique,
      })),
    },
    features: analysis.features.map((f) => f.name),
    scaling: {
      method: analysis.scaling.method,
      center: Array.from(analysis.scaling.center),
      scale: Array.from(analysis.scaling.scale),
    },
    pca: {
      explainedVarianceRatio: Array.from(analysis.pca.explainedVarianceRatio),
      cumulative: Array.from(analysis.pca.cumulativeRatio),
    },
    elbow: analysis.elbow.map((point) => {
      const entry: Record<string, number> = { k: point.k, inertia: point.inertia };
      if (point.silhouette !== null) entry.silhouette = point.silhouette;
      if (point.daviesBouldin !== null) entry.daviesBouldin = point.daviesBouldin;
      if (point.calinskiHarabasz !== null) entry.calinskiHarabasz = point.calinskiHarabasz;
      return entry;
    }),
    silhouetteSampleSize: analysis.silhouetteSampleSize,
    algorithm: analysis.algorithm,
    metric: analysis.metric,
    ...(analysis.density === null
      ? {}
      : {
          dbscan: {
            eps: analysis.density.eps,
            suggestedEps: analysis.density.suggestedEps,
            minPts: analysis.density.minPts,
            clusters: analysis.density.clusters,
            noise: analysis.density.noise,
            coreRows: analysis.density.coreRows,
            clusteredRows: analysis.density.clusteredRows,
            joinedFromOutside: analysis.density.joinedFromOutside,
          },
        }),
    ...(analysis.hierarchy === null
      ? {}
      : {
          hierarchical: {
            linkage: analysis.hierarchy.linkage,
            treeRows: analysis.hierarchy.treeRows,
            cutHeight: analysis.hierarchy.cutHeight,
            cutHeights: analysis.hierarchy.cutHeights,
          },
        }),
    recommendedK: analysis.recommendation.k,
    recommendation: analysis.recommendation.reason,
    k: analysis.k,
    segments: chosen.profiles.segments.map((segment) => ({
      id: segment.id,
      label: segment.label,
      size: segment.size,
      share: segment.share,
      means: Object.fromEntries(segment.features.map((f) => [f.feature, f.mean])),
      medians: Object.fromEntries(segment.features.map((f) => [f.feature, f.median])),
      z: Object.fromEntries(segment.features.map((f) => [f.feature, f.z])),
      topCategories: Object.fromEntries(segment.topCategories.map((c) => [c.column, c.value])),
    })),
    notes: analysis.notes,
  };
}

export function analysisText(
  path: string,
  analysis: AnalysisResult,
  out: string | undefined,
): string {
  const { cleaning } = analysis;
  const dropped = Object.entries(cleaning.dropped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  const lines = [
    `${path}: ${cleaning.read} rows read, ${cleaning.kept} analysed${dropped ? ` (set aside: ${dropped})` : ''}`,
    `Features (${analysis.scaling.method}): ${analysis.features.map((f) => f.name).join(', ')}`,
    `Algorithm: ${algorithmLine(analysis)}`,
    `PCA: ${Array.from(analysis.pca.explainedVarianceRatio.slice(0, 3), (r, i) => `PC${i + 1} ${(r * 100).toFixed(1)}%`).join(', ')}`,
    '',
    '  k       inertia  silhouette  Davies-Bouldin  Calinski-Harabasz',
    ...analysis.elbow.map(
      (p) =>
        `${String(p.k).padStart(3)}  ${p.inertia.toFixed(2).padStart(12)}  ${fmt(p.silhouette, 10)}  ${fmt(p.daviesBouldin, 14)}  ${fmt(p.calinskiHarabasz, 17)}`,
    ),
    '',
    `Recommended k = ${analysis.recommendation.k}. ${analysis.recommendation.reason}`,
    `Silhouette on ${analysis.silhouetteSampleSize} rows.`,
    '',
    `Segments (k = ${analysis.k}):`,
    ...resultFor(analysis, analysis.k)!.profiles.segments.map(
      (s) =>
        `  ${String(s.id).padStart(2)}  ${String(s.size).padStart(7)} (${(s.share * 100).toFixed(1).padStart(5)}%)  ${s.label}`,
    ),
  ];
  if (analysis.notes.length > 0)
    lines.push('', 'Notes:', ...analysis.notes.map((note) => `  - ${note}`));
  if (out !== undefined)
    lines.push('', `Wrote segments.csv, one CSV per segment and set-aside.csv to ${out}`);
  return lines.join('\n') + '\n';
}

function algorithmLine(analysis: AnalysisResult): string {
  const metric = METRIC_LABELS[analysis.metric];
  if (analysis.density !== null) {
    const { eps, suggestedEps, minPts, clusters, noise } = analysis.density;
    return `DBSCAN, eps ${eps} (suggested ${suggestedEps}), ${minPts} minimum points, ${metric}: ${clusters} ${clusters === 1 ? 'segment' : 'segments'}, ${noise} noise rows (segment -1)`;
  }
  if (analysis.hierarchy !== null) {
    const { linkage, treeRows, cutHeight } = analysis.hierarchy;
    return `hierarchical, ${linkage} linkage, ${metric}, tree on ${treeRows} rows${cutHeight === null ? '' : `, cut at height ${cutHeight}`}`;
  }
  return `k-means (silhouette: ${metric})`;
}

export function comparisonText(comparison: AlgorithmComparison): string {
  const names = comparison.rows.map((row) => ALGORITHM_LABELS[row.algorithm]);
  return (
    [
      '',
      `Comparison on ${comparison.analysedRows} rows (silhouette on ${comparison.silhouetteSampleSize}, ${METRIC_LABELS[comparison.metric]}; noise left out of the indices):`,
      '  algorithm     segments  noise   silhouette  Davies-Bouldin  Calinski-Harabasz  settings',
      ...comparison.rows.map(
        (row, i) =>
          `  ${names[i].padEnd(12)}  ${String(row.clusters).padStart(8)}  ${`${(row.noiseShare * 100).toFixed(1)}%`.padStart(6)}  ${fmt(row.silhouette, 10)}  ${fmt(row.daviesBouldin, 14)}  ${fmt(row.calinskiHarabasz, 17)}  ${row.settings}`,
      ),
      '',
      'Agreement (adjusted Rand index):',
      `  ${''.padEnd(12)}${names.map((name) => name.padStart(14)).join('')}`,
      ...comparison.agreement.map(
        (row, i) => `  ${names[i].padEnd(12)}${row.map((v) => v.toFixed(4).padStart(14)).join('')}`,
      ),
    ].join('\n') + '\n'
  );
}

function fmt(value: number | null, width: number): string {
  return (value === null ? '' : value.toFixed(4)).padStart(width);
}
