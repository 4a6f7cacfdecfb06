import { exactCellText, hasRoundedIntegers, isRoundedInteger } from '../read/exactCells';
import { MISSING_CODE, type Column, type Table } from '../read/table';

/**
 * Dense ids for the values of an id column. Numbers and texts that write the same id share it:
 * `17850`, `17850.0` and a text `17850.0` are one customer.
 */
export class DenseIds {
  readonly keys: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();

  get size(): number {
    return this.keys.length;
  }

  ofKey(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.byKey.set(key, id);
    }
    return id;
  }

  ofNumber(value: number): number {
    let id = this.byNumber.get(value);
    if (id === undefined) {
      id = this.ofKey(String(value));
      this.byNumber.set(value, id);
    }
    return id;
  }
}

/**
 * Dense ids of a column's texts, -1 for blank. For customer and order ids a text like `17850.0`
 * reads as `17850`; item codes are kept as written (trimmed).
 */
export function textIds(column: Column, ids: DenseIds, integerLike = true): Int32Array {
  return Int32Array.from(column.texts, (text) => {
    const key = idKey(text, integerLike);
    return key.length === 0 ? -1 : ids.ofKey(key);
  });
}

function idKey(text: string, integerLike: boolean): string {
  const trimmed = text.trim();
  return integerLike ? trimmed.replace(/^([-+]?\d+)\.0+$/, '$1') : trimmed;
}

/** A row's cell as the file wrote it (see exactCellText). */
export type ExactText = (row: number) => string;

/**
 * Reads the cells of a column of ids as written where their numbers may be rounded (ids of 16
 * digits or more: 1234567890123456001 and ...002 are one double); null when none is.
 */
export function exactIds(table: Table, column: Column): ExactText | null {
  if (!hasRoundedIntegers(column)) return null;
  const index = table.columns.indexOf(column);
  return (row) => exactCellText(table, index, row);
}

/**
 * The dense id of a row's cell, or -1 when it is missing. A number too long for a double is
 * told by its digits as written (`exact`), so that two long ids never become one.
 */
export function idOf(
  column: Column,
  row: number,
  ids: DenseIds,
  ofText: Int32Array,
  exact: ExactText | null = null,
  integerLike = true,
): number {
  const value = column.numbers[row];
  if (value === value) {
    if (exact !== null && isRoundedInteger(value)) return ids.ofKey(idKey(exact(row), integerLike));
    return ids.ofNumber(value);
  }
  const code = column.codes === null ? MISSING_CODE : column.codes[row];
  return code >= 0 ? ofText[code] : -1;
}

/** Ids in natural order: numerically when they are all numbers, else as text. */
export function sortedIdOrder(ids: string[]): number[] {
  const order = ids.map((_, i) => i);
  const numeric = ids.every((id) => /^[-+]?\d+(\.\d+)?$/.test(id));
  if (numeric) {
    const values = ids.map(Number);
    order.sort((a, b) => values[a] - values[b] || (ids[a] < ids[b] ? -1 : 1));
  } else {
    const collator = new Intl.Collator('en', { numeric: true });
    order.sort((a, b) => collator.compare(ids[a], ids[b]) || (ids[a] < ids[b] ? -1 : 1));
  }
  return order;
}
