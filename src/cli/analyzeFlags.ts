import type { Language } from '../i18n/languages';
import { helpText } from './help';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
  type KindChoice,
  type PcaComponents,
} from '../core/analysis/analysisOptions';
import { COLUMN_KINDS, type ColumnKind } from '../core/read/inferColumns';
import { requireColumn } from '../core/read/table';
import {
  DEFAULT_CLEANING,
  type Cleaning,
  type ColumnMissing,
  type MissingCode,
  type MissingStrategy,
} from '../core/clean/cleanOptions';
import { withEntry } from '../core/common/columnChoices';
import { LINKAGES } from '../core/cluster/hierarchy/agglomerative';
import { DISTANCE_METRICS } from '../core/cluster/distance';
import { UserError } from '../core/common/userError';
import { SCALE_METHODS } from '../core/features/scale';
import { clusterDefaultsFor, clusterRowsOf } from '../core/analysis/clusterDefaults';
import type { AnalysisSession } from '../core/session/session';
import { EXPORT_DIALECTS, type ExportDialect } from '../core/export/csvFormat';
import { parseSegmentNames, type SegmentNames } from '../core/export/segmentNames';
import {
  HIERARCHY_FEWEST_ROWS,
  HIERARCHY_MOST_ROWS,
} from '../core/cluster/hierarchy/hierarchicalClustering';
import { choiceOption, intOption, listOption, numberOption } from './args';
import { READ_FLAGS } from './readChoiceFlags';

export function analyzeUsage(language: Language): string {
  return helpText(language, 'analyze');
}

export const ANALYZE_FLAGS = {
  features: { type: 'string' },
  'one-hot': { type: 'string' },
  log1p: { type: 'string' },
  k: { type: 'string' },
  'k-max': { type: 'string' },
  pca: { type: 'string' },
  'n-init': { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  missing: { type: 'string' },
  'missing-by': { type: 'string', multiple: true },
  kind: { type: 'string', multiple: true },
  'fill-value': { type: 'string' },
  'missing-code': { type: 'string', multiple: true },
  duplicates: { type: 'string' },
  outliers: { type: 'string' },
  'outlier-method': { type: 'string' },
  z: { type: 'string' },
  'pad-short-rows': { type: 'boolean' },
  'silhouette-sample': { type: 'string' },
  ...READ_FLAGS,
  out: { type: 'string' },
  'save-model': { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  algorithm: { type: 'string' },
  metric: { type: 'string' },
  eps: { type: 'string' },
  'min-pts': { type: 'string' },
  linkage: { type: 'string' },
  'cut-height': { type: 'string' },
  'tree-rows': { type: 'string' },
  compare: { type: 'boolean' },
  distribution: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const MISSING_STRATEGIES: readonly MissingStrategy[] = [
  'drop',
  'mean',
  'median',
  'mode',
  'constant',
];

type FlagValues = Partial<Record<keyof typeof ANALYZE_FLAGS, string | boolean | string[]>>;

/** The analysis options the flags ask for (every flag checked; the page's defaults otherwise). */
export function analysisOptionsFrom(values: FlagValues): AnalysisOptions {
  const text = (name: keyof typeof ANALYZE_FLAGS) => values[name] as string | undefined;
  // Same default as the page: outliers clipped at |z| > 3.
  const outliers =
    choiceOption('outliers', text('outliers'), ['none', 'clip', 'drop'] as const) ?? 'clip';
  const cleaning: Cleaning = {
    ...DEFAULT_CLEANING,
    duplicates:
      choiceOption('duplicates', text('duplicates'), ['drop', 'keep'] as const) ??
      DEFAULT_CLEANING.duplicates,
    missing:
      choiceOption<MissingStrategy>('missing', text('missing'), MISSING_STRATEGIES) ??
      DEFAULT_CLEANING.missing,
    outliers:
      outliers === 'none'
        ? 'none'
        : (choiceOption('outlier-method', text('outlier-method'), ['zscore', 'iqr'] as const) ??
          'zscore'),
    outlierAction: outliers === 'drop' ? 'drop' : 'clip',
    zThreshold: numberOption('z', text('z'), 0) ?? DEFAULT_CLEANING.zThreshold,
    log1p: listOption(text('log1p')) ?? [],
    padShortRows: values['pad-short-rows'] === true,
    missingByColumn: missingByOption(values['missing-by']),
    missingCodes: missingCodeOption(values['missing-code']),
  };
  cleaning.missingConstant = fillValueOption(text('fill-value'), cleaning);
  const options: AnalysisOptions = {
    ...DEFAULT_ANALYSIS_OPTIONS,
    kinds: kindOption(values.kind),
    features: listOption(text('features')) ?? null,
    oneHot: listOption(text('one-hot')) ?? [],
    clean: cleaning,
    scale: choiceOption('scale', text('scale'), SCALE_METHODS) ?? 'zscore',
    k: intOption('k', text('k'), 1) ?? null,
    kMax: intOption('k-max', text('k-max'), 1, 50) ?? DEFAULT_ANALYSIS_OPTIONS.kMax,
    nInit: intOption('n-init', text('n-init'), 1, 1000) ?? DEFAULT_ANALYSIS_OPTIONS.nInit,
    seed: intOption('seed', text('seed'), 0) ?? 0,
    silhouetteSample:
      intOption('silhouette-sample', text('silhouette-sample'), 2, 20000) ??
      DEFAULT_ANALYSIS_OPTIONS.silhouetteSample,
    pcaComponents: pcaOption(text('pca')),
  };
  if (options.k !== null && options.k > options.kMax) options.kMax = options.k;
  Object.assign(
    options,
    algorithmOptions({
      algorithm: text('algorithm'),
      metric: text('metric'),
      eps: text('eps'),
      'min-pts': text('min-pts'),
      linkage: text('linkage'),
      'cut-height': text('cut-height'),
      'tree-rows': text('tree-rows'),
    }),
  );
  if (options.algorithm === 'dbscan' && options.k !== null)
    throw new UserError('bad-option', 'cliDbscanK');

  return options;
}

/** The algorithm flags, checked against each other (a flag for another algorithm is a mistake). */
function algorithmOptions(values: {
  algorithm?: string;
  metric?: string;
  eps?: string;
  'min-pts'?: string;
  linkage?: string;
  'cut-height'?: string;
  'tree-rows'?: string;
}): Partial<AnalysisOptions> {
  const algorithm =
    choiceOption('algorithm', values.algorithm, ['kmeans', 'dbscan', 'hierarchical'] as const) ??
    'kmeans';
  const misplaced = (flag: string, owner: string) =>
    new UserError(
      'bad-option',
      owner === 'DBSCAN' ? 'cliMisplacedDbscan' : 'cliMisplacedHierarchy',
      { flag },
    );
  if (algorithm !== 'dbscan' && (values.eps !== undefined || values['min-pts'] !== undefined))
    throw misplaced(values.eps !== undefined ? '--eps' : '--min-pts', 'DBSCAN');
  const treeFlag = (['linkage', 'cut-height', 'tree-rows'] as const).find(
    (flag) => values[flag] !== undefined,
  );
  if (algorithm !== 'hierarchical' && treeFlag !== undefined)
    throw misplaced(`--${treeFlag}`, 'hierarchical clustering');
  const linkage =
    choiceOption('linkage', values.linkage, LINKAGES) ?? DEFAULT_ANALYSIS_OPTIONS.linkage;
  const metric = choiceOption('metric', values.metric, DISTANCE_METRICS) ?? 'euclidean';
  const eps = numberOption('eps', values.eps, 0) ?? null;
  if (eps !== null && !(eps > 0)) throw new UserError('bad-option', 'cliEps');
  return {
    algorithm,
    metric,
    eps,
    minPts: intOption('min-pts', values['min-pts'], 1, 100000) ?? DEFAULT_ANALYSIS_OPTIONS.minPts,
    linkage,
    cutHeight: numberOption('cut-height', values['cut-height'], 0) ?? null,
    treeMaxRows:
      intOption('tree-rows', values['tree-rows'], HIERARCHY_FEWEST_ROWS, HIERARCHY_MOST_ROWS) ??
      DEFAULT_ANALYSIS_OPTIONS.treeMaxRows,
  };
}

/**
 * The options with the page's restarts and silhouette sample for clustering `rows` rows
 * (clusterDefaultsFor), unless --n-init or --silhouette-sample gave them.
 */
export function withClusterDefaults(
  options: AnalysisOptions,
  values: { 'n-init'?: string; 'silhouette-sample'?: string },
  rows: number,
): AnalysisOptions {
  const defaults = clusterDefaultsFor(rows);
  return {
    ...options,
    nInit: values['n-init'] === undefined ? defaults.nInit : options.nInit,
    silhouetteSample:
      values['silhouette-sample'] === undefined
        ? defaults.silhouetteSample
        : options.silhouetteSample,
  };
}

/** The options analyze (and explain) cluster a session's rows with: the flags, the page's defaults. */
export function analyzeOptionsFor(
  values: FlagValues,
  options: AnalysisOptions,
  session: AnalysisSession,
): AnalysisOptions {
  // A kind for a column the file lacks is a typing slip: refused, not ignored.
  for (const { column } of options.kinds) requireColumn(session.table, column, 'bad-option');
  return withClusterDefaults(
    options,
    values as { 'n-init'?: string; 'silhouette-sample'?: string },
    clusterRowsOf(session.summary(), null),
  );
}

/** "COL=VALUE" split at its last "=" (a column name may hold one); null without a column or value. */
function columnAndValue(pair: string): [string, string] | null {
  const at = pair.lastIndexOf('=');
  const column = pair.slice(0, at).trim();
  const value = pair.slice(at + 1).trim();
  return at > 0 && column !== '' && value !== '' ? [column, value] : null;
}

function asList(value: string | boolean | string[] | undefined): string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** --kind COL=KIND, repeated: the user's correction of a column's detected kind. */
function kindOption(values: string | boolean | string[] | undefined): KindChoice[] {
  let kinds: KindChoice[] = [];
  for (const pair of asList(values)) {
    const parsed = columnAndValue(pair);
    if (parsed === null || !(COLUMN_KINDS as readonly string[]).includes(parsed[1]))
      throw new UserError('bad-option', 'cliKind', { value: pair });
    // The last one given for a column wins.
    const [column, kind] = parsed as [string, ColumnKind];
    kinds = withEntry(kinds, column, { column, kind });
  }
  return kinds;
}

/** --missing-code COL=N, repeated: the codes for "no value". */
function missingCodeOption(values: string | boolean | string[] | undefined): MissingCode[] {
  return asList(values).map((pair) => {
    const parsed = columnAndValue(pair);
    const value = parsed === null ? NaN : Number(parsed[1]);
    if (parsed === null || !Number.isFinite(value))
      throw new UserError('bad-option', 'cliMissingCode', { value: pair });
    return { column: parsed[0], value };
  });
}

/** --missing-by COL=STRATEGY, repeated: a column's own missing-value strategy. */
function missingByOption(values: string | boolean | string[] | undefined): ColumnMissing[] {
  let byColumn: ColumnMissing[] = [];
  for (const pair of asList(values)) {
    const parsed = columnAndValue(pair);
    if (parsed === null || !(MISSING_STRATEGIES as readonly string[]).includes(parsed[1]))
      throw new UserError('bad-option', 'cliMissingBy', { value: pair });
    // The last one given for a column wins.
    const [column, strategy] = parsed as [string, MissingStrategy];
    byColumn = withEntry(byColumn, column, { column, strategy });
  }
  return byColumn;
}

/**
 * --fill-value N: the constant missing values are filled with (the page's "Constant for missing
 * values"), any finite number; refused when no column is filled with a constant.
 */
function fillValueOption(value: string | undefined, cleaning: Cleaning): number {
  if (value === undefined) return DEFAULT_CLEANING.missingConstant;
  const parsed = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(parsed)) throw new UserError('bad-option', 'cliFillValue', { value });
  const constant =
    cleaning.missing === 'constant' ||
    cleaning.missingByColumn.some((rule) => rule.strategy === 'constant');
  if (!constant) throw new UserError('bad-option', 'cliFillValueUnused');
  return parsed;
}

function pcaOption(value: string | undefined): PcaComponents {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'all') return 'all';
  return intOption('pca', value, 1, 10_000) ?? 'auto';
}

/** The flags of analyze's own exports (#18); not shared with the commands that reuse the rest. */
export const EXPORT_FLAGS = {
  'export-dialect': { type: 'string' },
  'segment-name': { type: 'string', multiple: true },
} as const;

/** The CSV dialect of --export-dialect (#18): standard unless `input` is asked for. */
export function exportDialectFrom(values: { 'export-dialect'?: string }): ExportDialect {
  return choiceOption('export-dialect', values['export-dialect'], EXPORT_DIALECTS) ?? 'standard';
}

/** The names of --segment-name ID=NAME (#18); one that is not refused with what to write. */
export function segmentNamesFrom(
  values: { 'segment-name'?: string[] },
  k: number,
  hasNoise: boolean,
): SegmentNames {
  const parsed = parseSegmentNames(values['segment-name'] ?? []);
  if ('bad' in parsed)
    throw new UserError('bad-option', 'cliBadSegmentName', { entry: parsed.bad });
  const { segments, noise } = parsed.names;
  const beyond = segments.findIndex((name, id) => name !== null && id >= k);
  if (beyond >= 0)
    throw new UserError('bad-option', 'cliNoSuchSegment', { id: beyond, last: k - 1 });
  if (noise !== null && !hasNoise) throw new UserError('bad-option', 'cliNoNoise');
  return parsed.names;
}
