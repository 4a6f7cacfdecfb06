import { englishText } from '../../i18n/formatMessage';
import { message, type Message, type MessageKey, type MessageParams } from '../common/message';
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
  const render = options.render ?? englishText;
  const { clustering, preparation } = model;
  const say = (key: MessageKey, params?: MessageParams) => render(message(key, params));
  const lines = [
    say('sqlHeaderTitle', {
      version: commentText(model.appVersion),
      dialect: DIALECT_NAMES[options.dialect],
    }),
    say('sqlHeaderSaved', {
      format: commentText(model.formatVersion),
      saved: new Date(model.savedAt).toISOString(),
      file: commentText(model.source.fileName),
    }),
    say('sqlHeaderClusters', {
      rfm: model.rfm === null ? 'no' : 'yes',
      algorithm: clustering.algorithm,
      eps: clustering.algorithm === 'dbscan' ? String(clustering.eps) : '',
      metric: clustering.algorithm === 'kmeans' ? '' : clustering.metric,
      linkage: clustering.algorithm === 'hierarchical' ? clustering.linkage : '',
      segments: model.segments.length,
      features: preparation.featureNames.length,
      pca: preparation.pca === null ? 'no' : 'yes',
      components: clusteringDims(preparation),
    }),
    say('sqlHeaderReads', {
      table: commentText(table),
      columns: model.columns.map((c) => commentText(c.name)).join(', '),
    }),
  ];
  if (model.rfm === null) lines.push(say('sqlHeaderRowsColumns'), say('sqlHeaderRowsReturns'));
  else
    lines.push(
      say('sqlHeaderRfmDate', { column: commentText(model.rfm.mapping.date) }),
      say('sqlHeaderRfmNumbers'),
      say('sqlHeaderRfmReturns'),
    );
  if (clustering.algorithm === 'dbscan')
    lines.push(say('sqlHeaderDbscan', { count: clustering.coreSegments.length }));
  // A rendered line is one line: the user's texts in it are quoted by commentText.
  return lines.map((line) => `-- ${line.replace(/[\r\n\u2028\u2029]/g, ' ')}`);
}
