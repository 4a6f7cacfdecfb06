import { read, type CellObject, type WorkBook } from '@e965/xlsx';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { ByteSource } from './byteSource';
import { formatCodeKind, FORMAT_NUMBER, type FormatKind } from './excelDates';
import type { SheetRead } from './readXlsx';
import { quotedList, SheetTable, type MergedRange } from './sheetTable';
import { CELL_BOOLEAN, CELL_ERROR, CELL_NUMBER, CELL_TEXT, RowCells } from './sheetXml';

/** The error codes of BIFF8 cells, as Excel shows them. */
const ERROR_TEXT = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

export interface XlsOptions {
  sheet?: string;
  onProgress?: StageProgress;
}

/**
 * Reads one sheet of a legacy Excel workbook (.xls, BIFF5/8) through SheetJS, which holds the
 * whole workbook in memory: fine for .xls, which stops at 65,536 rows by design. Cells are
 * taken as SheetJS reads them (formulas' saved results, never evaluated) and go through the same
 * sheet logic as an .xlsx: header, dates by number format, errors as missing, merged headers.
 */
export async function readXls(source: ByteSource, options: XlsOptions = {}): Promise<SheetRead> {
  const bytes = await source.read(0, source.size);
  options.onProgress?.(0.2);
  let workbook: WorkBook;
  try {
    workbook = read(bytes, {
      type: 'array',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      sheets: options.sheet,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(why)) throw new UserError('workbook', 'workbookLocked');
    // SheetJS says why in English: quoted as a detail, as the page quotes an unexpected error.
    throw new UserError('workbook', 'xlsUnreadable', { detail: why });
  }
  options.onProgress?.(0.7);
  const sheets = workbook.SheetNames;
  const name = options.sheet ?? sheets[0];
  const sheet = workbook.Sheets[name];
  if (!sheets.includes(name) || sheet === undefined) {
    throw new UserError('bad-option', 'sheetNotFound', {
      sheet: options.sheet ?? '',
      names: quotedList(sheets),
    });
  }
  const formats: string[] = [];
  const formatIndex = new Map<string, number>();
  const kinds: FormatKind[] = [];
  const styleOf = (format: string | number | undefined): number => {
    if (typeof format !== 'string') return -1;
    let index = formatIndex.get(format);
    if (index === undefined) {
      index = formats.length;
      formats.push(format);
      formatIndex.set(format, index);
      kinds.push(formatCodeKind(format));
    }
    return index;
  };
  const data: (CellObject | undefined)[][] = (sheet['!data'] as CellObject[][] | undefined) ?? [];
  const table = new SheetTable(
    {
      name,
      sheets,
      kind: 'fileXls',
      date1904: Boolean(workbook.Workbook?.WBProps?.date1904),
      styleKind: (style) => (style >= 0 ? kinds[style] : FORMAT_NUMBER),
      byteLength: source.size,
    },
    data.length,
  );
  const cells = new RowCells();
  data.forEach((row, r) => {
    if (row === undefined) return;
    cells.count = 0;
    row.forEach((cell, c) => {
      if (cell === undefined || cell === null) return;
      switch (cell.t) {
        case 'n':
          if (typeof cell.v === 'number') cells.push(c, CELL_NUMBER, styleOf(cell.z), cell.v, '');
          break;
        case 's':
          if (typeof cell.v === 'string' && cell.v !== '') cells.push(c, CELL_TEXT, -1, 0, cell.v);
          break;
        case 'b':
          cells.push(c, CELL_BOOLEAN, -1, cell.v ? 1 : 0, '');
          break;
        case 'e':
          cells.push(c, CELL_ERROR, -1, 0, ERROR_TEXT.get(Number(cell.v)) ?? '#ERROR');
          break;
      }
    });
    if (cells.count > 0) table.row(r + 1, cells);
  });
  const merges: MergedRange[] = (sheet['!merges'] ?? []).map((range) => ({
    firstRow: range.s.r + 1,
    firstColumn: range.s.c,
    lastRow: range.e.r + 1,
    lastColumn: range.e.c,
  }));
  options.onProgress?.(1);
  return { table: table.finish(merges, 0, 0), sheets, sheet: name };
}

/** The names of an .xls workbook's sheets, in order. */
export async function listXlsSheets(source: ByteSource): Promise<string[]> {
  const bytes = await source.read(0, source.size);
  return read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}
