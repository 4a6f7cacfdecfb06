import { ONE_DAY_MS, wholeDaysBetween, type DateOrder } from '../read/parseDate';
import type { StageProgress } from '../common/progress';
import { oneValue, tieScores } from './rfmScores';
import {
  cellIndex,
  defaultSegmentMap,
  meanCell,
  type SegmentMap,
  type SegmentScheme,
} from './rfmSegments';
import type { Table } from '../read/table';
import type { TransactionMapping } from './transactionMapping';
import {
  LINE_DROP_LABELS,
  LINE_DROP_REASONS,
  selectOrderLines,
  type LineDropReason,
  type LineReport,
  type OrderLines,
} from './orderLines';
import { UserError } from '../common/userError';
import { message, type Message } from '../common/message';
import type { CancellationSetting } from './cancellations';

export interface RfmSettings {
  mapping: TransactionMapping;
  /** How the dates are written; null to decide from the data (an error when it cannot). */
  dateOrder: DateOrder | null;
  /** The day recency is counted to (ms on a UTC clock); null for the latest order + 1 day. */
  snapshot: number | null;
  /** Whether `C` + digits order ids are cancellations: 'auto' (the default) or 'off'. */
  cancellations?: CancellationSetting;
}

export const RFM_DROP_REASONS = LINE_DROP_REASONS;
export type RfmDropReason = LineDropReason;
export const RFM_DROP_LABELS = LINE_DROP_LABELS;
export type RfmRowReport = LineReport;

export interface RfmResult {
  rows: RfmRowReport;
  /** Per record: 0 used, else 1 + index in RFM_DROP_REASONS. */
  dropReason: Uint8Array;
  /** Customer ids as the export writes them (`17850.0` is `17850`), sorted. */
  customers: string[];
  recency: Int32Array;
  frequency: Int32Array;
  /** Zero for everyone without money (see hasMoney). */
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  /** Scores 1..5; 0 for everyone without money. */
  m: Uint8Array;
  /**
   * Whether the order lines had money. Without it RFM is recency and frequency only: the named
   * segments come from the R-by-F grid (the 'rfm-mean' scheme needs M and is not offered), and
   * every table, chart and export leaves M out.
   */
  hasMoney: boolean;
  /** Each customer's cell under each segment scheme (see rfmSegments). */
  cells: Record<SegmentScheme, Uint8Array>;
  /** Each customer's named segment under the default map (the page may use its own). */
  segment: Uint8Array;
  segmentMap: SegmentMap;
  /** Times on a UTC clock, in ms. */
  snapshot: number;
  firstOrder: number;
  lastOrder: number;
  dateOrder: DateOrder;
  /** Per customer, their first and last order time. */
  lastPurchase: Float64Array;
  firstPurchase: Float64Array;
  totalRevenue: number;
  /** A few order ids of the lines taken as cancellations. */
  cancellationExamples: string[];
  /** What the reader should know about how the figures were made (cancellations, ties...). */
  notes: Message[];
}

/**
 * Recency, frequency and monetary value per customer from order lines, with tie-keeping scores
 * and named segments. Every line is used or counted under exactly one reason.
 */
export function computeRfm(
  table: Table,
  settings: RfmSettings,
  onProgress?: StageProgress,
): RfmResult {
  return rfmOfLines(
    selectOrderLines(table, settings, (f) => onProgress?.(0.8 * f)),
    settings.snapshot,
    onProgress,
  );
}

/** RFM of order lines already selected (see computeRfm), recency counted to `snapshotAt`. */
export function rfmOfLines(
  lines: OrderLines,
  snapshotAt: number | null,
  onProgress?: StageProgress,
): RfmResult {
  const c = lines.customers.length;
  const monetary = new Float64Array(c);
  const lastPurchase = new Float64Array(c).fill(-Infinity);
  const firstPurchase = new Float64Array(c).fill(Infinity);
  const frequency = new Int32Array(c);
  let totalRevenue = 0;
  for (let i = 0; i < lines.count; i++) {
    const customer = lines.customer[i];
    monetary[customer] += lines.value[i];
    totalRevenue += lines.value[i];
    const time = lines.time[i];
    if (time > lastPurchase[customer]) lastPurchase[customer] = time;
    if (time < firstPurchase[customer]) firstPurchase[customer] = time;
  }
  countOrders(lines, frequency);
  onProgress?.(0.9);
  const latest = lines.lastOrder;

  const snapshot = snapshotAt ?? latest + ONE_DAY_MS;
  if (snapshot < latest) {
    throw new UserError('bad-option', 'snapshotBeforeLastOrder', { last: latest });
  }
  const recency = new Int32Array(c);
  for (let i = 0; i < c; i++) recency[i] = wholeDaysBetween(lastPurchase[i], snapshot);
  const r = tieScores(recency, false);
  const f = tieScores(frequency, true);
  const m = lines.hasMoney ? tieScores(monetary, true) : new Uint8Array(c);
  const cells = {
    'rf-grid': gridCells(r, f),
    'rfm-mean': meanCells(recency, frequency, monetary),
  };
  const segmentMap = defaultSegmentMap('rf-grid');
  const segment = Uint8Array.from(cells['rf-grid'], (cell) => segmentMap.cells[cell]);
  const notes: Message[] = [];
  if (!lines.hasMoney) notes.push(message('rfmNoteNoMoney'));
  if (lines.orders.length === 0) notes.push(message('rfmNoteOrdersByDay'));
  const tied: [string, ArrayLike<number>][] = [
    ['recency', recency],
    ['frequency', frequency],
    ...(lines.hasMoney ? [['monetary', monetary] as [string, ArrayLike<number>]] : []),
  ];
  for (const [which, values] of tied)
    if (c > 1 && oneValue(values))
      notes.push(message('rfmNoteOneValue', { which, value: values[0] }));
  if (lines.sharedOrderIds > 0)
    notes.push(message('rfmNoteSharedOrderIds', { count: lines.sharedOrderIds }));
  const cancelled = lines.report.dropped.cancellation;
  if (cancelled > 0)
    notes.push(
      message('rfmNoteCancellations', {
        count: cancelled,
        examples: lines.cancellationExamples.join(', '),
      }),
    );
  onProgress?.(1);
  return {
    rows: lines.report,
    dropReason: lines.dropReason,
    customers: lines.customers,
    recency,
    frequency,
    monetary,
    r,
    f,
    m,
    hasMoney: lines.hasMoney,
    cells,
    segment,
    segmentMap,
    snapshot,
    firstOrder: lines.firstOrder,
    lastOrder: latest,
    dateOrder: lines.dateOrder,
    lastPurchase,
    firstPurchase,
    totalRevenue,
    cancellationExamples: lines.cancellationExamples,
    notes,
  };
}

/**
 * Orders per customer: distinct order ids, or, without an order column, distinct days (UTC) on
 * which the customer bought: a basket file's lines of one visit are one order, as baskets count.
 */
function countOrders(lines: OrderLines, frequency: Int32Array): void {
  const byDay = lines.orders.length === 0;
  const orderOf = (i: number) =>
    byDay ? Math.floor(lines.time[i] / ONE_DAY_MS) - dayOffset : lines.order[i];
  let dayOffset = 0;
  let days = 1;
  if (byDay) {
    dayOffset = Math.floor(lines.firstOrder / ONE_DAY_MS);
    days = Math.floor(lines.lastOrder / ONE_DAY_MS) - dayOffset + 1;
  }
  // The distinct (customer, order) pairs, without sorting them: the lines' customers grouped by
  // order (a counting sort), and each order's customers counted once, by a stamp per customer.
  // Online Retail's 397,884 lines: 4 to 6 ms against 25 to 30 ms sorting the pairs as numbers.
  const n = lines.count;
  const orderCount = Math.max(1, byDay ? days : lines.orders.length);
  const orderOfLine = new Int32Array(n);
  const starts = new Int32Array(orderCount + 1);
  for (let i = 0; i < n; i++) {
    const order = orderOf(i);
    orderOfLine[i] = order;
    starts[order + 1]++;
  }
  for (let o = 0; o < orderCount; o++) starts[o + 1] += starts[o];
  const customers = new Int32Array(n);
  const cursor = starts.slice(0, orderCount);
  for (let i = 0; i < n; i++) customers[cursor[orderOfLine[i]]++] = lines.customer[i];
  const stamp = new Int32Array(frequency.length).fill(-1);
  for (let o = 0; o < orderCount; o++) {
    for (let at = starts[o]; at < starts[o + 1]; at++) {
      const customer = customers[at];
      if (stamp[customer] !== o) {
        stamp[customer] = o;
        frequency[customer]++;
      }
    }
  }
}

/** Each customer's cell of the R-by-F grid. */
function gridCells(r: Uint8Array, f: Uint8Array): Uint8Array {
  return Uint8Array.from(r, (score, i) => cellIndex(score, f[i]));
}

/** Each customer's cell of R, F and M above or below the customers' means (see meanCell). */
function meanCells(recency: Int32Array, frequency: Int32Array, monetary: Float64Array): Uint8Array {
  const n = recency.length;
  // Two passes: the second corrects the rounding of the first, so that customers who all spend
  // the same equal the mean (0.7 + 0.7 + 0.7 over 3 is not 0.7) and none counts as above it.
  const mean = (values: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i];
    const rough = sum / n;
    let error = 0;
    for (let i = 0; i < n; i++) error += values[i] - rough;
    return rough + error / n;
  };
  const r = mean(recency);
  const f = mean(frequency);
  const m = mean(monetary);
  const cells = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    cells[i] = meanCell(recency[i] < r, frequency[i] > f, monetary[i] > m);
  return cells;
}
