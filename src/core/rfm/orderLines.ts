import { LARGEST_MAGNITUDE } from '../read/parseNumber';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import {
  DATE_ORDERS,
  guessDateOrder,
  parseDate,
  parseDates,
  type DateOrder,
} from '../read/parseDate';
import {
  MISSING_CODE,
  requireColumn as requireColumnIndex,
  ROW_OK,
  type Column,
  type Table,
} from '../read/table';
import { DenseIds, exactIds, idOf, sortedIdOrder, textIds } from './denseIds';
import { splitSharedOrders } from './sharedOrders';
import {
  CANCELLATION_EXAMPLES,
  cancellationRule,
  isCancellation,
  type CancellationSetting,
} from './cancellations';
import { hasMoney, mappingProblem, type TransactionMapping } from './transactionMapping';
import { message, type MessageKey } from '../common/message';

/** Why an order line was left out, in the order the checks run. */
export const LINE_DROP_REASONS = [
  'unreadable_row',
  'no_customer_id',
  'cancellation',
  'unreadable_date',
  'missing_amount',
  'not_positive',
] as const;
export type LineDropReason = (typeof LINE_DROP_REASONS)[number];

export const LINE_DROP_LABELS: Record<LineDropReason, MessageKey> = {
  unreadable_row: 'dropUnreadableRow',
  no_customer_id: 'dropNoCustomer',
  cancellation: 'dropCancellation',
  unreadable_date: 'dropUnreadableDate',
  missing_amount: 'dropMissingAmount',
  not_positive: 'dropNotPositive',
};

export interface LineReport {
  read: number;
  used: number;
  dropped: Record<LineDropReason, number>;
}

export interface OrderLineSettings {
  mapping: TransactionMapping;
  /** How the dates are written; null to decide from the data (an error when it cannot). */
  dateOrder: DateOrder | null;
  /** Whether `C` + digits order ids are cancellations ('auto', the default: see cancellations). */
  cancellations?: CancellationSetting;
}

/**
 * The order lines every order-lines analysis uses (RFM, baskets, recommendations, customer
 * value): a customer, a readable date, no cancellation, positive quantity and price (or amount).
 * Every record is either used or counted under exactly one reason. Arrays are per used line,
 * in file order.
 */
export interface OrderLines {
  report: LineReport;
  /** Per record: 0 used, else 1 + index in LINE_DROP_REASONS. */
  dropReason: Uint8Array;
  dateOrder: DateOrder;
  /** A few order ids of the lines taken as cancellations (as written), in file order. */
  cancellationExamples: string[];
  /** Used lines. */
  count: number;
  /** The record each used line came from. */
  row: Int32Array;
  /** Customer of each line: an index into `customers`. */
  customer: Int32Array;
  /** Customer ids as exports write them (`17850.0` is `17850`), in natural order. */
  customers: string[];
  /** Order of each line: an index into `orders`; -1 everywhere without an order column. */
  order: Int32Array;
  /**
   * Order ids as written (trimmed; `536365.0` is `536365`); a line without an id gets its own.
   * Where an id is shared by several customers or days (ids that restart every day), an order is
   * the id of one customer on one day, written "id customer yyyy-mm-dd".
   */
  orders: string[];
  /** How many order ids were shared by several customers or days (see `orders`). */
  sharedOrderIds: number;
  /** Time of each line, ms on a UTC clock. */
  time: Float64Array;
  /** Money of each line: quantity x price, or the amount; 0 everywhere without money. */
  value: Float64Array;
  /** Whether the mapping has money (an amount, or quantity and price): RFM without M if not. */
  hasMoney: boolean;
  /** Item of each line, an index into `items`; -1 where blank; null without an item column. */
  item: Int32Array | null;
  /** Item ids as written, trimmed, in first-seen order. */
  items: string[];
  /** Per item, its most frequent description on used lines ('' without a description column). */
  descriptions: string[];
  firstOrder: number;
  lastOrder: number;
}

/** Reads the order lines of a table under a column mapping (see OrderLines). */
export function selectOrderLines(
  table: Table,
  settings: OrderLineSettings,
  onProgress?: StageProgress,
): OrderLines {
  const problem = mappingProblem(settings.mapping);
  if (problem !== null) throw new UserError('bad-mapping', problem.key, problem.params);
  const { mapping } = settings;
  const customerColumn = requireColumn(table, mapping.customer!);
  const dateColumn = requireColumn(table, mapping.date!);
  const orderColumn = mapping.order === null ? null : requireColumn(table, mapping.order);
  const withMoney = hasMoney(mapping);
  const amountColumn = mapping.amount === null ? null : requireColumn(table, mapping.amount);
  const quantityColumn =
    amountColumn === null && withMoney ? requireColumn(table, mapping.quantity!) : null;
  const priceColumn =
    amountColumn === null && withMoney ? requireColumn(table, mapping.price!) : null;
  const itemColumn = mapping.item ? requireColumn(table, mapping.item) : null;
  const descriptionColumn = mapping.description ? requireColumn(table, mapping.description) : null;
  const dateOrder = settings.dateOrder ?? decideDateOrder(dateColumn);
  const times = parseDates(dateColumn.texts, dateOrder);
  const customerIds = new DenseIds();
  const customerOfText = textIds(customerColumn, customerIds);
  const customerExact = exactIds(table, customerColumn);
  const orderIds = new DenseIds();
  const orderOfText = orderColumn === null ? null : textIds(orderColumn, orderIds);
  const orderExact = orderColumn === null ? null : exactIds(table, orderColumn);
  const cancelled =
    orderColumn === null ? null : cancellationRule(orderColumn, settings.cancellations);
  const cancellationExamples: string[] = [];
  const itemIds = new DenseIds();
  const itemOfText = itemColumn === null ? null : textIds(itemColumn, itemIds, false);
  const itemExact = itemColumn === null ? null : exactIds(table, itemColumn);

  const n = table.rowCount;
  const dropReason = new Uint8Array(n);
  const dropped = Object.fromEntries(LINE_DROP_REASONS.map((r) => [r, 0])) as Record<
    LineDropReason,
    number
  >;
  const drop = (row: number, reason: number) => {
    dropReason[row] = reason + 1;
    dropped[LINE_DROP_REASONS[reason]]++;
  };
  const lineRow = new Int32Array(n);
  const lineCustomer = new Int32Array(n);
  const lineOrder = new Int32Array(n).fill(-1);
  const lineTime = new Float64Array(n);
  const lineValue = new Float64Array(n);
  const lineItem = itemColumn === null ? null : new Int32Array(n);
  let used = 0;
  const progressEvery = 1 << 16;
  for (let row = 0; row < n; row++) {
    if (onProgress && (row & (progressEvery - 1)) === 0) onProgress((0.8 * row) / n);
    if (table.rowStatus[row] !== ROW_OK) {
      drop(row, 0);
      continue;
    }
    const customer = idOf(customerColumn, row, customerIds, customerOfText, customerExact);
    if (customer === -1) {
      drop(row, 1);
      continue;
    }
    let order = -1;
    if (orderColumn !== null) {
      const code = orderColumn.codes === null ? -1 : orderColumn.codes[row];
      if (
        cancelled !== null &&
        isCancellation(cancelled, code, lineQuantity(row, quantityColumn, amountColumn))
      ) {
        const example = orderColumn.texts[code].trim();
        // Distinct ids: one cancelled invoice's many lines are one example.
        if (
          cancellationExamples.length < CANCELLATION_EXAMPLES &&
          !cancellationExamples.includes(example)
        )
          cancellationExamples.push(example);
        drop(row, 2);
        continue;
      }
      order = idOf(orderColumn, row, orderIds, orderOfText!, orderExact);
      // A line without an order id is an order of its own.
      if (order === -1) order = orderIds.ofKey(`\u0000line ${row}`);
    }
    const time = timeOf(dateColumn, row, times);
    if (time !== time) {
      drop(row, 3);
      continue;
    }
    // Without money every line is worth 0 and none is left out for its money.
    let value = 0;
    if (!withMoney) {
      // Nothing to check.
    } else if (amountColumn !== null) {
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
      // Each factor is in range (see parseNumber), their product may not be: beyond 1e100 a
      // line's money would overflow the sums and squares of RFM and its clustering.
      if (value > LARGEST_MAGNITUDE) {
        drop(row, 4);
        continue;
      }
    }
    lineRow[used] = row;
    lineCustomer[used] = customer;
    lineOrder[used] = order;
    lineTime[used] = time;
    lineValue[used] = value;
    if (lineItem !== null)
      lineItem[used] = idOf(itemColumn!, row, itemIds, itemOfText!, itemExact, false);
    used++;
  }
  if (used === 0) {
    const worst = LINE_DROP_REASONS.reduce((a, b) => (dropped[b] > dropped[a] ? b : a));
    throw new UserError('no-rows', 'linesNoneUsable', { reason: message(LINE_DROP_LABELS[worst]) });
  }

  // Customers with at least one used line (an id seen only on cancelled lines is no customer),
  // in id order, so that tables and exports read naturally.
  const ids = customerIds.keys;
  const hasLines = new Uint8Array(ids.length);
  for (let i = 0; i < used; i++) hasLines[lineCustomer[i]] = 1;
  const sorted = sortedIdOrder(ids).filter((id) => hasLines[id] === 1);
  const rank = new Int32Array(ids.length).fill(-1);
  sorted.forEach((id, position) => (rank[id] = position));
  let firstOrder = Infinity;
  let lastOrder = -Infinity;
  for (let i = 0; i < used; i++) {
    lineCustomer[i] = rank[lineCustomer[i]];
    const time = lineTime[i];
    if (time > lastOrder) lastOrder = time;
    if (time < firstOrder) firstOrder = time;
  }
  const shared =
    orderColumn === null
      ? { orders: orderIds.keys, count: 0 }
      : splitSharedOrders(lineOrder, lineCustomer, lineTime, used, orderIds.keys, sorted, ids);
  const item = lineItem === null ? null : lineItem.slice(0, used);
  const row = lineRow.slice(0, used);
  onProgress?.(1);
  return {
    report: { read: n, used, dropped },
    dropReason,
    dateOrder,
    cancellationExamples,
    count: used,
    row,
    customer: lineCustomer.slice(0, used),
    customers: sorted.map((id) => ids[id]),
    order: lineOrder.slice(0, used),
    orders: shared.orders,
    sharedOrderIds: shared.count,
    time: lineTime.slice(0, used),
    value: lineValue.slice(0, used),
    hasMoney: withMoney,
    item,
    items: itemIds.keys,
    descriptions:
      item === null || descriptionColumn === null
        ? itemIds.keys.map(() => '')
        : mostFrequentDescriptions(item, row, descriptionColumn, itemIds.size),
    firstOrder,
    lastOrder,
  };
}

function requireColumn(table: Table, name: string): Column {
  return table.columns[requireColumnIndex(table, name, 'bad-mapping')];
}

function decideDateOrder(column: Column): DateOrder {
  const guess = guessDateOrder(column.texts);
  if (guess.order === null || guess.share < 0.5) {
    // The example quoted is one no date order reads (not merely the first value).
    const example = column.texts.find((text) =>
      DATE_ORDERS.every((order) => Number.isNaN(parseDate(text, order))),
    );
    if (example !== undefined)
      throw new UserError('bad-mapping', 'linesUnreadableDates', {
        column: column.name,
        example: JSON.stringify(example).slice(0, 40),
      });
    throw new UserError(
      'bad-mapping',
      column.numberCount > 0 ? 'linesDatesAreNumbers' : 'linesNoDates',
      {
        column: column.name,
      },
    );
  }
  if (guess.ambiguous) {
    const example = column.texts.find((text) => /^\d{1,2}[-/.]\d{1,2}[-/.]/.test(text.trim()));
    throw new UserError('ambiguous-dates', 'linesAmbiguousDates', {
      column: column.name,
      example: example ?? column.texts[0],
    });
  }
  return guess.order;
}

/** A line's quantity, or its amount without a quantity column (NaN when missing or moneyless). */
function lineQuantity(row: number, quantity: Column | null, amount: Column | null): number {
  const column = quantity ?? amount;
  return column === null ? NaN : column.numbers[row];
}

function timeOf(column: Column, row: number, times: Float64Array): number {
  const code = column.codes === null ? MISSING_CODE : column.codes[row];
  return code >= 0 ? times[code] : NaN;
}

/** Each item's most frequent description on the used lines (ties: the first seen). */
function mostFrequentDescriptions(
  item: Int32Array,
  row: Int32Array,
  column: Column,
  itemCount: number,
): string[] {
  const codes = column.codes;
  const descriptions = new Array<string>(itemCount).fill('');
  if (codes === null) return descriptions;
  // Each item's descriptions in line order (a counting sort by item), then counted with one
  // array of counts for all items, cleared behind each: no map per item. Of equally frequent
  // descriptions the one seen first wins, as before.
  const starts = new Int32Array(itemCount + 1);
  for (let i = 0; i < item.length; i++)
    if (item[i] >= 0 && codes[row[i]] >= 0) starts[item[i] + 1]++;
  for (let id = 0; id < itemCount; id++) starts[id + 1] += starts[id];
  const grouped = new Int32Array(starts[itemCount]);
  const cursor = starts.slice(0, itemCount);
  for (let i = 0; i < item.length; i++) {
    const code = codes[row[i]];
    if (item[i] >= 0 && code >= 0) grouped[cursor[item[i]]++] = code;
  }
  const counts = new Int32Array(column.texts.length);
  for (let id = 0; id < itemCount; id++) {
    const from = starts[id];
    const to = starts[id + 1];
    let most = 0;
    for (let at = from; at < to; at++) most = Math.max(most, ++counts[grouped[at]]);
    // The first description in line order that is among the most frequent.
    let best = -1;
    for (let at = from; at < to && best === -1; at++)
      if (counts[grouped[at]] === most) best = grouped[at];
    for (let at = from; at < to; at++) counts[grouped[at]] = 0;
    if (best !== -1) descriptions[id] = column.texts[best].trim();
  }
  return descriptions;
}
