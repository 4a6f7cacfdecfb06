import Papa from 'papaparse';
import { BOM, csvLine, neutraliseCell, PartWriter } from '../export/exportCsv';
import { rowSourceText, type Table } from '../read/table';

const BATCH_ROWS = 20_000;

/** Columns written after the file's own: their names, and each written record's cells. */
export interface AddedColumns {
  names: readonly string[];
  /** Appends the added cells of the r-th record written (already Excel-safe) to `cells`. */
  cells: (r: number, cells: string[]) => void;
}

/**
 * Records of a table with their original cells (re-read from the record's own text, never
 * re-formatted, Excel-safe) and added columns after them, in parts of about a megabyte, as the
 * other exports write them (see exportCsv.ts). Added names that clash with the file's columns
 * get a numeric suffix.
 */
export function recordsCsvParts(
  table: Table,
  records: ArrayLike<number>,
  added: AddedColumns,
  numericColumns: readonly boolean[],
): string[] {
  const names = table.columns.map((c) => c.name);
  const out = new PartWriter();
  const header = [...names, ...distinctNames(names, added.names)];
  out.write(BOM + csvLine(header.map((name) => neutraliseCell(name, false))));
  for (let start = 0; start < records.length; start += BATCH_ROWS) {
    const batch: number[] = [];
    for (let r = start; r < Math.min(records.length, start + BATCH_ROWS); r++)
      batch.push(records[r]);
    const fields = cellsOf(table, batch);
    batch.forEach((record, b) => {
      const cells = fields[b].map((cell, j) =>
        neutraliseCell(cell, genuineNumber(table, numericColumns, j, record)),
      );
      added.cells(start + b, cells);
      out.write(csvLine(cells));
    });
  }
  return out.finish();
}

function genuineNumber(
  table: Table,
  numericColumns: readonly boolean[],
  column: number,
  record: number,
): boolean {
  if (!numericColumns[column]) return false;
  const value = table.columns[column]?.numbers[record];
  return value !== undefined && value === value;
}

/** Each record's cells, read again from its text, padded or cut to the header's width. */
function cellsOf(table: Table, records: readonly number[]): string[][] {
  const width = table.columns.length;
  const parse = (text: string) =>
    Papa.parse<string[]>(text, { delimiter: table.dialect.delimiter, newline: '\n' }).data;
  const together = parse(records.map((record) => rowSourceText(table.rowText, record)).join('\n'));
  const rows =
    together.length === records.length
      ? together
      : // A record that does not read as one record on its own (a malformed one): one by one.
        records.map((record) => parse(rowSourceText(table.rowText, record))[0] ?? []);
  return rows.map((fields) =>
    fields.length === width
      ? fields
      : fields.length > width
        ? fields.slice(0, width)
        : [...fields, ...new Array<string>(width - fields.length).fill('')],
  );
}

/** `wanted` names made distinct from `existing` (and each other) by a numeric suffix. */
function distinctNames(existing: readonly string[], wanted: readonly string[]): string[] {
  const used = new Set(existing.map((name) => name.toLowerCase()));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
