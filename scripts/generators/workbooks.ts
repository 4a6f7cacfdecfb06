import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { createRandom } from '../../src/core/common/random';
import { parseDate } from '../../src/core/read/parseDate';
import { MISSING_CODE, NUMBER_CODE, type Table } from '../../src/core/read/table';
import { generateCustomersCsv } from './customers';
import { generateTransactionsCsv } from './transactions';

/**
 * Test workbooks (.xlsx) and Parquet files, seeded, from the project's own generated customers and
 * order lines: every feature the readers must handle (shared and inline strings, dates as serial
 * numbers in several formats and both date systems, merged header cells, empty leading rows and
 * columns, formulas with and without saved values, error cells, Chinese names) is written here
 * on purpose. The xlsx writer is a small SpreadsheetML writer over fflate's zip, streamed, so a
 * half-million-row sheet costs no more than its XML; Parquet goes through hyparquet-writer.
 */

/** A cell as the writer takes it. */
export type XlsxCell =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { date: Date; format: DateFormat }
  | { inline: string }
  | { error: string }
  /** A formula with its saved value, or without one (as some writers leave them). */
  | { formula: string; value?: number | string | boolean };

/** The number formats the writer offers for dates. */
export type DateFormat = 'date' | 'datetime' | 'iso' | 'chinese' | 'time';

export interface XlsxSheet {
  name: string;
  rows: Iterable<XlsxCell[]>;
  /** Sheet row number of the first row (rows before it are left empty). Default 1. */
  firstRow?: number;
  /** 0-based column of the first cell of each row (columns before it left empty). Default 0. */
  firstColumn?: number;
  /** Merged ranges such as `B1:C1`. */
  merges?: string[];
  /** Text as inline strings (`t="inlineStr"`) instead of the shared string table. */
  inlineStrings?: boolean;
  /** Write `<dimension>` (Excel always does; some writers do not), or this range. Default true. */
  dimension?: boolean | string;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** The 1904 date system of old Mac workbooks. */
  date1904?: boolean;
}

const STYLE_OF: Record<DateFormat, number> = { date: 1, datetime: 2, iso: 3, chinese: 4, time: 5 };
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const DAY_MS = 86_400_000;

/** Excel's serial number for a time on a UTC clock (1900 or 1904 system). */
export function excelSerial(time: number, date1904 = false): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (time - epoch) / DAY_MS;
}

/** `AB` for column 27 (0-based). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[^\t\n\r\u0020-\uffff]/gu, (c) =>
      // Control characters XML 1.0 cannot hold, escaped the SpreadsheetML way (_x0001_).
      c.length === 1 ? `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_` : c,
    );
}

function textElement(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(text)}</t>`;
}

/** Writes a workbook (SpreadsheetML, as Excel lays it out) into the bytes of an .xlsx file. */
export function writeXlsx(workbook: XlsxWorkbook): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const addText = (name: string, text: string) => {
    const file = fixedTime(new ZipDeflate(name, { level: 6 }));
    zip.add(file);
    file.push(strToU8(text), true);
  };
  const shared = new Map<string, number>();
  const sharedList: string[] = [];
  const sharedIndex = (text: string) => {
    let index = shared.get(text);
    if (index === undefined) {
      index = sharedList.length;
      shared.set(text, index);
      sharedList.push(text);
    }
    return index;
  };
  const date1904 = workbook.date1904 ?? false;
  workbook.sheets.forEach((sheet, s) => {
    const file = fixedTime(new ZipDeflate(`xl/worksheets/sheet${s + 1}.xml`, { level: 6 }));
    zip.add(file);
    let buffer = '';
    const flush = (final: boolean) => {
      file.push(strToU8(buffer), final);
      buffer = '';
    };
    const firstRow = sheet.firstRow ?? 1;
    const firstColumn = sheet.firstColumn ?? 0;
    const rows = [...sheet.rows];
    const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
    buffer +=
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    if (typeof sheet.dimension === 'string') {
      buffer += `<dimension ref="${sheet.dimension}"/>`;
    } else if (sheet.dimension ?? true) {
      const last = `${columnLetters(firstColumn + width - 1)}${firstRow + Math.max(0, rows.length - 1)}`;
      buffer += `<dimension ref="${columnLetters(firstColumn)}${firstRow}:${last}"/>`;
    }
    buffer += '<sheetData>';
    rows.forEach((row, r) => {
      const rowNumber = firstRow + r;
      buffer += `<row r="${rowNumber}">`;
      row.forEach((cell, c) => {
        const ref = `${columnLetters(firstColumn + c)}${rowNumber}`;
        buffer += cellXml(ref, cell, sheet.inlineStrings ?? false, date1904, sharedIndex);
      });
      buffer += '</row>';
      if (buffer.length > 1 << 20) flush(false);
    });
    buffer += '</sheetData>';
    if (sheet.merges && sheet.merges.length > 0) {
      buffer += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    }
    buffer += '</worksheet>';
    flush(true);
  });
  const sheetList = workbook.sheets
    .map(
      (sheet, s) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`,
    )
    .join('');
  const types = workbook.sheets
    .map(
      (_, s) =>
        `<Override PartName="/xl/worksheets/sheet${s + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  addText(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  addText(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  addText(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheetList}</sheets></workbook>`,
  );
  const sheetLinks = workbook.sheets
    .map(
      (_, s) =>
        `<Relationship Id="rId${s + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`,
    )
    .join('');
  const n = workbook.sheets.length;
  addText(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetLinks}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  addText('xl/styles.xml', STYLES);
  const strings = fixedTime(new ZipDeflate('xl/sharedStrings.xml', { level: 6 }));
  zip.add(strings);
  let buffer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedList.length}" uniqueCount="${sharedList.length}">`;
  for (const text of sharedList) {
    buffer += `<si>${textElement(text)}</si>`;
    if (buffer.length > 1 << 20) {
      strings.push(strToU8(buffer));
      buffer = '';
    }
  }
  strings.push(strToU8(buffer + '</sst>'), true);
  zip.end();
  if (failure) throw failure;
  return concat(out);
}

function cellXml(
  ref: string,
  cell: XlsxCell,
  inline: boolean,
  date1904: boolean,
  sharedIndex: (text: string) => number,
): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'string') {
    if (inline) return `<c r="${ref}" t="inlineStr"><is>${textElement(cell)}</is></c>`;
    return `<c r="${ref}" t="s"><v>${sharedIndex(cell)}</v></c>`;
  }
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (cell instanceof Date) {
    return `<c r="${ref}" s="${STYLE_OF.datetime}"><v>${excelSerial(cell.getTime(), date1904)}</v></c>`;
  }
  if ('date' in cell) {
    const serial = excelSerial(cell.date.getTime(), date1904);
    return `<c r="${ref}" s="${STYLE_OF[cell.format]}"><v>${cell.format === 'time' ? serial % 1 : serial}</v></c>`;
  }
  if ('inline' in cell)
    return `<c r="${ref}" t="inlineStr"><is>${textElement(cell.inline)}</is></c>`;
  if ('error' in cell) return `<c r="${ref}" t="e"><v>${escapeXml(cell.error)}</v></c>`;
  const formula = `<f>${escapeXml(cell.formula)}</f>`;
  if (cell.value === undefined) return `<c r="${ref}">${formula}</c>`;
  if (typeof cell.value === 'string')
    return `<c r="${ref}" t="str">${formula}<v>${escapeXml(cell.value)}</v></c>`;
  if (typeof cell.value === 'boolean')
    return `<c r="${ref}" t="b">${formula}<v>${cell.value ? 1 : 0}</v></c>`;
  return `<c r="${ref}">${formula}<v>${cell.value}</v></c>`;
}

/** Zip entries dated 2020-01-01, so that the same workbook always gives the same bytes. */
function fixedTime<T extends { mtime?: Date | string | number }>(file: T): T {
  file.mtime = new Date(2020, 0, 1);
  return file;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** A zip archive of the given files (stored or deflated): for the refusals of non-workbooks. */
export function writeZip(files: Record<string, string>, storedFirst?: string): Uint8Array {
  if (storedFirst === undefined) {
    return zipSync(
      Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
      { mtime: new Date(2020, 0, 1) },
    );
  }
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const first = fixedTime(new ZipPassThrough(storedFirst));
  zip.add(first);
  first.push(strToU8(files[storedFirst]), true);
  for (const [name, text] of Object.entries(files)) {
    if (name === storedFirst) continue;
    const file = fixedTime(new ZipDeflate(name));
    zip.add(file);
    file.push(strToU8(text), true);
  }
  zip.end();
  return concat(out);
}

/** Splits a generated CSV (no quoted line breaks) into rows of fields. */
function csvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') {
            field += '"';
            i++;
          } else if (c === '"') quoted = false;
          else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
          fields.push(field);
          field = '';
        } else field += c;
      }
      fields.push(field);
      return fields;
    });
}

/** A field typed as a spreadsheet would hold it: a number when it is one, else text. */
function typedCell(field: string): XlsxCell {
  if (field === '') return null;
  const number = Number(field);
  return Number.isFinite(number) && /^-?\d/.test(field) ? number : field;
}

const DAY_FIRST = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/;

function dayFirstTime(text: string): number {
  const m = DAY_FIRST.exec(text)!;
  return Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5]);
}

/** The generated customers as a workbook sheet: header, then typed rows. */
export function customersWorkbook(rows: number, seed = 1): XlsxWorkbook {
  const [header, ...data] = csvRows(generateCustomersCsv({ rows, seed }));
  return {
    sheets: [{ name: 'Customers', rows: [header, ...data.map((row) => row.map(typedCell))] }],
  };
}

/** How the order lines' InvoiceDate is written: a real date cell, ISO text, or day-first text. */
export type DateStyle = 'date-cell' | 'iso-text' | 'day-first-text' | 'mixed';

/**
 * The generated order lines as a workbook, with the dates written one way (or, for `mixed`, the
 * three ways in turn down the column).
 */
export function transactionsWorkbook(customers: number, dates: DateStyle, seed = 1): XlsxWorkbook {
  const [header, ...data] = csvRows(generateTransactionsCsv({ customers, seed }));
  const dateColumn = header.indexOf('InvoiceDate');
  const styles: DateStyle[] = ['date-cell', 'iso-text', 'day-first-text'];
  const rows = data.map((row, r) =>
    row.map((field, c) => {
      if (c !== dateColumn) return typedCell(field);
      const style = dates === 'mixed' ? styles[r % 3] : dates;
      const time = dayFirstTime(field);
      if (style === 'date-cell') return new Date(time);
      if (style === 'iso-text') return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
      return field;
    }),
  );
  return { sheets: [{ name: 'Orders', rows: [header, ...rows] }] };
}

/**
 * A Chinese customer list: Chinese sheet names, column names and values, some text in the
 * shared string table and some inline, a date in a Chinese date format.
 */
export function chineseWorkbook(rows = 40, seed = 3): XlsxWorkbook {
  const random = createRandom(seed);
  const cities = ['北京', '上海', '广州', '深圳', '成都'];
  const surnames = ['王', '李', '张', '刘', '陈', '杨'];
  const given = ['芳', '伟', '娜', '敏', '静', '磊'];
  const data: XlsxCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const name = surnames[random.int(surnames.length)] + given[random.int(given.length)];
    data.push([
      `客户${String(i + 1).padStart(4, '0')}`,
      i % 2 === 0 ? name : { inline: name },
      cities[random.int(cities.length)],
      Math.round(random.next() * 100_000) / 100,
      1 + random.int(20),
      { date: new Date(Date.UTC(2024, random.int(12), 1 + random.int(28))), format: 'chinese' },
    ]);
  }
  return {
    sheets: [
      { name: '说明', rows: [['本工作簿由测试生成']] },
      {
        name: '客户数据',
        rows: [['客户编号', '姓名', '城市', '消费金额（元）', '购买次数', '注册日期'], ...data],
        inlineStrings: false,
      },
    ],
  };
}

/** Columns for a Parquet file, as hyparquet-writer takes them. */
export interface ParquetColumn {
  name: string;
  data: unknown[] | Float64Array | Int32Array;
  type: 'DOUBLE' | 'INT32' | 'INT64' | 'STRING' | 'BOOLEAN' | 'TIMESTAMP';
}

export type ParquetCodec = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI' | 'ZSTD';

/**
 * A Parquet file of the given columns. Snappy and no compression are hyparquet-writer's own;
 * other codecs need a compressor (node's zlib in the tests).
 */
export function writeParquet(
  columns: ParquetColumn[],
  options: {
    codec?: ParquetCodec;
    compressors?: Partial<Record<ParquetCodec, (input: Uint8Array) => Uint8Array>>;
    rowGroupSize?: number;
  } = {},
): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((column) => ({
      name: column.name,
      data: column.data as unknown[],
      type: column.type,
    })),
    codec: options.codec ?? 'SNAPPY',
    compressors: options.compressors,
    rowGroupSize: options.rowGroupSize ?? 100_000,
  } as Parameters<typeof parquetWriteBuffer>[0]);
  return new Uint8Array(buffer);
}

/** The generated order lines as Parquet columns (dates as timestamps, guests' ids as nulls). */
export function transactionsParquetColumns(customers: number, seed = 1): ParquetColumn[] {
  const [header, ...data] = csvRows(generateTransactionsCsv({ customers, seed }));
  const column = (name: string) => data.map((row) => row[header.indexOf(name)]);
  return [
    { name: 'InvoiceNo', data: column('InvoiceNo'), type: 'STRING' },
    { name: 'StockCode', data: column('StockCode'), type: 'STRING' },
    { name: 'Description', data: column('Description'), type: 'STRING' },
    { name: 'Quantity', data: column('Quantity').map(Number), type: 'INT32' },
    {
      name: 'InvoiceDate',
      data: column('InvoiceDate').map((t) => new Date(dayFirstTime(t))),
      type: 'TIMESTAMP',
    },
    { name: 'UnitPrice', data: column('UnitPrice').map(Number), type: 'DOUBLE' },
    {
      name: 'CustomerID',
      data: column('CustomerID').map((id) => (id === '' ? null : BigInt(Math.round(Number(id))))),
      type: 'INT64',
    },
    { name: 'Country', data: column('Country'), type: 'STRING' },
  ];
}

/** The cell of a CSV table as a spreadsheet would hold it: a number, a text, or nothing. */
function tableCell(table: Table, j: number, i: number): number | string | null {
  const column = table.columns[j];
  const code = column.codes === null ? NUMBER_CODE : column.codes[i];
  if (code === MISSING_CODE) return null;
  if (code === NUMBER_CODE)
    return column.numbers[i] === column.numbers[i] ? column.numbers[i] : null;
  return column.texts[code];
}

/** The CSV table as a workbook: a header, then a row per record; `dates` columns as date cells. */
export function tableAsWorkbook(table: Table, dates: Set<string>): Uint8Array {
  const rows = function* (): Generator<XlsxCell[]> {
    yield table.columns.map((c) => c.name);
    for (let i = 0; i < table.rowCount; i++) {
      yield table.columns.map((column, j) => {
        const cell = tableCell(table, j, i);
        if (typeof cell === 'string' && dates.has(column.name))
          return new Date(parseDate(cell, 'ymd'));
        return cell;
      });
    }
  };
  return writeXlsx({ sheets: [{ name: 'Data', rows: rows() }] });
}

/** The CSV table as Parquet: numeric columns as doubles, `dates` as timestamps, others as text. */
export function tableAsParquet(table: Table, dates: Set<string>): Uint8Array {
  const columns: ParquetColumn[] = table.columns.map((column, j) => {
    const cells = Array.from({ length: table.rowCount }, (_, i) => tableCell(table, j, i));
    if (dates.has(column.name)) {
      return {
        name: column.name,
        type: 'TIMESTAMP',
        data: cells.map((cell) =>
          cell === null ? null : new Date(parseDate(String(cell), 'ymd')),
        ),
      };
    }
    if (column.codes === null) return { name: column.name, type: 'DOUBLE', data: cells };
    return {
      name: column.name,
      type: 'STRING',
      data: cells.map((cell) => (cell === null ? null : String(cell))),
    };
  });
  return writeParquet(columns);
}

/** A small report as people lay them out: a title row, a merged header, errors and formulas. */
export function reportWorkbook(): XlsxWorkbook {
  return {
    sheets: [
      {
        name: 'Report',
        firstRow: 3,
        firstColumn: 1,
        merges: ['C3:D3'],
        rows: [
          ['Customer', 'Spend', null, 'Visits', 'Average'],
          ['Ann', 120.5, 80, 4, { formula: 'C4/E4', value: 30.125 }],
          ['Ben', 0, 15.25, 0, { error: '#DIV/0!' }],
          ['Chen', 99.99, 1, 3, { formula: 'C6/E6', value: 33.33 }],
          ['Dana', { error: '#N/A' }, 12, 2, { formula: 'C7/E7', value: 'n/a' }],
        ],
      },
    ],
  };
}

/**
 * The .xls fixtures: made from the workbooks above by LibreOffice (the only .xls writer at hand
 * besides SheetJS's own), committed under test/fixtures/workbooks/ since CI has no LibreOffice.
 *   npx tsx scripts/generators/workbooks.ts xls   (needs soffice: apt-get install libreoffice-calc-nogui)
 */
async function writeXlsFixtures(): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const out = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'workbooks');
  const work = mkdtempSync(join(tmpdir(), 'segmentlens-xls-'));
  const books: [string, XlsxWorkbook][] = [
    ['chinese', chineseWorkbook(20)],
    ['dates', transactionsWorkbook(15, 'mixed')],
    ['report', reportWorkbook()],
  ];
  try {
    for (const [name, workbook] of books)
      writeFileSync(join(work, `${name}.xlsx`), writeXlsx(workbook));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'xls:MS Excel 97',
        '--outdir',
        out,
        ...books.map(([name]) => join(work, `${name}.xlsx`)),
      ],
      { stdio: 'inherit' },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename && process.argv[2] === 'xls') await writeXlsFixtures();
