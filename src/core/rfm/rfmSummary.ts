import type { RfmResult } from './rfm';
import { SCHEME_CELLS, type NamedSegmentMap, type SegmentScheme } from './rfmSegments';

/** Per cell of a scheme: customers and their summed recency, frequency and monetary value. */
export interface CellTotals {
  count: number[];
  recency: number[];
  frequency: number[];
  monetary: number[];
}

export function cellTotals(rfm: RfmResult, scheme: SegmentScheme): CellTotals {
  const cells = SCHEME_CELLS[scheme];
  const totals: CellTotals = {
    count: new Array<number>(cells).fill(0),
    recency: new Array<number>(cells).fill(0),
    frequency: new Array<number>(cells).fill(0),
    monetary: new Array<number>(cells).fill(0),
  };
  const cellOf = rfm.cells[scheme];
  for (let i = 0; i < rfm.customers.length; i++) {
    const cell = cellOf[i];
    totals.count[cell]++;
    totals.recency[cell] += rfm.recency[i];
    totals.frequency[cell] += rfm.frequency[i];
    totals.monetary[cell] += rfm.monetary[i];
  }
  return totals;
}

export interface SegmentSummaryRow {
  segment: number;
  name: string;
  customers: number;
  /** Share of all customers, 0..1. */
  share: number;
  meanRecency: number;
  meanFrequency: number;
  meanMonetary: number;
  /** Share of all revenue, 0..1. */
  revenueShare: number;
}

/**
 * The segment summary table under a segment map, from the per-cell totals: renaming a segment or
 * moving a cell needs no pass over the customers. Segments without customers are listed too.
 */
export function segmentSummary(totals: CellTotals, map: NamedSegmentMap): SegmentSummaryRow[] {
  const k = map.names.length;
  const count = new Array<number>(k).fill(0);
  const recency = new Array<number>(k).fill(0);
  const frequency = new Array<number>(k).fill(0);
  const monetary = new Array<number>(k).fill(0);
  let customers = 0;
  let revenue = 0;
  for (let cell = 0; cell < map.cells.length; cell++) {
    const s = map.cells[cell];
    count[s] += totals.count[cell];
    recency[s] += totals.recency[cell];
    frequency[s] += totals.frequency[cell];
    monetary[s] += totals.monetary[cell];
    customers += totals.count[cell];
    revenue += totals.monetary[cell];
  }
  return map.names.map((name, s) => ({
    segment: s,
    name,
    customers: count[s],
    share: customers > 0 ? count[s] / customers : 0,
    meanRecency: count[s] > 0 ? recency[s] / count[s] : NaN,
    meanFrequency: count[s] > 0 ? frequency[s] / count[s] : NaN,
    meanMonetary: count[s] > 0 ? monetary[s] / count[s] : NaN,
    revenueShare: revenue > 0 ? monetary[s] / revenue : 0,
  }));
}

/** Customers per named segment, by name (segments without customers left out). */
export function segmentCounts(totals: CellTotals, map: NamedSegmentMap): Record<string, number> {
  return Object.fromEntries(
    segmentSummary(totals, map)
      .filter((row) => row.customers > 0)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((row) => [row.name, row.customers]),
  );
}

/** Rows: clusters; columns: segments of the map (clusterCells: k x the scheme's cells). */
export function clusterSegmentTable(
  clusterCells: ArrayLike<number>,
  k: number,
  map: NamedSegmentMap,
): number[][] {
  const cells = map.cells.length;
  return Array.from({ length: k }, (_, cluster) => {
    const row = new Array<number>(map.names.length).fill(0);
    for (let cell = 0; cell < cells; cell++)
      row[map.cells[cell]] += clusterCells[cluster * cells + cell];
    return row;
  });
}
