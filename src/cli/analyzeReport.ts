import { resultFor, type AnalysisResult } from '../core/analysis/analysisResult';
import { listSetAside } from '../core/clean/cleanOptions';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import { metricMessage } from '../core/cluster/distance';
import { DELIMITER_LABELS } from '../core/read/dialect';
import type { Table } from '../core/read/table';
import { textTable, type Voice } from './voice';

/** The result as the issue specifies it, plus what else a script may want. */
export function analysisJson(table: Table, analysis: AnalysisResult, voice: Voice) {
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
        detail: entry.detail === null ? '' : voice.say(entry.detail),
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
    recommendation: voice.say(analysis.recommendation.reason),
    warnings: analysis.clusterWarnings.map(voice.say),
    k: analysis.k,
    segments: chosen.profiles.segments.map((segment) => ({
      id: segment.id,
      label: voice.say(segment.label),
      size: segment.size,
      share: segment.share,
      means: Object.fromEntries(segment.features.map((f) => [f.feature, f.mean])),
      medians: Object.fromEntries(segment.features.map((f) => [f.feature, f.median])),
      z: Object.fromEntries(segment.features.map((f) => [f.feature, f.z])),
      topCategories: Object.fromEntries(segment.topCategories.map((c) => [c.column, c.value])),
    })),
    notes: analysis.notes.map(voice.say),
  };
}

/** The readable summary: what was read and analysed, the elbow, the segments, the notes. */
export function analysisText(
  path: string,
  analysis: AnalysisResult,
  out: string | undefined,
  voice: Voice,
): string {
  const { cleaning } = analysis;
  const dropped = voice.list(
    Object.entries(cleaning.dropped)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => voice.text('dropped', { reason, count })),
  );
  const counts = { path, read: cleaning.read, kept: cleaning.kept };
  const lines = [
    dropped
      ? voice.text('analyzeSummaryDropped', { ...counts, dropped })
      : voice.text('analyzeSummary', counts),
    voice.text('features', {
      method: analysis.scaling.method,
      features: voice.list(analysis.features.map((f) => f.name)),
    }),
    voice.text('algorithm', { line: algorithmLine(analysis, voice) }),
    voice.text('pca', {
      components: voice.list(
        Array.from(analysis.pca.explainedVarianceRatio.slice(0, 3), (share, i) =>
          voice.text('component', { index: i + 1, share }),
        ),
      ),
    }),
    '',
    ...textTable(
      (
        [
          'columnK',
          'columnInertia',
          'columnSilhouette',
          'columnDaviesBouldin',
          'columnCalinskiHarabasz',
        ] as const
      ).map((key) => voice.text(key)),
      analysis.elbow.map((p) => [
        String(p.k),
        p.inertia.toFixed(2),
        fmt(p.silhouette),
        fmt(p.daviesBouldin),
        fmt(p.calinskiHarabasz),
      ]),
      [true, true, true, true, true],
    ),
    '',
    voice.text('recommended', {
      k: analysis.recommendation.k,
      reason: voice.say(analysis.recommendation.reason),
    }),
    voice.text('silhouetteOn', { rows: analysis.silhouetteSampleSize }),
    '',
    voice.text('segments', { k: analysis.k }),
    ...resultFor(analysis, analysis.k)!.profiles.segments.map(
      (s) =>
        `  ${String(s.id).padStart(2)}  ${String(s.size).padStart(7)} (${(s.share * 100).toFixed(1).padStart(5)}%)  ${voice.say(s.label)}`,
    ),
  ];
  // Which sheet of a workbook was read is said above the report (see sheetLine), not again here.
  const notes = analysis.notes.filter((note) => note.key !== 'noteSheets');
  if (analysis.clusterWarnings.length > 0)
    lines.push(
      '',
      voice.text('clusterWarnings'),
      ...analysis.clusterWarnings.map((warning) => `  - ${voice.say(warning)}`),
    );
  if (notes.length > 0)
    lines.push('', voice.text('notes'), ...notes.map((note) => `  - ${voice.say(note)}`));
  if (out !== undefined) lines.push('', voice.text('wroteAnalyze', { out }));
  return lines.join('\n') + '\n';
}

function algorithmLine(analysis: AnalysisResult, voice: Voice): string {
  const metric = voice.say(metricMessage(analysis.metric));
  if (analysis.density !== null) {
    const { eps, suggestedEps, minPts, clusters, noise } = analysis.density;
    return voice.text('algorithmDbscan', {
      eps,
      suggested: suggestedEps,
      minPts,
      metric,
      clusters,
      noise,
    });
  }
  if (analysis.hierarchy !== null) {
    const { linkage, treeRows, cutHeight } = analysis.hierarchy;
    const settings = { linkage, metric, rows: treeRows };
    return cutHeight === null
      ? voice.text('algorithmHierarchy', settings)
      : voice.text('algorithmHierarchyCut', { ...settings, height: cutHeight });
  }
  return voice.text('algorithmKmeans', { metric });
}

export function comparisonText(comparison: AlgorithmComparison, voice: Voice): string {
  const names = comparison.rows.map((row) =>
    voice.text('algorithmName', { algorithm: row.algorithm }),
  );
  return (
    [
      '',
      voice.text('compareIntro', {
        rows: comparison.analysedRows,
        sample: comparison.silhouetteSampleSize,
        metric: voice.say(metricMessage(comparison.metric)),
      }),
      ...textTable(
        (
          [
            'columnAlgorithm',
            'columnSegments',
            'columnNoise',
            'columnSilhouette',
            'columnDaviesBouldin',
            'columnCalinskiHarabasz',
            'columnSettings',
          ] as const
        ).map((key) => voice.text(key)),
        comparison.rows.map((row, i) => [
          names[i],
          String(row.clusters),
          `${(row.noiseShare * 100).toFixed(1)}%`,
          fmt(row.silhouette),
          fmt(row.daviesBouldin),
          fmt(row.calinskiHarabasz),
          voice.say(row.settings),
        ]),
        [false, true, true, true, true, true, false],
      ),
      '',
      voice.text('agreement'),
      ...textTable(
        ['', ...names],
        comparison.agreement.map((row, i) => [names[i], ...row.map((v) => v.toFixed(4))]),
        [false, ...names.map(() => true)],
      ),
    ].join('\n') + '\n'
  );
}

function fmt(value: number | null): string {
  return value === null ? '' : value.toFixed(4);
}
