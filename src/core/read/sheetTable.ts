import { message, type Message, type MessageKey } from '../common/message';
import { UserError } from '../common/userError';
import { booleanText, isoDateText } from './cellText';
import { CellsTableBuilder } from './cellsTable';
import {
  FORMAT_DATE_TIME,
  FORMAT_NUMBER,
  FORMAT_TIME,
  serialToTime,
  timeOfDayText,
  type FormatKind,
} from './excelDates';
import {
  CELL_BOOLEAN,
  CELL_ERROR,
  CELL_ISO_DATE,
  CELL_NO_VALUE,
  CELL_NUMBER,
  CELL_TEXT,
  type RowCells,
} from './sheetXml';
import type { Table } from './table';

/** A merged range of cells: rows 1-based as the sheet numbers them, columns 0-based. */
export interface MergedRange {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

export interface SheetInfo {
  /** The sheet's name, as the workbook lists it. */
  name: string;
  /** All sheet names of the workbook, in order. */
  sheets: string[];
  /** What the workbook is: `fileXlsx` or `fileXls`. */
  kind: MessageKey;
  date1904: boolean;
  /** How the number of a cell with this style is shown (see excelDates). */
  styleKind: (style: number) => FormatKind;
  byteLength: number;
}

/**
 * Turns the rows of one sheet into a table, the way a person reads a sheet: the header is the
 * first row with a value (empty rows and columns before it are skipped, as is anything left of
 * its first cell); a row with nothing in it between rows of data is skipped and counted; dates
 * (serial numbers with a date format) become ISO text; errors become missing and are counted.
 * A merged range in the header names every column it spans (the names are then made unique:
 * `Spend`, `Spend_2`). A title above the header (one text cell, often merged across the table,
 * then a row of two or more text cells) is skipped with a note rather than taken for the header.
 */
export class SheetTable {
  private readonly builder: CellsTableBuilder;
  private header: string[] | null = null;
  private headerRow = 0;
  private hasHeader = true;
  private offset = 0;
  private lastRow = 0;
  private cellsLeftOut = 0;
  private uncached = 0;
  private lastSerial = NaN;
  private lastStyle = -1;
  private lastDate: string | null = null;
  /** A first row of one text cell: the header, or a title above it (decided by the next row). */
  private title: { row: number; column: number; text: string } | null = null;
  private skippedTitle: string | null = null;

  constructor(
    private readonly info: SheetInfo,
    estimatedRows: number,
  ) {
    this.builder = new CellsTableBuilder(estimatedRows);
  }

  row(rowNumber: number, cells: RowCells): void {
    if (this.header === null) {
      if (this.title === null && cells.count === 1 && cells.kinds[0] === CELL_TEXT) {
        this.title = { row: rowNumber, column: cells.columns[0], text: cells.texts[0] };
        return;
      }
      if (this.title !== null) {
        if (cells.count < 2 || !isTextRow(cells)) {
          this.headerOfTitle();
        } else {
          this.skippedTitle = this.title.text;
          this.title = null;
        }
      }
    }
    if (this.header === null) {
      this.startHeader(rowNumber, cells);
      if (this.hasHeader) return;
    }
    const offset = this.offset;
    let first = 0;
    while (first < cells.count && cells.columns[first] < offset) first++;
    this.cellsLeftOut += first;
    if (first === cells.count) return;
    const builder = this.builder;
    if (this.lastRow > 0 && rowNumber > this.lastRow + 1)
      builder.blank(rowNumber - this.lastRow - 1);
    this.lastRow = rowNumber;
    builder.beginRow(rowNumber);
    for (let i = first; i < cells.count; i++) {
      const column = cells.columns[i] - offset;
      const kind = cells.kinds[i];
      if (kind === CELL_NUMBER) {
        const value = cells.numbers[i];
        const shown = this.dateText(value, cells.styles[i]);
        if (shown === null) builder.number(column, value);
        else builder.text(column, shown);
      } else if (kind === CELL_TEXT) {
        builder.text(column, cells.texts[i]);
      } else if (kind === CELL_BOOLEAN) {
        builder.text(column, booleanText(cells.numbers[i] === 1));
      } else if (kind === CELL_ERROR) {
        builder.error(column, cells.texts[i]);
      } else if (kind === CELL_ISO_DATE) {
        builder.text(column, isoText(cells.texts[i]));
      } else if (kind === CELL_NO_VALUE) {
        this.uncached++;
        builder.text(column, '');
      }
    }
    builder.endRow();
  }

  /**
   * The table, once every row has been read. `formulas` counts the formula cells, so that a
   * workbook saved without calculated values is refused rather than read as empty.
   */
  finish(merges: readonly MergedRange[], formulas: number, uncachedFormulas: number): Table {
    const { info } = this;
    if (formulas > 0 && uncachedFormulas === formulas) {
      throw new UserError('workbook', 'workbookNoValues');
    }
    if (this.header === null && this.title !== null) this.headerOfTitle();
    if (this.header === null) {
      const others = info.sheets.filter((sheet) => sheet !== info.name);
      if (others.length === 0)
        throw new UserError('empty-file', 'sheetEmptyOnly', { sheet: info.name });
      throw new UserError('empty-file', 'sheetEmpty', {
        sheet: info.name,
        others: quotedList(others),
      });
    }
    const header = this.header;
    for (const merge of merges) {
      if (merge.firstRow !== this.headerRow || merge.lastColumn <= merge.firstColumn) continue;
      const value = header[merge.firstColumn - this.offset] ?? '';
      for (let c = merge.firstColumn + 1; c <= merge.lastColumn; c++) {
        const j = c - this.offset;
        if (j < 0) continue;
        while (header.length <= j) header.push('');
        if (header[j] === '') header[j] = value;
      }
    }
    this.builder.ensureWidth(header.length);
    const notes: Message[] = [];
    if (info.sheets.length > 1) {
      notes.push(
        message('noteSheets', {
          count: info.sheets.length,
          names: quotedList(info.sheets),
          sheet: info.name,
        }),
      );
    }
    if (this.skippedTitle !== null)
      notes.push(message('noteTitleRow', { title: this.skippedTitle }));
    if (this.cellsLeftOut > 0)
      notes.push(message('noteCellsLeftOfHeader', { count: this.cellsLeftOut }));
    if (this.uncached > 0) notes.push(message('noteUncachedFormulas', { count: this.uncached }));
    return this.builder.finish({
      header,
      hasHeader: this.hasHeader,
      encodingReason: message('encodingSheet', { file: message(info.kind), sheet: info.name }),
      byteLength: info.byteLength,
      noRows: message('sheetNoRows', { sheet: info.name }),
      notes,
    });
  }

  private startHeader(rowNumber: number, cells: RowCells): void {
    this.headerRow = rowNumber;
    this.offset = cells.columns[0];
    let numbers = 0;
    const header: string[] = [];
    for (let i = 0; i < cells.count; i++) {
      const j = cells.columns[i] - this.offset;
      while (header.length < j) header.push('');
      header.push(this.headerText(cells, i).replace(/\s+/g, ' ').trim());
      if (
        cells.kinds[i] === CELL_NUMBER &&
        this.dateText(cells.numbers[i], cells.styles[i]) === null
      )
        numbers++;
    }
    this.header = header;
    // A first row of numbers only is data, as in a CSV: the columns get generated names.
    this.hasHeader = numbers < cells.count;
  }

  /** The one-cell first row was the header after all (a table of one column). */
  private headerOfTitle(): void {
    const title = this.title!;
    this.title = null;
    this.headerRow = title.row;
    this.offset = title.column;
    this.header = [title.text.replace(/\s+/g, ' ').trim()];
    this.hasHeader = true;
  }

  private headerText(cells: RowCells, i: number): string {
    switch (cells.kinds[i]) {
      case CELL_NUMBER:
        return this.dateText(cells.numbers[i], cells.styles[i]) ?? String(cells.numbers[i]);
      case CELL_BOOLEAN:
        return booleanText(cells.numbers[i] === 1);
      case CELL_TEXT:
        return cells.texts[i];
      case CELL_ISO_DATE:
        return isoText(cells.texts[i]);
      default:
        return '';
    }
  }

  /** A date, date-time or time of day as text when the cell's format shows one; else null. */
  private dateText(value: number, style: number): string | null {
    // Order lines repeat their time row after row: format each run of one time once.
    if (value === this.lastSerial && style === this.lastStyle) return this.lastDate;
    this.lastSerial = value;
    this.lastStyle = style;
    this.lastDate = this.formatDate(value, style);
    return this.lastDate;
  }

  private formatDate(value: number, style: number): string | null {
    const kind = this.info.styleKind(style);
    if (kind === FORMAT_NUMBER) return null;
    if (kind === FORMAT_TIME) return value >= 0 ? timeOfDayText(value) : null;
    const time = serialToTime(value, this.info.date1904);
    if (time !== time) return null;
    return isoDateText(time, kind === FORMAT_DATE_TIME);
  }
}

/** Whether every cell of a row is text (a header's names, not a row of data). */
function isTextRow(cells: RowCells): boolean {
  for (let i = 0; i < cells.count; i++) if (cells.kinds[i] !== CELL_TEXT) return false;
  return true;
}

/** Sheet names as a sentence lists them: `"Orders", "Customers"` (a param, never the text). */
export function quotedList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/;

/** A `t="d"` cell's ISO 8601 text, written as the other dates are. */
function isoText(text: string): string {
  const m = ISO.exec(text.trim());
  if (m === null) return text;
  const time = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return isoDateText(time, m[4] !== undefined);
}
