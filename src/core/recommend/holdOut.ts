import type { OrderLines } from '../rfm/orderLines';
import type { Orders } from '../rfm/orders';
import {
  buildInteractions,
  compareText,
  compressRows,
  hasItem,
  type Interactions,
  type ItemColumns,
} from './interactions';

/**
 * The split recommendations are measured on. For every customer with at least two orders, the
 * last order (latest time; between orders at the same time, the greatest id in code-unit order)
 * is held out, and its items that none of their other orders has are their test items. Every
 * other order is training. Customers without test items are not evaluated.
 *
 * The matrix is binary, so holding out a last order that only repeats earlier items changes
 * nothing: each customer's training row is their whole history minus their test items.
 */
export interface HoldOut {
  /** What the models learn from (same columns as the full matrix). */
  training: Interactions;
  /** The evaluated customers, ascending. */
  customers: Int32Array;
  /** The e-th evaluated customer's test columns: testItems[testStart[e] .. testStart[e + 1]). */
  testStart: Int32Array;
  testItems: Int32Array;
  /** Per customer, the order held out (an index into the orders), -1 with a single order. */
  lastOrder: Int32Array;
  /** Customers with at least two orders (evaluated or not). */
  customersWithTwoOrders: number;
}

export function holdOutLastOrders(
  lines: OrderLines,
  orders: Orders,
  columns: ItemColumns,
  customerRank: Int32Array,
): HoldOut {
  const customerCount = lines.customers.length;
  const item = lines.item!;
  const rank = orderRanks(orders);
  const lastOrder = new Int32Array(customerCount).fill(-1);
  for (let i = 0; i < lines.count; i++) {
    const u = lines.customer[i];
    const order = orders.ofLine[i];
    if (lastOrder[u] === -1 || rank[order] > rank[lastOrder[u]]) lastOrder[u] = order;
  }
  const twoOrders = new Uint8Array(customerCount);
  for (let i = 0; i < lines.count; i++) {
    const u = lines.customer[i];
    if (orders.ofLine[i] !== lastOrder[u]) twoOrders[u] = 1;
  }

  const trainCustomer = new Int32Array(lines.count);
  const trainColumn = new Int32Array(lines.count);
  const lastCustomer = new Int32Array(lines.count);
  const lastColumn = new Int32Array(lines.count);
  let trainCount = 0;
  let lastCount = 0;
  for (let i = 0; i < lines.count; i++) {
    if (item[i] < 0) continue;
    const u = lines.customer[i];
    const column = columns.columnOfItem[item[i]];
    if (twoOrders[u] === 1 && orders.ofLine[i] === lastOrder[u]) {
      lastCustomer[lastCount] = u;
      lastColumn[lastCount++] = column;
    } else {
      trainCustomer[trainCount] = u;
      trainColumn[trainCount++] = column;
    }
  }
  const training = buildInteractions(
    customerCount,
    columns.itemOfColumn,
    customerRank,
    trainCustomer,
    trainColumn,
    trainCount,
  );
  const last = compressRows(
    customerCount,
    columns.itemOfColumn.length,
    lastCustomer,
    lastColumn,
    lastCount,
  );

  const evaluated: number[] = [];
  const testStart: number[] = [0];
  const testItems = new Int32Array(last.items.length);
  let size = 0;
  for (let u = 0; u < customerCount; u++) {
    const before = size;
    for (let k = last.start[u]; k < last.start[u + 1]; k++)
      if (!hasItem(training, u, last.items[k])) testItems[size++] = last.items[k];
    if (size > before) {
      evaluated.push(u);
      testStart.push(size);
    }
  }
  let customersWithTwoOrders = 0;
  for (let u = 0; u < customerCount; u++) customersWithTwoOrders += twoOrders[u];
  return {
    training,
    customers: Int32Array.from(evaluated),
    testStart: Int32Array.from(testStart),
    testItems: testItems.slice(0, size),
    lastOrder: Int32Array.from(lastOrder, (order, u) => (twoOrders[u] === 1 ? order : -1)),
    customersWithTwoOrders,
  };
}

/** Each order's place in time: by time, then by id in code-unit order. */
function orderRanks(orders: Orders): Int32Array {
  const order = Array.from({ length: orders.count }, (_, i) => i);
  order.sort(
    (a, b) => orders.time[a] - orders.time[b] || compareText(orders.label[a], orders.label[b]),
  );
  const rank = new Int32Array(orders.count);
  order.forEach((id, position) => (rank[id] = position));
  return rank;
}
