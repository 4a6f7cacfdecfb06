import { createRandom, type Random } from '../../src/core/common/random';
import { gaussian } from './customers';

/**
 * A year of a small online shop's order lines, with what real exports have: guest checkouts
 * without a customer id, cancelled orders (ids starting with C, negative quantities), returns,
 * free items at price 0, and ids written as `17850.0`. Dates are day-first (a UK shop), so the
 * reader has to tell 03/04 from 04/03 by itself.
 */

interface Shopper {
  name: string;
  weight: number;
  /** Orders a year. */
  orders: [number, number];
  /** Lines per order. */
  lines: [number, number];
  /** When in the year they are active, as fractions of it. */
  active: [number, number];
}

export const SHOPPERS: Shopper[] = [
  { name: 'loyal regulars', weight: 0.15, orders: [16, 5], lines: [6, 2], active: [0, 1] },
  { name: 'steady customers', weight: 0.25, orders: [6, 2], lines: [4, 2], active: [0, 1] },
  { name: 'one-off buyers', weight: 0.3, orders: [1.2, 0.4], lines: [3, 2], active: [0, 1] },
  { name: 'lapsed customers', weight: 0.2, orders: [4, 2], lines: [4, 2], active: [0, 0.45] },
  { name: 'new customers', weight: 0.1, orders: [2, 1], lines: [4, 2], active: [0.85, 1] },
];

const PRODUCTS: [string, string, number][] = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2.55],
  ['71053', 'WHITE METAL LANTERN', 3.39],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 2.75],
  ['22633', 'HAND WARMER UNION JACK', 1.85],
  ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', 4.25],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', 7.65],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 1.69],
  ['22745', "POPPY'S PLAYHOUSE BEDROOM", 2.1],
  ['48187', 'DOORMAT NEW ENGLAND', 7.95],
  ['22960', 'JAM MAKING SET WITH JARS', 4.25],
  ['21754', 'HOME BUILDING BLOCK WORD', 5.95],
  ['20725', 'LUNCH BAG RED RETROSPOT', 1.65],
  ['22386', 'JUMBO BAG PINK POLKADOT', 1.95],
  ['23084', 'RABBIT NIGHT LIGHT', 2.08],
  ['POST', 'POSTAGE', 18],
];

const COUNTRIES = [
  'United Kingdom',
  'United Kingdom',
  'United Kingdom',
  'Germany',
  'France',
  'EIRE',
];

export interface TransactionOptions {
  customers: number;
  seed?: number;
  year?: number;
}

function pickShopper(random: Random): Shopper {
  let u = random.next();
  for (const shopper of SHOPPERS) {
    u -= shopper.weight;
    if (u < 0) return shopper;
  }
  return SHOPPERS[SHOPPERS.length - 1];
}

function dayFirst(time: number): string {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The order lines as CSV text (CRLF, like the exports of most shop systems). */
export function generateTransactionsCsv(options: TransactionOptions): string {
  const random = createRandom(options.seed ?? 1);
  const year = options.year ?? 2025;
  const start = Date.UTC(year, 0, 1);
  const span = Date.UTC(year + 1, 0, 1) - start;
  interface Order {
    time: number;
    customer: number | null;
    country: string;
    lines: number;
  }
  const orders: Order[] = [];
  for (let c = 0; c < options.customers; c++) {
    const shopper = pickShopper(random);
    const id = 12000 + c * 7 + random.int(7);
    const country = COUNTRIES[random.int(COUNTRIES.length)];
    const count = Math.max(1, Math.round(gaussian(random, ...shopper.orders)));
    for (let o = 0; o < count; o++) {
      const at = shopper.active[0] + random.next() * (shopper.active[1] - shopper.active[0]);
      orders.push({
        time: start + Math.floor((at * span) / 60_000) * 60_000,
        customer: id,
        country,
        lines: Math.max(1, Math.round(gaussian(random, ...shopper.lines))),
      });
    }
  }
  // Guest checkouts: about one order in eight has no customer id.
  const guests = Math.round(orders.length / 8);
  for (let g = 0; g < guests; g++) {
    orders.push({
      time: start + Math.floor((random.next() * span) / 60_000) * 60_000,
      customer: null,
      country: 'United Kingdom',
      lines: 1 + random.int(6),
    });
  }
  orders.sort((a, b) => a.time - b.time);
  const rows = [
    'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  ];
  let invoice = 530000;
  for (const order of orders) {
    const cancelled = order.customer !== null && random.next() < 0.02;
    const number = cancelled ? `C${invoice++}` : String(invoice++);
    const customer = order.customer === null ? '' : `${order.customer}.0`;
    for (let l = 0; l < order.lines; l++) {
      const [code, description, price] = PRODUCTS[random.int(PRODUCTS.length)];
      let quantity = 1 + random.int(12);
      let unitPrice = price;
      if (cancelled) quantity = -quantity;
      else if (random.next() < 0.01)
        quantity = -(1 + random.int(3)); // a return
      else if (random.next() < 0.005) unitPrice = 0; // a free item
      rows.push(
        [
          number,
          code,
          csvCell(description),
          String(quantity),
          dayFirst(order.time),
          unitPrice.toFixed(2),
          customer,
          order.country,
        ].join(','),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}
