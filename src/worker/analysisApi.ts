import type { ClusterExecutor } from '../core/cluster/clusterJob';
import { message, type Message } from '../core/common/message';
import { isUserError } from '../core/common/userError';
import { renderMessage } from '../i18n/formatMessage';
import type { Language } from '../i18n/languages';
import type { ByteSource } from '../core/read/byteSource';
import type { RfmSettings } from '../core/rfm/rfm';
import type { RfmQuery } from '../core/rfm/rfmCustomerTable';
import type { ReadChoice } from '../core/session/datasetSummary';
import { AnalysisSession, type SegmentationRequest } from '../core/session/session';
import type { ExportParts, RfmExportChoice } from '../core/session/sessionExports';
import type { AnalysisOptions } from '../core/analysis/analysisOptions';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { ModelKind } from '../core/classify/predictModels';
import { explainedExport } from '../core/session/explainExport';
import { explainView, type ExplainRequest } from '../core/session/explainSession';
import { predictionsExport } from '../core/session/predictExport';
import { bySegment, type SegmentRates } from '../core/session/predictSegments';
import { predictView, type PredictRequest, type PredictView } from '../core/session/predictSession';
import { MAX_FILE_BYTES, type ExportFile, type Outcome } from './protocol';
import { throttleProgress, type ProgressListener } from './throttle';

/**
 * The worker's side of the thread boundary: one analysis session and a function of a few lines
 * per request (analysis.worker.ts exposes them with Comlink). Every request names the file it is
 * about; a worker that does not hold that file answers 'no-session', and the client opens the
 * file again.
 */
let held: { id: number; session: AnalysisSession } | null = null;

/** Where k-means jobs run: this thread, unless the worker entry installs a pool. */
let executor: ClusterExecutor | undefined;

export function setClusterExecutor(next: ClusterExecutor): void {
  executor = next;
}

/** Answers as soon as the worker runs: the client's check that it started. */
export async function ping(): Promise<'pong'> {
  return 'pong';
}

/** Forgets the file (the in-process client's cancel: as if the worker had gone). */
export async function close(): Promise<void> {
  held = null;
}

export async function open(
  id: number,
  file: Blob,
  name: string,
  choice: ReadChoice,
  onProgress?: ProgressListener,
) {
  held = null;
  return asOutcome(async () => {
    const session = await AnalysisSession.open(blobSource(file), name, choice, {
      maxBytes: MAX_FILE_BYTES,
      onProgress: throttleProgress(onProgress),
      executor: () => executor,
    });
    held = { id, session };
    return session.summary();
  });
}

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

export const exportCleaningReport = (
  id: number,
  request: SegmentationRequest,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await session.exportCleaningReport(request, renderIn(language))),
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

export const exportRfmSetAside = (id: number, settings: RfmSettings, language: Language) =>
  withSession(id, (session) => asFile(session.exportRfmSetAside(settings, renderIn(language))));

// Explaining the segments and predicting a column (issue #15).

/** Where explain and predict are: explaining, preparing the rows, or training one model. */
export type ClassifyStep = 'explain' | 'prepare' | ModelKind;
export type ClassifyProgress = (step: ClassifyStep, fraction: number) => void;

/** A segmentation at k, for the rates of a prediction per segment. */
export interface PredictSegments {
  segmentation: SegmentationRequest;
  k: number;
}

export interface PredictAnswer {
  view: PredictView;
  /** The target per segment; null without a segmentation of the file's rows (RFM customers). */
  rates: SegmentRates | null;
}

export const explain = (id: number, request: ExplainRequest, onProgress?: ClassifyProgress) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return explainView(session, request, (f) => progress('explain', f));
  });

/**
 * The models trained, and the rates per segment. The work stops between models and trees once
 * the session is closed (the in-process client's cancel; a worker is terminated instead).
 */
export const predict = (
  id: number,
  request: PredictRequest,
  segments: PredictSegments | null,
  onProgress?: ClassifyProgress,
) =>
  withSession(id, async (session): Promise<PredictAnswer> => {
    const progress = throttleProgress(onProgress);
    const isCancelled = () => held?.session !== session;
    const view = await predictView(session, request, progress, { isCancelled });
    const rates =
      segments === null || segments.segmentation.rfm !== null
        ? null
        : await bySegment(session, request, segments.segmentation, segments.k);
    return { view, rates };
  });

export const exportExplained = (id: number, request: ExplainRequest, language: Language) =>
  withSession(id, async (session) =>
    asFile(await explainedExport(session, request, renderIn(language))),
  );

export const exportPredictions = (id: number, request: PredictRequest, language: Language) =>
  withSession(id, async (session) =>
    asFile(await predictionsExport(session, request, renderIn(language))),
  );

/** Messages in exports (segment labels, reasons, file names) read in the user's language. */
function renderIn(language: Language) {
  return (message: Message) => renderMessage(language, message);
}

function withSession<T>(
  id: number,
  work: (session: AnalysisSession) => Promise<T> | T,
): Promise<Outcome<T>> {
  if (held === null || held.id !== id)
    return Promise.resolve({
      ok: false,
      error: { code: 'no-session', sentence: message('noSession') },
    });
  const { session } = held;
  return asOutcome(() => work(session));
}

async function asOutcome<T>(work: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isUserError(error))
      return { ok: false, error: { code: error.code, sentence: error.sentence } };
    throw error;
  }
}

function asFile({ parts, fileName }: ExportParts): ExportFile {
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName };
}

export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: (start, end) => readBlob(blob.slice(start, end)) };
}

/** Blob.arrayBuffer where there is one; FileReader for older engines (and jsdom). */
function readBlob(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function')
    return blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}
