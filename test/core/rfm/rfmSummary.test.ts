import { describe, expect, it } from 'vitest';
import {
  cellIndex,
  GRID_CELLS,
  MEAN_CELLS,
  meanCell,
  reassignCell,
  renameSegment,
} from '../../../src/core/rfm/rfmSegments';
import {
  cellTotals,
  clusterSegmentTable,
  segmentCounts,
  segmentSummary,
} from '../../../src/core/rfm/rfmSummary';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { defaultEnglishMap, englishMap, handMadeRfm, rfmOf } from '../../support/rfm';

/** Four customers: two Champions (R5 F5 and R5 F4), one Hibernating (R1 F1), one New (R5 F1). */
const FOUR = handMadeRfm([
  { id: 'a', recency: 2, frequency: 10, monetary: 500, r: 5, f: 5 },
  { id: 'b', recency: 4, frequency: 6, monetary: 300, r: 5, f: 4 },
  { id: 'c', recency: 300, frequency: 1, monetary: 50, r: 1, f: 1 },
  { id: 'd', recency: 3, frequency: 1, monetary: 150, r: 5, f: 1 },
]);

const map = defaultEnglishMap();
const named = (name: string) => map.names.indexOf(name);

describe('cellTotals', () => {
  it('adds up customers, recency, frequency and monetary value per R-by-F cell', () => {
    const totals = cellTotals(FOUR, 'rf-grid');
    for (const list of Object.values(totals)) expect(list).toHaveLength(GRID_CELLS);
    expect(totals.count[cellIndex(5, 5)]).toBe(1);
    expect(totals.count[cellIndex(5, 4)]).toBe(1);
    expect(totals.monetary[cellIndex(1, 1)]).toBe(50);
    expect(totals.recency[cellIndex(5, 1)]).toBe(3);
    expect(totals.count.reduce((a, b) => a + b)).toBe(4);
    expect(totals.frequency.reduce((a, b) => a + b)).toBe(18);
  });

  it('is all zeros without customers', () => {
    for (const scheme of ['rf-grid', 'rfm-mean'] as const) {
      const totals = cellTotals(handMadeRfm([]), scheme);
      expect(totals.count).toHaveLength(scheme === 'rf-grid' ? GRID_CELLS : MEAN_CELLS);
      for (const list of Object.values(totals))
        expect(list.every((c: number) => c === 0)).toBe(true);
    }
  });

  it('adds up per cell of R, F and M against the mean under the eight-segment scheme', () => {
    // Means: recency 77.25 days, frequency 4.5 orders, monetary 250.
    const totals = cellTotals(FOUR, 'rfm-mean');
    for (const list of Object.values(totals)) expect(list).toHaveLength(MEAN_CELLS);
    expect(totals.count[meanCell(true, true, true)]).toBe(2); // a and b
    expect(totals.count[meanCell(false, false, false)]).toBe(1); // c
    expect(totals.count[meanCell(true, false, false)]).toBe(1); // d
    expect(totals.monetary[meanCell(true, true, true)]).toBe(800);
    expect(totals.recency[meanCell(true, false, false)]).toBe(3);
    expect(totals.frequency[meanCell(false, false, false)]).toBe(1);
    expect(totals.count.reduce((a, b) => a + b)).toBe(4);
  });
});

describe('segmentSummary', () => {
  it('gives every segment of the map its customers, shares and means', () => {
    const summary = segmentSummary(cellTotals(FOUR, 'rf-grid'), map);
    expect(summary.map((row) => row.name)).toEqual(map.names);
    expect(summary.map((row) => row.segment)).toEqual(map.names.map((_, s) => s));
    expect(summary[named('Champions')]).toEqual({
      segment: named('Champions'),
      name: 'Champions',
      customers: 2,
      share: 0.5,
      meanRecency: 3,
      meanFrequency: 8,
      meanMonetary: 400,
      revenueShare: 800 / 1000,
    });
    expect(summary[named('Hibernating')]).toMatchObject({ customers: 1, revenueShare: 0.05 });
  });

  it('lists segments without customers with no means (NaN) and zero shares', () => {
    const atRisk = segmentSummary(cellTotals(FOUR, 'rf-grid'), map)[named('At Risk')];
    expect(atRisk.customers).toBe(0);
    expect(atRisk.share).toBe(0);
    expect(atRisk.revenueShare).toBe(0);
    expect([atRisk.meanRecency, atRisk.meanFrequency, atRisk.meanMonetary]).toEqual([
      NaN,
      NaN,
      NaN,
    ]);
  });

  it('gives zero shares, not NaN, when there are no customers at all', () => {
    const summary = segmentSummary(cellTotals(handMadeRfm([]), 'rf-grid'), map);
    for (const row of summary) expect([row.share, row.revenueShare]).toEqual([0, 0]);
  });

  it('follows the map: moving a cell moves its customers and their money', () => {
    const moved = englishMap(reassignCell(map, cellIndex(5, 1), named('Champions')));
    const summary = segmentSummary(cellTotals(FOUR, 'rf-grid'), moved);
    expect(summary[named('Champions')].customers).toBe(3);
    expect(summary[named('New Customers')].customers).toBe(0);
    expect(summary[named('Champions')].meanMonetary).toBeCloseTo(950 / 3, 12);
  });

  it('summarises per segment under any map, from per-cell totals', async () => {
    const rfm = await rfmOf(generateTransactionsCsv({ customers: 150, seed: 5 }));
    const totals = cellTotals(rfm, 'rf-grid');
    const map = defaultEnglishMap();
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
      for (let f = 1; f <= 5; f++) merged = reassignCell(merged, cellIndex(r, f), 0);
    expect(segmentCounts(totals, englishMap(merged))).toEqual({ Everyone: rfm.customers.length });
  });
});

describe('the eight-segment scheme', () => {
  const eight = defaultEnglishMap('rfm-mean');

  it('summarises and counts its segments from its own per-cell totals', () => {
    const totals = cellTotals(FOUR, 'rfm-mean');
    const summary = segmentSummary(totals, eight);
    expect(summary).toHaveLength(8);
    expect(summary.reduce((a, row) => a + row.customers, 0)).toBe(4);
    expect(summary[0]).toMatchObject({
      name: 'Important value customers',
      customers: 2,
      meanMonetary: 400,
      revenueShare: 0.8,
    });
    expect(segmentCounts(totals, eight)).toEqual({
      'Important value customers': 2,
      'General development customers': 1,
      'General win-back customers': 1,
    });
  });

  it('tables clusters by its segments, eight cells per cluster', () => {
    const cells = new Int32Array(2 * MEAN_CELLS);
    cells[meanCell(true, true, true)] = 3;
    cells[MEAN_CELLS + meanCell(false, false, false)] = 2;
    cells[MEAN_CELLS + meanCell(false, false, true)] = 1;
    const table = clusterSegmentTable(cells, 2, eight);
    expect(table.map((row) => row.length)).toEqual([8, 8]);
    const at = (cluster: number, name: string) => table[cluster][eight.names.indexOf(name)];
    expect(at(0, 'Important value customers')).toBe(3);
    expect(at(1, 'General win-back customers')).toBe(2);
    expect(at(1, 'Important win-back customers')).toBe(1);
    expect(table.flat().reduce((a, b) => a + b)).toBe(6);
  });
});

describe('segmentCounts', () => {
  it('counts customers per segment name, in name order, leaving empty segments out', () => {
    const counts = segmentCounts(cellTotals(FOUR, 'rf-grid'), map);
    expect(counts).toEqual({ Champions: 2, Hibernating: 1, 'New Customers': 1 });
    expect(Object.keys(counts)).toEqual(['Champions', 'Hibernating', 'New Customers']);
  });

  it('keeps a segment name that is also an object property as a plain count', () => {
    const renamed = englishMap(renameSegment(map, named('Champions'), '__proto__'));
    const counts = segmentCounts(cellTotals(FOUR, 'rf-grid'), renamed);
    expect(Object.getOwnPropertyDescriptor(counts, '__proto__')?.value).toBe(2);
    expect(Object.keys(counts)).toContain('__proto__');
  });
});

describe('clusterSegmentTable', () => {
  it('gives, per cluster, its customers in each segment of the map', () => {
    const cells = new Int32Array(2 * GRID_CELLS);
    cells[cellIndex(5, 5)] = 3; // cluster 0, Champions
    cells[cellIndex(5, 4)] = 1; // cluster 0, Champions
    cells[GRID_CELLS + cellIndex(1, 1)] = 4; // cluster 1, Hibernating
    cells[GRID_CELLS + cellIndex(5, 1)] = 2; // cluster 1, New Customers
    const table = clusterSegmentTable(cells, 2, map);
    expect(table).toHaveLength(2);
    expect(table[0][named('Champions')]).toBe(4);
    expect(table[0].reduce((a, b) => a + b)).toBe(4);
    expect(table[1][named('Hibernating')]).toBe(4);
    expect(table[1][named('New Customers')]).toBe(2);
    expect(table[1]).toHaveLength(map.names.length);
    // Under another map the same cells land elsewhere.
    const merged = englishMap(reassignCell(map, cellIndex(5, 1), named('Hibernating')));
    expect(clusterSegmentTable(cells, 2, merged)[1][named('Hibernating')]).toBe(6);
  });
});
