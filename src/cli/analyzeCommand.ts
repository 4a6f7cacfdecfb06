import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  effectiveKinds,
  type AnalysisOptions,
} from '../core/analysis/analysisOptions';
import {
  DEFAULT_CLEANING,
  listSetAside,
  type Cleaning,
  type MissingStrategy,
} from '../core/clean/cleanRows';
import { ENCODINGS } from '../core/read/detectEncoding';
import { exportFileName, segmentCsvParts, setAsideCsvParts } from '../core/export/exportCsv';
import { readCsv, type ReadOptions } from '../core/read/readCsv';
import { SCALE_METHODS } from '../core/features/scale';
import { DELIMITERS, DELIMITER_LABELS } from '../core/read/dialect';
import type { Table } from '../core/read/table';
import { analyzeTable, resultFor, type AnalysisResult } from '../core/analysis/analyzeTable';
import { LINKAGES } from '../core/cluster/hierarchy/agglomerative';
import { ALGORITHM_LABELS } from '../core/analysis/analysisOptions';
import { compareAlgorithms, type AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import { DISTANCE_METRICS, METRIC_LABELS } from '../core/cluster/distance';
import { UserError } from '../core/common/userError';
import { choiceOption, intOption, listOption, numberOption, parseCommandArgs } from './args';
import { fileSource } from './fileSource';
import type { Io } from './main';
import { progressPrinter } from './progressPrinter';

export const ANALYZE_USAGE = `segmentlens analyze FILE [options]

Segments the customers in FILE (one row per customer) with k-means, DBSCAN or
hierarchical clustering.

  --algorithm kmeans|dbscan|hierarchical       (default kmeans)
  --metric euclidean|manhattan|chebyshev|cosine
                        distance for DBSCAN, hierarchical and the silhouette
                        (default euclidean; k-means itself is Euclidean)
  --eps X               DBSCAN's neighbourhood radius (default: the knee of the
                        k-distance plot)
  --min-pts N           DBSCAN's minimum points of a core row, itself included (default 5)
  --linkage ward|complete|average|single       hierarchical linkage (default ward)
  --cut-height H        hierarchical: cut the tree at height H instead of into k
  --compare             also run all three algorithms and print their comparison

  --features a,b,c      numeric columns to cluster on (default: every numeric column
                        that is not an identifier)
  --one-hot a,b         categorical columns to turn into 0/1 features
  --log1p a,b           skewed non-negative columns to replace by log(1 + x)
  --k N                 number of segments (default: the recommended one)
  --k-max N             the elbow tries k = 1..N (default 10)
  --n-init N            k-means restarts per k (default 10)
  --seed N              random seed (default 0); same seed, same result
  --scale zscore|minmax|robust                 (default zscore)
  --missing drop|mean|median|mode|constant     (default drop)
  --duplicates drop|keep                       (default drop)
  --outliers none|clip|drop                    (default clip)
  --outlier-method zscore|iqr                  (default zscore, |z| > 3)
  --z N                 the |z| beyond which a value is an outlier (default 3)
  --pad-short-rows      keep rows with too few fields (their cells count as missing)
  --silhouette-sample N rows in the silhouette sample (default 5000)
  --delimiter comma|semicolon|tab|pipe         (default: detected)
  --encoding utf-8|utf-16le|utf-16be|gb18030|windows-1252   (default: detected)
  --out DIR             write segments.csv, one CSV per segment, and set-aside.csv
  --json                print the result as one JSON object`;

const OPTIONS = {
  features: { type: 'string' },
  'one-hot': { type: 'string' },
  log1p: { type: 'string' },
  k: { type: 'string' },
  'k-max': { type: 'string' },
  'n-init': { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  missing: { type: 'string' },
  duplicates: { type: 'string' },
  outliers: { type: 'string' },
  'outlier-method': { type: 'string' },
  z: { type: 'string' },
  'pad-short-rows': { type: 'boolean' },
  'silhouette-sample': { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  algorithm: { type: 'string' },
  metric: { type: 'string' },
  eps: { type: 'string' },
  'min-pts': { type: 'string' },
  linkage: { type: 'string' },
  'cut-height': { type: 'string' },
  compare: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DELIMITER_NAMES = DELIMITERS.map((d) => DELIMITER_LABELS[d]);

export function readOptionsFrom(values: {
  delimiter?: string;
  encoding?: string;
}): Omit<ReadOptions, 'onProgress'> {
  const delimiterName = choiceOption('delimiter', values.delimiter, DELIMITER_NAMES);
  return {
    delimiter:
      delimiterName === undefined ? undefined : DELIMITERS[DELIMITER_NAMES.indexOf(delimiterName)],
    encoding: choiceOption('encoding', values.encoding, ENCODINGS),
  };
}

export async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.stdout.write(ANALYZE_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UserError(
      'bad-option',
      'Give exactly one CSV file: segmentlens analyze FILE [options].',
    );
  }
  // Same default as the page: outliers clipped at |z| > 3.
  const outliers =
    choiceOption('outliers', values.outliers, ['none', 'clip', 'drop'] as const) ?? 'clip';
  const cleaning: Cleaning = {
    ...DEFAULT_CLEANING,
    duplicates:
      choiceOption('duplicates', values.duplicates, ['drop', 'keep'] as const) ??
      DEFAULT_CLEANING.duplicates,
    missing:
      choiceOption<MissingStrategy>('missing', values.missing, [
        'drop',
        'mean',
        'median',
        'mode',
        'constant',
      ]) ?? DEFAULT_CLEANING.missing,
    outliers:
      outliers === 'none'
        ? 'none'
        : (choiceOption('outlier-method', values['outlier-method'], ['zscore', 'iqr'] as const) ??
          'zscore'),
    outlierAction: outliers === 'drop' ? 'drop' : 'clip',
    zThreshold: numberOption('z', values.z, 0) ?? DEFAULT_CLEANING.zThreshold,
    log1p: listOption(values.log1p) ?? [],
    padShortRows: values['pad-short-rows'] ?? false,
  };
  const options: AnalysisOptions = {
    ...DEFAULT_ANALYSIS_OPTIONS,
    features: listOption(values.features) ?? null,
    oneHot: listOption(values['one-hot']) ?? [],
    clean: cleaning,
    scale: choiceOption('scale', values.scale, SCALE_METHODS) ?? 'zscore',
    k: intOption('k', values.k, 1) ?? null,
    kMax: intOption('k-max', values['k-max'], 1, 50) ?? DEFAULT_ANALYSIS_OPTIONS.kMax,
    nInit: intOption('n-init', values['n-init'], 1, 1000) ?? DEFAULT_ANALYSIS_OPTIONS.nInit,
    seed: intOption('seed', values.seed, 0) ?? 0,
    silhouetteSample:
      intOption('silhouette-sample', values['silhouette-sample'], 2, 20000) ??
      DEFAULT_ANALYSIS_OPTIONS.silhouetteSample,
  };
  if (options.k !== null && options.k > options.kMax) options.kMax = options.k;
  Object.assign(options, algorithmOptions(values));
  if (options.algorithm === 'dbscan' && options.k !== null)
    throw new UserError(
      'bad-option',
      'DBSCAN finds the number of segments itself: leave out --k, or choose --algorithm kmeans or hierarchical.',
    );

  const path = positionals[0];
  const { source, close } = await fileSource(path);
  const progress = progressPrinter(io, !values.json);
  let table: Table;
  let analysis: AnalysisResult;
  let comparison: AlgorithmComparison | null = null;
  try {
    table = await readCsv(source, {
      ...readOptionsFrom(values),
      onProgress: (f) => progress('parse', f),
    });
    analysis = await analyzeTable(table, options, progress);
    if (values.compare)
      comparison = compareAlgorithms(
        table,
        options,
        Math.max(2, analysis.algorithm === 'dbscan' ? analysis.recommendation.k : analysis.k),
        progress,
        analysis.columns,
      );
  } finally {
    progress.done();
    await close();
  }
  if (values.out !== undefined) await writeExports(values.out, path, table, analysis);
  if (values.json)
    io.stdout.write(
      JSON.stringify({
        ...analysisJson(table, analysis),
        ...(comparison === null ? {} : { comparison }),
      }) + '\n',
    );
  else
    io.stdout.write(
      analysisText(path, table, analysis, values.out) +
        (comparison === null ? '' : comparisonText(comparison)),
    );
  return 0;
}

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

function analysisText(
  path: string,
  table: Table,
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
  void table;
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

function comparisonText(comparison: AlgorithmComparison): string {
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

/** The algorithm flags, checked against each other (a flag for another algorithm is a mistake). */
function algorithmOptions(values: {
  algorithm?: string;
  metric?: string;
  eps?: string;
  'min-pts'?: string;
  linkage?: string;
  'cut-height'?: string;
}): Partial<AnalysisOptions> {
  const algorithm =
    choiceOption('algorithm', values.algorithm, ['kmeans', 'dbscan', 'hierarchical'] as const) ??
    'kmeans';
  const misplaced = (flag: string, owner: string) =>
    new UserError(
      'bad-option',
      `${flag} applies to ${owner}: add --algorithm ${owner === 'DBSCAN' ? 'dbscan' : 'hierarchical'}.`,
    );
  if (algorithm !== 'dbscan' && (values.eps !== undefined || values['min-pts'] !== undefined))
    throw misplaced(values.eps !== undefined ? '--eps' : '--min-pts', 'DBSCAN');
  if (
    algorithm !== 'hierarchical' &&
    (values.linkage !== undefined || values['cut-height'] !== undefined)
  )
    throw misplaced(
      values.linkage !== undefined ? '--linkage' : '--cut-height',
      'hierarchical clustering',
    );
  const linkage =
    choiceOption('linkage', values.linkage, LINKAGES) ?? DEFAULT_ANALYSIS_OPTIONS.linkage;
  const metric = choiceOption('metric', values.metric, DISTANCE_METRICS) ?? 'euclidean';
  if (algorithm === 'hierarchical' && linkage === 'ward' && metric !== 'euclidean')
    throw new UserError(
      'bad-option',
      `Ward linkage works with Euclidean distances only: leave out --metric, or add --linkage complete, average or single.`,
    );
  const eps = numberOption('eps', values.eps, 0) ?? null;
  if (eps !== null && !(eps > 0))
    throw new UserError('bad-option', '--eps must be a number above 0, such as 0.5.');
  return {
    algorithm,
    metric,
    eps,
    minPts: intOption('min-pts', values['min-pts'], 1, 100000) ?? DEFAULT_ANALYSIS_OPTIONS.minPts,
    linkage,
    cutHeight: numberOption('cut-height', values['cut-height'], 0) ?? null,
  };
}

function fmt(value: number | null, width: number): string {
  return (value === null ? '' : value.toFixed(4)).padStart(width);
}

async function writeExports(
  dir: string,
  path: string,
  table: Table,
  analysis: AnalysisResult,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const chosen = resultFor(analysis, analysis.k)!;
  const kinds = effectiveKinds(analysis.columns, {});
  const numericColumns = kinds.map((kind) => kind === 'numeric' || kind === 'identifier');
  const labels = new Map(chosen.profiles.segments.map((s) => [s.id, s.label]));
  const spec = {
    table,
    rows: analysis.rows,
    labels: chosen.labels,
    segmentLabels: labels,
    numericColumns,
    pointKinds: analysis.pointKinds,
  };
  await writeFile(join(dir, 'segments.csv'), segmentCsvParts(spec).join(''));
  for (const segment of chosen.profiles.segments) {
    const name = exportFileName(`segment-${segment.id}`, segment.label);
    await writeFile(join(dir, name), segmentCsvParts({ ...spec, segment: segment.id }).join(''));
  }
  const setAside = listSetAside(analysis.dropReason, analysis.dropDetail);
  await writeFile(
    join(dir, 'set-aside.csv'),
    setAsideCsvParts(table, setAside, numericColumns).join(''),
  );
  void path;
}
