import { UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';

/**
 * Who bought what: the binary customers x items matrix every recommender here learns from,
 * stored sparse twice (by customer and by item) in typed arrays. A customer bought an item when
 * at least one used line has them both; how often does not count.
 *
 * Rows are the customers of the order lines (`lines.customers` order). Columns are the items
 * that appear on at least one used line, sorted by id as text (code-unit order), so that the lower
 * column wins every tie "by item id". A training matrix keeps the same columns as the full one;
 * an item the training lines never mention is then an empty column.
 */
export interface Interactions {
  customerCount: number;
  itemCount: number;
  /** Per column, its item: an index into `lines.items`. */
  itemOfColumn: Int32Array;
  /** Customer u's columns are rowItems[rowStart[u] .. rowStart[u + 1]), ascending. */
  rowStart: Int32Array;
  rowItems: Int32Array;
  /** Column j's customers are columnCustomers[columnStart[j] .. columnStart[j + 1]), ascending. */
  columnStart: Int32Array;
  columnCustomers: Int32Array;
  /** Per customer, the position of its id among all customer ids in code-unit order. */
  customerRank: Int32Array;
}

/** The item columns of some order lines: items on at least one used line, in id (text) order. */
export interface ItemColumns {
  itemOfColumn: Int32Array;
  /** Per item of `lines.items`, its column, or -1 when no used line has it. */
  columnOfItem: Int32Array;
}

export function itemColumns(lines: OrderLines): ItemColumns {
  const item = requireItems(lines);
  const used = new Uint8Array(lines.items.length);
  for (let i = 0; i < lines.count; i++) if (item[i] >= 0) used[item[i]] = 1;
  const ids: number[] = [];
  for (let id = 0; id < used.length; id++) if (used[id] === 1) ids.push(id);
  if (ids.length === 0) {
    throw new UserError('no-items', 'recommendBlankItems');
  }
  const names = lines.items;
  ids.sort((a, b) => compareText(names[a], names[b]));
  const columnOfItem = new Int32Array(names.length).fill(-1);
  ids.forEach((id, column) => (columnOfItem[id] = column));
  return { itemOfColumn: Int32Array.from(ids), columnOfItem };
}

/** Every customer's purchases over the whole history. */
export function interactionsFromLines(
  lines: OrderLines,
  columns = itemColumns(lines),
): Interactions {
  const item = requireItems(lines);
  const pairCustomer = new Int32Array(lines.count);
  const pairColumn = new Int32Array(lines.count);
  let pairs = 0;
  for (let i = 0; i < lines.count; i++) {
    if (item[i] < 0) continue;
    pairCustomer[pairs] = lines.customer[i];
    pairColumn[pairs] = columns.columnOfItem[item[i]];
    pairs++;
  }
  return buildInteractions(
    lines.customers.length,
    columns.itemOfColumn,
    customerRanks(lines.customers),
    pairCustomer,
    pairColumn,
    pairs,
  );
}

/** The matrix of (customer, column) pairs, duplicates allowed. */
export function buildInteractions(
  customerCount: number,
  itemOfColumn: Int32Array,
  customerRank: Int32Array,
  pairCustomer: Int32Array,
  pairColumn: Int32Array,
  pairCount: number,
): Interactions {
  const itemCount = itemOfColumn.length;
  const rows = compressRows(customerCount, itemCount, pairCustomer, pairColumn, pairCount);
  const columnStart = new Int32Array(itemCount + 1);
  for (let k = 0; k < rows.items.length; k++) columnStart[rows.items[k] + 1]++;
  for (let j = 0; j < itemCount; j++) columnStart[j + 1] += columnStart[j];
  const next = columnStart.slice(0, itemCount);
  const columnCustomers = new Int32Array(rows.items.length);
  // Rows in ascending order, so every column lists its customers ascending.
  for (let u = 0; u < customerCount; u++)
    for (let k = rows.start[u]; k < rows.start[u + 1]; k++)
      columnCustomers[next[rows.items[k]]++] = u;
  return {
    customerCount,
    itemCount,
    itemOfColumn,
    rowStart: rows.start,
    rowItems: rows.items,
    columnStart,
    columnCustomers,
    customerRank,
  };
}

/**
 * Sparse rows from (row, column) pairs: each row's distinct columns, ascending. Buckets the pairs
 * by row (counting sort), then drops repeats with a stamp per column, so it is linear but for
 * sorting each (short) row.
 */
export function compressRows(
  rowCount: number,
  columnCount: number,
  pairRow: Int32Array,
  pairColumn: Int32Array,
  pairCount: number,
): { start: Int32Array; items: Int32Array } {
  const bucketStart = new Int32Array(rowCount + 1);
  for (let p = 0; p < pairCount; p++) bucketStart[pairRow[p] + 1]++;
  for (let r = 0; r < rowCount; r++) bucketStart[r + 1] += bucketStart[r];
  const next = bucketStart.slice(0, rowCount);
  const bucketed = new Int32Array(pairCount);
  for (let p = 0; p < pairCount; p++) bucketed[next[pairRow[p]]++] = pairColumn[p];
  const stamp = new Int32Array(columnCount).fill(-1);
  const start = new Int32Array(rowCount + 1);
  let size = 0;
  for (let r = 0; r < rowCount; r++) {
    const from = size;
    for (let p = bucketStart[r]; p < bucketStart[r + 1]; p++) {
      const column = bucketed[p];
      if (stamp[column] === r) continue;
      stamp[column] = r;
      bucketed[size++] = column;
    }
    bucketed.subarray(from, size).sort();
    start[r + 1] = size;
  }
  return { start, items: bucketed.slice(0, size) };
}

/** Per customer, the position of its id in code-unit order (the tie rule between customers). */
export function customerRanks(customers: readonly string[]): Int32Array {
  const order = customers.map((_, i) => i);
  order.sort((a, b) => compareText(customers[a], customers[b]));
  const rank = new Int32Array(customers.length);
  order.forEach((customer, position) => (rank[customer] = position));
  return rank;
}

/** Does customer u's row hold column j? (binary search in the sorted row) */
export function hasItem(m: Interactions, u: number, j: number): boolean {
  let lo = m.rowStart[u];
  let hi = m.rowStart[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = m.rowItems[mid];
    if (value === j) return true;
    if (value < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Columns with at least one customer: the catalogue a model built on `m` knows. */
export function knownItemCount(m: Interactions): number {
  let known = 0;
  for (let j = 0; j < m.itemCount; j++) if (m.columnStart[j + 1] > m.columnStart[j]) known++;
  return known;
}

/** Strings in code-unit order (JavaScript's `<`), the order every tie rule here uses. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireItems(lines: OrderLines): Int32Array {
  if (lines.item === null) {
    throw new UserError('no-items', 'recommendNeedItem');
  }
  return lines.item;
}
