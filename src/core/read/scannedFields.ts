/**
 * The fields of a record as the reader's fast path leaves them (scanRecords, and its WebAssembly
 * kernel): per field a number, where its text lies, its kind, and from the kernel a text id.
 */

/** A field read as a number: `values[f]` holds it. */
export const FIELD_NUMBER = 0;
/** A field of text: `text.slice(starts[f], ends[f])` is the cell. */
export const FIELD_TEXT = 1;
/** A quoted field with doubled quotes inside: the slice, with `""` read as `"`. */
export const FIELD_ESCAPED = 2;
/** A number written with a `$` (the column's unit): `values[f]` holds it. */
export const FIELD_DOLLARS = 3;

/**
 * Fields as a scan leaves them: field `at`'s number, where its text lies and its kind; from the
 * WebAssembly scan (kernel/scanKernel.ts) also each FIELD_TEXT field's id in its column (the
 * same text, the same id, for the whole read), or -1.
 */
export interface ScannedFields {
  values: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  ids: Int32Array | null;
}

/** The fields of one record, reused from record to record (typed arrays, grown when needed). */
export class FieldBuffer implements ScannedFields {
  values = new Float64Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  kinds = new Uint8Array(64);
  readonly ids = null;

  grow(): void {
    const size = this.kinds.length * 2;
    const values = new Float64Array(size);
    values.set(this.values);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.values = values;
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }
}

/** Field `at` as the string PapaParse would give. */
export function fieldCell(text: string, fields: ScannedFields, at: number): string {
  const cell = text.slice(fields.starts[at], fields.ends[at]);
  return fields.kinds[at] === FIELD_ESCAPED ? cell.replace(/""/g, '"') : cell;
}

/** A record's `count` fields from `first`, as strings. */
export function fieldCells(
  text: string,
  fields: ScannedFields,
  first: number,
  count: number,
): string[] {
  const cells = new Array<string>(count);
  for (let f = 0; f < count; f++) cells[f] = fieldCell(text, fields, first + f);
  return cells;
}
