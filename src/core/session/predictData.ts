import { encodeClasses, positiveClass, type PredictInput } from '../classify/predictModels';
import type { CleanReport, FeatureSource } from '../clean/cleanOptions';
import { cleanRows } from '../clean/cleanRows';
import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { cellText, requireColumn } from '../read/table';
import type { PredictRequest } from './predictRequest';
import type { AnalysisSession } from './session';
import { stageKey } from './stageCache';

/** A target with more classes than this is refused: predicting is classification, not regression. */
export const MAX_CLASSES = 20;

/** The rows, features and target of a request, cleaned: what its models train and test on. */
export interface PredictData {
  key: string;
  input: PredictInput;
  /** Record index of each row of `input` (the cleaned rows, ascending). */
  records: Int32Array;
  features: FeatureSource[];
  positive: number | null;
  cleaning: CleanReport;
  /** Rows kept by cleaning whose target is missing (not trained or tested on; still predicted). */
  unlabelled: number;
  notes: Message[];
}

/** What decides a request's data: rows, features and target are cleaned once per key. */
export function predictDataKey(request: PredictRequest): string {
  const { target, features, cleaning } = request;
  return stageKey(target, features, cleaning);
}

/**
 * The rows, features and target of a request: the features cleaned as the analysis cleans them
 * (numeric columns as they are, categorical ones one-hot), the target's classes on those rows
 * (missing where the cell is empty).
 */
export function preparePredictData(
  session: AnalysisSession,
  request: PredictRequest,
  onProgress?: StageProgress,
): PredictData {
  const { target, features, cleaning } = request;
  const key = predictDataKey(request);
  const { table, columns } = session;
  const targetIndex = requireColumn(table, target, 'bad-option');
  if (features.includes(target))
    throw new UserError('bad-option', 'classifyTargetIsFeature', { name: target });
  if (features.length === 0) throw new UserError('no-features', 'classifyNoFeatures');
  const numeric: string[] = [];
  const categorical: string[] = [];
  for (const name of features) {
    const kind = columns[requireColumn(table, name, 'bad-option')].kind;
    if (kind === 'numeric') numeric.push(name);
    else if (kind === 'categorical') categorical.push(name);
    else throw new UserError('bad-option', 'classifyFeatureKind', { name, kind });
  }
  const cleaned = cleanRows(
    table,
    { ...cleaning, features: numeric, oneHot: categorical },
    onProgress,
  );
  const column = table.columns[targetIndex];
  const { codes, classes } = encodeClasses(
    Array.from(cleaned.rows, (row) => cellText(column, row)),
  );
  if (classes.length > MAX_CLASSES)
    throw new UserError('bad-option', 'classifyTooManyClasses', {
      name: target,
      classes: classes.length,
      most: MAX_CLASSES,
      numeric: columns[targetIndex].kind === 'numeric' ? 'yes' : 'no',
    });
  let unlabelled = 0;
  for (const code of codes) if (code < 0) unlabelled++;
  const notes: Message[] = [
    ...cleaned.report.excluded.map((excluded) =>
      message('featureLeftOut', { column: excluded.column, reason: excluded.reason }),
    ),
    ...cleaned.report.notes,
  ];
  if (unlabelled > 0) notes.push(message('classifyUnlabelled', { rows: unlabelled, target }));
  return {
    key,
    input: {
      matrix: cleaned.matrix,
      n: cleaned.rows.length,
      d: cleaned.features.length,
      target: codes,
      classes,
    },
    records: cleaned.rows,
    features: cleaned.features,
    positive: positiveClass(classes),
    cleaning: cleaned.report,
    unlabelled,
    notes,
  };
}
