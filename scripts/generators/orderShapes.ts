import { createRandom, type Random } from '../../src/core/common/random';

/**
 * Order-line files shaped like the public ones users bring: a groceries basket file without
 * money or order ids, a Chinese marketplace export, a German account statement, French, Spanish
 * and Portuguese exports, and a terse `NAME`/`Amt` file. Seeded: the same options give the same
 * text. Only the shapes are real (column names, date styles, repetition); every value is made up.
 */

const GROCERIES = [
  'whole milk',
  'other vegetables',
  'rolls/buns',
  'soda',
  'yogurt',
  'root vegetables',
  'tropical fruit',
  'bottled water',
  'sausage',
  'citrus fruit',
  'pastry',
  'pip fruit',
  'shopping bags',
  'canned beer',
  'bottled beer',
  'whipped/sour cream',
  'newspapers',
  'frankfurter',
  'brown bread',
  'domestic eggs',
];

export interface GroceriesOptions {
  seed?: number;
  /** Lines (items bought); the public file has 38,765. */
  lines?: number;
  /** Distinct members; the public file has 3,898. */
  members?: number;
}

/**
 * `Member_number,Date,itemDescription`: one line per item bought, member numbers 1000..4999,
 * dates written `21-07-2015` over two years, no order id and no money. Every member buys at least
 * once, so the file has exactly `members` distinct members.
 */
export function generateGroceriesCsv(options: GroceriesOptions = {}): string {
  const { seed = 1, lines = 38_765, members = 3_898 } = options;
  const random = createRandom(seed);
  const ids = distinctNumbers(random, members, 1000, 5000);
  const out = ['Member_number,Date,itemDescription'];
  for (let i = 0; i < lines; i++) {
    // The first `members` lines give every member a purchase; the rest favour low member indices.
    const member = i < members ? ids[i] : ids[Math.floor(members * random.next() ** 2)];
    const day = new Date(Date.UTC(2014, 0, 1) + random.int(730) * 86_400_000);
    const date = `${pad(day.getUTCDate())}-${pad(day.getUTCMonth() + 1)}-${day.getUTCFullYear()}`;
    out.push(`${member},${date},${GROCERIES[random.int(GROCERIES.length)]}`);
  }
  return out.join('\n') + '\n';
}

/** The roles of an order export's columns, and the names a shape gives them. */
export interface OrderShape {
  customer: string;
  date: string;
  order?: string;
  amount?: string;
  item?: string;
  /** How dates are written. */
  dateStyle: 'ymd' | 'dmy-dot' | 'dmy-slash' | 'ymd-time';
  /** The decimal separator of the amounts (a comma means `;` between fields). */
  decimal: '.' | ',';
  /** Customer ids: numbers, or codes such as `U00042`. */
  customerIds: 'numbers' | 'codes' | 'names';
}

export const ORDER_SHAPES = {
  tmall: {
    customer: '会员ID',
    date: '下单时间',
    order: '订单编号',
    amount: '实付金额',
    item: '商品名称',
    dateStyle: 'ymd-time',
    decimal: '.',
    customerIds: 'numbers',
  },
  tmallSales: {
    customer: '用户ID',
    date: '下单时间',
    order: '订单编号',
    amount: '销售额',
    item: '商品名称',
    dateStyle: 'ymd',
    decimal: '.',
    customerIds: 'codes',
  },
  tmallAmount: {
    customer: '用户ID',
    date: '日期',
    amount: '金额',
    dateStyle: 'ymd',
    decimal: '.',
    customerIds: 'numbers',
  },
  german: {
    customer: 'Kundennummer',
    date: 'Datum',
    order: 'Belegnummer',
    amount: 'Betrag',
    item: 'Artikel',
    dateStyle: 'dmy-dot',
    decimal: ',',
    customerIds: 'numbers',
  },
  germanRevenue: {
    customer: 'Kunde',
    date: 'Buchungsdatum',
    amount: 'Umsatz',
    dateStyle: 'dmy-dot',
    decimal: ',',
    customerIds: 'codes',
  },
  french: {
    customer: 'client',
    date: 'date_commande',
    order: 'numero_commande',
    amount: 'montant',
    item: 'produit',
    dateStyle: 'dmy-slash',
    decimal: ',',
    customerIds: 'codes',
  },
  spanish: {
    customer: 'cliente',
    date: 'fecha',
    order: 'pedido',
    amount: 'importe',
    item: 'producto',
    dateStyle: 'dmy-slash',
    decimal: ',',
    customerIds: 'codes',
  },
  portuguese: {
    customer: 'cliente',
    date: 'data',
    order: 'pedido',
    amount: 'valor',
    item: 'produto',
    dateStyle: 'dmy-slash',
    decimal: ',',
    customerIds: 'numbers',
  },
  terse: {
    customer: 'NAME',
    date: 'DATE',
    amount: 'Amt',
    dateStyle: 'ymd',
    decimal: '.',
    customerIds: 'names',
  },
} satisfies Record<string, OrderShape>;

export type OrderShapeName = keyof typeof ORDER_SHAPES;

const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Eva',
  'Femi',
  'Grace',
  'Hiro',
  'Ines',
  'Jon',
];
const LAST_NAMES = ['Silva', 'Meyer', 'Dubois', 'García', 'Wang', 'Okafor', 'Smith', 'Rossi'];

/**
 * Order lines of one shape: `customers` customers, each with 1..8 orders of 1..4 lines over 2024,
 * amounts positive decimals (cents), the columns in a shuffled-looking fixed order with the
 * customer column not first (so that position alone does not find it).
 */
export function generateOrderShapeCsv(
  shape: OrderShape,
  options: { seed?: number; customers?: number } = {},
): string {
  const { seed = 7, customers = 60 } = options;
  const random = createRandom(seed);
  const separator = shape.decimal === ',' ? ';' : ',';
  const header = [shape.order, shape.date, shape.customer, shape.item, shape.amount].filter(
    (name): name is string => name !== undefined,
  );
  const numbers = distinctNumbers(random, customers, 10_000, 99_999);
  const idOf = (c: number) =>
    shape.customerIds === 'numbers'
      ? String(numbers[c])
      : shape.customerIds === 'codes'
        ? `U${String(numbers[c]).padStart(6, '0')}`
        : `${FIRST_NAMES[c % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(c / FIRST_NAMES.length) % LAST_NAMES.length]} ${Math.floor(c / 80) || ''}`.trim();
  const out = [header.join(separator)];
  let order = 100_000;
  for (let c = 0; c < customers; c++) {
    const orders = 1 + random.int(8);
    for (let o = 0; o < orders; o++) {
      order++;
      const day = new Date(Date.UTC(2024, 0, 1) + random.int(366) * 86_400_000);
      const lines = 1 + random.int(4);
      for (let l = 0; l < lines; l++) {
        const amount = (1 + random.int(20_000)) / 100;
        const cells: Record<string, string> = {
          [shape.customer]: idOf(c),
          [shape.date]: formatDay(day, shape.dateStyle, random),
        };
        if (shape.order) cells[shape.order] = String(order);
        if (shape.item) cells[shape.item] = GROCERIES[random.int(GROCERIES.length)];
        if (shape.amount)
          cells[shape.amount] =
            shape.decimal === ',' ? amount.toFixed(2).replace('.', ',') : amount.toFixed(2);
        out.push(header.map((name) => cells[name]).join(separator));
      }
    }
  }
  return out.join('\n') + '\n';
}

function formatDay(day: Date, style: OrderShape['dateStyle'], random: Random): string {
  const y = day.getUTCFullYear();
  const m = pad(day.getUTCMonth() + 1);
  const d = pad(day.getUTCDate());
  if (style === 'dmy-dot') return `${d}.${m}.${y}`;
  if (style === 'dmy-slash') return `${d}/${m}/${y}`;
  if (style === 'ymd-time')
    return `${y}-${m}-${d} ${pad(8 + random.int(14))}:${pad(random.int(60))}:00`;
  return `${y}-${m}-${d}`;
}

/** `count` distinct integers from [low, high), in the order drawn. */
function distinctNumbers(random: Random, count: number, low: number, high: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < count) {
    const n = low + random.int(high - low);
    if (!seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
