import type { ModelClustering } from '../model/modelFile';
import { distanceSql, squaredEuclideanSql, sumOfSquares, sumOfSquaresSql } from './distanceSql';
import { selectAll, type Cte } from './featureSql';
import { columnList, double, integer, plainDecimal, stringLiteral } from './sqlText';

/**
 * CTEs that give every row `sl_segment` and `sl_distance` from its coordinates (`space`, columns
 * of `from`), by the rule applyModel uses: the nearest centre (k-means by squared Euclidean
 * distance; hierarchical by the tree's distance), ties to the lower segment; or DBSCAN's first
 * saved core row within eps, else -1. Rows set aside get NULL.
 */
export function assignCtes(clustering: ModelClustering, from: string, space: string[]): Cte[] {
  if (clustering.algorithm === 'dbscan') return dbscanCtes(clustering, from, space);
  const dims = space.length;
  const { centres } = clustering;
  const k = centres.length / dims;
  const centre = (c: number) =>
    Array.from({ length: dims }, (_, j) => double(centres[c * dims + j]));
  const squared = clustering.algorithm === 'kmeans';
  const ctes: Cte[] = [];
  let source = from;
  if (!squared && clustering.metric === 'cosine') {
    ctes.push({
      name: 'sl_norms',
      select: selectAll(from, [`${sumOfSquaresSql(space)} AS sl_na`]),
    });
    source = 'sl_norms';
  }
  const distances = Array.from({ length: k }, (_, c) => {
    const values = centres.slice(c * dims, c * dims + dims);
    const expression = squared
      ? squaredEuclideanSql(space, centre(c))
      : distanceSql(clustering.metric, space, centre(c), 'sl_na', double(sumOfSquares(values)));
    return `${expression} AS sl_d${c}`;
  });
  ctes.push({ name: 'sl_distances', select: selectAll(source, distances) });
  const all = Array.from({ length: k }, (_, c) => `sl_d${c}`);
  ctes.push({
    name: 'sl_nearest',
    select: selectAll('sl_distances', [
      `${k === 1 ? all[0] : `LEAST(${all.join(', ')})`} AS sl_best`,
    ]),
  });
  const firstNearest = all.map((d, c) => `WHEN ${d} = sl_best THEN ${integer(c)}`).join(' ');
  ctes.push({
    name: 'sl_segmented',
    select: selectAll('sl_nearest', [
      `CASE WHEN sl_set_aside IS NOT NULL THEN NULL ${firstNearest} END AS sl_segment`,
      `CASE WHEN sl_set_aside IS NOT NULL THEN NULL ELSE ${squared ? 'SQRT(sl_best)' : 'sl_best'} END AS sl_distance`,
    ]),
  });
  return ctes;
}

/**
 * DBSCAN: the core rows as a VALUES list (their coordinates as texts, read as doubles once), and
 * for each row the first of them, in saved order, within eps under the saved metric.
 */
function dbscanCtes(
  clustering: Extract<ModelClustering, { algorithm: 'dbscan' }>,
  from: string,
  space: string[],
): Cte[] {
  const dims = space.length;
  const { cores, coreSegments, metric, eps } = clustering;
  const values = coreSegments.map((segment, i) => {
    const coordinates = Array.from({ length: dims }, (_, j) =>
      stringLiteral(plainDecimal(cores[i * dims + j])),
    );
    return `(${[integer(i), integer(segment), ...coordinates].join(', ')})`;
  });
  const names = ['sl_core', 'sl_core_segment', ...space.map((_, j) => `sl_k${j}`)];
  const coreColumns = space.map((_, j) => `sl_k${j}`);
  const ctes: Cte[] = [
    {
      name: 'sl_cores',
      materialized: true,
      select: `SELECT\n${columnList([
        'sl_core',
        'sl_core_segment',
        ...coreColumns.map((c) => `CAST(${c} AS DOUBLE PRECISION) AS ${c}`),
      ])}\n  FROM (VALUES\n${columnList(values)}\n  ) AS sl_core_values(${names.join(', ')})`,
    },
  ];
  // Rows numbered once (a materialized CTE), so that the matches found below join back to them.
  ctes.push({
    name: 'sl_numbered',
    materialized: true,
    select: selectAll(from, [
      'ROW_NUMBER() OVER () AS sl_rowid',
      ...(metric === 'cosine' ? [`${sumOfSquaresSql(space)} AS sl_na`] : []),
    ]),
  });
  let coreSource = 'sl_cores';
  if (metric === 'cosine') {
    ctes.push({
      name: 'sl_core_norms',
      materialized: true,
      select: selectAll('sl_cores', [`${sumOfSquaresSql(coreColumns)} AS sl_nb`]),
    });
    coreSource = 'sl_core_norms';
  }
  const rowSide = space.map((x) => `sl_row.${x}`);
  const coreSide = coreColumns.map((c) => `sl_core_row.${c}`);
  const distance = distanceSql(metric, rowSide, coreSide, 'sl_row.sl_na', 'sl_core_row.sl_nb');
  // Under Euclidean, Manhattan and Chebyshev distances no coordinate differs by more than the
  // distance: checking a few coordinates first (with a little slack, since the exact test
  // follows) spares the engine the full distance for most pairs, without changing any match.
  const slack = double(eps * (1 + 1e-9));
  const prefilter =
    metric === 'cosine'
      ? []
      : rowSide.slice(0, 4).map((x, j) => `ABS(${x} - ${coreSide[j]}) <= ${slack}`);
  // Every pair within eps, then each row's first core row: one join and one GROUP BY, which
  // both engines run far faster than a per-row subquery ordered by core.
  ctes.push({
    name: 'sl_first_core',
    select: [
      'SELECT sl_row.sl_rowid, MIN(sl_core_row.sl_core) AS sl_core',
      `  FROM sl_numbered AS sl_row`,
      `  JOIN ${coreSource} AS sl_core_row`,
      `    ON ${[...prefilter, `${distance} <= ${double(eps)}`].join('\n    AND ')}`,
      '  WHERE sl_row.sl_set_aside IS NULL',
      '  GROUP BY sl_row.sl_rowid',
    ].join('\n'),
  });
  ctes.push({
    name: 'sl_segmented',
    select: [
      'SELECT',
      '    sl_row.*,',
      '    CASE WHEN sl_row.sl_set_aside IS NOT NULL THEN NULL ELSE COALESCE(sl_core_row.sl_core_segment, -1) END AS sl_segment,',
      `    CASE WHEN sl_core_row.sl_core IS NULL THEN NULL ELSE ${distance} END AS sl_distance`,
      '  FROM sl_numbered AS sl_row',
      '  LEFT JOIN sl_first_core AS sl_first ON sl_first.sl_rowid = sl_row.sl_rowid',
      `  LEFT JOIN ${coreSource} AS sl_core_row ON sl_core_row.sl_core = sl_first.sl_core`,
    ].join('\n'),
  });
  return ctes;
}

/** `CASE sl_segment WHEN 0 THEN 'label' ... END`: the segment's name or label as text. */
export function labelSql(
  segmentColumn: string,
  labels: readonly string[],
  noise: string | null,
): string {
  const whens = labels.map((label, s) => `WHEN ${integer(s)} THEN ${stringLiteral(label)}`);
  if (noise !== null) whens.push(`WHEN -1 THEN ${stringLiteral(noise)}`);
  return `CASE ${segmentColumn} ${whens.join(' ')} END`;
}
