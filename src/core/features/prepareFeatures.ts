import { defaultFeatures, effectiveKinds, type AnalysisOptions } from '../analysis/analysisOptions';
import { cleanRows } from '../clean/cleanRows';
import { type FeatureSource } from '../clean/cleanOptions';
import type { PipelineProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { inferColumns, type ColumnKind, type ColumnSummary } from '../read/inferColumns';
import type { Table } from '../read/table';
import { scaleFeatures } from './scale';
import { message, type Message } from '../common/message';

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
  notes: Message[];
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
  const notes: Message[] = [];
  const columns = known ?? inferColumns(table, (f) => onProgress?.('infer', f));
  const kinds = effectiveKinds(columns, options.kinds);
  const requested = options.features ?? defaultFeatures(columns, kinds);
  for (const name of requested) {
    const j = columns.findIndex((c) => c.name === name);
    if (j !== -1 && kinds[j] !== 'numeric') {
      throw kinds[j] === 'categorical'
        ? new UserError(
            'bad-option',
            options.oneHot.includes(name) ? 'featureAlsoOneHot' : 'featureCategorical',
            { name },
          )
        : new UserError('bad-option', 'featureWrongKind', { name, kind: kinds[j] });
    }
  }
  if (options.features === null) {
    for (const [j, column] of columns.entries()) {
      if (kinds[j] === 'numeric' && !requested.includes(column.name) && column.note)
        notes.push(message('featureUnusedNote', { column: column.name, note: column.note }));
    }
  }
  if (requested.length + options.oneHot.length === 0) {
    // Features the file offers, all unticked: say so (a file without any gets the reason below).
    if (
      options.features !== null &&
      table.rowCount > 1 &&
      defaultFeatures(columns, kinds).length > 0
    ) {
      throw new UserError('no-features', 'featureNoneChosen');
    }
    const numeric = columns.filter((c, j) => kinds[j] === 'numeric' && c.min !== null);
    if (table.rowCount === 1) {
      throw new UserError('too-few-rows', 'featureOneRow');
    }
    if (numeric.length > 0) {
      throw new UserError('no-features', 'featureAllConstant');
    }
    throw new UserError('no-features', 'featureNoNumeric');
  }

  const cleaned = cleanRows(
    table,
    { ...options.clean, features: requested, oneHot: options.oneHot },
    (f) => onProgress?.('clean', f),
  );
  for (const excluded of cleaned.report.excluded)
    notes.push(message('featureLeftOut', { column: excluded.column, reason: excluded.reason }));
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
    throw new UserError('no-features', 'featureChosenConstant');
  }
  checkFinite(
    scaled.matrix,
    n,
    d,
    (j) => features[j].name,
    (i) => table.rowText.line[cleaned.rows[i]],
  );
  return { columns, kinds, cleaned, scaled, features, n, d, notes };
}

/**
 * The scaled matrix holds finite numbers only: what PCA and every clustering rely on. The reader
 * and the scaler make this so by construction (magnitudes beyond 1e100 are not read as numbers,
 * spreads too small to divide by leave a feature out); should a value still not be finite, the
 * user gets the column and line in a sentence, never a numeric library's failure.
 */
export function checkFinite(
  matrix: Float64Array,
  n: number,
  d: number,
  featureName: (j: number) => string,
  lineOf: (i: number) => number,
): void {
  for (let k = 0; k < n * d; k++) {
    const v = matrix[k];
    if (v - v !== 0) {
      const i = Math.floor(k / d);
      throw new UserError('bad-option', 'featureNotFinite', {
        column: featureName(k - i * d),
        line: lineOf(i),
      });
    }
  }
}
