import {
  fastCommaNumber,
  fastNumber,
  isMissingCell,
  parseNumberCell,
  type DecimalSeparator,
} from './parseNumber';
import { MISSING_CODE, NUMBER_CODE, type Column } from './table';
import { copyPrefix, shareableFloat64Array, shareableInt32Array } from '../common/sharedArrays';

/**
 * Fills one column while the file streams by: numbers straight into a growing Float64Array,
 * other text into a dictionary. The codes array only exists once a non-numeric cell appears,
 * so a purely numeric column costs 8 bytes a row. Both live on shared memory where there is any, so
 * the elbow's helpers read the columns their profiles need without a copy each.
 */
export class ColumnBuilder {
  private numbers: Float64Array;
  private codes: Int32Array | null = null;
  private readonly dictionary = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly textCounts: number[] = [];
  private missingCount = 0;
  private numberCount = 0;
  private unit: string | null = null;
  /** The last text cell seen in each slot (recentSlot), and its code; made with the codes. */
  private recentCells: (string | undefined)[] = [];
  private recentCodes = new Int32Array(0);
  /** Cells not found in the cache since it last grew. */
  private recentMisses = 0;

  constructor(
    private readonly name: string,
    capacity: number,
    private readonly decimal: DecimalSeparator,
  ) {
    this.numbers = shareableFloat64Array(Math.max(16, capacity));
  }

  /** Makes room for rows up to (not including) `capacity`. */
  reserve(capacity: number): void {
    if (capacity <= this.numbers.length) return;
    const grown = shareableFloat64Array(Math.max(capacity, this.numbers.length * 2));
    grown.set(this.numbers);
    this.numbers = grown;
    if (this.codes !== null) {
      const codes = shareableInt32Array(grown.length);
      codes.set(this.codes);
      this.codes = codes;
    }
  }

  /** A cell the reader has already read as a number. */
  addNumber(row: number, value: number): void {
    this.numbers[row] = value;
    if (this.codes !== null) this.codes[row] = NUMBER_CODE;
    this.numberCount++;
  }

  /** A number the reader read with a `$` before it (the column's unit). */
  addDollars(row: number, value: number): void {
    this.addNumber(row, value);
    if (this.unit === null) this.unit = '$';
  }

  /**
   * A cell of text[start, end) the reader did not read as a number. A text this column has seen
   * lately is recognised where it lies, without making a string of it (order lines repeat their
   * countries, products and dates row after row); any other cell goes to `add`.
   */
  addText(row: number, text: string, start: number, end: number): void {
    const length = end - start;
    const codes = this.codes;
    if (codes !== null && length > 0) {
      const slot = recentSlot(text, start, end) & (this.recentCells.length - 1);
      const cell = this.recentCells[slot];
      if (cell !== undefined && cell.length === length && text.startsWith(cell, start)) {
        const code = this.recentCodes[slot];
        this.numbers[row] = NaN;
        this.textCounts[code]++;
        codes[row] = code;
        return;
      }
      const fresh = text.slice(start, end);
      this.add(row, fresh);
      const code = this.codes![row];
      if (code >= 0) {
        this.recentCells[slot] = fresh;
        this.recentCodes[slot] = code;
        if (++this.recentMisses > 4 * this.recentCells.length) this.growRecent();
      }
      return;
    }
    this.add(row, text.slice(start, end));
  }

  add(row: number, cell: string): void {
    // Plain numbers first, for either decimal separator (every numeric shape takes a fast path).
    const value = this.decimal === '.' ? fastNumber(cell) : fastCommaNumber(cell);
    if (value === value) {
      this.numbers[row] = value;
      if (this.codes !== null) this.codes[row] = NUMBER_CODE;
      this.numberCount++;
      return;
    }
    // A text seen before is not a number: look it up before parsing it again (order exports
    // repeat their dates, product names and countries on every line).
    const seen = this.codes === null ? undefined : this.dictionary.get(cell);
    if (seen !== undefined) {
      this.numbers[row] = NaN;
      this.textCounts[seen]++;
      this.codes![row] = seen;
      return;
    }
    if (isMissingCell(cell)) {
      this.addMissing(row);
      return;
    }
    const parsed = parseNumberCell(cell, this.decimal);
    if (parsed.value === parsed.value) {
      this.numbers[row] = parsed.value;
      if (this.codes !== null) this.codes[row] = NUMBER_CODE;
      this.numberCount++;
      if (parsed.unit !== null && this.unit === null) this.unit = parsed.unit;
      return;
    }
    this.numbers[row] = NaN;
    const codes = this.codes ?? this.startCodes();
    const text = cell.trim();
    let code = this.dictionary.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.dictionary.set(text, code);
      this.texts.push(text);
      this.textCounts.push(0);
    }
    // The untrimmed cell too, so that its next occurrence is found without parsing.
    if (text !== cell) this.dictionary.set(cell, code);
    this.textCounts[code]++;
    codes[row] = code;
  }

  addMissing(row: number): void {
    this.numbers[row] = NaN;
    if (this.codes !== null) this.codes[row] = MISSING_CODE;
    this.missingCount++;
  }

  finish(rowCount: number): Column {
    return {
      name: this.name,
      numbers: firstItems(this.numbers, rowCount),
      codes: this.codes === null ? null : firstItems(this.codes, rowCount),
      texts: this.texts,
      textCounts: this.textCounts,
      missingCount: this.missingCount,
      numberCount: this.numberCount,
      unit: this.unit,
    };
  }

  /** A column of many texts gets more slots (empty: they fill again as the rows go by). */
  private growRecent(): void {
    const size = this.recentCells.length * 4;
    if (size > MOST_RECENT_SLOTS) return;
    this.recentCells = new Array<string | undefined>(size);
    this.recentCodes = new Int32Array(size);
    this.recentMisses = 0;
  }

  private startCodes(): Int32Array {
    this.recentCells = new Array<string | undefined>(FIRST_RECENT_SLOTS);
    this.recentCodes = new Int32Array(FIRST_RECENT_SLOTS);
    // Rows so far were numbers or missing; NaN tells which.
    const codes = shareableInt32Array(this.numbers.length);
    for (let i = 0; i < codes.length; i++) {
      codes[i] = this.numbers[i] === this.numbers[i] ? NUMBER_CODE : MISSING_CODE;
    }
    this.codes = codes;
    return codes;
  }
}

/**
 * Slots of a column's cache of recent text cells: 256 at first, four times as many each time
 * more cells than four times the slots were missed, at most 4,096 (48 kB), so that a small file
 * or a column of few texts keeps a small cache. With 256 slots keyed on the length and the end
 * characters, Online Retail's product codes (4,070 of them, all six characters, most ending in a
 * digit) were found in the cache 6% of the time and its descriptions 22%; with 4,096 slots keyed
 * on five characters, 85% and 82%.
 */
const FIRST_RECENT_SLOTS = 256;
const MOST_RECENT_SLOTS = 4096;

/** The hash of text[start, end) (not empty) for the cache: its length and five of its characters. */
function recentSlot(text: string, start: number, end: number): number {
  const length = end - start;
  const second = length > 1 ? start + 1 : start;
  let h = (length * 31 + text.charCodeAt(start)) | 0;
  h = (h * 31 + text.charCodeAt(end - 1)) | 0;
  h = (h * 31 + text.charCodeAt(start + (length >> 1))) | 0;
  h = (h * 31 + text.charCodeAt(second)) | 0;
  h = (h * 31 + text.charCodeAt(end - 1 - (second - start))) | 0;
  return h ^ (h >>> 11);
}

/**
 * The first `length` items: a view when the array is at most a quarter too long (the row count
 * was estimated well), so a million-row column is not copied once more; a copy otherwise (shared
 * when the array was).
 */
export function firstItems<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  array: T,
  length: number,
): T {
  return array.length <= length * 1.25
    ? (array.subarray(0, length) as T)
    : copyPrefix(array, length);
}
