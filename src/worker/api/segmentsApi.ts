import type { Language } from '../../i18n/languages';
import type { RfmSettings } from '../../core/rfm/rfm';
import type { RfmQuery } from '../../core/rfm/rfmCustomerTable';
import type { SegmentationRequest } from '../../core/session/session';
import type { RfmExportChoice } from '../../core/session/sessionExports';
import type { AnalysisOptions } from '../../core/analysis/analysisOptions';
import type { ElbowPoint } from '../../core/cluster/quality/chooseK';
import { throttleProgress, type ProgressListener } from '../throttle';
import type { ExportDialect } from '../../core/export/csvFormat';
import type { SegmentNames } from '../../core/export/segmentNames';
import { reportExport, type ReportRequest } from '../../core/report/reportExport';
import { distributionView, type DistributionRequest } from '../../core/session/distributionView';
import { asFile, asHtmlFile, renderIn, withSession } from './heldSession';

// Rows and customers: RFM, the segmentation, comparing algorithms, their downloads, one column's
// spread per segment and the HTML report.
export const rfm = (id: number, settings: RfmSettings, onProgress?: ProgressListener) =>
  withSession(id, (session) => session.rfmView(settings, throttleProgress(onProgress)));

export const rfmCustomers = (id: number, settings: RfmSettings, query: RfmQuery) =>
  withSession(id, (session) => session.rfmCustomers(settings, query));

export const segmentation = (
  id: number,
  request: SegmentationRequest,
  onProgress?: ProgressListener,
  onElbowPoint?: (point: ElbowPoint) => void,
) =>
  withSession(id, (session) =>
    session.segmentationView(request, { onProgress: throttleProgress(onProgress), onElbowPoint }),
  );

export const compare = (
  id: number,
  request: SegmentationRequest,
  k: number,
  onProgress?: ProgressListener,
) => withSession(id, (session) => session.compare(request, k, throttleProgress(onProgress)));

export const exportSegments = (
  id: number,
  request: SegmentationRequest,
  k: number,
  segment: number | null,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await session.exportSegments(request, k, segment, renderIn(language))),
  );

/**
 * The segments' rows with the names the user gave them (the labels where none), in the dialect
 * asked for (#18).
 */
export const exportNamedSegments = (
  id: number,
  request: SegmentationRequest,
  k: number,
  segment: number | null,
  names: SegmentNames,
  dialect: ExportDialect,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(
      await session.exportSegments(request, k, segment, renderIn(language), names.segments, {
        noiseName: names.noise,
        dialect,
      }),
    ),
  );

export const exportCleaningReport = (
  id: number,
  request: SegmentationRequest,
  language: Language,
  dialect: ExportDialect = 'standard',
) =>
  withSession(id, async (session) =>
    asFile(await session.exportCleaningReport(request, renderIn(language), dialect)),
  );

export const exportRfm = (
  id: number,
  settings: RfmSettings,
  clustering: AnalysisOptions | null,
  choice: RfmExportChoice,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await session.exportRfm(settings, clustering, choice, renderIn(language))),
  );

export const exportRfmSetAside = (
  id: number,
  settings: RfmSettings,
  language: Language,
  dialect: ExportDialect = 'standard',
) =>
  withSession(id, (session) =>
    asFile(session.exportRfmSetAside(settings, renderIn(language), dialect)),
  );

// One numeric column's spread per segment, on demand (issue #18).
export const distribution = (id: number, request: DistributionRequest) =>
  withSession(id, (session) => distributionView(session, request));

// The HTML report (#18): one self-contained document, in the user's language.
export const reportHtml = (id: number, request: ReportRequest, language: Language) =>
  withSession(id, async (session) =>
    asHtmlFile(await reportExport(session, request, renderIn(language))),
  );
