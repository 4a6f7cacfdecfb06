import type { NumericStep, Preparation } from '../model/modelFile';
import { columnList, double, sequentialSum, stringLiteral } from './sqlText';

/** A common table expression: `name AS (SELECT ...)`. */
export interface Cte {
  name: string;
  select: string;
  /** Computed once, not inlined where it is used (PostgreSQL would redo a VALUES list per row). */
  materialized?: boolean;
}

export interface FeatureCtes {
  ctes: Cte[];
  /** The last CTE: every carried column, `sl_set_aside`, and the coordinates. */
  last: string;
  /** The columns holding the coordinates the clustering measures distances in. */
  space: string[];
}

/** A carried column: an expression over the source, under an internal name. */
export interface Carried {
  expr: string;
  as: string;
}

/**
 * The saved preparation as a chain of CTEs over `from`, computing what prepareRows computes, with
 * the same operations in the same order: each input read as a double (NULL and NaN are missing)
 * or a trimmed text (NULL and '' are missing); fill, log1p, clip; the reason a row is set aside
 * ('missing', 'negative', 'outlier'); the kept features scaled; the principal components if the
 * clustering used them. Internal columns are named sl_*; user column names appear only inside
 * `inputs`, already quoted, so no name of theirs can clash with ours.
 */
export function featureCtes(
  preparation: Preparation,
  from: string,
  inputs: ReadonlyMap<string, string>,
  carried: readonly Carried[],
): FeatureCtes {
  const { numeric, oneHot, kept, scale, pca } = preparation;
  const input = (column: string) => inputs.get(column)!;
  const nan = "CAST('NaN' AS DOUBLE PRECISION)";
  const readColumns = [
    ...carried.map((c) => `${c.expr} AS ${c.as}`),
    ...numeric.map((step, i) => `${withoutCodes(step, input(step.column), nan)} AS sl_v${i}`),
    ...oneHot.map((step, j) => `NULLIF(TRIM(CAST(${input(step.column)} AS TEXT)), '') AS sl_c${j}`),
  ];
  const ctes: Cte[] = [
    { name: 'sl_input', select: `SELECT\n${columnList(readColumns)}\n  FROM ${from}` },
    {
      name: 'sl_filled',
      select: selectAll(
        'sl_input',
        numeric.map((step, i) => `${logged(step, i)} AS sl_u${i}`),
      ),
    },
    {
      name: 'sl_cleaned',
      select: selectAll('sl_filled', [
        `${setAsideSql(preparation)} AS sl_set_aside`,
        ...numeric.map((step, i) => `${clipped(step, `sl_u${i}`)} AS sl_w${i}`),
      ]),
    },
  ];
  // Input feature i: numeric step i, then each one-hot step's categories in order.
  const features: string[] = numeric.map((_, i) => `sl_w${i}`);
  oneHot.forEach((step, j) => {
    const value =
      step.fill === null || step.fill < 0
        ? `sl_c${j}`
        : `COALESCE(sl_c${j}, ${stringLiteral(step.categories[step.fill])})`;
    for (const category of step.categories)
      features.push(`CASE WHEN ${value} = ${stringLiteral(category)} THEN 1 ELSE 0 END`);
  });
  const scaled = kept.map(
    (input, k) =>
      `(${features[input]} - ${double(scale.center[k])}) / ${double(scale.scale[k])} AS sl_x${k}`,
  );
  ctes.push({ name: 'sl_scaled', select: selectAll('sl_cleaned', scaled) });
  let space = kept.map((_, k) => `sl_x${k}`);
  if (pca !== null) {
    const d = kept.length;
    const components = Array.from({ length: pca.count }, (_, c) => {
      const terms = space.map(
        (x, j) => `(${x} - ${double(pca.mean[j])}) * ${double(pca.components[c * d + j])}`,
      );
      return `${sequentialSum(terms)} AS sl_p${c}`;
    });
    ctes.push({ name: 'sl_projected', select: selectAll('sl_scaled', components) });
    space = components.map((_, c) => `sl_p${c}`);
  }
  return { ctes, last: ctes[ctes.length - 1].name, space };
}

export function selectAll(from: string, added: readonly string[]): string {
  return added.length === 0
    ? `SELECT * FROM ${from}`
    : `SELECT\n    *,\n${columnList(added)}\n  FROM ${from}`;
}

/** A numeric input read as a double, NaN and its missing codes made NULL (missing). */
function withoutCodes(step: NumericStep, column: string, nan: string): string {
  let value = `NULLIF(CAST(${column} AS DOUBLE PRECISION), ${nan})`;
  for (const code of step.missingCodes ?? []) value = `NULLIF(${value}, ${double(code)})`;
  return value;
}

/** A numeric input filled, then log(1 + x) (NULL for a negative value, which is set aside). */
function logged(step: NumericStep, i: number): string {
  const value = step.fill === null ? `sl_v${i}` : `COALESCE(sl_v${i}, ${double(step.fill)})`;
  if (!step.log1p) return value;
  return `CASE WHEN ${value} < 0 THEN NULL ELSE LN(1 + ${value}) END`;
}

/** Clipped to the saved limits, as the app clips (v < low ? low : v > high ? high : v). */
function clipped(step: NumericStep, value: string): string {
  if (step.clip === null) return value;
  const [low, high] = step.clip.map(double);
  return `CASE WHEN ${value} < ${low} THEN ${low} WHEN ${value} > ${high} THEN ${high} ELSE ${value} END`;
}

/** Why a row is set aside: 'missing', 'negative' (below 0 in a log1p column), 'outlier'; else NULL. */
function setAsideSql(preparation: Preparation): string {
  const missing = [
    ...preparation.numeric.flatMap((step, i) => (step.fill === null ? [`sl_v${i} IS NULL`] : [])),
    ...preparation.oneHot.flatMap((step, j) => (step.fill === null ? [`sl_c${j} IS NULL`] : [])),
  ];
  const negative = preparation.numeric.flatMap((step, i) =>
    step.log1p
      ? [`${step.fill === null ? `sl_v${i}` : `COALESCE(sl_v${i}, ${double(step.fill)})`} < 0`]
      : [],
  );
  const outlier = preparation.numeric.flatMap((step, i) => {
    if (step.dropOutside === null) return [];
    const [low, high] = step.dropOutside.map(double);
    return [`sl_u${i} < ${low} OR sl_u${i} > ${high}`];
  });
  const cases = [
    [missing, 'missing'],
    [negative, 'negative'],
    [outlier, 'outlier'],
  ] as const;
  const whens = cases
    .filter(([conditions]) => conditions.length > 0)
    .map(([conditions, reason]) => `WHEN ${conditions.join(' OR ')} THEN '${reason}'`);
  return whens.length === 0 ? 'CAST(NULL AS TEXT)' : `CASE ${whens.join(' ')} END`;
}
