import { defaultFeatures } from '../analysis/analysisOptions';
import type { ColumnSummary } from '../read/inferColumns';
import { MAX_CLASSES } from './predictData';

/**
 * The columns the page offers as the target to predict: a categorical column of 2 to MAX_CLASSES
 * values (a yes/no, a tier), or a numeric one of exactly two (a 0/1; a count of visits is not
 * a class), never an identifier; two-valued first, in file order within each.
 */
export function predictTargets(columns: readonly ColumnSummary[]): string[] {
  const usable = columns.filter((c) =>
    c.kind === 'categorical'
      ? c.unique >= 2 && c.unique <= MAX_CLASSES
      : c.kind === 'numeric' && c.unique === 2,
  );
  return [...usable.filter((c) => c.unique === 2), ...usable.filter((c) => c.unique > 2)].map(
    (c) => c.name,
  );
}

/** The columns a model may learn from for a target: numeric and categorical, never the target. */
export function predictFeatureChoices(
  columns: readonly ColumnSummary[],
  target: string | null,
): string[] {
  return columns
    .filter((c) => (c.kind === 'numeric' || c.kind === 'categorical') && c.name !== target)
    .map((c) => c.name);
}

/** The features a target starts with: every usable numeric column but the target (as the CLI). */
export function defaultPredictFeatureNames(
  columns: readonly ColumnSummary[],
  target: string | null,
): string[] {
  return defaultFeatures(
    columns,
    columns.map((c) => c.kind),
  ).filter((name) => name !== target);
}
