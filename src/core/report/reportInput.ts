import type { Message } from '../common/message';
import type { ColumnKind } from '../read/inferColumns';
import type { NamedSegmentMap } from '../rfm/rfmSegments';
import type { DatasetSummary } from '../session/datasetSummary';
import type { RfmView } from '../session/rfmView';
import type { SegmentationView } from '../session/segmentationView';

/** How the report's sentences read: a core message in the reader's language. */
export type ReportRender = (message: Message) => string;

/** RFM on the file's order lines, with the segment map as the user left it (names as texts). */
export interface ReportRfm {
  view: RfmView;
  map: NamedSegmentMap;
}

/** Everything one report shows, from the session's views. */
export interface ReportInput {
  summary: DatasetSummary;
  /** Each column's kind as analysed (the user's corrections applied), in column order. */
  kinds: readonly ColumnKind[];
  /** The segmentation (of the rows, or of the RFM customers); null when none ran. */
  view: SegmentationView | null;
  /** The number of segments shown. */
  k: number;
  /** Whether the user chose k (rather than taking the recommendation). */
  kChosen: boolean;
  /** The names the user gave the segments, by segment; null or blank: the segment's label. */
  segmentNames?: readonly (string | null)[];
  /** The name the user gave DBSCAN's noise; null or blank: Noise. */
  noiseName?: string | null;
  /** For order lines, when RFM ran. */
  rfm?: ReportRfm | null;
}
