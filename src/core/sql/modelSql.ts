import { englishText } from '../../i18n/formatMessage';
import type { Message } from '../common/message';
import { clusteringDims, type ModelFile } from '../model/modelFile';
import { rfmQuery } from './rfmSql';
import { rowsQuery, type QueryParts } from './rowsSql';
import { commentText, tableName, type SqlDialect } from './sqlText';

export interface ModelSqlOptions {
  dialect: SqlDialect;
  /** The table to score: a name, or its parts (["sales", "orders"] for sales.orders). */
  table: string | readonly string[];
  /** A column that identifies each row, returned first (rows models only); none by default. */
  id?: string | null;
  /** How segment labels and default names read (the user's language); English by default. */
  render?: (message: Message) => string;
}

const DIALECT_NAMES: Record<SqlDialect, string> = { duckdb: 'DuckDB', postgres: 'PostgreSQL' };

/**
 * One SELECT that reproduces a saved model over a table of the user's database: for a model of
 * rows, the whole path from each row's cells to its segment (fills, log1p, clipping, one-hot,
 * scaling, principal components, the nearest centre or DBSCAN's core rows); for an RFM model,
 * one GROUP BY customer over the order lines with the app's line rules, the saved cut points, the
 * named segments and the saved clusters. Constants carry 17 significant digits; identifiers are
 * quoted; the header names the model without letting a user's text end the comment.
 */
export function modelSql(model: ModelFile, options: ModelSqlOptions): string {
  const { dialect } = options;
  const render = options.render ?? englishText;
  const tableParts = typeof options.table === 'string' ? [options.table] : options.table;
  const table = tableName(tableParts);
  const id = options.id ?? null;
  const parts: QueryParts =
    model.rfm === null
      ? rowsQuery(model, table, id, render)
      : rfmQuery(model, model.rfm, table, dialect, render);
  const ctes = parts.ctes
    .map((cte) => `${cte.name} AS ${cte.materialized ? 'MATERIALIZED ' : ''}(\n  ${cte.select}\n)`)
    .join(',\n');
  return `${header(model, options, tableParts.join('.')).join('\n')}\nWITH\n${ctes}\n${parts.select};\n`;
}

function header(model: ModelFile, options: ModelSqlOptions, table: string): string[] {
  const dialect = DIALECT_NAMES[options.dialect];
  const algorithm =
    model.clustering.algorithm === 'kmeans'
      ? 'k-means'
      : model.clustering.algorithm === 'dbscan'
        ? `DBSCAN (eps ${model.clustering.eps}, ${model.clustering.metric})`
        : `hierarchical (${model.clustering.linkage}, ${model.clustering.metric})`;
  const features = model.preparation.featureNames.length;
  const lines = [
    `SegmentLens ${commentText(model.appVersion)}: a saved model as one query, for ${dialect}.`,
    `Model format ${commentText(model.formatVersion)}, saved ${new Date(model.savedAt).toISOString()} from ${commentText(model.source.fileName)}.`,
    `${model.rfm === null ? 'Rows' : 'RFM customers'}: ${algorithm}, ${model.segments.length} segments on ${features} features${model.preparation.pca === null ? '' : ` (${clusteringDims(model.preparation)} principal components)`}.`,
    `Reads the table ${commentText(table)}, columns ${model.columns.map((c) => commentText(c.name)).join(', ')}.`,
  ];
  if (model.rfm === null)
    lines.push(
      'Numeric columns must hold numbers (NULL or NaN is missing); one-hot columns text (NULL or blank is missing).',
      'Returns each row with segment, segment_label, distance to its centre, and set_aside',
      "('missing', 'negative', 'outlier': the saved cleaning leaves the row out; segment is then NULL).",
    );
  else
    lines.push(
      `The date column ${commentText(model.rfm.mapping.date)} must be a DATE or TIMESTAMP (without time zone): text dates are not parsed here.`,
      'Quantity, price and amount must be numbers; ids are compared as text with a trailing ".0" dropped.',
      'Returns one row per customer: recency, frequency, monetary, R, F, M, the named segment and the cluster.',
    );
  if (model.clustering.algorithm === 'dbscan')
    lines.push(
      `Holds DBSCAN's ${model.clustering.coreSegments.length} core rows (scaled features, no ids), as the model file does.`,
    );
  return lines.map((line) => `-- ${line}`);
}
