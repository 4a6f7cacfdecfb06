import type { CleanReport } from '../core/clean/cleanOptions';
import { identifiersAndTargetsLeftOut, type LeftOutColumn } from '../core/analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../core/analysis/analysisResult';
import { listSetAside } from '../core/clean/cleanOptions';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import { metricMessage } from '../core/cluster/distance';
import { ratesVerdict } from '../core/profile/segmentRates';
import type { RateDifference } from '../core/profile/profileTypes';
import type { FeatureDistribution } from '../core/profile/segmentDistribution';
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
    // Identifiers and columns named like a target or a model output, with the reason.
    leftOut: leftOutOf(analysis).map((column) => ({
      column: column.name,
      kind: column.kind,
      likelyTarget: column.likelyTarget,
      reason: voice.say(column.reason),
    })),
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
            maxRows: analysis.hierarchy.maxRows,
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
      // Column names are data: an array of entries, most different from the base first.
      matchesBase: !segment.rates.some((rate) => rate.finding),
      rates: segment.rates.map((rate) => ({
        column: rate.column,
        value: rate.value,
        flag: rate.flag,
        count: rate.count,
        rows: rate.rows,
        share: rate.share,
        overallShare: rate.overallShare,
        points: rate.points,
        lift: rate.lift,
        finding: rate.finding,
      })),
    })),
    cleaning: cleaningJson(analysis.cleaning),
    notes: analysis.notes.map(voice.say),
  };
}

/** The identifiers and likely targets the analysis did not cluster on (the CLI sets no kinds). */
function leftOutOf(analysis: AnalysisResult): LeftOutColumn[] {
  const { columns } = analysis;
  return identifiersAndTargetsLeftOut(
    columns,
    columns.map((c) => c.kind),
    analysis.features.map((f) => f.name),
  );
}

/** What cleaning changed, column by column: fills, missing codes, clips, codes found. */
function cleaningJson(cleaning: AnalysisResult['cleaning']) {
  return {
    imputed: cleaning.imputed.map(({ column, strategy, count, value }) => ({
      column,
      strategy,
      count,
      value,
    })),
    missingCodes: cleaning.missingCodes.map(({ column, value, count }) => ({
      column,
      value,
      count,
    })),
    clipped: cleaning.clipped.map(({ column, count, below, above, low, high }) => ({
      column,
      count,
      below,
      above,
      low,
      high,
    })),
    sentinels: cleaning.sentinels.map(({ column, value, count, share, restLow, restHigh }) => ({
      column,
      value,
      count,
      share,
      otherValues: [restLow, restHigh],
    })),
  };
}

/** The cleaning section of the text report: one line per column cleaning changed. */
function cleaningLines(cleaning: AnalysisResult['cleaning'], voice: Voice): string[] {
  const lines = [
    ...cleaning.missingCodes.map((entry) => voice.text('cleaningMissingCode', { ...entry })),
    ...cleaning.imputed.map(({ column, count, strategy, value }) =>
      voice.text('cleaningImputed', {
        column,
        count,
        strategy,
        value: typeof value === 'number' ? voice.number(value) : value,
      }),
    ),
    ...cleaning.clipped.map((entry) => voice.text('cleaningClipped', { ...entry })),
  ];
  return [
    voice.text('cleaningTitle'),
    ...(lines.length > 0 ? lines : [voice.text('cleaningNothing')]),
  ];
}

/** The rows read and analysed, and those set aside by reason: the first line of analyze and explain. */
export function rowsRead(path: string, cleaning: CleanReport, voice: Voice): string {
  const dropped = voice.list(
    Object.entries(cleaning.dropped)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => voice.text('dropped', { reason, count })),
  );
  const counts = { path, read: cleaning.read, kept: cleaning.kept };
  return dropped
    ? voice.text('analyzeSummaryDropped', { ...counts, dropped })
    : voice.text('analyzeSummary', counts);
}

/** The readable summary: what was read and analysed, the elbow, the segments, the notes. */
export function analysisText(
  path: string,
  analysis: AnalysisResult,
  out: string | undefined,
  voice: Voice,
): string {
  const { cleaning } = analysis;
  const leftOut = leftOutOf(analysis);
  const lines = [
    rowsRead(path, cleaning, voice),
    voice.text('features', {
      method: analysis.scaling.method,
      features: voice.list(analysis.features.map((f) => f.name)),
    }),
    ...leftOutLines(leftOut, voice),
    voice.text('algorithm', { line: algorithmLine(analysis, voice) }),
    ...cleaningLines(cleaning, voice),
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
    ...resultFor(analysis, analysis.k)!.profiles.segments.flatMap((s) => [
      `  ${String(s.id).padStart(2)}  ${String(s.size).padStart(7)} (${(s.share * 100).toFixed(1).padStart(5)}%)  ${voice.say(s.label)}`,
      ...rateLines(s.rates, voice),
    ]),
  ];
  // Which sheet of a workbook was read is said above the report (see sheetLine), not again here.
  // A column left out above is not said again among the notes.
  const listed = new Set(leftOut.map((column) => column.name));
  const notes = analysis.notes.filter(
    (note) =>
      note.key !== 'noteSheets' &&
      !(
        note.key === 'featureUnusedNote' &&
        typeof note.params?.column === 'string' &&
        listed.has(note.params.column)
      ),
  );
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

function leftOutLines(leftOut: LeftOutColumn[], voice: Voice): string[] {
  if (leftOut.length === 0) return [];
  return [
    voice.text('leftOutHeader'),
    ...leftOut.map((column) =>
      voice.text('leftOutLine', { column: column.name, reason: voice.say(column.reason) }),
    ),
  ];
}

/** How many of a segment's differences from the base the text report lists. */
const RATES_SHOWN = 3;

/** A segment's largest real differences from the base, or that it matches the base. */
function rateLines(rates: readonly RateDifference[], voice: Voice): string[] {
  if (rates.length === 0) return [];
  const findings = rates.filter((rate) => rate.finding).slice(0, RATES_SHOWN);
  if (findings.length === 0)
    return [voice.text('ratesVerdictLine', { verdict: voice.say(ratesVerdict(rates)) })];
  return findings.map((rate) =>
    voice.text('rateLine', {
      description: voice.say(rate.description),
      points: rate.points,
      lift: rate.lift,
    }),
  );
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

/** A column's spread per segment (analyze --distribution). */
export function distributionText(distribution: FeatureDistribution, voice: Voice): string {
  const { feature, rows, sampleSize, sampled, missing } = distribution;
  return (
    [
      '',
      sampled
        ? voice.text('distributionSampled', { feature, rows, sample: sampleSize, missing })
        : voice.text('distributionAll', { feature, rows, missing }),
      ...textTable(
        (
          [
            'columnSegment',
            'columnRows',
            'columnMin',
            'columnQ1',
            'columnMedian',
            'columnQ3',
            'columnMax',
          ] as const
        ).map((key) => voice.text(key)),
        distribution.segments.map((s) => [
          String(s.segment),
          String(s.count),
          ...[s.min, s.q1, s.median, s.q3, s.max].map((v) => (v === v ? String(v) : '')),
        ]),
        [true, true, true, true, true, true, true],
      ),
    ].join('\n') + '\n'
  );
}

function fmt(value: number | null): string {
  return value === null ? '' : value.toFixed(4);
}
