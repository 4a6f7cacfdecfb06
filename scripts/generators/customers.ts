import { createRandom, type Random } from '../../src/core/common/random';

/** A normal draw (Box-Muller). */
export function gaussian(random: Random, mean = 0, sd = 1): number {
  const u = 1 - random.next();
  const v = random.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

interface Persona {
  name: string;
  weight: number;
  age: [number, number];
  income: [number, number];
  spend: [number, number];
  visits: [number, number];
  online: number;
  regions: string[];
}

/** Five kinds of customers a shop might really have; the analysis should find them again. */
export const PERSONAS: Persona[] = [
  {
    name: 'young bargain hunters',
    weight: 0.28,
    age: [24, 4],
    income: [28000, 6000],
    spend: [900, 250],
    visits: [6, 1.5],
    online: 0.8,
    regions: ['North', 'East'],
  },
  {
    name: 'affluent regulars',
    weight: 0.18,
    age: [46, 6],
    income: [98000, 14000],
    spend: [6200, 900],
    visits: [9, 2],
    online: 0.4,
    regions: ['South', 'West'],
  },
  {
    name: 'families',
    weight: 0.26,
    age: [38, 5],
    income: [62000, 9000],
    spend: [3100, 500],
    visits: [4, 1],
    online: 0.5,
    regions: ['North', 'South', 'East', 'West'],
  },
  {
    name: 'occasional seniors',
    weight: 0.16,
    age: [67, 6],
    income: [41000, 8000],
    spend: [1200, 300],
    visits: [1.5, 0.6],
    online: 0.15,
    regions: ['West', 'South'],
  },
  {
    name: 'big spenders',
    weight: 0.12,
    age: [33, 5],
    income: [135000, 20000],
    spend: [9800, 1500],
    visits: [3, 1],
    online: 0.9,
    regions: ['East'],
  },
];

export interface CustomerOptions {
  rows: number;
  seed?: number;
  /** Share of cells left empty in the numeric columns. */
  missingShare?: number;
  /** Share of rows with an absurd value (a typo in spend or income). */
  outlierShare?: number;
  /** Exact copies of earlier rows, as exports with repeated lines have. */
  duplicates?: number;
}

/**
 * A customer file: one row per customer with an id, age, income, spend, visits, tenure, a
 * region and a channel, drawn from the personas above, with a few missing values, outliers
 * and repeated rows. Seeded: the same options give the same bytes.
 */
export function generateCustomersCsv(options: CustomerOptions): string {
  const random = createRandom(options.seed ?? 1);
  const missingShare = options.missingShare ?? 0.01;
  const outlierShare = options.outlierShare ?? 0.004;
  const lines = [
    'customer_id,age,annual_income,annual_spend,visits_per_month,tenure_months,region,channel',
  ];
  const cumulative: number[] = [];
  let total = 0;
  for (const persona of PERSONAS) cumulative.push((total += persona.weight));
  const rows: string[] = [];
  for (let i = 0; i < options.rows; i++) {
    const draw = random.next() * total;
    const persona =
      PERSONAS[cumulative.findIndex((c) => draw < c)] ?? PERSONAS[PERSONAS.length - 1];
    const age = Math.round(clamp(gaussian(random, ...persona.age), 18, 95));
    let income = Math.round(clamp(gaussian(random, ...persona.income), 9000, 400000) / 100) * 100;
    let spend = clamp(gaussian(random, ...persona.spend), 20, 60000);
    const visits = clamp(gaussian(random, ...persona.visits), 0.1, 30);
    const tenure = Math.round(clamp(gaussian(random, 12 + age * 0.6, 14), 1, 240));
    if (random.next() < outlierShare) {
      if (random.next() < 0.5) spend *= 25;
      else income *= 20;
    }
    const cells = [
      `C${String(100001 + i)}`,
      String(age),
      String(income),
      spend.toFixed(2),
      visits.toFixed(1),
      String(tenure),
      persona.regions[random.int(persona.regions.length)],
      random.next() < persona.online ? 'online' : 'store',
    ];
    for (let c = 1; c <= 5; c++) if (random.next() < missingShare) cells[c] = '';
    rows.push(cells.join(','));
  }
  for (let d = 0; d < (options.duplicates ?? 0) && rows.length > 0; d++) {
    const at = random.int(rows.length);
    rows.splice(at + 1 + random.int(Math.max(1, rows.length - at)), 0, rows[at]);
  }
  return lines.concat(rows).join('\n') + '\n';
}

/**
 * A purely numeric file for benchmarks: `features` columns of floats with six significant
 * digits from `clusters` Gaussian blobs (about 93 MB for a million rows of eight).
 */
export function* generateNumericCsv(
  rows: number,
  features = 8,
  clusters = 6,
  seed = 7,
): Generator<string> {
  const random = createRandom(seed);
  const centres = Array.from({ length: clusters }, () =>
    Array.from({ length: features }, () => gaussian(random, 0, 4)),
  );
  const header = Array.from({ length: features }, (_, j) => `feature_${j + 1}`).join(',');
  let buffer = header + '\n';
  for (let i = 0; i < rows; i++) {
    const centre = centres[random.int(clusters)];
    const cells = new Array<string>(features);
    for (let j = 0; j < features; j++)
      cells[j] = (gaussian(random, centre[j], 1.2) * 1000).toFixed(5);
    buffer += cells.join(',') + '\n';
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
