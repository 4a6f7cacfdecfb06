import type { RfmSettings } from '../../src/core/rfm/rfm';
import type { TransactionMapping } from '../../src/core/rfm/transactionMapping';

/** One order of a hand-made file: its lines' items ('' for a line without one). */
export interface HandOrder {
  order: string;
  /** '' for a guest checkout (the line is left out: no customer). */
  customer: string;
  /** ISO date and time. */
  date: string;
  items: string[];
  quantity?: number;
  price?: number;
}

export const DESCRIPTIONS = new Map([
  ['JAM', 'Strawberry jam'],
  ['BREAD', 'Brown bread'],
  ['BUTTER', 'Butter'],
  ['CHEESE', 'Cheddar cheese'],
  ['WINE', 'Red wine'],
]);

/** Order lines in the UCI export's columns. */
export function handOrdersCsv(orders: readonly HandOrder[]): string {
  const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID'];
  for (const o of orders) {
    for (const item of o.items) {
      const description = DESCRIPTIONS.get(item) ?? '';
      rows.push(
        [o.order, item, description, o.quantity ?? 1, o.date, o.price ?? 2, o.customer].join(','),
      );
    }
  }
  return rows.join('\n') + '\n';
}

/**
 * A small shop with known answers. Two regulars order jam and bread together every few days in
 * December (sometimes butter too, and once a line without an item); three lapsed customers
 * ordered cheese (two of them with wine) once in January; a guest's line has no customer.
 * Under the 'rfm-mean' map the regulars are segment 0 (R, F and M above the mean) and the lapsed
 * customers segment 7 (all below).
 * - All: 15 baskets; jam and bread each in 12, together in 12.
 * - Regulars: 12 baskets, jam and bread in every one (lift 1, confidence 1).
 * - Lapsed: 3 baskets, cheese in 3, wine in 2.
 */
export const SHOP_ORDERS: HandOrder[] = [
  ...['r1', 'r2'].flatMap((customer, c) =>
    Array.from({ length: 6 }, (_, k) => ({
      order: `${100 + c * 10 + k}`,
      customer,
      date: `2024-12-${String(1 + 2 * k + c).padStart(2, '0')} 10:00`,
      items:
        k === 0 && c === 0
          ? ['JAM', 'BREAD', '']
          : k % 3 === 0
            ? ['JAM', 'BREAD', 'BUTTER']
            : ['JAM', 'BREAD'],
      quantity: 2,
      price: 3,
    })),
  ),
  { order: '200', customer: 'x1', date: '2024-01-10 09:00', items: ['CHEESE', 'WINE'] },
  { order: '201', customer: 'x2', date: '2024-01-11 09:00', items: ['CHEESE', 'WINE'] },
  { order: '202', customer: 'x3', date: '2024-01-12 09:00', items: ['CHEESE'] },
  { order: '300', customer: '', date: '2024-06-01 12:00', items: ['WINE'] },
];

export const SHOP_CSV = handOrdersCsv(SHOP_ORDERS);

export const SHOP_MAPPING: TransactionMapping = {
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  amount: null,
  item: 'StockCode',
  description: 'Description',
};

export const SHOP_SETTINGS: RfmSettings = {
  mapping: SHOP_MAPPING,
  dateOrder: null,
  snapshot: null,
};
