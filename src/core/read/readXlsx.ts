import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { FORMAT_NUMBER, type FormatKind } from './excelDates';
import { MAX_CELLS } from './cellsTable';
import { quotedList, SheetTable, type MergedRange } from './sheetTable';
import { columnOfReference, rowOfReference, SheetScanner } from './sheetXml';
import type { Table } from './table';
import { readSharedStrings, readWorkbookParts } from './workbookParts';
import { inflateEntry, tooLarge } from './zipArchive';
import { findEntry, type ZipArchive } from './zipDirectory';

/** What the page can hold: a sheet's XML expands to about 40 bytes a cell and more. */
export const MAX_SHEET_XML_BYTES = 1 << 30;
const MAX_SHARED_STRINGS_BYTES = 512 << 20;
/** The shortest XML a cell with a value can take (`<c><v>1</v></c>` is 14 bytes). */
const MIN_CELL_BYTES = 10;

export interface SheetRead {
  table: Table;
  /** Every worksheet of the workbook, in order. */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
}

export interface XlsxOptions {
  /** The sheet to read (by name); the first when absent. */
  sheet?: string;
  onProgress?: StageProgress;
  /** Limits, lower in tests. */
  maxSheetXmlBytes?: number;
  maxCells?: number;
}

/** The names of the workbook's worksheets, in order, without reading any of them. */
export async function listXlsxSheets(archive: ZipArchive): Promise<string[]> {
  return (await readWorkbookParts(archive)).sheets.map((sheet) => sheet.name);
}

/**
 * Reads one sheet of an xlsx workbook into a Table, streaming its XML as it is expanded: the
 * sizes are checked before anything is expanded (the declared size of the sheet's XML and its
 * `<dimension>`), and again while expanding (a hostile archive may lie about its sizes).
 */
export async function readXlsx(archive: ZipArchive, options: XlsxOptions = {}): Promise<SheetRead> {
  const maxXml = options.maxSheetXmlBytes ?? MAX_SHEET_XML_BYTES;
  const maxCells = options.maxCells ?? MAX_CELLS;
  const parts = await readWorkbookParts(archive);
  const names = parts.sheets.map((sheet) => sheet.name);
  const chosen =
    options.sheet === undefined
      ? parts.sheets[0]
      : parts.sheets.find((sheet) => sheet.name === options.sheet);
  if (chosen === undefined) {
    throw new UserError('bad-option', 'sheetNotFound', {
      sheet: options.sheet ?? '',
      names: quotedList(names),
    });
  }
  const entry = findEntry(archive, chosen.path);
  if (entry === null) {
    throw new UserError('workbook', 'sheetMissing', { sheet: chosen.name });
  }
  if (entry.size > maxXml || entry.size === 0xffffffff) throw tooLarge(entry.name, maxXml);
  const sharedStrings = await readSharedStrings(archive, MAX_SHARED_STRINGS_BYTES);
  const { styleKinds } = parts;
  const styleKind = (style: number): FormatKind =>
    style < styleKinds.length ? (styleKinds[style] as FormatKind) : FORMAT_NUMBER;
  let sheet: SheetTable | null = null;
  const info = {
    name: chosen.name,
    sheets: names,
    kind: 'fileXlsx' as const,
    date1904: parts.date1904,
    styleKind,
    byteLength: archive.source.size,
  };
  const start = (estimatedRows: number) => (sheet ??= new SheetTable(info, estimatedRows));
  const scanner = new SheetScanner(sharedStrings, {
    dimension(ref) {
      const [from, to = from] = ref.split(':');
      const rows = rowOfReference(to) - rowOfReference(from) + 1;
      const columns = columnOfReference(to) - columnOfReference(from) + 1;
      // The dimension is a rectangle, which formatting alone can stretch to the whole sheet: a
      // cell takes at least 10 bytes of XML, so the XML's size bounds it too.
      const spanned = Math.min(rows * columns, Math.floor(entry.size / MIN_CELL_BYTES));
      if (rows > 0 && columns > 0 && spanned > maxCells)
        throw new UserError('too-large', 'sheetSpansTooManyCells', {
          cells: spanned,
          most: maxCells,
        });
      start(rows > 1 ? Math.min(rows, entry.size / 20) : entry.size / 400);
    },
    row(row, cells) {
      if (scanner.cellCount > maxCells)
        throw new UserError('too-large', 'sheetTooManyCells', {
          cells: scanner.cellCount,
          most: maxCells,
        });
      start(entry.size / 400).row(row, cells);
    },
  });
  const decoder = new TextDecoder('utf-8');
  await inflateEntry(
    archive,
    entry,
    maxXml,
    (bytes) => scanner.push(decoder.decode(bytes, { stream: true })),
    options.onProgress,
  );
  scanner.push(decoder.decode(), true);
  const merges: MergedRange[] = scanner.merges.map((ref) => {
    const [from, to = from] = ref.split(':');
    return {
      firstRow: rowOfReference(from),
      firstColumn: columnOfReference(from),
      lastRow: rowOfReference(to),
      lastColumn: columnOfReference(to),
    };
  });
  const table = start(16).finish(merges, scanner.formulaCount, scanner.uncachedCount);
  return { table, sheets: names, sheet: chosen.name };
}
