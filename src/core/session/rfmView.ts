import type { DateOrder } from '../read/parseDate';
import type { RfmRowReport, RfmSettings } from '../rfm/rfm';
import type { SegmentScheme } from '../rfm/rfmSegments';
import type { CellTotals } from '../rfm/rfmSummary';

/** RFM on the loaded order lines, as the page shows it (per-customer rows come by the page). */
export interface RfmView {
  settings: RfmSettings;
  rows: RfmRowReport;
  customers: number;
  /** Times on a UTC clock, in ms. */
  snapshot: number;
  /** The snapshot when none is chosen: the last order + 1 day. */
  defaultSnapshot: number;
  firstOrder: number;
  lastOrder: number;
  dateOrder: DateOrder;
  revenue: number;
  /** Per cell totals of each scheme: with a segment map they give the summary and the grid. */
  cells: Record<SegmentScheme, CellTotals>;
}
