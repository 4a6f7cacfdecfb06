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
  /** The last text cell seen in each of 256 slots (by length and end characters), and its code. */
  private readonly recentCells: (string | undefined)[] = new Array<string | undefined>(256);
  private readonly recentCodes = new Int32Array(256);
  /** Per text id (addTextWithId): its code, MISSING_CODE, or UNKNOWN_ID not yet known. */
  private idOutcomes: Int32Array = new Int32Array(0);

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

  /** Rows from `row` on, `count` numbers the reader has read: `values[from + r * stride]`. */
  addNumbers(row: number, values: Float64Array, from: number, stride: number, count: number): void {
    const numbers = this.numbers;
    for (let r = 0; r < count; r++) numbers[row + r] = values[from + r * stride];
    this.codes?.fill(NUMBER_CODE, row, row + count);
    this.numberCount += count;
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
      const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & 255;
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
      }
      return;
    }
    this.add(row, text.slice(start, end));
  }

  /**
   * A text cell as addText takes it, with the id the reader's WebAssembly scan gave its text in
   * this column. What the column made of an id's first cell, a text's code or a gap, it makes of
   * every later one without a string; a cell it read as a number is read again each time.
   */
  addTextWithId(row: number, id: number, text: string, start: number, end: number): void {
    const outcomes = this.idOutcomes;
    if (id < outcomes.length) {
      const outcome = outcomes[id];
      if (outcome >= 0) {
        this.numbers[row] = NaN;
        this.textCounts[outcome]++;
        this.codes![row] = outcome;
        return;
      }
      if (outcome === MISSING_CODE) {
        this.addMissing(row);
        return;
      }
    }
    this.addText(row, text, start, end);
    const codes = this.codes;
    const outcome =
      codes !== null
        ? codes[row]
        : this.numbers[row] === this.numbers[row]
          ? NUMBER_CODE
          : MISSING_CODE;
    if (outcome === NUMBER_CODE) return;
    if (id >= outcomes.length) this.idOutcomes = grownOutcomes(outcomes, id + 1);
    this.idOutcomes[id] = outcome;
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
    const codes = this.codes ?? this.startCodes(row);
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

  /**
   * Codes from the first text, at `row`: the rows before it were numbers or missing (NaN tells
   * which); every later row's code is set when it is added.
   */
  private startCodes(row: number): Int32Array {
    const codes = shareableInt32Array(this.numbers.length);
    for (let i = 0; i < row; i++) {
      codes[i] = this.numbers[i] === this.numbers[i] ? NUMBER_CODE : MISSING_CODE;
    }
    this.codes = codes;
    return codes;
  }
}

/** An id whose outcome the column has not recorded. */
const UNKNOWN_ID = -3;

function grownOutcomes(outcomes: Int32Array, needed: number): Int32Array {
  const grown = new Int32Array(Math.max(needed, outcomes.length * 2, 64)).fill(UNKNOWN_ID);
  grown.set(outcomes);
  return grown;
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
