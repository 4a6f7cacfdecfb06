import { effectiveKinds } from '../analysis/analysisOptions';
import { message } from '../common/message';
import { UserError } from '../common/userError';
import { exportFileName } from '../export/exportCsv';
import type { RfmSettings } from '../rfm/rfm';
import { defaultSegmentMap, nameSegments, type NamedSegmentMap } from '../rfm/rfmSegments';
import type { AnalysisSession, SegmentationRequest } from '../session/session';
import type { ExportParts, Render } from '../session/sessionExports';
import { htmlReport } from './htmlReport';

/** What a report shows: the segmentation on show and, for order lines, RFM. */
export interface ReportRequest {
  /** The segmentation shown (of the rows, or with `rfm` of the RFM customers); null: none ran. */
  segmentation: SegmentationRequest | null;
  /** The number of segments shown; null: the segmentation's own. */
  k: number | null;
  /** RFM's settings when the file is order lines and RFM ran. */
  rfm: RfmSettings | null;
  /** The RFM segment map as the user left it (names as texts); default: the default map. */
  rfmMap?: NamedSegmentMap;
  /** The names the user gave the segments, by segment (null: the segment's label). */
  segmentNames?: readonly (string | null)[];
  /** The name the user gave DBSCAN's noise (null: Noise). */
  noiseName?: string | null;
}

/**
 * The HTML report of a session (#18): computed from the stages the page already has (a report
 * after an analysis recomputes nothing), saved as `<file> - report.html` in the user's language.
 */
export async function reportExport(
  session: AnalysisSession,
  request: ReportRequest,
  render: Render,
): Promise<ExportParts> {
  const { segmentation } = request;
  const view = segmentation === null ? null : await session.segmentationView(segmentation);
  const k = request.k ?? view?.k ?? 0;
  if (view !== null && !view.perK.some((entry) => entry.k === k))
    throw new UserError('bad-option', 'exportNoSegmentation', { k });
  const kinds =
    segmentation !== null && segmentation.rfm === null
      ? effectiveKinds(session.columns, segmentation.options.kinds)
      : session.columns.map((column) => column.kind);
  const rfm =
    request.rfm === null
      ? null
      : {
          view: session.rfmView(request.rfm),
          map: request.rfmMap ?? nameSegments(defaultSegmentMap(), render),
        };
  const html = htmlReport(
    {
      // The command line opens files by path: the report names the file, not its folder.
      summary: { ...session.summary(), fileName: baseName(session.fileName) },
      kinds,
      view,
      k,
      kChosen: segmentation?.options.k != null,
      segmentNames: request.segmentNames,
      noiseName: request.noiseName ?? null,
      rfm,
    },
    render,
  );
  const csvName = exportFileName(session.fileName, render(message('reportFileSuffix')));
  return { parts: [html], fileName: csvName.replace(/\.csv$/, '.html') };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}
