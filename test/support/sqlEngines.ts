import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelFile } from '../../src/core/model/modelFile';
import { formatDateTime, parseDate, type DateOrder } from '../../src/core/read/parseDate';
import { cellText, columnIndex, ROW_OK, type Table } from '../../src/core/read/table';
import { identifier } from '../../src/core/sql/sqlText';

/** A real SQL engine in this process: DuckDB through its node package, or PGlite. */
export interface Engine {
  name: 'duckdb' | 'postgres';
  /** Rows as objects keyed by column name; numbers as numbers (BIGINT too), NULL as null. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Creates a table from CSV text whose first line names its columns. */
  load(table: string, columns: readonly LoadColumn[], csv: string): Promise<void>;
  close(): Promise<void>;
}

export type LoadType = 'double' | 'text' | 'timestamp' | 'integer';
export interface LoadColumn {
  name: string;
  type: LoadType;
}

const SQL_TYPES: Record<LoadType, string> = {
  double: 'DOUBLE PRECISION',
  text: 'TEXT',
  timestamp: 'TIMESTAMP',
  integer: 'BIGINT',
};

export async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const dir = await mkdtemp(join(tmpdir(), 'segmentlens-duckdb-'));
  let files = 0;
  return {
    name: 'duckdb',
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      return reader
        .getRows()
        .map((row) => Object.fromEntries(names.map((name, i) => [name, plain(row[i])])));
    },
    async load(table, columns, csv) {
      const path = join(dir, `${files++}.csv`);
      await writeFile(path, csv);
      await connection.run(createTable(table, columns));
      await connection.run(
        `COPY ${identifier(table)} FROM '${path}' (FORMAT csv, HEADER true, QUOTE '"', ESCAPE '"')`,
      );
    },
    async close() {
      connection.closeSync();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function openPglite(): Promise<Engine> {
  const db = new PGlite();
  return {
    name: 'postgres',
    async query(sql) {
      const result = await db.query<Record<string, unknown>>(sql);
      return result.rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])),
      );
    },
    async load(table, columns, csv) {
      await db.exec(createTable(table, columns));
      await db.query(
        `COPY ${identifier(table)} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`,
        [],
        {
          blob: new Blob([csv]),
        },
      );
    },
    close: () => db.close(),
  };
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object' && value !== null && 'toDouble' in value)
    return (value as { toDouble(): number }).toDouble();
  return value;
}

function createTable(table: string, columns: readonly LoadColumn[]): string {
  return `CREATE TABLE ${identifier(table)} (${columns
    .map((c) => `${identifier(c.name)} ${SQL_TYPES[c.type]}`)
    .join(', ')})`;
}

function csvText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The table's readable rows as CSV for the engines, each with its record index in `_row`: the
 * values the app reads (numbers as numbers, categories as their text, dates parsed in the given
 * order and written as timestamps), so that the engines see what the app sees.
 */
export function tableCsv(
  table: Table,
  columns: readonly LoadColumn[],
  dateOrder: DateOrder = 'ymd',
): { columns: LoadColumn[]; csv: string; rows: number[] } {
  const indices = columns.map((c) => columnIndex(table, c.name));
  const lines = [['_row', ...columns.map((c) => c.name)].map(csvText).join(',')];
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    if (table.rowStatus[i] !== ROW_OK) continue;
    rows.push(i);
    const cells = columns.map((c, j) => {
      const column = table.columns[indices[j]];
      if (c.type === 'double' || c.type === 'integer') {
        const v = column.numbers[i];
        return v === v ? String(v) : '';
      }
      const text = cellText(column, i);
      if (c.type === 'timestamp') {
        const time = parseDate(text, dateOrder);
        return time === time ? formatDateTime(time) : '';
      }
      return text === '' ? '' : csvText(text);
    });
    lines.push([String(i), ...cells].join(','));
  }
  return {
    columns: [{ name: '_row', type: 'integer' }, ...columns],
    csv: lines.join('\n') + '\n',
    rows,
  };
}

/** The columns a model reads, typed as its SQL expects them. */
export function modelColumns(model: ModelFile): LoadColumn[] {
  if (model.rfm !== null) {
    const { mapping } = model.rfm;
    const columns: LoadColumn[] = [
      { name: mapping.customer, type: 'text' },
      { name: mapping.date, type: 'timestamp' },
    ];
    if (mapping.order !== null) columns.push({ name: mapping.order, type: 'text' });
    for (const name of [mapping.quantity, mapping.price, mapping.amount])
      if (name !== null) columns.push({ name, type: 'double' });
    return columns;
  }
  return [
    ...model.preparation.numeric.map((s): LoadColumn => ({ name: s.column, type: 'double' })),
    ...model.preparation.oneHot.map((s): LoadColumn => ({ name: s.column, type: 'text' })),
  ];
}

/** Loads the rows of a table a model reads into an engine, as `table`; returns their records. */
export async function loadForModel(
  engine: Engine,
  name: string,
  table: Table,
  model: ModelFile,
): Promise<number[]> {
  const { columns, csv, rows } = tableCsv(table, modelColumns(model), model.rfm?.dateOrder);
  await engine.load(name, columns, csv);
  return rows;
}
