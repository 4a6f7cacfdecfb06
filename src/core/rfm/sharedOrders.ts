import { ONE_DAY_MS } from '../read/parseDate';

/**
 * When an order id is used by several customers or on several days (ids that restart every day),
 * an order becomes (order id, customer, day): `order` is renumbered in place over the used lines,
 * whose `customer` is already a rank into `sorted`. Returns the order labels and how many ids were
 * shared; without a shared id, the ids as they are.
 */
export function splitSharedOrders(
  order: Int32Array,
  customer: Int32Array,
  time: Float64Array,
  used: number,
  keys: string[],
  sorted: number[],
  customerKeys: string[],
): { orders: string[]; count: number } {
  const firstCustomer = new Int32Array(keys.length).fill(-1);
  const firstDay = new Float64Array(keys.length);
  const shared = new Uint8Array(keys.length);
  let count = 0;
  for (let i = 0; i < used; i++) {
    const id = order[i];
    const day = Math.floor(time[i] / ONE_DAY_MS);
    if (firstCustomer[id] === -1) {
      firstCustomer[id] = customer[i];
      firstDay[id] = day;
    } else if (shared[id] === 0 && (firstCustomer[id] !== customer[i] || firstDay[id] !== day)) {
      shared[id] = 1;
      count++;
    }
  }
  if (count === 0) return { orders: keys, count: 0 };
  // Each line's order is the first line of its group: (id) for an unshared id, (id, customer,
  // day) for a shared one, found among the lines of its id only (a counting sort by id). No
  // string is made per line; a million order lines made a million keys here.
  const head = new Int32Array(keys.length + 1);
  for (let i = 0; i < used; i++) head[order[i] + 1]++;
  for (let id = 0; id < keys.length; id++) head[id + 1] += head[id];
  const byId = new Int32Array(used);
  const fill = head.slice(0, keys.length);
  for (let i = 0; i < used; i++) byId[fill[order[i]]++] = i;
  const groupFirst = new Int32Array(used);
  // (customer, day) within one id: customer * 2^22 + day's offset is exact for any customer
  // below 2^31 and days within 2^21 (about 5,700 years) either side of the id's first; beyond
  // that, text.
  const firstLineOf = new Map<number | string, number>();
  for (let id = 0; id < keys.length; id++) {
    const from = head[id];
    const to = head[id + 1];
    if (shared[id] === 0) {
      for (let k = from; k < to; k++) groupFirst[byId[k]] = byId[from];
      continue;
    }
    firstLineOf.clear();
    const baseDay = firstDay[id];
    for (let k = from; k < to; k++) {
      const i = byId[k];
      const offset = Math.floor(time[i] / ONE_DAY_MS) - baseDay;
      const key: number | string =
        Math.abs(offset) < DAYS_IN_KEY / 2
          ? customer[i] * DAYS_IN_KEY + offset + DAYS_IN_KEY / 2
          : `${customer[i]} ${offset}`;
      const first = firstLineOf.get(key);
      if (first === undefined) {
        firstLineOf.set(key, i);
        groupFirst[i] = i;
      } else {
        groupFirst[i] = first;
      }
    }
  }
  // Numbered by first use, the first line of each group naming it.
  const orders: string[] = [];
  // A date written once per day, not once per order.
  const dayLabels = new Map<number, string>();
  const dayLabel = (day: number) => {
    let label = dayLabels.get(day);
    if (label === undefined) {
      label = new Date(day * ONE_DAY_MS).toISOString().slice(0, 10);
      dayLabels.set(day, label);
    }
    return label;
  };
  for (let i = 0; i < used; i++) {
    const first = groupFirst[i];
    if (first !== i) {
      order[i] = order[first];
      continue;
    }
    const id = order[i];
    order[i] = orders.length;
    orders.push(
      shared[id] === 0
        ? keys[id]
        : `${keys[id]} ${customerKeys[sorted[customer[i]]]} ${dayLabel(Math.floor(time[i] / ONE_DAY_MS))}`,
    );
  }
  return { orders, count };
}

/** Days a (customer, day) key of splitSharedOrders spans: 2^22, about 5,700 years either side. */
const DAYS_IN_KEY = 1 << 22;
