import { analyzeTable } from '../../../src/core/analysis/analyzeTable';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { formatDateTime, parseDate } from '../../../src/core/read/parseDate';
import { readCsv } from '../../../src/core/read/readCsv';
import { computeRfm, RFM_DROP_REASONS, type RfmSettings } from '../../../src/core/rfm/rfm';
import {
  clusterCellCounts,
  rfmAnalysisOptions,
  rfmTable,
  customerClusters,
} from '../../../src/core/rfm/rfmClustering';
import { rfmCsvParts } from '../../../src/core/rfm/rfmExport';
import { tieScores } from '../../../src/core/rfm/rfmScores';
import {
  cellIndex,
  defaultSegmentMap,
  reassignCell,
  renameSegment,
  segmentMapProblem,
} from '../../../src/core/rfm/rfmSegments';
import {
  cellTotals,
  clusterSegmentTable,
  segmentCounts,
  segmentSummary,
} from '../../../src/core/rfm/rfmSummary';
import {
  EMPTY_MAPPING,
  mappingProblem,
  suggestTransactionMapping,
  type TransactionMapping,
} from '../../../src/core/rfm/transactionMapping';
import { isUserError } from '../../../src/core/common/userError';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';

const UCI_MAPPING: TransactionMapping = {
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  amount: null,
};

const settings = (mapping: TransactionMapping = UCI_MAPPING): RfmSettings => ({
  mapping,
  dateOrder: null,
  snapshot: null,
});

async function rfmOf(csv: string, rfmSettings: RfmSettings = settings()) {
  return computeRfm(await readCsv(textSource(csv)), rfmSettings);
}

async function userErrorOf(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('tieScores', () => {
  it('scores 1 + floor(5 x customers with a strictly smaller value / customers), ties together', () => {
    expect(Array.from(tieScores(Float64Array.from([1, 1, 1, 2, 3]), true))).toEqual([
      1, 1, 1, 4, 5,
    ]);
    // Recency: fewer days is better, so a customer beats those with strictly more days.
    expect(Array.from(tieScores(Int32Array.from([10, 10, 5, 1, 1]), false))).toEqual([
      1, 1, 3, 4, 4,
    ]);
    const spread = tieScores(
      Float64Array.from({ length: 10 }, (_, i) => i),
      true,
    );
    expect(Array.from(spread)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(tieScores(Float64Array.from([7, 7, 7]), true))).toEqual([1, 1, 1]);
  });
});

describe('the default segment map', () => {
  // The table, written out cell by cell: R rows 5..1, F columns 1..5.
  const expected: Record<number, string[]> = {
    5: ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
    4: [
      'Promising',
      'Potential Loyalists',
      'Potential Loyalists',
      'Loyal Customers',
      'Loyal Customers',
    ],
    3: ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
    2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
    1: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  };

  it('names every cell of the R-by-F grid as the issue defines it', () => {
    const map = defaultSegmentMap();
    expect(segmentMapProblem(map)).toBeNull();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        expect(map.names[map.cells[cellIndex(r, f)]], `R${r} F${f}`).toBe(expected[r][f - 1]);
  });

  it('can be renamed and rearranged, and refuses a map with a blank or repeated name', () => {
    const map = defaultSegmentMap();
    const champions = map.names.indexOf('Champions');
    const renamed = renameSegment(map, champions, 'VIPs');
    expect(renamed.names[champions]).toBe('VIPs');
    expect(map.names[champions]).toBe('Champions');
    const moved = reassignCell(renamed, 4, 5, champions);
    expect(moved.names[moved.cells[cellIndex(4, 5)]]).toBe('VIPs');
    expect(segmentMapProblem(renameSegment(map, 0, '  '))).toMatch(/needs a name/);
    expect(segmentMapProblem(renameSegment(map, 0, 'hibernating'))).toMatch(/Two segments/);
  });
});

describe('suggestTransactionMapping', () => {
  const columnsOf = async (csv: string) => {
    const table = await readCsv(textSource(csv));
    return { columns: inferColumns(table), rows: table.rowCount };
  };
  const suggest = async (csv: string) => {
    const { columns, rows } = await columnsOf(csv);
    return suggestTransactionMapping(columns, rows);
  };

  it('recognises common order exports from their column names and content', async () => {
    const amountStyle = await suggest(
      'Customer ID,Order Date,Amount\n' +
        Array.from(
          { length: 30 },
          (_, i) => `c${i % 7},2024-03-${String(1 + (i % 28)).padStart(2, '0')},${10 + i}`,
        ).join('\n'),
    );
    expect(amountStyle.looksLikeTransactions).toBe(true);
    expect(amountStyle.mapping).toEqual({
      ...EMPTY_MAPPING,
      customer: 'Customer ID',
      date: 'Order Date',
      amount: 'Amount',
    });
    const snake = await suggest(
      'order_id,user_id,order_date,qty,price,sku\n' +
        Array.from(
          { length: 30 },
          (_, i) =>
            `${100 + (i >> 1)},${i % 5},12/${1 + (i % 28)}/2024 8:26,${1 + (i % 3)},2.5,A${i % 6}`,
        ).join('\n'),
    );
    expect(snake.mapping).toEqual({
      customer: 'user_id',
      date: 'order_date',
      order: 'order_id',
      quantity: 'qty',
      price: 'price',
      amount: null,
      item: 'sku',
      description: null,
    });
    expect(snake.reason).toMatch(/one row per order line/);
  });

  it('does not take a customer file (one row per customer) for transactions', async () => {
    const result = await suggest(generateCustomersCsv({ rows: 300, seed: 3 }));
    expect(result.looksLikeTransactions).toBe(false);
    expect(result.reason).toBe(
      'No customer column that repeats, no date column and no amount (or quantity and unit price) were recognised, so this reads as one row per customer.',
    );
    const noMoney = await suggest(
      'client,when,note\na,2024-01-02,x\na,2024-02-03,y\nb,2024-01-05,z\n',
    );
    expect(noMoney.reason).toBe(
      'No amount (or quantity and unit price) was recognised, so this reads as one row per customer.',
    );
  });

  it('says what a mapping still lacks', () => {
    expect(mappingProblem(EMPTY_MAPPING)).toMatch(/customer/);
    expect(mappingProblem({ ...EMPTY_MAPPING, customer: 'a' })).toMatch(/date/);
    expect(mappingProblem({ ...EMPTY_MAPPING, customer: 'a', date: 'b', quantity: 'q' })).toMatch(
      /amount column, or both/,
    );
    expect(mappingProblem({ ...EMPTY_MAPPING, customer: 'a', date: 'a', amount: 'c' })).toMatch(
      /two roles/,
    );
    expect(mappingProblem(UCI_MAPPING)).toBeNull();
  });
});

const SMALL = [
  'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice',
  '1,2024-01-01 10:00,17850.0,2,5',
  '1,2024-01-01 10:00,17850,1,10',
  '2,2024-01-05 09:00,17850.0,1,3',
  'C3,2024-01-06 09:00,17850.0,-1,3',
  '3,2024-01-06 09:00,,5,1',
  '4,2024-01-07 12:00,200,0,5',
  '5,not a date,200,1,5',
  '6,2024-01-09 08:00,300,1,x',
  '7,2024-01-10 08:00,300,2,2.5',
  'C8,2024-01-10 08:00,400,-1,2',
].join('\n');

describe('computeRfm', () => {
  it('computes recency, frequency, monetary, scores and segments, counting every line left out', async () => {
    const rfm = await rfmOf(SMALL);
    expect(rfm.rows.read).toBe(10);
    expect(rfm.rows.used).toBe(4);
    expect(rfm.rows.dropped).toEqual({
      unreadable_row: 0,
      no_customer_id: 1,
      cancellation: 2,
      unreadable_date: 1,
      missing_amount: 1,
      not_positive: 1,
    });
    // 17850 and 17850.0 are one customer; 200 and 400 have no usable line, so are no customers.
    expect(rfm.customers).toEqual(['300', '17850']);
    expect(formatDateTime(rfm.snapshot)).toBe('2024-01-11 08:00:00');
    expect(Array.from(rfm.recency)).toEqual([1, 5]);
    expect(Array.from(rfm.frequency)).toEqual([1, 2]);
    expect(Array.from(rfm.monetary)).toEqual([5, 23]);
    expect(Array.from(rfm.r)).toEqual([3, 1]);
    expect(Array.from(rfm.f)).toEqual([1, 3]);
    expect(Array.from(rfm.m)).toEqual([1, 3]);
    expect(Array.from(rfm.segment, (s) => rfm.segmentMap.names[s])).toEqual([
      'About to Sleep',
      'At Risk',
    ]);
    expect(Array.from(rfm.dropReason)).toEqual([0, 0, 0, 3, 2, 6, 4, 5, 0, 3]);
    expect(RFM_DROP_REASONS[3 - 1]).toBe('cancellation');
  });

  it('counts every row as an order without an order column, and sums an amount column', async () => {
    const rfm = await rfmOf(
      'customer,date,amount\na,2024-02-01,10\na,2024-02-01,5\nb,2024-02-03,7\nb,2024-02-03,-7\n',
      settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
    );
    expect(rfm.customers).toEqual(['a', 'b']);
    expect(Array.from(rfm.frequency)).toEqual([2, 1]);
    expect(Array.from(rfm.monetary)).toEqual([15, 7]);
    expect(rfm.rows.dropped.not_positive).toBe(1);
    expect(Array.from(rfm.recency)).toEqual([3, 1]);
  });

  it('reads day-first dates when a day above 12 shows it, and asks when nothing does', async () => {
    const body = (dates: string[]) =>
      'customer,date,amount\n' + dates.map((d, i) => `c${i % 2},${d},10`).join('\n');
    const dayFirst = await rfmOf(
      body(['01/02/2024 08:26', '13/02/2024 09:00', '01.03.2024']),
      settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
    );
    expect(dayFirst.dateOrder).toBe('dmy');
    expect(formatDateTime(dayFirst.lastOrder)).toBe('2024-03-01 00:00:00');

    const ambiguous = body(['01/02/2024', '03/04/2024']);
    const mapping = { ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' };
    const error = await userErrorOf(() => rfmOf(ambiguous, settings(mapping)));
    expect(error.code).toBe('ambiguous-dates');
    expect(error.message).toMatch(/day-first or month-first/);
    const asDayFirst = await rfmOf(ambiguous, { ...settings(mapping), dateOrder: 'dmy' });
    const asMonthFirst = await rfmOf(ambiguous, { ...settings(mapping), dateOrder: 'mdy' });
    expect(formatDateTime(asDayFirst.lastOrder)).toBe('2024-04-03 00:00:00');
    expect(formatDateTime(asMonthFirst.lastOrder)).toBe('2024-03-04 00:00:00');
  });

  it('counts recency to a chosen snapshot, and refuses one before the last order', async () => {
    const snapshot = parseDate('2024-02-01', 'ymd');
    const rfm = await rfmOf(SMALL, { ...settings(), snapshot });
    expect(Array.from(rfm.recency)).toEqual([21, 26]);
    const error = await userErrorOf(() =>
      rfmOf(SMALL, { ...settings(), snapshot: parseDate('2024-01-02', 'ymd') }),
    );
    expect(error.message).toMatch(/before the last order/);
  });

  it('explains a wrong mapping in a sentence', async () => {
    const noDates = await userErrorOf(() =>
      rfmOf(
        SMALL,
        settings({
          ...UCI_MAPPING,
          date: 'Quantity',
          quantity: null,
          price: null,
          amount: 'UnitPrice',
        }),
      ),
    );
    expect(noDates.code).toBe('bad-mapping');
    expect(noDates.message).toMatch(/does not hold dates/);
    const missing = await userErrorOf(() =>
      rfmOf(SMALL, settings({ ...UCI_MAPPING, customer: 'Client' })),
    );
    expect(missing.message).toMatch(/no column named "Client"/);
    const nothing = await userErrorOf(() =>
      rfmOf(
        'customer,date,amount\na,2024-01-01,-1\n',
        settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
      ),
    );
    expect(nothing.code).toBe('no-rows');
  });
});

describe('RFM summaries, clustering and export', () => {
  const csv = generateTransactionsCsv({ customers: 150, seed: 5 });

  it('summarises per segment under any map, from per-cell totals', async () => {
    const rfm = await rfmOf(csv);
    const totals = cellTotals(rfm);
    const map = defaultSegmentMap();
    const summary = segmentSummary(totals, map);
    expect(summary.reduce((a, row) => a + row.customers, 0)).toBe(rfm.customers.length);
    expect(summary.reduce((a, row) => a + row.revenueShare, 0)).toBeCloseTo(1, 12);
    const champions = summary.find((row) => row.name === 'Champions')!;
    const members = Array.from(rfm.segment).flatMap((s, i) =>
      map.names[s] === 'Champions' ? [i] : [],
    );
    expect(champions.customers).toBe(members.length);
    expect(champions.meanMonetary).toBeCloseTo(
      members.reduce((a, i) => a + rfm.monetary[i], 0) / members.length,
      9,
    );
    // Moving every cell to one renamed segment puts everyone there.
    let merged = renameSegment(map, 0, 'Everyone');
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) merged = reassignCell(merged, r, f, 0);
    expect(segmentCounts(totals, merged)).toEqual({ Everyone: rfm.customers.length });
  });

  it('clusters customers on log1p(frequency), log1p(monetary) and recency, and cross-tabulates', async () => {
    const rfm = await rfmOf(csv);
    const analysis = await analyzeTable(
      rfmTable(rfm),
      rfmAnalysisOptions({ ...DEFAULT_ANALYSIS_OPTIONS, nInit: 3, kMax: 6 }),
    );
    expect(analysis.features.map((f) => `${f.transform}:${f.column}`)).toEqual([
      'none:recency',
      'log1p:frequency',
      'log1p:monetary',
    ]);
    expect(analysis.rows.length).toBe(rfm.customers.length);
    const k = 4;
    const cells = clusterCellCounts(analysis.results[k - 1].labels, analysis.rows, k, rfm);
    const table = clusterSegmentTable(cells, k, rfm.segmentMap);
    expect(table.flat().reduce((a, b) => a + b, 0)).toBe(rfm.customers.length);
    // Labels speak of customers ("Recent, Frequent"), never of "High recency".
    for (const segment of analysis.results[k - 1].profiles.segments) {
      expect(segment.label).toMatch(/Recent|Lapsed|Frequent|Rare|spend|Typical/);
      expect(segment.label).not.toMatch(/recency|frequency|monetary/);
    }
    const clusters = customerClusters(analysis, k, rfm.customers.length);
    expect(Math.min(...clusters)).toBe(0);
    expect(table.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(
      Array.from(analysis.results[k - 1].sizes),
    );
  });

  it('exports one row per customer with the segment names the user chose, safely', async () => {
    const rfm = await rfmOf(
      'customer,date,amount\n=cmd(),2024-01-01,10.10\n=cmd(),2024-01-02,20.2\n17,2024-01-05,0.1\n',
      settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
    );
    const formula = rfm.customers.indexOf('=cmd()');
    const seventeen = rfm.customers.indexOf('17');
    const map = renameSegment(rfm.segmentMap, rfm.segment[seventeen], 'Sleepy, "soon"');
    const clusters = new Int32Array(2);
    clusters[formula] = 0;
    clusters[seventeen] = 1;
    const text = rfmCsvParts({ rfm, map, clusters }).join('');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('customer,recency,frequency,monetary,R,F,M,segment,cluster');
    expect(lines).toContain('17,1,1,0.1,3,1,1,"Sleepy, ""soon""",1');
    // A formula-looking id is defused; the float noise of 10.10 + 20.2 is not written.
    expect(lines).toContain("'=cmd(),4,2,30.3,1,3,3,At Risk,0");
    const one = rfmCsvParts({ rfm, map, clusters: null, segment: rfm.segment[formula] })
      .join('')
      .trimEnd()
      .split('\r\n');
    expect(one).toEqual([expect.stringContaining('customer,'), "'=cmd(),4,2,30.3,1,3,3,At Risk,"]);
    const byCluster = rfmCsvParts({ rfm, map, clusters, cluster: 1 })
      .join('')
      .trimEnd()
      .split('\r\n');
    expect(byCluster).toHaveLength(2);
    expect(byCluster[1].startsWith('17,')).toBe(true);
  });
});
