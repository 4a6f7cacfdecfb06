import type { RfmResult } from './rfm';
import type { NamedSegmentMap } from './rfmSegments';

export type RfmSortKey =
  | 'customer'
  | 'recency'
  | 'frequency'
  | 'monetary'
  | 'r'
  | 'f'
  | 'm'
  | 'code'
  | 'segment'
  | RfmValueKey;

/** The customer-value columns the table gains once value has been computed. */
export type RfmValueKey = 'pAlive' | 'expectedPurchases' | 'clv';

export const RFM_VALUE_KEYS: readonly RfmValueKey[] = ['pAlive', 'expectedPurchases', 'clv'];

/** P(alive), expected purchases and CLV per RFM customer (in `rfm.customers` order). */
export interface RfmValueColumns {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Null without a spend model: the table cannot sort by CLV then. */
  clv: Float64Array | null;
}

export interface RfmQuery {
  sort: RfmSortKey;
  descending: boolean;
  offset: number;
  limit: number;
  /** Only this named segment (under `map`), or everyone. */
  segment: number | null;
  map: NamedSegmentMap;
}

export interface RfmCustomerRow {
  customer: string;
  /** The customer's named segment under the query's map. */
  segment: number;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  /** The customer's value figures, when the page asked with value columns. */
  value?: { pAlive: number; expectedPurchases: number; clv: number | null };
}

export interface RfmPage {
  /** Customers that match the query (before paging). */
  total: number;
  offset: number;
  rows: RfmCustomerRow[];
}

/**
 * The per-customer RFM table, sorted, filtered and paged where the data is: the page receives
 * only the rows it shows. Sort orders are computed once per key.
 */
export class RfmCustomerTable {
  private readonly orders = new Map<string, Int32Array>();
  /** Orders by value columns, per set of columns (a new value request brings new columns). */
  private readonly valueOrders = new WeakMap<RfmValueColumns, Map<RfmValueKey, Int32Array>>();

  constructor(private readonly rfm: RfmResult) {}

  /**
   * One page of customers. With `value`, rows carry their value figures and the table sorts by
   * them too; sorting by a value column without them (or by CLV without a spend model) throws.
   */
  page(query: RfmQuery, value?: RfmValueColumns): RfmPage {
    const { rfm } = this;
    const order = isValueKey(query.sort) ? this.valueOrder(query.sort, value) : this.order(query);
    const cellOf = rfm.cells[query.map.scheme];
    const segmentOf = (i: number) => query.map.cells[cellOf[i]];
    let matching: Int32Array = order;
    if (query.segment !== null) {
      const wanted = query.segment;
      matching = order.filter((i) => segmentOf(i) === wanted);
    }
    const total = matching.length;
    const offset = Math.max(0, Math.min(query.offset, Math.max(0, total - 1)));
    const rows: RfmCustomerRow[] = [];
    for (let p = offset; p < Math.min(total, offset + query.limit); p++) {
      const i = matching[query.descending ? total - 1 - p : p];
      rows.push({
        customer: rfm.customers[i],
        segment: segmentOf(i),
        recency: rfm.recency[i],
        frequency: rfm.frequency[i],
        monetary: rfm.monetary[i],
        r: rfm.r[i],
        f: rfm.f[i],
        m: rfm.m[i],
        ...(value && {
          value: {
            pAlive: value.pAlive[i],
            expectedPurchases: value.expectedPurchases[i],
            clv: value.clv === null ? null : value.clv[i],
          },
        }),
      });
    }
    return { total, offset, rows };
  }

  /** Customers in ascending order of a value column (ties by customer id), cached per columns. */
  private valueOrder(key: RfmValueKey, value: RfmValueColumns | undefined): Int32Array {
    const values = value?.[key];
    if (!value || !values) throw new Error(`the RFM table has no ${key} column to sort by`);
    let known = this.valueOrders.get(value);
    if (known === undefined) this.valueOrders.set(value, (known = new Map()));
    const cached = known.get(key);
    if (cached) return cached;
    const order = Int32Array.from({ length: values.length }, (_, i) => i);
    order.sort((a, b) => values[a] - values[b] || a - b);
    known.set(key, order);
    return order;
  }

  /** Customers in ascending order of the sort key (ties by customer id), cached per key. */
  private order(query: RfmQuery): Int32Array {
    const { rfm } = this;
    if (isValueKey(query.sort)) throw new Error('value columns sort in valueOrder');
    const key = query.sort === 'segment' ? `segment:${JSON.stringify(query.map)}` : query.sort;
    const known = this.orders.get(key);
    if (known) return known;
    const n = rfm.customers.length;
    const order = Int32Array.from({ length: n }, (_, i) => i);
    if (query.sort !== 'customer') {
      const values = new Float64Array(n);
      if (query.sort === 'segment') {
        const names = query.map.names;
        const byName = names.map((_, s) => s).sort((a, b) => names[a].localeCompare(names[b]));
        const rankOf = new Int32Array(names.length);
        byName.forEach((s, position) => (rankOf[s] = position));
        const cellOf = rfm.cells[query.map.scheme];
        for (let i = 0; i < n; i++) values[i] = rankOf[query.map.cells[cellOf[i]]];
      } else if (query.sort === 'code') {
        for (let i = 0; i < n; i++) values[i] = rfm.r[i] * 100 + rfm.f[i] * 10 + rfm.m[i];
      } else {
        values.set(rfm[query.sort]);
      }
      // Customers are in id order already, so a stable sort keeps ties by id.
      order.sort((a, b) => values[a] - values[b] || a - b);
    }
    this.orders.set(key, order);
    return order;
  }
}

export function isValueKey(key: RfmSortKey): key is RfmValueKey {
  return (RFM_VALUE_KEYS as readonly string[]).includes(key);
}
