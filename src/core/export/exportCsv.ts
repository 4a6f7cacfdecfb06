import Papa from 'papaparse';
import { POINT_KIND_NAMES } from '../cluster/density/densityClustering';
import type { ColumnKind } from '../read/inferColumns';
import { rowSourceText, type Table } from '../read/table';
import { convertNumberCell, STANDARD_CSV, type CsvFormat } from './csvFormat';
import type { SegmentLabels } from '../cluster/segmentLabels';

/**
 * Characters that make a spreadsheet run a cell as a formula when they start it (OWASP's list,
 * plus their full-width forms, which some spreadsheets fold to ASCII).
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/**
 * What a spreadsheet skips before it decides whether a cell is a formula: spaces of every width,
 * vertical tab, form feed, zero-width spaces and joiners, the byte-order mark.
 */
const INVISIBLE_START = /^[\s\u180e\u200b-\u200f\u2060\ufeff]+/;

/**
 * A number as a spreadsheet reads one, with a decimal point (`-5`, `+1.5`, `1,234.5`, `.5`,
 * `2e-3`, `12%`) or, as European spreadsheets do, a decimal comma (`-1,5`, `-1.234,5`).
 */
const PLAIN_NUMBER = [
  /^ *[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%? *$/,
  /^ *[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?%? *$/,
];

/** Whether `text` is a number a spreadsheet reads as such (and never as a formula). */
export function isPlainNumber(text: string): boolean {
  return /\d/.test(text) && PLAIN_NUMBER.some((pattern) => pattern.test(text));
}

/**
 * A cell that would start a formula gets a leading apostrophe, unless it is a plain number in a
 * column that may hold numbers (so `-5` stays a number, while `-USD5` or `+EUR12`, which the
 * analysis reads as amounts, are formulas over cell references to a spreadsheet). Invisible
 * characters and spaces before the formula do not hide it. Unlike PapaParse's escapeFormulae, a
 * cell with line breaks is checked too.
 */
export function neutraliseCell(text: string, mayBeNumber: boolean): string {
  if (text.length === 0) return text;
  if (mayBeNumber && isPlainNumber(text)) return text;
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(INVISIBLE_START, ''))
    ? `'${text}`
    : text;
}

/**
 * Per column: does it hold numbers, so that a leading minus is a sign and not a formula? The
 * one rule every export uses (numeric and identifier columns).
 */
export function numberColumns(kinds: readonly ColumnKind[]): boolean[] {
  return kinds.map((kind) => kind === 'numeric' || kind === 'identifier');
}

/**
 * Quotes a field when it holds the delimiter (a comma unless said), a quote, a line break, or edge
 * spaces. A NUL byte (from a damaged row, set aside) is written as U+FFFD, the replacement
 * character: spreadsheets take a file with NULs for a binary one.
 */
export function csvField(text: string, delimiter: string = ','): string {
  if (text.indexOf('\u0000') !== -1) text = text.replaceAll('\u0000', '\ufffd');
  if (/["\r\n]/.test(text) || text.includes(delimiter) || /^\s|\s$/.test(text))
    return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(fields: readonly string[], delimiter: string = ','): string {
  return fields.map((field) => csvField(field, delimiter)).join(delimiter) + '\r\n';
}

/** A UTF-8 byte-order mark, so that Excel opens the export as UTF-8 (names in any script). */
export const BOM = '\uFEFF';

const PART_LENGTH = 1 << 20;
const BATCH_ROWS = 20_000;

export interface SegmentExport {
  table: Table;
  /** Record indices of the analysed rows. */
  rows: Int32Array;
  /** Segment of each analysed row. */
  labels: SegmentLabels;
  /** Readable label of each segment id. */
  segmentLabels: ReadonlyMap<number, string>;
  /** Per column of the table: does it hold numbers (so a leading minus is a sign)? */
  numericColumns: readonly boolean[];
  /** Only this segment's rows; all rows when undefined. */
  segment?: number;
  /** DBSCAN's kind of each analysed row: adds a `dbscan_point` column (core, border, noise, joined). */
  pointKinds?: Uint8Array | null;
  /**
   * All rows only: why each record left out of the analysis was set aside, in the user's language.
   * They are written in file order with an empty segment and a `set_aside_reason` column, so that
   * every record of the file is in the export exactly once.
   */
  setAside?: ReadonlyMap<number, string> | null;
  /** Delimiter and decimal separator to write (standard CSV when absent). */
  format?: CsvFormat;
  /** Per column of the table: numbers to re-write when the decimal separator changes. */
  decimalColumns?: readonly boolean[];
}

/**
 * The original columns of every analysed row, as the user wrote them (re-read from the row's own
 * text, never re-formatted: only a number's decimal separator changes when the format asks),
 * plus `segment` and `segment_label` (and, after DBSCAN, `dbscan_point`; with the rows set aside,
 * `set_aside_reason`). Returned in parts of about a megabyte so a million rows never become one
 * giant string; a Blob takes the parts as they are.
 */
export function segmentCsvParts(spec: SegmentExport): string[] {
  const { table, rows, labels, segmentLabels, numericColumns, segment } = spec;
  const pointKinds = spec.pointKinds ?? null;
  const setAside = segment === undefined ? (spec.setAside ?? null) : null;
  const format = spec.format ?? STANDARD_CSV;
  const from = table.dialect.decimal;
  const convert = (spec.decimalColumns ?? []).map((yes) => yes && from !== format.decimal);
  const names = table.columns.map((c) => c.name);
  const wanted = ['segment', 'segment_label'];
  if (pointKinds !== null) wanted.push('dbscan_point');
  if (setAside !== null) wanted.push('set_aside_reason');
  const added = uniqueNames(names, wanted);
  const out = new PartWriter();
  const line = (cells: string[]) => out.write(csvLine(cells, format.delimiter));
  out.write(BOM);
  line([...names, ...added].map((name) => neutraliseCell(name, false)));
  // Records in file order: an analysed row's index into `rows` (ascending), or -1 when set aside.
  const records: number[] = [];
  const analysed: number[] = [];
  const keep = (r: number) => segment === undefined || labels[r] === segment;
  if (setAside === null) {
    for (let r = 0; r < rows.length; r++)
      if (keep(r)) {
        records.push(rows[r]);
        analysed.push(r);
      }
  } else {
    const setAsideRecords = [...setAside.keys()].sort((a, b) => a - b);
    let r = 0;
    let s = 0;
    while (r < rows.length || s < setAsideRecords.length) {
      if (s >= setAsideRecords.length || (r < rows.length && rows[r] < setAsideRecords[s])) {
        records.push(rows[r]);
        analysed.push(r++);
      } else {
        records.push(setAsideRecords[s++]);
        analysed.push(-1);
      }
    }
  }
  for (let start = 0; start < records.length; start += BATCH_ROWS) {
    const batch = records.slice(start, start + BATCH_ROWS);
    const fields = reparse(table, batch);
    batch.forEach((record, b) => {
      const cells = fields[b].map((cell, j) =>
        neutraliseCell(
          convert[j] === true ? convertNumberCell(cell, from, format.decimal) : cell,
          numericColumns[j] === true,
        ),
      );
      const r = analysed[start + b];
      if (r < 0) {
        cells.push('', '');
        if (pointKinds !== null) cells.push('');
        cells.push(neutraliseCell(setAside!.get(record) ?? '', false));
      } else {
        const id = labels[r];
        cells.push(String(id), neutraliseCell(segmentLabels.get(id) ?? '', false));
        if (pointKinds !== null) cells.push(POINT_KIND_NAMES[pointKinds[r]]);
        if (setAside !== null) cells.push('');
      }
      line(cells);
    });
  }
  return out.finish();
}

export interface SetAsideRow {
  row: number;
  reason: string;
  detail: string;
}

/**
 * The rows left out of the analysis, each with its line in the file, its reason, and its cells
 * (for rows that could not be split into the header's columns, the original text instead).
 */
export function setAsideCsvParts(
  table: Table,
  setAside: readonly SetAsideRow[],
  numericColumns: readonly boolean[],
  /** Delimiter and decimal separator to write, and the columns whose numbers follow it. */
  format: CsvFormat = STANDARD_CSV,
  decimalColumns: readonly boolean[] = [],
): string[] {
  const names = table.columns.map((c) => c.name);
  const out = new PartWriter();
  const from = table.dialect.decimal;
  const convert = (cell: string, j: number) =>
    decimalColumns[j] === true ? convertNumberCell(cell, from, format.decimal) : cell;
  const columns = ['line', 'reason', 'detail', ...names, 'original_text'];
  out.write(
    BOM +
      csvLine(
        uniqueNames([], columns).map((name) => neutraliseCell(name, false)),
        format.delimiter,
      ),
  );
  for (let start = 0; start < setAside.length; start += BATCH_ROWS) {
    const batch = setAside.slice(start, start + BATCH_ROWS);
    for (const item of batch) {
      const text = rowSourceText(table.rowText, item.row);
      const parsed = Papa.parse<string[]>(text, {
        delimiter: table.dialect.delimiter,
        newline: '\n',
      });
      const fields = parsed.errors.length === 0 && parsed.data.length === 1 ? parsed.data[0] : null;
      const fits = fields !== null && fields.length <= names.length;
      const cells = names.map((_, j) =>
        fits && j < (fields as string[]).length ? (fields as string[])[j] : '',
      );
      out.write(
        csvLine(
          [
            String(table.rowText.line[item.row]),
            item.reason,
            neutraliseCell(item.detail, false),
            ...cells.map((cell, j) => neutraliseCell(convert(cell, j), numericColumns[j] === true)),
            neutraliseCell(fits ? '' : text, false),
          ],
          format.delimiter,
        ),
      );
    }
  }
  return out.finish();
}

/** Re-reads the cells of the given records from their original text, padding short rows. */
function reparse(table: Table, records: number[]): string[][] {
  const width = table.columns.length;
  const text = records.map((record) => rowSourceText(table.rowText, record)).join('\n');
  const parsed = Papa.parse<string[]>(text, { delimiter: table.dialect.delimiter, newline: '\n' });
  if (parsed.data.length === records.length) {
    return parsed.data.map((fields) => fit(fields, width));
  }
  // A record that does not re-read as one record on its own (never expected): go one by one.
  return records.map((record) => {
    const one = Papa.parse<string[]>(rowSourceText(table.rowText, record), {
      delimiter: table.dialect.delimiter,
      newline: '\n',
    });
    return fit(one.data[0] ?? [], width);
  });
}

function fit(fields: string[], width: number): string[] {
  if (fields.length === width) return fields;
  if (fields.length > width) return fields.slice(0, width);
  return [...fields, ...new Array<string>(width - fields.length).fill('')];
}

/** `wanted` names made distinct from `existing` (and each other) by a numeric suffix. */
function uniqueNames(existing: readonly string[], wanted: readonly string[]): string[] {
  const used = new Set(existing.map((name) => name.toLowerCase()));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Text gathered in parts of about a megabyte; a Blob takes the parts as they are. */
export class PartWriter {
  private parts: string[] = [];
  private current = '';

  write(text: string): void {
    this.current += text;
    if (this.current.length >= PART_LENGTH) {
      this.parts.push(this.current);
      this.current = '';
    }
  }

  finish(): string[] {
    if (this.current.length > 0) this.parts.push(this.current);
    return this.parts;
  }
}

/** A safe file name from the source file's name and a suffix: `customers - High Spend.csv`. */
export function exportFileName(sourceName: string, suffix: string): string {
  const base = sourceName.replace(/\.[^.]*$/, '') || 'segments';
  // Path separators and what Windows refuses become spaces; so do control and format characters:
  // a right-to-left override (U+202E) in a header would make `segment-1 - \u202Evsc.exe` read as
  // "exe.csv" in a file manager.
  const safe = `${base} - ${suffix}`
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, '');
  return `${safe}.csv`;
}
