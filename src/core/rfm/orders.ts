import { ONE_DAY_MS } from '../read/parseDate';
import type { OrderLines } from './orderLines';

/**
 * The orders (baskets) of the used order lines: one per distinct order id, or, in a file without
 * an order column, one per customer and calendar day (UTC). Baskets, recommendations and their
 * hold-out split all group lines this way.
 */
export interface Orders {
  count: number;
  /** Per used line, its order: an index below `count`, numbered in order of first appearance. */
  ofLine: Int32Array;
  /** Per order, the customer of its first line. */
  customer: Int32Array;
  /** Per order, the latest time of its lines (ms, UTC clock). */
  time: Float64Array;
  /** Per order, its id as written, or "customer day" without an order column. */
  label: string[];
}

export function groupOrders(lines: OrderLines): Orders {
  const ofLine = new Int32Array(lines.count);
  const byKey = new Map<number, number>();
  const customer: number[] = [];
  const time: number[] = [];
  const label: string[] = [];
  const withOrderIds = lines.orders.length > 0;
  const customers = lines.customers.length;
  for (let i = 0; i < lines.count; i++) {
    const day = Math.floor(lines.time[i] / ONE_DAY_MS);
    const key = withOrderIds ? lines.order[i] : day * customers + lines.customer[i];
    let id = byKey.get(key);
    if (id === undefined) {
      id = customer.length;
      byKey.set(key, id);
      customer.push(lines.customer[i]);
      time.push(lines.time[i]);
      label.push(
        withOrderIds
          ? lines.orders[lines.order[i]]
          : `${lines.customers[lines.customer[i]]} ${new Date(day * ONE_DAY_MS).toISOString().slice(0, 10)}`,
      );
    } else if (lines.time[i] > time[id]) {
      time[id] = lines.time[i];
    }
    ofLine[i] = id;
  }
  return {
    count: customer.length,
    ofLine,
    customer: Int32Array.from(customer),
    time: Float64Array.from(time),
    label,
  };
}
