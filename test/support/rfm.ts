import { textSource } from '../../src/core/read/byteSource';
import { readCsv } from '../../src/core/read/readCsv';
import { computeRfm, type RfmResult, type RfmSettings } from '../../src/core/rfm/rfm';
import { tieScores } from '../../src/core/rfm/rfmScores';
import {
  cellIndex,
  defaultSegmentMap,
  meanCell,
  nameSegments,
  type NamedSegmentMap,
  type SegmentMap,
  type SegmentScheme,
} from '../../src/core/rfm/rfmSegments';
import { englishText } from '../../src/i18n/formatMessage';
import type { TransactionMapping } from '../../src/core/rfm/transactionMapping';

/** The columns of the UCI Online Retail export. */
export const UCI_MAPPING: TransactionMapping = {
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  amount: null,
};

export const settings = (mapping: TransactionMapping = UCI_MAPPING): RfmSettings => ({
  mapping,
  dateOrder: null,
  snapshot: null,
});

/** A segment map with its names in English, as tables and exports take it. */
export const englishMap = (map: SegmentMap): NamedSegmentMap => nameSegments(map, englishText);

/** A scheme's default map, named in English. */
export const defaultEnglishMap = (scheme: SegmentScheme = 'rf-grid'): NamedSegmentMap =>
  englishMap(defaultSegmentMap(scheme));

/** RFM of a CSV of order lines, read as the page reads it. */
export async function rfmOf(csv: string, rfmSettings: RfmSettings = settings()) {
  return computeRfm(await readCsv(textSource(csv)), rfmSettings);
}

export interface HandMadeCustomer {
  id: string;
  recency: number;
  frequency: number;
  monetary: number;
  /** Scores; by default the tie-keeping scores of the customers given. */
  r?: number;
  f?: number;
  m?: number;
}

/**
 * An RfmResult with exactly these customers (in this order, which stands for id order), for
 * tests of what is computed from one: tables, summaries, exports. Dates and row accounting are
 * filler.
 */
export function handMadeRfm(
  customers: HandMadeCustomer[],
  { money = true }: { money?: boolean } = {},
): RfmResult {
  const recency = Int32Array.from(customers, (c) => c.recency);
  const frequency = Int32Array.from(customers, (c) => c.frequency);
  const monetary = Float64Array.from(customers, (c) => c.monetary);
  const scores = (given: (c: HandMadeCustomer) => number | undefined, computed: Uint8Array) =>
    Uint8Array.from(customers, (c, i) => given(c) ?? computed[i]);
  const r = scores((c) => c.r, tieScores(recency, false));
  const f = scores((c) => c.f, tieScores(frequency, true));
  if (!money) monetary.fill(0);
  const m = money
    ? scores((c) => c.m, tieScores(monetary, true))
    : new Uint8Array(customers.length);
  const segmentMap = defaultSegmentMap('rf-grid');
  const grid = Uint8Array.from(r, (score, i) => cellIndex(score, f[i]));
  const day = 86_400_000;
  return {
    rows: {
      read: customers.length,
      used: customers.length,
      dropped: {
        unreadable_row: 0,
        no_customer_id: 0,
        cancellation: 0,
        unreadable_date: 0,
        missing_amount: 0,
        not_positive: 0,
      },
    },
    dropReason: new Uint8Array(customers.length),
    customers: customers.map((c) => c.id),
    recency,
    frequency,
    monetary,
    r,
    f,
    m,
    hasMoney: money,
    cells: { 'rf-grid': grid, 'rfm-mean': meanCells(recency, frequency, monetary) },
    segment: Uint8Array.from(grid, (cell) => segmentMap.cells[cell]),
    segmentMap,
    snapshot: 100 * day,
    firstOrder: 0,
    lastOrder: 99 * day,
    dateOrder: 'ymd',
    lastPurchase: Float64Array.from(customers, (c) => (100 - c.recency) * day),
    firstPurchase: new Float64Array(customers.length),
    totalRevenue: monetary.reduce((a, b) => a + b, 0),
    cancellationExamples: [],
    notes: [],
  };
}

/**
 * The 'rfm-mean' cells written out: high is strictly better than the customers' mean (fewer days,
 * more orders, more money), each compared as n * value against the sum, which is exact for the
 * whole numbers and quarter amounts tests use.
 */
export function meanCells(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): Uint8Array {
  const n = recency.length;
  const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
  const [r, f, m] = [sum(recency), sum(frequency), sum(monetary)];
  return Uint8Array.from({ length: n }, (_, i) =>
    meanCell(recency[i] * n < r, frequency[i] * n > f, monetary[i] * n > m),
  );
}
