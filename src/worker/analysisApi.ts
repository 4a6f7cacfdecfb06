import type { ClusterExecutor } from '../core/cluster/clusterJob';
import { message, type Message } from '../core/common/message';
import { isUserError } from '../core/common/userError';
import { renderMessage } from '../i18n/formatMessage';
import type { Language } from '../i18n/languages';
import { blobSource, readBlob } from './blobSource';
import type { RfmSettings } from '../core/rfm/rfm';
import type { RfmQuery } from '../core/rfm/rfmCustomerTable';
import type { ReadChoice } from '../core/session/datasetSummary';
import { AnalysisSession, type SegmentationRequest } from '../core/session/session';
import type { ExportParts, RfmExportChoice } from '../core/session/sessionExports';
import type { AnalysisOptions } from '../core/analysis/analysisOptions';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { ModelKind } from '../core/classify/predictModels';
import { explainedExport } from '../core/session/explainExport';
import type { ExplainRequest } from '../core/session/explainRequest';
import { explainView } from '../core/session/explainSession';
import { predictionsExport } from '../core/session/predictExport';
import { bySegment, type SegmentRates } from '../core/session/predictSegments';
import type { PredictRequest } from '../core/session/predictRequest';
import { predictView } from '../core/session/predictSession';
import type { PredictView } from '../core/session/predictViews';
import type { NamedSegmentMap } from '../core/rfm/rfmSegments';
import type { RecommendMethod } from '../core/recommend/recommendOptions';
import {
  customerRecommendations,
  mostRecommendedByGroup,
  recommendationsExport,
} from '../core/session/recommendLists';
import {
  recommendEvaluation,
  recommendEvaluationByGroup,
  type RecommendEvaluationView,
  type RecommendGroupsView,
  type RecommendRequest,
} from '../core/session/recommendSession';
import { atRiskExport, valueExport, type ValueExportChoice } from '../core/session/valueExports';
import { valueByGroupView, type ValueGrouping } from '../core/session/valueGroups';
import { customerValueView } from '../core/session/valueSession';
import type { ValueRequest } from '../core/session/valueStages';
import { valueCustomers } from '../core/session/valueTable';
import { MAX_FILE_BYTES, type ExportFile, type Outcome } from './protocol';
import {
  itemsetsExport,
  rulesExport,
  rulesPage as rulesPageOf,
  rulesSummary,
  segmentsOverview,
  type RulesRequest,
  type SegmentGrouping,
} from '../core/session/basketsSession';
import type { RulesQuery, RulesView } from '../core/basket/rulesTable';
import { throttleProgress, type ProgressListener } from './throttle';
import { describeSize } from '../core/common/byteSize';
import { UserError } from '../core/common/userError';
import type { ExportDialect } from '../core/export/csvFormat';
import { exportFileName } from '../core/export/exportCsv';
import type { SegmentNames } from '../core/export/segmentNames';
import { applyExport, applySetAsideExport } from '../core/model/applyExport';
import { applyView } from '../core/model/applyView';
import { MAX_MODEL_BYTES, modelText, type ModelFile } from '../core/model/modelFile';
import { parseModel } from '../core/model/parseModel';
import { saveModel } from '../core/model/saveModel';
import type { SegmentMap } from '../core/rfm/rfmSegments';
import { modelSql, type ModelSqlOptions } from '../core/sql/modelSql';
import { reportExport, type ReportRequest } from '../core/report/reportExport';
import { distributionView, type DistributionRequest } from '../core/session/distributionView';

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

// Baskets (#13): association rules per scope, their table's pages, the segments side by side, the downloads.
/** How far a run has come, from 0 to 1 (the baskets stages send about fifty of these). */
export type FractionListener = (fraction: number) => void;

export const rules = (id: number, request: RulesRequest, onProgress?: FractionListener) =>
  withSession(id, (session) => rulesSummary(session, request, onProgress));

export const rulesPage = (id: number, request: RulesRequest, query: RulesQuery) =>
  withSession(id, (session) => rulesPageOf(session, request, query));

export const rulesOverview = (
  id: number,
  rfm: RfmSettings,
  grouping: SegmentGrouping,
  onProgress?: FractionListener,
) => withSession(id, (session) => segmentsOverview(session, rfm, grouping, onProgress));

export const exportRules = (
  id: number,
  request: RulesRequest,
  view: RulesView,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await rulesExport(session, request, renderIn(language), view)),
  );

export const exportItemsets = (id: number, request: RulesRequest, language: Language) =>
  withSession(id, async (session) =>
    asFile(await itemsetsExport(session, request, renderIn(language))),
  );

// Customer value (issue #16): the value view, its groups, the customer table with value
// columns, value.csv and the customers at risk.
export const customerValue = (id: number, request: ValueRequest, onProgress?: ProgressListener) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return customerValueView(session, request, (fraction) => progress('value', fraction));
  });

export const valueByGroup = (
  id: number,
  request: ValueRequest,
  grouping: ValueGrouping,
  onProgress?: ProgressListener,
) =>
  withSession(id, (session) =>
    valueByGroupView(session, request, grouping, { onProgress: throttleProgress(onProgress) }),
  );

export const valueCustomerPage = (id: number, request: ValueRequest, query: RfmQuery) =>
  withSession(id, (session) => valueCustomers(session, request, query));

export const exportValue = (
  id: number,
  request: ValueRequest,
  choice: ValueExportChoice,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await valueExport(session, request, choice, renderIn(language))),
  );

export const exportAtRisk = (
  id: number,
  request: ValueRequest,
  map: NamedSegmentMap,
  language: Language,
) => withSession(id, (session) => asFile(atRiskExport(session, request, map, renderIn(language))));

// Recommendations (issue 14): the evaluation, per segment and cluster, the look-up, the download.

/** What the Recommendations section breaks the evaluation down by. */
export interface RecommendGroupings {
  /** The named RFM segments as the page shows them (names as texts). */
  map: NamedSegmentMap;
  /** The clustering on show, if it is of these customers. */
  clusters: { clustering: AnalysisOptions; k: number } | null;
}

/** The evaluation table, and the same figures per named segment and per cluster. */
export interface RecommendEvaluated {
  evaluation: RecommendEvaluationView;
  bySegment: RecommendGroupsView;
  byCluster: RecommendGroupsView | null;
}

/** Per named segment, the items most often recommended by one method. */
export type RecommendTopItems = Awaited<ReturnType<typeof mostRecommendedByGroup>>;

export const recommendEvaluate = (
  id: number,
  request: RecommendRequest,
  groupings: RecommendGroupings,
  onProgress?: ProgressListener,
) =>
  withSession(id, async (session): Promise<RecommendEvaluated> => {
    const progress = throttleProgress(onProgress);
    const evaluation = recommendEvaluation(session, request, (f) => progress('recommend', f));
    const bySegment = await recommendEvaluationByGroup(session, request, {
      kind: 'rfm',
      map: groupings.map,
    });
    const byCluster =
      groupings.clusters === null
        ? null
        : await recommendEvaluationByGroup(session, request, {
            kind: 'cluster',
            ...groupings.clusters,
          });
    return { evaluation, bySegment, byCluster };
  });

export const recommendTopItems = (
  id: number,
  request: RecommendRequest,
  method: RecommendMethod,
  map: NamedSegmentMap,
  onProgress?: ProgressListener,
) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return mostRecommendedByGroup(session, request, method, { kind: 'rfm', map }, (f) =>
      progress('recommend', f),
    );
  });

export const recommendCustomer = (
  id: number,
  request: RecommendRequest,
  method: RecommendMethod,
  customerId: string,
  map: NamedSegmentMap,
  onProgress?: ProgressListener,
) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return customerRecommendations(session, request, method, customerId, map, (f) =>
      progress('recommend', f),
    );
  });

export const exportRecommendations = (
  id: number,
  request: RecommendRequest,
  method: RecommendMethod,
  map: NamedSegmentMap,
  segment: number | null,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(
      await recommendationsExport(
        session,
        request,
        method,
        { grouping: { kind: 'rfm', map }, ...(segment === null ? {} : { group: segment }) },
        renderIn(language),
      ),
    ),
  );

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

export const exportExplained = (
  id: number,
  request: ExplainRequest,
  language: Language,
  names?: SegmentNames,
) =>
  withSession(id, async (session) =>
    asFile(await explainedExport(session, request, renderIn(language), names)),
  );

export const exportPredictions = (id: number, request: PredictRequest, language: Language) =>
  withSession(id, async (session) =>
    asFile(await predictionsExport(session, request, renderIn(language))),
  );

// Saved analyses (#17): save a model, read a model file, apply it to the file held, the applied
// downloads and the model as SQL. The model crosses as plain JSON; the worker keeps the last one
// it saw, so that a download after the apply view reuses the rows already scored.
let lastModel: { text: string; model: ModelFile } | null = null;

/** The same model object for the same model (applyModel caches its result per object). */
function knownModel(model: ModelFile): ModelFile {
  const text = JSON.stringify(model);
  if (lastModel === null || lastModel.text !== text) lastModel = { text, model };
  return lastModel.model;
}

export const saveAnalysis = (
  id: number,
  request: SegmentationRequest,
  k: number,
  names: (string | null)[],
  rfmMap: SegmentMap | null,
) =>
  withSession(id, async (session): Promise<ExportFile> => {
    const model = await saveModel(session, request, k, names, rfmMap ? { rfmMap } : {});
    const fileName = exportFileName(session.fileName, 'model').replace(/\.csv$/, '.json');
    return { blob: new Blob([modelText(model)], { type: 'application/json' }), fileName };
  });

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

export const readModel = (file: Blob) =>
  asOutcome(async () => {
    if (file.size > MAX_MODEL_BYTES)
      throw new UserError('bad-model', 'modelTooLarge', {
        size: describeSize(file.size),
        limit: describeSize(MAX_MODEL_BYTES),
      });
    const bytes = await readBlob(file);
    return parseModel(new TextDecoder().decode(bytes), bytes.byteLength);
  });

export const applySaved = (id: number, model: ModelFile, onProgress?: ProgressListener) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return applyView(session, knownModel(model), (fraction) => progress('cluster', fraction));
  });

export const exportApplied = (
  id: number,
  model: ModelFile,
  segment: number | null,
  language: Language,
) =>
  withSession(id, (session) =>
    asFile(applyExport(session, knownModel(model), renderIn(language), segment)),
  );

export const exportAppliedSetAside = (id: number, model: ModelFile, language: Language) =>
  withSession(id, (session) =>
    asFile(applySetAsideExport(session, knownModel(model), renderIn(language))),
  );

/** The query's options as they cross to the worker (labels are rendered there). */
export type ModelQueryOptions = Omit<ModelSqlOptions, 'render'>;

export const modelQuery = (model: ModelFile, options: ModelQueryOptions, language: Language) =>
  asOutcome(() => modelSql(model, { ...options, render: renderIn(language) }));

// One numeric column's spread per segment, on demand (issue #18).
export const distribution = (id: number, request: DistributionRequest) =>
  withSession(id, (session) => distributionView(session, request));

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

// The HTML report (#18): one self-contained document, in the user's language.
export const reportHtml = (id: number, request: ReportRequest, language: Language) =>
  withSession(id, async (session) =>
    asHtmlFile(await reportExport(session, request, renderIn(language))),
  );

function asHtmlFile({ parts, fileName }: ExportParts): ExportFile {
  return { blob: new Blob(parts, { type: 'text/html;charset=utf-8' }), fileName };
}
