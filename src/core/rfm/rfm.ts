import {
  formatDateTime,
  guessDateOrder,
  ONE_DAY_MS,
  parseDate,
  wholeDaysBetween,
  type DateOrder,
} from '../read/parseDate';
import type { StageProgress } from '../common/progress';
import { tieScores } from './rfmScores';
import { assignSegments, defaultSegmentMap, type SegmentMap } from './rfmSegments';
import { columnIndex, MISSING_CODE, ROW_OK, type Column, type Table } from '../read/table';
import { mappingProblem, type TransactionMapping } from './transactionMapping';
import { UserError } from '../common/userError';

export interface RfmSettings {
  mapping: TransactionMapping;
  /** How the dates are written; null to decide from the data (an error when it cannot). */
  dateOrder: DateOrder | null;
  /** The day recency is counted to (ms on a UTC clock); null for the latest order + 1 day. */
  snapshot: number | null;
}

/** Why an order line was left out of RFM, in the order the checks run. */
export const RFM_DROP_REASONS = [
  'unreadable_row',
  'no_customer_id',
  'cancellation',
  'unreadable_date',
  'missing_amount',
  'not_positive',
] as const;
export type RfmDropReason = (typeof RFM_DROP_REASONS)[number];

export const RFM_DROP_LABELS: Record<RfmDropReason, string> = {
  unreadable_row: 'the row could not be read into the columns',
  no_customer_id: 'no customer id',
  cancellation: 'cancelled order (order id starts with C)',
  unreadable_date: 'date missing or not readable',
  missing_amount: 'quantity, price or amount missing or not a number',
  not_positive: 'quantity, price or amount zero or negative (returns, adjustments, free items)',
};

export interface RfmRowReport {
  read: number;
  used: number;
  dropped: Record<RfmDropReason, number>;
}

export interface RfmResult {
  rows: RfmRowReport;
  /** Per record: 0 used, else 1 + index in RFM_DROP_REASONS. */
  dropReason: Uint8Array;
  /** Customer ids as the export writes them (`17850.0` is `17850`), sorted. */
  customers: string[];
  recency: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Each customer's named segment under the default map (the page may use its own). */
  segment: Uint8Array;
  segmentMap: SegmentMap;
  /** Times on a UTC clock, in ms. */
  snapshot: number;
  firstOrder: number;
  lastOrder: number;
  dateOrder: DateOrder;
  /** Per customer, their first and last order time. */
  lastPurchase: Float64Array;
  firstPurchase: Float64Array;
  totalRevenue: number;
}

/**
 * Recency, frequency and monetary value per customer from order lines, with tie-keeping scores
 * and named segments. Every line is used or counted under exactly one reason.
 */
export function computeRfm(
  table: Table,
  settings: RfmSettings,
  onProgress?: StageProgress,
): RfmResult {
  const problem = mappingProblem(settings.mapping);
  if (problem !== null) throw new UserError('bad-mapping', problem);
  const { mapping } = settings;
  const customerColumn = requireColumn(table, mapping.customer!);
  const dateColumn = requireColumn(table, mapping.date!);
  const orderColumn = mapping.order === null ? null : requireColumn(table, mapping.order);
  const amountColumn = mapping.amount === null ? null : requireColumn(table, mapping.amount);
  const quantityColumn = amountColumn === null ? requireColumn(table, mapping.quantity!) : null;
  const priceColumn = amountColumn === null ? requireColumn(table, mapping.price!) : null;
  const dateOrder = settings.dateOrder ?? decideDateOrder(dateColumn);
  const times = dateTimes(dateColumn, dateOrder);
  const customerIds = new DenseIds();
  const customerOfText = textIds(customerColumn, customerIds);
  const orderIds = orderColumn === null ? null : new DenseIds();
  const orderOfText = orderColumn === null ? null : textIds(orderColumn, orderIds!);
  const cancelledText =
    orderColumn === null ? null : orderColumn.texts.map((text) => /^c/i.test(text));

  const n = table.rowCount;
  const dropReason = new Uint8Array(n);
  const dropped = Object.fromEntries(RFM_DROP_REASONS.map((r) => [r, 0])) as Record<
    RfmDropReason,
    number
  >;
  const drop = (row: number, reason: number) => {
    dropReason[row] = reason + 1;
    dropped[RFM_DROP_REASONS[reason]]++;
  };
  // Per used line: its customer, order, time and value.
  const lineCustomer = new Int32Array(n);
  const lineOrder = new Float64Array(orderColumn === null ? 0 : n);
  const lineTime = new Float64Array(n);
  const lineValue = new Float64Array(n);
  let used = 0;
  const progressEvery = 1 << 16;
  for (let row = 0; row < n; row++) {
    if (onProgress && (row & (progressEvery - 1)) === 0) onProgress((0.8 * row) / n);
    if (table.rowStatus[row] !== ROW_OK) {
      drop(row, 0);
      continue;
    }
    const customer = idOf(customerColumn, row, customerIds, customerOfText);
    if (customer === -1) {
      drop(row, 1);
      continue;
    }
    let order = -1;
    if (orderColumn !== null) {
      const code = orderColumn.codes === null ? -1 : orderColumn.codes[row];
      if (code >= 0 && cancelledText![code]) {
        drop(row, 2);
        continue;
      }
      order = idOf(orderColumn, row, orderIds!, orderOfText!);
      // A line without an order id is an order of its own.
      if (order === -1) order = orderIds!.ofKey(`\u0000line ${row}`);
    }
    const time = timeOf(dateColumn, row, times);
    if (time !== time) {
      drop(row, 3);
      continue;
    }
    let value: number;
    if (amountColumn !== null) {
      value = amountColumn.numbers[row];
      if (value !== value) {
        drop(row, 4);
        continue;
      }
      if (value <= 0) {
        drop(row, 5);
        continue;
      }
    } else {
      const quantity = quantityColumn!.numbers[row];
      const price = priceColumn!.numbers[row];
      if (quantity !== quantity || price !== price) {
        drop(row, 4);
        continue;
      }
      if (quantity <= 0 || price <= 0) {
        drop(row, 5);
        continue;
      }
      value = quantity * price;
    }
    lineCustomer[used] = customer;
    if (orderColumn !== null) lineOrder[used] = order;
    lineTime[used] = time;
    lineValue[used] = value;
    used++;
  }
  if (used === 0) {
    const worst = RFM_DROP_REASONS.reduce((a, b) => (dropped[b] > dropped[a] ? b : a));
    throw new UserError(
      'no-rows',
      `No order line could be used (most were left out because: ${RFM_DROP_LABELS[worst]}): check the column choices.`,
    );
  }

  // Customers with at least one used line (an id seen only on cancelled lines is no customer),
  // in id order, so that tables and exports read naturally.
  const ids = customerIds.keys;
  const hasLines = new Uint8Array(ids.length);
  for (let i = 0; i < used; i++) hasLines[lineCustomer[i]] = 1;
  const order = sortedIdOrder(ids).filter((id) => hasLines[id] === 1);
  const rank = new Int32Array(ids.length).fill(-1);
  order.forEach((id, position) => (rank[id] = position));
  const customers = order.map((id) => ids[id]);
  const c = customers.length;
  const monetary = new Float64Array(c);
  const lastPurchase = new Float64Array(c).fill(-Infinity);
  const firstPurchase = new Float64Array(c).fill(Infinity);
  const frequency = new Int32Array(c);
  let latest = -Infinity;
  let earliest = Infinity;
  let totalRevenue = 0;
  for (let i = 0; i < used; i++) {
    const customer = rank[lineCustomer[i]];
    lineCustomer[i] = customer;
    monetary[customer] += lineValue[i];
    totalRevenue += lineValue[i];
    const time = lineTime[i];
    if (time > lastPurchase[customer]) lastPurchase[customer] = time;
    if (time < firstPurchase[customer]) firstPurchase[customer] = time;
    if (time > latest) latest = time;
    if (time < earliest) earliest = time;
    if (orderColumn === null) frequency[customer]++;
  }
  if (orderColumn !== null)
    countDistinctOrders(lineCustomer, lineOrder, used, orderIds!.size, frequency);
  onProgress?.(0.9);

  const snapshot = settings.snapshot ?? latest + ONE_DAY_MS;
  if (snapshot < latest) {
    throw new UserError(
      'bad-option',
      `The snapshot date is before the last order (${formatDateTime(latest)}): choose a date after it, or leave it empty for the day after the last order.`,
    );
  }
  const recency = new Int32Array(c);
  for (let i = 0; i < c; i++) recency[i] = wholeDaysBetween(lastPurchase[i], snapshot);
  const r = tieScores(recency, false);
  const f = tieScores(frequency, true);
  const m = tieScores(monetary, true);
  const segmentMap = defaultSegmentMap();
  const segment = assignSegments(r, f, segmentMap);
  onProgress?.(1);
  return {
    rows: { read: n, used, dropped },
    dropReason,
    customers,
    recency,
    frequency,
    monetary,
    r,
    f,
    m,
    segment,
    segmentMap,
    snapshot,
    firstOrder: earliest,
    lastOrder: latest,
    dateOrder,
    lastPurchase,
    firstPurchase,
    totalRevenue,
  };
}

function requireColumn(table: Table, name: string): Column {
  const index = columnIndex(table, name);
  if (index === -1) {
    const names = table.columns.map((c) => c.name).join(', ');
    throw new UserError(
      'bad-mapping',
      `There is no column named "${name}": choose among ${names}.`,
    );
  }
  return table.columns[index];
}

function decideDateOrder(column: Column): DateOrder {
  const guess = guessDateOrder(column.texts);
  if (guess.order === null || guess.share < 0.5) {
    const example = column.texts[0] ?? (column.numberCount > 0 ? 'numbers' : 'nothing');
    throw new UserError(
      'bad-mapping',
      `"${column.name}" does not hold dates that can be read (it holds ${JSON.stringify(example).slice(0, 40)}): choose the column with the order dates, written like 2010-12-01 08:26, 12/1/2010 or 01.12.2010.`,
    );
  }
  if (guess.ambiguous) {
    const example = column.texts.find((text) => /^\d{1,2}[-/.]\d{1,2}[-/.]/.test(text.trim()));
    throw new UserError(
      'ambiguous-dates',
      `The dates in "${column.name}" (such as ${example ?? column.texts[0]}) could be day-first or month-first: say which.`,
    );
  }
  return guess.order;
}

/** Each distinct date text parsed once. */
function dateTimes(column: Column, order: DateOrder): Float64Array {
  return Float64Array.from(column.texts, (text) => parseDate(text, order));
}

function timeOf(column: Column, row: number, times: Float64Array): number {
  const code = column.codes === null ? MISSING_CODE : column.codes[row];
  return code >= 0 ? times[code] : NaN;
}

/**
 * Dense ids for the values of an id column. Numbers and texts that write the same id share it:
 * `17850`, `17850.0` and a text `17850.0` are one customer.
 */
class DenseIds {
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

/** Dense ids of a column's texts (a text like `17850.0` reads as `17850`); -1 for blank. */
function textIds(column: Column, ids: DenseIds): Int32Array {
  return Int32Array.from(column.texts, (text) => {
    const key = text.trim().replace(/^([-+]?\d+)\.0+$/, '$1');
    return key.length === 0 ? -1 : ids.ofKey(key);
  });
}

/** The dense id of a row's cell, or -1 when it is missing. */
function idOf(column: Column, row: number, ids: DenseIds, ofText: Int32Array): number {
  const value = column.numbers[row];
  if (value === value) return ids.ofNumber(value);
  const code = column.codes === null ? MISSING_CODE : column.codes[row];
  return code >= 0 ? ofText[code] : -1;
}

/** Ids in natural order: numerically when they are all numbers, else as text. */
function sortedIdOrder(ids: string[]): number[] {
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

/** Distinct orders per customer: sort (customer, order) pairs as one number and count runs. */
function countDistinctOrders(
  lineCustomer: Int32Array,
  lineOrder: Float64Array,
  used: number,
  orderCount: number,
  frequency: Int32Array,
): void {
  const pairs = new Float64Array(used);
  const stride = Math.max(1, orderCount);
  for (let i = 0; i < used; i++) pairs[i] = lineCustomer[i] * stride + lineOrder[i];
  pairs.sort();
  let previous = -1;
  for (let i = 0; i < used; i++) {
    const pair = pairs[i];
    if (pair !== previous) {
      frequency[Math.floor(pair / stride)]++;
      previous = pair;
    }
  }
}
