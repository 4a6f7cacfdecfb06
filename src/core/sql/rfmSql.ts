import { message, type Message } from '../common/message';
import { segmentText, type ModelFile, type RfmModel } from '../model/modelFile';
import { MONETARY_MARGIN } from '../model/rfmCuts';
import { RFM_COLUMNS } from '../rfm/rfmClustering';
import { SCORE_LEVELS } from '../rfm/rfmSegments';
import { assignCtes, labelSql } from './assignSql';
import { featureCtes, selectAll, type Cte } from './featureSql';
import type { QueryParts } from './rowsSql';
import { columnList, double, identifier, integer, stringLiteral, type SqlDialect } from './sqlText';

const DAY_MS = 86_400_000;

/**
 * An id as the app keys it: the cell as text, trimmed, with a whole number's `.0` dropped
 * (`17850.0` and `17850` are one customer); blank is no id.
 */
function idKey(column: string): string {
  return `NULLIF(REGEXP_REPLACE(TRIM(CAST(${identifier(column)} AS TEXT)), '^([-+]?[0-9]+)\\.0+$', '\\1'), '')`;
}

/** A DATE or TIMESTAMP column as ms on a UTC clock, to the whole second (as the app reads dates). */
function timeMs(column: string, dialect: SqlDialect): string {
  const second = `date_trunc('second', CAST(${identifier(column)} AS TIMESTAMP))`;
  return dialect === 'duckdb'
    ? `CAST(epoch_ms(${second}) AS DOUBLE PRECISION)`
    : `CAST(EXTRACT(EPOCH FROM ${second}) * 1000 AS DOUBLE PRECISION)`;
}

/**
 * The app's cancellation rule (rfm/cancellations.ts, cancellationRule) in SQL: the order id is C +
 * digits and its quantity (or amount) is negative, or the table's other order ids are digits, or
 * the id without the C is in the table.
 */
function cancellationSql(
  order: string,
  quantity: string,
  table: string,
  dialect: SqlDialect,
): string {
  const matches = (text: string, pattern: string) =>
    dialect === 'duckdb' ? `regexp_matches(${text}, '${pattern}')` : `${text} ~ '${pattern}'`;
  const C_DIGITS = '^[cC][0-9]+$';
  const DIGITS = '^[-+]?[0-9]+(\\.0+)?$';
  const id = `TRIM(CAST(${identifier(order)} AS TEXT))`;
  // Inside a subquery a bare column would be the inner table's: the outer one is named.
  const outer = `TRIM(CAST(${table}.${identifier(order)} AS TEXT))`;
  const other = `TRIM(CAST(sl_other.${identifier(order)} AS TEXT))`;
  const othersAreDigits =
    `(SELECT COUNT(*) FILTER (WHERE ${matches(other, DIGITS)}) > 0 AND ` +
    `COUNT(*) FILTER (WHERE NOT ${matches(other, C_DIGITS)} AND NOT ${matches(other, DIGITS)}) = 0 ` +
    `FROM ${table} AS sl_other WHERE ${other} <> '')`;
  const paired =
    `EXISTS (SELECT 1 FROM ${table} AS sl_other WHERE ` +
    `REGEXP_REPLACE(${other}, '^([-+]?[0-9]+)\\.0+$', '\\1') = SUBSTRING(${outer} FROM 2))`;
  return (
    `COALESCE(${matches(id, C_DIGITS)} AND ` +
    `(CAST(${identifier(quantity)} AS DOUBLE PRECISION) < 0 OR ${othersAreDigits} OR ${paired}), FALSE)`
  );
}

/**
 * An RFM model as one query over the order lines in `table`: the lines the app keeps (a customer,
 * no cancellation, a date, positive quantity and price or amount), one GROUP BY customer for
 * recency, frequency and monetary value, the scores against the saved cut points, the named
 * segment of the saved map, and the cluster of the saved k-means.
 */
export function rfmQuery(
  model: ModelFile,
  rfm: RfmModel,
  table: string,
  dialect: SqlDialect,
  render: (m: Message) => string,
): QueryParts {
  const { mapping, cuts, means, map } = rfm;
  const number = (column: string) => `CAST(${identifier(column)} AS DOUBLE PRECISION)`;
  const money =
    mapping.amount !== null
      ? { value: number(mapping.amount), checks: [`${number(mapping.amount)} > 0`] }
      : {
          value: `${number(mapping.quantity!)} * ${number(mapping.price!)}`,
          checks: [`${number(mapping.quantity!)} > 0`, `${number(mapping.price!)} > 0`],
        };
  const lineColumns = [
    `${idKey(mapping.customer)} AS sl_customer`,
    ...(mapping.order === null ? [] : [`${idKey(mapping.order)} AS sl_order`]),
    `${timeMs(mapping.date, dialect)} AS sl_time`,
    `${money.value} AS sl_value`,
  ];
  const kept = [
    `${idKey(mapping.customer)} IS NOT NULL`,
    ...(mapping.order === null || rfm.cancellations === 'off'
      ? []
      : [
          `NOT ${cancellationSql(mapping.order, mapping.quantity ?? mapping.amount!, table, dialect)}`,
        ]),
    `${identifier(mapping.date)} IS NOT NULL`,
    ...money.checks,
  ];
  // As the app counts orders (rfm/sharedOrders.ts): where an order id is used
  // by several customers or on several days, an order is the id of one customer on one day;
  // without an order column, an order is a customer's day (rfm/rfm.ts, countOrders).
  const day = `CAST(FLOOR(sl_time / ${DAY_MS}) AS TEXT)`;
  const frequency =
    mapping.order === null
      ? `COUNT(DISTINCT ${day})`
      : `COUNT(DISTINCT CASE WHEN sl_shared THEN sl_lines.sl_order || ' @' || ${day} ` +
        'ELSE sl_lines.sl_order END) + COUNT(*) FILTER (WHERE sl_lines.sl_order IS NULL)';
  const sharedCte: Cte[] =
    mapping.order === null
      ? []
      : [
          {
            name: 'sl_orders',
            select: [
              'SELECT',
              '    sl_order,',
              `    COUNT(DISTINCT sl_customer) > 1 OR COUNT(DISTINCT ${day}) > 1 AS sl_shared`,
              '  FROM sl_lines',
              '  WHERE sl_order IS NOT NULL',
              '  GROUP BY sl_order',
            ].join('\n'),
          },
        ];
  const linesFrom =
    mapping.order === null
      ? 'sl_lines CROSS JOIN sl_snapshot'
      : 'sl_lines LEFT JOIN sl_orders ON sl_orders.sl_order = sl_lines.sl_order CROSS JOIN sl_snapshot';
  // A saved snapshot before the table's last order would give negative recencies, which apply
  // refuses: the query fails too, with the sentence as the text a cast cannot read as a number
  // (the cast depends on the lines, so neither engine evaluates it before it is needed).
  const snapshot =
    rfm.snapshot.rule === 'fixed'
      ? [
          'SELECT COALESCE(',
          `    CAST(CASE WHEN MAX(sl_time) > ${double(rfm.snapshot.at)} THEN ${stringLiteral(
            render(message('sqlSnapshotBeforeLastOrder', { snapshot: rfm.snapshot.at })),
          )} END AS INTEGER),`,
          `    ${double(rfm.snapshot.at)}`,
          '  ) AS sl_at',
          '  FROM sl_lines',
        ].join('\n')
      : `SELECT MAX(sl_time) + ${DAY_MS} AS sl_at FROM sl_lines`;
  const score = (value: string, list: readonly number[], better: '<' | '>', margin = 0) =>
    `1 + ${list
      .map((cut) => `CASE WHEN ${value} ${better} ${double(cut * (1 + margin))} THEN 1 ELSE 0 END`)
      .join(' + ')}`;
  const cell =
    map.scheme === 'rf-grid'
      ? `(sl_r - 1) * ${SCORE_LEVELS} + (sl_f - 1)`
      : `CASE WHEN sl_recency < ${double(means.recency)} THEN 0 ELSE 4 END + ` +
        `CASE WHEN sl_frequency > ${double(means.frequency)} THEN 0 ELSE 2 END + ` +
        `CASE WHEN sl_monetary > ${double(means.monetary * (1 + MONETARY_MARGIN))} THEN 0 ELSE 1 END`;
  const named = `CASE sl_cell ${map.cells.map((s, c) => `WHEN ${integer(c)} THEN ${integer(s)}`).join(' ')} END`;
  const ctes: Cte[] = [
    {
      name: 'sl_lines',
      select: `SELECT\n${columnList(lineColumns)}\n  FROM ${table}\n  WHERE ${kept.join('\n    AND ')}`,
    },
    ...sharedCte,
    { name: 'sl_snapshot', select: snapshot },
    {
      name: 'sl_customers',
      select: [
        'SELECT',
        '    sl_customer,',
        `    FLOOR((MAX(sl_snapshot.sl_at) - MAX(sl_time)) / ${DAY_MS}) AS sl_recency,`,
        `    ${frequency} AS sl_frequency,`,
        '    SUM(sl_value) AS sl_monetary',
        `  FROM ${linesFrom}`,
        '  GROUP BY sl_customer',
      ].join('\n'),
    },
    {
      name: 'sl_scores',
      select: selectAll('sl_customers', [
        `${score('sl_recency', cuts.recency, '<')} AS sl_r`,
        `${score('sl_frequency', cuts.frequency, '>')} AS sl_f`,
        `${score('sl_monetary', cuts.monetary, '>', MONETARY_MARGIN)} AS sl_m`,
      ]),
    },
    { name: 'sl_cells', select: selectAll('sl_scores', [`${cell} AS sl_cell`]) },
    { name: 'sl_named', select: selectAll('sl_cells', [`${named} AS sl_named`]) },
  ];
  const carried = [
    'sl_customer',
    'sl_recency',
    'sl_frequency',
    'sl_monetary',
    'sl_r',
    'sl_f',
    'sl_m',
    'sl_named',
  ];
  const inputs = new Map([
    [RFM_COLUMNS.r, 'sl_recency'],
    [RFM_COLUMNS.f, 'sl_frequency'],
    [RFM_COLUMNS.m, 'sl_monetary'],
  ]);
  const features = featureCtes(
    model.preparation,
    'sl_named',
    inputs,
    carried.map((c) => ({ expr: c, as: `${c}_` })),
  );
  const assign = assignCtes(model.clustering, features.last, features.space);
  const names = map.names.map((name) => (typeof name === 'string' ? name : render(name)));
  const clusters = model.segments.map((s) => segmentText(s, render));
  const columns = [
    'sl_customer_ AS "customer"',
    'sl_recency_ AS "recency"',
    'sl_frequency_ AS "frequency"',
    'sl_monetary_ AS "monetary"',
    'sl_r_ AS "R"',
    'sl_f_ AS "F"',
    'sl_m_ AS "M"',
    'sl_named_ AS "segment"',
    `${labelSql('sl_named_', names, null)} AS "segment_label"`,
    'sl_segment AS "cluster"',
    `${labelSql('sl_segment', clusters, null)} AS "cluster_label"`,
    'sl_distance AS "distance"',
  ];
  return {
    ctes: [...ctes, ...features.ctes, ...assign],
    select: `SELECT\n${columnList(columns)}\nFROM sl_segmented`,
  };
}
