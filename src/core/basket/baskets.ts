import { UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';
import { groupOrders, type Orders } from '../rfm/orders';

/**
 * The baskets of the order lines, as compressed rows: basket b holds the item ids
 * `items[start[b]] .. items[start[b + 1] - 1]`, ascending and each once, whatever the quantity.
 * A basket is one order as `groupOrders` defines it; an order none of whose lines names an item
 * is no basket (it cannot support any itemset and would only dilute every support).
 */
export interface Baskets {
  basketCount: number;
  /** Item ids are indices into `lines.items`; this is its length. */
  itemCount: number;
  /** basketCount + 1 offsets into `items`. */
  start: Int32Array;
  items: Int32Array;
  /** Per basket, its order (an index into the `Orders` it was built from, for its label). */
  basketOrder: Int32Array;
  /** Per basket, its customer (an index into `lines.customers`). */
  basketCustomer: Int32Array;
  /** Lines in scope that name an item (they make the baskets). */
  linesUsed: number;
  /** Lines in scope whose item cell is blank (left out). */
  linesWithoutItem: number;
}

/**
 * Builds the baskets of the order lines, optionally only those of some customers (`customerMask`
 * holds 1 per customer in scope, indexed like `lines.customers`; an order belongs to the customer
 * of its first line). `orders` may be passed when it has been computed already.
 */
export function buildBaskets(
  lines: OrderLines,
  customerMask: Uint8Array | null = null,
  orders: Orders = groupOrders(lines),
): Baskets {
  const lineItem = lines.item;
  if (lineItem === null) {
    throw new UserError('bad-mapping', 'basketsNeedItem');
  }
  if (customerMask !== null && customerMask.length !== lines.customers.length) {
    throw new Error(
      `customer mask has ${customerMask.length} entries for ${lines.customers.length} customers`,
    );
  }
  if (orders.ofLine.length !== lines.count) {
    throw new Error('the orders were grouped from other order lines');
  }

  // Baskets numbered in order of first appearance; count each basket's lines with an item.
  const basketOfOrder = new Int32Array(orders.count).fill(-1);
  const lineCount: number[] = [];
  let linesUsed = 0;
  let linesWithoutItem = 0;
  for (let i = 0; i < lines.count; i++) {
    const order = orders.ofLine[i];
    if (customerMask !== null && customerMask[orders.customer[order]] !== 1) continue;
    if (lineItem[i] < 0) {
      linesWithoutItem++;
      continue;
    }
    linesUsed++;
    let basket = basketOfOrder[order];
    if (basket === -1) {
      basket = basketOfOrder[order] = lineCount.length;
      lineCount.push(0);
    }
    lineCount[basket]++;
  }
  const basketCount = lineCount.length;
  const lineStart = new Int32Array(basketCount + 1);
  for (let b = 0; b < basketCount; b++) lineStart[b + 1] = lineStart[b] + lineCount[b];
  const fill = lineStart.slice(0, basketCount);
  const raw = new Int32Array(linesUsed);
  for (let i = 0; i < lines.count; i++) {
    const basket = basketOfOrder[orders.ofLine[i]];
    if (basket !== -1 && lineItem[i] >= 0) raw[fill[basket]++] = lineItem[i];
  }

  // Sort each basket's items and keep each once, compacting in place.
  const start = new Int32Array(basketCount + 1);
  let kept = 0;
  for (let b = 0; b < basketCount; b++) {
    const from = lineStart[b];
    const to = lineStart[b + 1];
    raw.subarray(from, to).sort();
    start[b] = kept;
    let previous = -1;
    for (let j = from; j < to; j++) {
      if (raw[j] !== previous) raw[kept++] = previous = raw[j];
    }
  }
  start[basketCount] = kept;

  const basketOrder = new Int32Array(basketCount);
  for (let order = 0; order < orders.count; order++) {
    const basket = basketOfOrder[order];
    if (basket !== -1) basketOrder[basket] = order;
  }
  return {
    basketCount,
    itemCount: lines.items.length,
    start,
    items: raw.slice(0, kept),
    basketOrder,
    basketCustomer: basketOrder.map((order) => orders.customer[order]),
    linesUsed,
    linesWithoutItem,
  };
}

/** A mask over customers: 1 where `labels[customer] === label` (an RFM segment, a cluster). */
export function customerMask(labels: ArrayLike<number>, label: number): Uint8Array {
  const mask = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) if (labels[i] === label) mask[i] = 1;
  return mask;
}
