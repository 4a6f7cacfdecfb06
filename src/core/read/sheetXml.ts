import { UserError } from '../common/userError';
import { decodeCellText, stringItemText } from './xmlText';

/** What a cell of a worksheet holds, as written in its XML. */
export const CELL_TEXT = 1;
export const CELL_NUMBER = 2;
export const CELL_BOOLEAN = 3;
export const CELL_ERROR = 4;
/** `t="d"`: an ISO 8601 date written as text (rare; some writers use it). */
export const CELL_ISO_DATE = 5;
/** A formula saved without its calculated value. */
export const CELL_NO_VALUE = 6;

/** A row of XML longer than this is a damaged or hostile sheet, not a row of cells. */
const MAX_ROW_CHARS = 64 << 20;

function rowTooLong(): UserError {
  return new UserError('workbook', 'sheetRowTooLong');
}

/** The cells of one row with a value, in column order (reused from row to row). */
export class RowCells {
  count = 0;
  columns = new Int32Array(64);
  kinds = new Uint8Array(64);
  styles = new Int32Array(64);
  numbers = new Float64Array(64);
  texts: string[] = [];

  push(column: number, kind: number, style: number, value: number, text: string): void {
    if (this.count === this.columns.length) this.grow();
    const i = this.count++;
    this.columns[i] = column;
    this.kinds[i] = kind;
    this.styles[i] = style;
    this.numbers[i] = value;
    this.texts[i] = text;
  }

  private grow(): void {
    const size = this.columns.length * 2;
    const columns = new Int32Array(size);
    columns.set(this.columns);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const styles = new Int32Array(size);
    styles.set(this.styles);
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    this.columns = columns;
    this.kinds = kinds;
    this.styles = styles;
    this.numbers = numbers;
  }
}

export interface SheetEvents {
  /** `<dimension ref="A1:H541910">`, before any row. */
  dimension(ref: string): void;
  /** A row with at least one cell holding a value (`row` is the sheet's 1-based row number). */
  row(row: number, cells: RowCells): void;
}

/**
 * Reads a worksheet's XML as it is expanded, one piece of text at a time, handing on each row's
 * cells: shared strings looked up, inline strings and formula results read, numbers parsed.
 * Formulas are never evaluated: their saved value is the cell's value. Merged ranges (listed
 * after the rows) are collected for the header.
 */
export class SheetScanner {
  readonly merges: string[] = [];
  /** Cells with a value seen so far. */
  cellCount = 0;
  formulaCount = 0;
  /** Formula cells saved without their calculated value. */
  uncachedCount = 0;
  private carry = '';
  private state: 'before' | 'rows' | 'after' = 'before';
  private prefix = '';
  private lastRow = 0;
  private readonly cells = new RowCells();

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly events: SheetEvents,
  ) {}

  push(text: string, final = false): void {
    let buffer = this.carry + text;
    this.carry = '';
    if (this.state === 'before') {
      const data = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(buffer);
      if (data === null) {
        if (!final) this.carry = buffer.slice(-4096 * 4);
        return;
      }
      this.prefix = data[1] ?? '';
      const dimension = /<(?:\w+:)?dimension\b[^>]*?\bref="([^"]*)"/.exec(
        buffer.slice(0, data.index),
      );
      if (dimension !== null) this.events.dimension(dimension[1]);
      buffer = buffer.slice(data.index + data[0].length);
      this.state = data[2] === '/' ? 'after' : 'rows';
    }
    if (this.state === 'rows') {
      const dataEnd = buffer.indexOf(`</${this.prefix}sheetData>`);
      const rowsEnd = dataEnd !== -1 ? dataEnd : this.lastCompleteRow(buffer);
      this.scanRows(buffer, rowsEnd);
      if (dataEnd === -1) {
        this.carry = buffer.slice(rowsEnd);
        if (this.carry.length > MAX_ROW_CHARS) throw rowTooLong();
        return;
      }
      buffer = buffer.slice(dataEnd);
      this.state = 'after';
    }
    // After the rows: only the merged ranges matter; keep a tail for a tag cut in two.
    const merge = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g;
    let consumed = 0;
    for (let m = merge.exec(buffer); m !== null; m = merge.exec(buffer)) {
      this.merges.push(m[1]);
      consumed = m.index + m[0].length;
    }
    if (!final) this.carry = buffer.slice(Math.max(consumed, buffer.length - 256));
  }

  /** Where the last complete row of the buffer ends. */
  private lastCompleteRow(buffer: string): number {
    const close = `</${this.prefix}row>`;
    const end = buffer.lastIndexOf(close);
    return end === -1 ? 0 : end + close.length;
  }

  private scanRows(text: string, end: number): void {
    const rowOpen = `<${this.prefix}row`;
    const rowClose = `</${this.prefix}row>`;
    let at = 0;
    for (;;) {
      const start = text.indexOf(rowOpen, at);
      if (start === -1 || start >= end) return;
      const tagEnd = text.indexOf('>', start);
      const tag = text.slice(start, tagEnd + 1);
      const r = attributeValue(tag, 'r');
      const row = r === null ? this.lastRow + 1 : Number(r);
      this.lastRow = row;
      if (text.charCodeAt(tagEnd - 1) === 47) {
        at = tagEnd + 1;
        continue;
      }
      const close = text.indexOf(rowClose, tagEnd);
      const rowEnd = close === -1 ? end : close;
      this.scanCells(text, tagEnd + 1, rowEnd);
      if (this.cells.count > 0) this.events.row(row, this.cells);
      at = rowEnd + rowClose.length;
    }
  }

  private scanCells(text: string, from: number, to: number): void {
    const cells = this.cells;
    cells.count = 0;
    const p = this.prefix;
    const cellOpen = `<${p}c`;
    const cellClose = `</${p}c>`;
    let column = -1;
    let at = from;
    for (;;) {
      const start = text.indexOf(cellOpen, at);
      if (start === -1 || start >= to) return;
      const after = text.charCodeAt(start + cellOpen.length);
      if (after !== 32 && after !== 62 && after !== 47) {
        at = start + cellOpen.length;
        continue;
      }
      const tagEnd = text.indexOf('>', start);
      const tag = text.slice(start, tagEnd + 1);
      const ref = attributeValue(tag, 'r');
      column = ref === null ? column + 1 : columnOfReference(ref);
      if (text.charCodeAt(tagEnd - 1) === 47) {
        at = tagEnd + 1;
        continue;
      }
      const close = text.indexOf(cellClose, tagEnd);
      const cellEnd = close === -1 || close > to ? to : close;
      at = cellEnd + cellClose.length;
      const type = attributeValue(tag, 't') ?? 'n';
      const style = Number(attributeValue(tag, 's') ?? 0);
      const body = text.slice(tagEnd + 1, cellEnd);
      if (type === 'inlineStr') {
        const inline = elementText(body, `${p}is`, false);
        if (inline !== null) this.add(column, CELL_TEXT, style, 0, stringItemText(inline, p));
        continue;
      }
      const value = elementText(body, `${p}v`, true);
      const hasFormula = body.indexOf(`<${p}f`) !== -1;
      if (hasFormula) this.formulaCount++;
      // A formula with no saved value, or an empty one where only text may be empty (openpyxl
      // writes `<v></v>` for every formula it saves): its result was never calculated.
      if (hasFormula && (value === null || (value === '' && type !== 'str' && type !== 's'))) {
        this.uncachedCount++;
        this.add(column, CELL_NO_VALUE, style, 0, '');
        continue;
      }
      // An empty value (or a formula whose saved result is empty text) is an empty cell.
      if (value === null || value === '') continue;
      switch (type) {
        case 's': {
          const text = this.sharedStrings[Number(value)];
          if (text !== undefined) this.add(column, CELL_TEXT, style, 0, text);
          break;
        }
        case 'str':
          this.add(column, CELL_TEXT, style, 0, value);
          break;
        case 'b':
          this.add(column, CELL_BOOLEAN, style, value === '1' || value === 'true' ? 1 : 0, '');
          break;
        case 'e':
          this.add(column, CELL_ERROR, style, 0, value);
          break;
        case 'd':
          this.add(column, CELL_ISO_DATE, style, 0, value);
          break;
        default: {
          const number = Number(value);
          if (number === number) this.add(column, CELL_NUMBER, style, number, '');
          else this.add(column, CELL_TEXT, style, 0, value);
        }
      }
    }
  }

  private add(column: number, kind: number, style: number, value: number, text: string): void {
    if (kind === CELL_TEXT && text === '') return;
    this.cellCount++;
    this.cells.push(column, kind, style, value, text);
  }
}

/** The value of `name="..."` in a start tag, or null (double or single quotes). */
export function attributeValue(tag: string, name: string): string | null {
  let at = tag.indexOf(` ${name}=`);
  if (at === -1) return null;
  at += name.length + 2;
  const quote = tag.charCodeAt(at);
  const end = tag.indexOf(quote === 39 ? "'" : '"', at + 1);
  return end === -1 ? null : tag.slice(at + 1, end);
}

/** The text inside `<name ...>...</name>` in `body`, decoded when asked; null when absent. */
function elementText(body: string, name: string, decode: boolean): string | null {
  const open = body.indexOf(`<${name}`);
  if (open === -1) return null;
  const after = body.charCodeAt(open + name.length + 1);
  if (after !== 62 && after !== 32 && after !== 47) return null;
  const tagEnd = body.indexOf('>', open);
  if (body.charCodeAt(tagEnd - 1) === 47) return '';
  const close = body.indexOf(`</${name}>`, tagEnd);
  if (close === -1) return null;
  const text = body.slice(tagEnd + 1, close);
  return decode ? decodeCellText(text) : text;
}

/** 0-based column of a cell reference: `A1` -> 0, `AB12` -> 27, `$C$3` -> 2. */
export function columnOfReference(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    if (ref.charCodeAt(i) === 36) continue; // $ of an absolute reference
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  return column - 1;
}

/** 1-based row of a cell reference: `AB12` -> 12. */
export function rowOfReference(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m === null ? 0 : Number(m[1]);
}
