import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '../src/core/common/random';
import { gaussian } from '../scripts/generators/customers';
import { BENCH_DIR } from './benchData';

/**
 * The file shapes issue #21 measures the reader and the page's pipeline on: the same seeded
 * customers (eight numeric columns around six centres) written the ways real exports write
 * numbers, plus a text-heavy order-lines file. Each shape says how a data scientist would read
 * it with pandas, so that the comparison is with the arguments pandas needs, not its defaults.
 */

export type ShapeId =
  | 'plain'
  | 'negatives'
  | 'exponents'
  | 'quoted'
  | 'semicolon-comma-crlf'
  | 'thousands-currency'
  | 'order-lines';

export interface BenchShape {
  id: ShapeId;
  /** What the shape looks like, for the table. */
  title: string;
  /** Numeric shapes run the whole pipeline; the order lines are timed for reading only. */
  numeric: boolean;
  /** pandas.read_csv keyword arguments (JSON), as a data scientist would pass them. */
  pandasRead: Record<string, string | boolean>;
  /** Columns pandas leaves as text that the data scientist then strips of `$` and `,`. */
  pandasStrip: string[];
  /** The pandas call, as quoted in the table's notes. */
  pandasCall: string;
}

const FEATURES = [
  'recency_days',
  'orders',
  'spend',
  'tenure_days',
  'basket_size',
  'discount_rate',
  'returns',
  'visits',
];

export const SHAPES: readonly BenchShape[] = [
  {
    id: 'plain',
    title: 'plain decimals',
    numeric: true,
    pandasRead: {},
    pandasStrip: [],
    pandasCall: 'read_csv(path)',
  },
  {
    id: 'negatives',
    title: 'negatives, 4-6 decimals',
    numeric: true,
    pandasRead: {},
    pandasStrip: [],
    pandasCall: 'read_csv(path)',
  },
  {
    id: 'exponents',
    title: 'exponents',
    numeric: true,
    pandasRead: {},
    pandasStrip: [],
    pandasCall: 'read_csv(path)',
  },
  {
    id: 'quoted',
    title: 'quoted numbers',
    numeric: true,
    pandasRead: {},
    pandasStrip: [],
    pandasCall: 'read_csv(path)',
  },
  {
    id: 'semicolon-comma-crlf',
    title: 'semicolons, decimal commas, CRLF',
    numeric: true,
    pandasRead: { sep: ';', decimal: ',' },
    pandasStrip: [],
    pandasCall: "read_csv(path, sep=';', decimal=',')",
  },
  {
    id: 'thousands-currency',
    title: 'thousands separators and $',
    numeric: true,
    pandasRead: { thousands: ',' },
    pandasStrip: ['spend', 'basket_size'],
    pandasCall:
      "read_csv(path, thousands=','), then spend and basket_size .str.replace('[$,]', '', regex=True).astype(float)",
  },
  {
    id: 'order-lines',
    title: 'order lines (text-heavy)',
    numeric: false,
    pandasRead: {},
    pandasStrip: [],
    pandasCall: 'read_csv(path)',
  },
];

/** One customer's eight figures, around one of six centres (so the elbow has something to find). */
function customerRow(random: Random, centres: number[][]): number[] {
  const centre = centres[random.int(centres.length)];
  return centre.map((mean, j) => mean + gaussian(random, 0, Math.abs(mean) * 0.18 + 1 + j));
}

function centresFor(random: Random): number[][] {
  const scale = [120, 14, 2400, 900, 35, 0.3, 3, 60];
  return Array.from({ length: 6 }, () => scale.map((s) => s * (0.3 + 2 * random.next())));
}

/** `1,234.56` (the sign kept in front). */
function grouped(value: number, decimals: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const sign = value < 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? '.' + fraction : ''}`;
}

function numericLine(shape: ShapeId, row: number[], random: Random): string {
  switch (shape) {
    case 'plain':
      return row.map((v) => Math.abs(v).toFixed(2)).join(',') + '\n';
    case 'negatives':
      // Every other column negative, each cell with 4, 5 or 6 decimals.
      return row.map((v, j) => (j % 2 ? -v : v).toFixed(4 + random.int(3))).join(',') + '\n';
    case 'exponents':
      // Large and small magnitudes, column by column: 1.2345e+5 and -4.5600e-3.
      return row.map((v, j) => (v * (j % 2 ? 1e-3 : 1e3)).toExponential(4)).join(',') + '\n';
    case 'quoted':
      return row.map((v) => `"${v.toFixed(3)}"`).join(',') + '\n';
    case 'semicolon-comma-crlf':
      return row.map((v) => v.toFixed(2).replace('.', ',')).join(';') + '\r\n';
    case 'thousands-currency':
      return (
        row
          .map((v, j) => {
            const text = grouped(v * 10, 2);
            const money = j === 2 || j === 4;
            const cell = money ? (v < 0 ? `-$${text.slice(1)}` : `$${text}`) : text;
            return cell.includes(',') ? `"${cell}"` : cell;
          })
          .join(',') + '\n'
      );
    default:
      throw new Error(`not a numeric shape: ${shape}`);
  }
}

const PRODUCTS = [
  'WHITE HANGING HEART T-LIGHT HOLDER',
  'REGENCY CAKESTAND 3 TIER',
  'JUMBO BAG RED RETROSPOT',
  'PARTY BUNTING',
  'ASSORTED COLOUR BIRD ORNAMENT',
  'SET OF 3 CAKE TINS PANTRY DESIGN',
  'PACK OF 72 RETROSPOT CAKE CASES',
  'LUNCH BAG  BLACK SKULL.',
  'NATURAL SLATE HEART CHALKBOARD',
  'HEART OF WICKER SMALL',
  'VINTAGE SNAP CARDS, "SPOTTY"',
  "PAPER CHAIN KIT 50'S CHRISTMAS",
];
const COUNTRIES = ['United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Netherlands'];

function orderLine(index: number, random: Random): string {
  const product = random.int(PRODUCTS.length);
  const description = PRODUCTS[product];
  const day = new Date(Date.UTC(2010, 11, 1) + Math.floor(index / 40) * 60_000 * 7);
  const stamp = `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()} ${day.getUTCHours()}:${String(day.getUTCMinutes()).padStart(2, '0')}`;
  const quantity = random.next() < 0.02 ? -(1 + random.int(12)) : 1 + random.int(24);
  const price = (0.29 + random.int(1500) / 100).toFixed(2);
  const customer = random.next() < 0.2 ? '' : String(12346 + random.int(4300));
  const text =
    description.includes(',') || description.includes('"')
      ? `"${description.replace(/"/g, '""')}"`
      : description;
  return `${536365 + Math.floor(index / 20)},${85000 + product * 37}${random.next() < 0.3 ? 'B' : ''},${text},${quantity},${stamp},${price},${customer},${COUNTRIES[random.int(COUNTRIES.length)]}\n`;
}

/** The file's lines, header first, in chunks of about a thousand rows; the same for the same seed. */
export function* shapeLines(shape: ShapeId, rows: number, seed = 21): Generator<string> {
  const random = createRandom(seed);
  if (shape === 'order-lines') {
    yield 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
    for (let start = 0; start < rows; start += 1000) {
      let chunk = '';
      for (let i = start; i < Math.min(rows, start + 1000); i++) chunk += orderLine(i, random);
      yield chunk;
    }
    return;
  }
  const centres = centresFor(random);
  const header =
    shape === 'semicolon-comma-crlf' ? FEATURES.join(';') + '\r\n' : FEATURES.join(',') + '\n';
  yield header;
  for (let start = 0; start < rows; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 1000); i++)
      chunk += numericLine(shape, customerRow(random, centres), random);
    yield chunk;
  }
}

/** The shape's seeded file of `rows` rows in the bench data dir, written once and reused. */
export async function shapeFile(
  shape: ShapeId,
  rows: number,
): Promise<{ path: string; bytes: number }> {
  await mkdir(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `shape-${shape}-${rows}.csv`);
  if (!existsSync(path)) {
    const partial = `${path}.partial`;
    const out = createWriteStream(partial);
    for (const chunk of shapeLines(shape, rows)) {
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(partial, path);
  }
  return { path, bytes: (await stat(path)).size };
}
