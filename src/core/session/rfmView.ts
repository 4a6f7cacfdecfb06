import type { Message } from '../common/message';
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
  /** Whether the lines have money; without it the page leaves M out everywhere. */
  hasMoney: boolean;
  /** What the reader should know about how the figures were made (no money, orders by day...). */
  notes: Message[];
  /** Per cell totals of each scheme: with a segment map they give the summary and the grid. */
  cells: Record<SegmentScheme, CellTotals>;
}
