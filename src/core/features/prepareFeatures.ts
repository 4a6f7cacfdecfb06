import { defaultFeatures, effectiveKinds, type AnalysisOptions } from '../analysis/analysisOptions';
import { cleanRows } from '../clean/cleanRows';
import { type FeatureSource } from '../clean/cleanOptions';
import type { PipelineProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { inferColumns, type ColumnKind, type ColumnSummary } from '../read/inferColumns';
import type { Table } from '../read/table';
import { scaleFeatures } from './scale';

/** The feature matrix an analysis clusters: the table's rows cleaned, encoded and scaled. */
export interface PreparedFeatures {
  columns: ColumnSummary[];
  kinds: ColumnKind[];
  cleaned: ReturnType<typeof cleanRows>;
  scaled: ReturnType<typeof scaleFeatures>;
  /** Features clustered on (constant ones left out by scaling). */
  features: FeatureSource[];
  n: number;
  d: number;
  notes: string[];
}

/** The options that decide the feature matrix (and nothing after it). */
export type FeatureChoice = Pick<
  AnalysisOptions,
  'kinds' | 'features' | 'oneHot' | 'clean' | 'scale'
>;

export function featureChoiceOf(options: FeatureChoice): FeatureChoice {
  const { kinds, features, oneHot, clean, scale } = options;
  return { kinds, features, oneHot, clean, scale };
}

/** Checks the chosen features, then cleans and scales: what every clustering starts from. */
export function prepareFeatures(
  table: Table,
  options: FeatureChoice,
  onProgress?: PipelineProgress,
  known?: ColumnSummary[],
): PreparedFeatures {
  const notes: string[] = [];
  const columns = known ?? inferColumns(table, (f) => onProgress?.('infer', f));
  const kinds = effectiveKinds(columns, options.kinds);
  const requested = options.features ?? defaultFeatures(columns, kinds);
  for (const name of requested) {
    const j = columns.findIndex((c) => c.name === name);
    if (j !== -1 && kinds[j] !== 'numeric') {
      throw new UserError(
        'bad-option',
        kinds[j] === 'categorical'
          ? `"${name}" is a categorical column, not a numeric one: choose numeric features, or one-hot encode it (--one-hot on the command line).`
          : `"${name}" is a ${kinds[j]} column, not a numeric one: choose numeric features, or change its kind to numeric.`,
      );
    }
  }
  if (options.features === null) {
    for (const [j, column] of columns.entries()) {
      if (kinds[j] === 'numeric' && !requested.includes(column.name) && column.note)
        notes.push(`${column.name}: ${column.note}`);
    }
  }
  if (requested.length + options.oneHot.length === 0) {
    // Features the file offers, all unticked: say so (a file without any gets the reason below).
    if (
      options.features !== null &&
      table.rowCount > 1 &&
      defaultFeatures(columns, kinds).length > 0
    ) {
      throw new UserError(
        'no-features',
        'No feature is chosen: tick "use as feature" for at least one numeric column.',
      );
    }
    const numeric = columns.filter((c, j) => kinds[j] === 'numeric' && c.min !== null);
    if (table.rowCount === 1) {
      throw new UserError(
        'too-few-rows',
        'This file has only one row of data: segments need at least two customers, one per row.',
      );
    }
    if (numeric.length > 0) {
      throw new UserError(
        'no-features',
        'Every numeric column has the same value on every row, so nothing tells the customers apart: choose a file with varied numbers.',
      );
    }
    throw new UserError(
      'no-features',
      'This file has no numeric column to cluster on: it needs at least one column of numbers (such as spend or visits).',
    );
  }

  const cleaned = cleanRows(
    table,
    { ...options.clean, features: requested, oneHot: options.oneHot },
    (f) => onProgress?.('clean', f),
  );
  for (const excluded of cleaned.report.excluded)
    notes.push(`${excluded.column} was left out of the features: ${excluded.reason}.`);
  notes.push(...cleaned.report.notes);
  const n = cleaned.rows.length;
  const inputNames = cleaned.features.map((f) => f.name);
  const scaled = scaleFeatures(
    cleaned.matrix,
    n,
    inputNames.length,
    inputNames,
    options.scale,
    (f) => onProgress?.('scale', f),
  );
  const features = Array.from(scaled.kept, (j) => cleaned.features[j]);
  const d = scaled.d;
  if (d === 0) {
    throw new UserError(
      'no-features',
      'Every chosen feature has the same value on every row, so there is nothing to cluster on: choose other features.',
    );
  }
  return { columns, kinds, cleaned, scaled, features, n, d, notes };
}
