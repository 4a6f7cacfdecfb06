import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisOptions } from '../core/analysis/analysisOptions';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { RfmSettings } from '../core/rfm/rfm';
import type { RfmPage, RfmQuery } from '../core/rfm/rfmCustomerTable';
import type { DatasetSummary, ReadChoice } from '../core/session/datasetSummary';
import type { RfmView } from '../core/session/rfmView';
import type { SegmentationRequest } from '../core/session/session';
import type { RfmExportChoice } from '../core/session/sessionExports';
import type { ReportRequest } from '../core/report/reportExport';
import type { ExportDialect } from '../core/export/csvFormat';
import type { SegmentNames } from '../core/export/segmentNames';
import type { SegmentationView } from '../core/session/segmentationView';
import type { RecommendMethod } from '../core/recommend/recommendOptions';
import type { NamedSegmentMap, SegmentMap } from '../core/rfm/rfmSegments';
import type { CustomerRecommendations } from '../core/session/recommendLists';
import type { RecommendRequest } from '../core/session/recommendSession';
import type { RecommendEvaluated, RecommendGroupings, RecommendTopItems } from './analysisApi';
import type { ValueExportChoice } from '../core/session/valueExports';
import type { ValueByGroupView, ValueGrouping } from '../core/session/valueGroups';
import type { CustomerValueView } from '../core/session/valueSession';
import type { ValueRequest } from '../core/session/valueStages';
import type { ExplainRequest, ExplainView } from '../core/session/explainSession';
import type { DistributionRequest } from '../core/session/distributionView';
import type { FeatureDistribution } from '../core/profile/segmentDistribution';
import type { PredictRequest } from '../core/session/predictSession';
import type * as AnalysisApi from './analysisApi';
import type { ClassifyProgress, PredictAnswer, PredictSegments } from './analysisApi';
import type { ExportFile, FileRequest, Outcome } from './protocol';
import type { ProgressListener } from './throttle';
import type { Language } from '../i18n/languages';
import { message, type Message } from '../core/common/message';
import { englishText } from '../i18n/formatMessage';
import type { RulesPage, RulesQuery, RulesView } from '../core/basket/rulesTable';
import type {
  RulesRequest,
  RulesSummary,
  SegmentGrouping,
  SegmentsOverview,
} from '../core/session/basketsSession';
import type { FractionListener, ModelQueryOptions } from './analysisApi';
import type { ApplyView } from '../core/model/applyView';
import type { ModelFile } from '../core/model/modelFile';

type Api = typeof AnalysisApi;

let files = 0;

/** A new identity for a file and the way it is read. */
export function fileRequest(file: Blob, name: string, choice: ReadChoice): FileRequest {
  return { id: ++files, file, name, choice };
}

/** Told when a fresh worker must read the file again before it can answer. */
export type ReopenListener = () => void;

/**
 * The main thread's view of the analysis, whether it runs in a worker or not. Every call names
 * the file (and the settings) it is about; the session in the worker works out what it still
 * has to compute, so the client keeps no copy of what the worker holds.
 */
export interface AnalysisClient {
  open(file: FileRequest, onProgress?: ProgressListener): Promise<Outcome<DatasetSummary>>;
  rfm(
    file: FileRequest,
    settings: RfmSettings,
    onProgress?: ProgressListener,
  ): Promise<Outcome<RfmView>>;
  segmentation(
    file: FileRequest,
    request: SegmentationRequest,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
  ): Promise<Outcome<SegmentationView>>;
  rfmCustomers(
    file: FileRequest,
    settings: RfmSettings,
    query: RfmQuery,
  ): Promise<Outcome<RfmPage>>;
  compare(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    onProgress?: ProgressListener,
  ): Promise<Outcome<AlgorithmComparison>>;
  exportSegments(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    segment: number | null,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  exportCleaningReport(
    file: FileRequest,
    request: SegmentationRequest,
    language: Language,
    onReopen?: ReopenListener,
    dialect?: ExportDialect,
  ): Promise<Outcome<ExportFile>>;
  exportRfm(
    file: FileRequest,
    settings: RfmSettings,
    clustering: AnalysisOptions | null,
    choice: RfmExportChoice,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  exportRfmSetAside(
    file: FileRequest,
    settings: RfmSettings,
    language: Language,
    onReopen?: ReopenListener,
    dialect?: ExportDialect,
  ): Promise<Outcome<ExportFile>>;
  // Baskets (#13)
  rules(
    file: FileRequest,
    request: RulesRequest,
    onProgress?: FractionListener,
  ): Promise<Outcome<RulesSummary>>;
  rulesPage(
    file: FileRequest,
    request: RulesRequest,
    query: RulesQuery,
  ): Promise<Outcome<RulesPage>>;
  rulesOverview(
    file: FileRequest,
    rfm: RfmSettings,
    grouping: SegmentGrouping,
    onProgress?: FractionListener,
  ): Promise<Outcome<SegmentsOverview>>;
  exportRules(
    file: FileRequest,
    request: RulesRequest,
    view: RulesView,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  exportItemsets(
    file: FileRequest,
    request: RulesRequest,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  customerValue(
    file: FileRequest,
    request: ValueRequest,
    onProgress?: ProgressListener,
  ): Promise<Outcome<CustomerValueView>>;
  valueByGroup(
    file: FileRequest,
    request: ValueRequest,
    grouping: ValueGrouping,
    onProgress?: ProgressListener,
  ): Promise<Outcome<ValueByGroupView>>;
  valueCustomerPage(
    file: FileRequest,
    request: ValueRequest,
    query: RfmQuery,
  ): Promise<Outcome<RfmPage>>;
  exportValue(
    file: FileRequest,
    request: ValueRequest,
    choice: ValueExportChoice,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  exportAtRisk(
    file: FileRequest,
    request: ValueRequest,
    map: NamedSegmentMap,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  // Recommendations (issue 14)
  recommendEvaluate(
    file: FileRequest,
    request: RecommendRequest,
    groupings: RecommendGroupings,
    onProgress?: ProgressListener,
  ): Promise<Outcome<RecommendEvaluated>>;
  recommendTopItems(
    file: FileRequest,
    request: RecommendRequest,
    method: RecommendMethod,
    map: NamedSegmentMap,
    onProgress?: ProgressListener,
  ): Promise<Outcome<RecommendTopItems>>;
  recommendCustomer(
    file: FileRequest,
    request: RecommendRequest,
    method: RecommendMethod,
    customerId: string,
    map: NamedSegmentMap,
    onProgress?: ProgressListener,
  ): Promise<Outcome<CustomerRecommendations>>;
  exportRecommendations(
    file: FileRequest,
    request: RecommendRequest,
    method: RecommendMethod,
    map: NamedSegmentMap,
    segment: number | null,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  // Explaining the segments and predicting a column (issue #15).
  explain(
    file: FileRequest,
    request: ExplainRequest,
    onProgress?: ClassifyProgress,
  ): Promise<Outcome<ExplainView>>;
  predict(
    file: FileRequest,
    request: PredictRequest,
    segments: PredictSegments | null,
    onProgress?: ClassifyProgress,
  ): Promise<Outcome<PredictAnswer>>;
  exportExplained(
    file: FileRequest,
    request: ExplainRequest,
    language: Language,
    onReopen?: ReopenListener,
    names?: SegmentNames,
  ): Promise<Outcome<ExportFile>>;
  exportPredictions(
    file: FileRequest,
    request: PredictRequest,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  // Saved analyses (#17)
  saveAnalysis(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    names: (string | null)[],
    rfmMap: SegmentMap | null,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  exportNamedSegments(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    segment: number | null,
    names: SegmentNames,
    dialect: ExportDialect,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  readModel(file: Blob): Promise<Outcome<ModelFile>>;
  applySaved(
    file: FileRequest,
    model: ModelFile,
    onProgress?: ProgressListener,
  ): Promise<Outcome<ApplyView>>;
  exportApplied(
    file: FileRequest,
    model: ModelFile,
    segment: number | null,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  exportAppliedSetAside(
    file: FileRequest,
    model: ModelFile,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  modelQuery(
    model: ModelFile,
    options: ModelQueryOptions,
    language: Language,
  ): Promise<Outcome<string>>;
  // The HTML report (#18)
  reportHtml(
    file: FileRequest,
    request: ReportRequest,
    language: Language,
    onReopen?: ReopenListener,
  ): Promise<Outcome<ExportFile>>;
  // One numeric column's spread per segment (issue #18).
  distribution(
    file: FileRequest,
    request: DistributionRequest,
  ): Promise<Outcome<FeatureDistribution>>;
  /** Stops whatever runs now; its promises reject with CancelledError. */
  cancel(): void;
  /** Starts the worker ahead of need (while the page waits for a file). */
  prepare?(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

/** The worker died or never started; the sentence is for the alert region. */
export class WorkerFailedError extends Error {
  readonly sentence: Message;

  constructor(sentence: Message) {
    super(englishText(sentence));
    this.name = 'WorkerFailedError';
    this.sentence = sentence;
  }
}

/** The analysis API as a client calls it: the module itself, or the worker's Comlink proxy. */
export type AnalysisBackend = Omit<Api, 'setClusterExecutor'>;

function backendOf(remote: Remote<Api>): AnalysisBackend {
  const wrapped = <T extends (...args: never[]) => unknown>(callback: T | undefined) =>
    callback ? proxy(callback) : undefined;
  return {
    ping: () => remote.ping(),
    close: () => remote.close(),
    open: (id, file, name, choice, onProgress) =>
      remote.open(id, file, name, choice, wrapped(onProgress)),
    rfm: (id, settings, onProgress) => remote.rfm(id, settings, wrapped(onProgress)),
    rfmCustomers: (id, settings, query) => remote.rfmCustomers(id, settings, query),
    segmentation: (id, request, onProgress, onElbowPoint) =>
      remote.segmentation(id, request, wrapped(onProgress), wrapped(onElbowPoint)),
    compare: (id, request, k, onProgress) => remote.compare(id, request, k, wrapped(onProgress)),
    exportSegments: (id, request, k, segment, language) =>
      remote.exportSegments(id, request, k, segment, language),
    exportCleaningReport: (id, request, language, dialect) =>
      remote.exportCleaningReport(id, request, language, dialect),
    exportRfm: (id, settings, clustering, choice, language) =>
      remote.exportRfm(id, settings, clustering, choice, language),
    exportRfmSetAside: (id, settings, language, dialect) =>
      remote.exportRfmSetAside(id, settings, language, dialect),
    // Explaining the segments and predicting a column (issue #15).
    explain: (id, request, onProgress) => remote.explain(id, request, wrapped(onProgress)),
    predict: (id, request, segments, onProgress) =>
      remote.predict(id, request, segments, wrapped(onProgress)),
    exportExplained: (id, request, language, names) =>
      remote.exportExplained(id, request, language, names),
    exportPredictions: (id, request, language) => remote.exportPredictions(id, request, language),
    // Recommendations (issue 14)
    recommendEvaluate: (id, request, groupings, onProgress) =>
      remote.recommendEvaluate(id, request, groupings, wrapped(onProgress)),
    recommendTopItems: (id, request, method, map, onProgress) =>
      remote.recommendTopItems(id, request, method, map, wrapped(onProgress)),
    recommendCustomer: (id, request, method, customerId, map, onProgress) =>
      remote.recommendCustomer(id, request, method, customerId, map, wrapped(onProgress)),
    exportRecommendations: (id, request, method, map, segment, language) =>
      remote.exportRecommendations(id, request, method, map, segment, language),
    customerValue: (id, request, onProgress) =>
      remote.customerValue(id, request, wrapped(onProgress)),
    valueByGroup: (id, request, grouping, onProgress) =>
      remote.valueByGroup(id, request, grouping, wrapped(onProgress)),
    valueCustomerPage: (id, request, query) => remote.valueCustomerPage(id, request, query),
    exportValue: (id, request, choice, language) =>
      remote.exportValue(id, request, choice, language),
    exportAtRisk: (id, request, map, language) => remote.exportAtRisk(id, request, map, language),
    // Baskets (#13)
    rules: (id, request, onProgress) => remote.rules(id, request, wrapped(onProgress)),
    rulesPage: (id, request, query) => remote.rulesPage(id, request, query),
    rulesOverview: (id, rfm, grouping, onProgress) =>
      remote.rulesOverview(id, rfm, grouping, wrapped(onProgress)),
    exportRules: (id, request, view, language) => remote.exportRules(id, request, view, language),
    exportItemsets: (id, request, language) => remote.exportItemsets(id, request, language),
    // Saved analyses (#17)
    saveAnalysis: (id, request, k, names, rfmMap) =>
      remote.saveAnalysis(id, request, k, names, rfmMap),
    exportNamedSegments: (id, request, k, segment, names, dialect, language) =>
      remote.exportNamedSegments(id, request, k, segment, names, dialect, language),
    readModel: (file) => remote.readModel(file),
    applySaved: (id, model, onProgress) => remote.applySaved(id, model, wrapped(onProgress)),
    exportApplied: (id, model, segment, language) =>
      remote.exportApplied(id, model, segment, language),
    exportAppliedSetAside: (id, model, language) =>
      remote.exportAppliedSetAside(id, model, language),
    modelQuery: (model, options, language) => remote.modelQuery(model, options, language),
    // The HTML report (#18)
    reportHtml: (id, request, language) => remote.reportHtml(id, request, language),
    distribution: (id, request) => remote.distribution(id, request),
  };
}

/**
 * The calls, each sent as it is; when the backend does not hold the file any more (a cancelled
 * worker is gone with its data), the file is opened again and the call repeated, so that
 * callers never see the difference, except that they are told the file is being read again.
 */
export abstract class SessionClient implements AnalysisClient {
  /** Runs work against the backend; rejects with CancelledError if cancelled meanwhile. */
  protected abstract call<T>(work: (backend: AnalysisBackend) => Promise<T>): Promise<T>;
  abstract cancel(): void;

  open(file: FileRequest, onProgress?: ProgressListener) {
    return this.call((backend) =>
      backend.open(file.id, file.file, file.name, file.choice, onProgress),
    );
  }

  rfm(file: FileRequest, settings: RfmSettings, onProgress?: ProgressListener) {
    return this.ask(file, (b) => b.rfm(file.id, settings, onProgress), onProgress);
  }

  segmentation(
    file: FileRequest,
    request: SegmentationRequest,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
  ) {
    return this.ask(
      file,
      (b) => b.segmentation(file.id, request, onProgress, onElbowPoint),
      onProgress,
    );
  }

  rfmCustomers(file: FileRequest, settings: RfmSettings, query: RfmQuery) {
    return this.ask(file, (b) => b.rfmCustomers(file.id, settings, query));
  }

  compare(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    onProgress?: ProgressListener,
  ) {
    return this.ask(file, (b) => b.compare(file.id, request, k, onProgress), onProgress);
  }

  exportSegments(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    segment: number | null,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportSegments(file.id, request, k, segment, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportCleaningReport(
    file: FileRequest,
    request: SegmentationRequest,
    language: Language,
    onReopen?: ReopenListener,
    dialect: ExportDialect = 'standard',
  ) {
    const ask = (b: AnalysisBackend) => b.exportCleaningReport(file.id, request, language, dialect);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportRfm(
    file: FileRequest,
    settings: RfmSettings,
    clustering: AnalysisOptions | null,
    choice: RfmExportChoice,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const request = (b: AnalysisBackend) =>
      b.exportRfm(file.id, settings, clustering, choice, language);
    return this.ask(file, request, undefined, onReopen);
  }

  exportRfmSetAside(
    file: FileRequest,
    settings: RfmSettings,
    language: Language,
    onReopen?: ReopenListener,
    dialect: ExportDialect = 'standard',
  ) {
    const request = (b: AnalysisBackend) =>
      b.exportRfmSetAside(file.id, settings, language, dialect);
    return this.ask(file, request, undefined, onReopen);
  }

  // Baskets (#13)
  rules(file: FileRequest, request: RulesRequest, onProgress?: FractionListener) {
    return this.ask(file, (b) => b.rules(file.id, request, onProgress));
  }

  rulesPage(file: FileRequest, request: RulesRequest, query: RulesQuery) {
    return this.ask(file, (b) => b.rulesPage(file.id, request, query));
  }

  rulesOverview(
    file: FileRequest,
    rfm: RfmSettings,
    grouping: SegmentGrouping,
    onProgress?: FractionListener,
  ) {
    return this.ask(file, (b) => b.rulesOverview(file.id, rfm, grouping, onProgress));
  }

  exportRules(
    file: FileRequest,
    request: RulesRequest,
    view: RulesView,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportRules(file.id, request, view, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportItemsets(
    file: FileRequest,
    request: RulesRequest,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportItemsets(file.id, request, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  customerValue(file: FileRequest, request: ValueRequest, onProgress?: ProgressListener) {
    return this.ask(file, (b) => b.customerValue(file.id, request, onProgress), onProgress);
  }

  valueByGroup(
    file: FileRequest,
    request: ValueRequest,
    grouping: ValueGrouping,
    onProgress?: ProgressListener,
  ) {
    const ask = (b: AnalysisBackend) => b.valueByGroup(file.id, request, grouping, onProgress);
    return this.ask(file, ask, onProgress);
  }

  valueCustomerPage(file: FileRequest, request: ValueRequest, query: RfmQuery) {
    return this.ask(file, (b) => b.valueCustomerPage(file.id, request, query));
  }

  exportValue(
    file: FileRequest,
    request: ValueRequest,
    choice: ValueExportChoice,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportValue(file.id, request, choice, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportAtRisk(
    file: FileRequest,
    request: ValueRequest,
    map: NamedSegmentMap,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportAtRisk(file.id, request, map, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  // Recommendations (issue 14)
  recommendEvaluate(
    file: FileRequest,
    request: RecommendRequest,
    groupings: RecommendGroupings,
    onProgress?: ProgressListener,
  ) {
    const ask = (b: AnalysisBackend) =>
      b.recommendEvaluate(file.id, request, groupings, onProgress);
    return this.ask(file, ask, onProgress);
  }

  recommendTopItems(
    file: FileRequest,
    request: RecommendRequest,
    method: RecommendMethod,
    map: NamedSegmentMap,
    onProgress?: ProgressListener,
  ) {
    const ask = (b: AnalysisBackend) =>
      b.recommendTopItems(file.id, request, method, map, onProgress);
    return this.ask(file, ask, onProgress);
  }

  recommendCustomer(
    file: FileRequest,
    request: RecommendRequest,
    method: RecommendMethod,
    customerId: string,
    map: NamedSegmentMap,
    onProgress?: ProgressListener,
  ) {
    const ask = (b: AnalysisBackend) =>
      b.recommendCustomer(file.id, request, method, customerId, map, onProgress);
    return this.ask(file, ask, onProgress);
  }

  exportRecommendations(
    file: FileRequest,
    request: RecommendRequest,
    method: RecommendMethod,
    map: NamedSegmentMap,
    segment: number | null,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) =>
      b.exportRecommendations(file.id, request, method, map, segment, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  // Explaining the segments and predicting a column (issue #15).
  explain(file: FileRequest, request: ExplainRequest, onProgress?: ClassifyProgress) {
    return this.ask(file, (b) => b.explain(file.id, request, onProgress));
  }

  predict(
    file: FileRequest,
    request: PredictRequest,
    segments: PredictSegments | null,
    onProgress?: ClassifyProgress,
  ) {
    return this.ask(file, (b) => b.predict(file.id, request, segments, onProgress));
  }

  exportExplained(
    file: FileRequest,
    request: ExplainRequest,
    language: Language,
    onReopen?: ReopenListener,
    names?: SegmentNames,
  ) {
    const ask = (b: AnalysisBackend) => b.exportExplained(file.id, request, language, names);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportPredictions(
    file: FileRequest,
    request: PredictRequest,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportPredictions(file.id, request, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  // Saved analyses (#17)
  saveAnalysis(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    names: (string | null)[],
    rfmMap: SegmentMap | null,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.saveAnalysis(file.id, request, k, names, rfmMap);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportNamedSegments(
    file: FileRequest,
    request: SegmentationRequest,
    k: number,
    segment: number | null,
    names: SegmentNames,
    dialect: ExportDialect,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) =>
      b.exportNamedSegments(file.id, request, k, segment, names, dialect, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  readModel(file: Blob) {
    return this.call((backend) => backend.readModel(file));
  }

  applySaved(file: FileRequest, model: ModelFile, onProgress?: ProgressListener) {
    return this.ask(file, (b) => b.applySaved(file.id, model, onProgress), onProgress);
  }

  exportApplied(
    file: FileRequest,
    model: ModelFile,
    segment: number | null,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportApplied(file.id, model, segment, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  exportAppliedSetAside(
    file: FileRequest,
    model: ModelFile,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.exportAppliedSetAside(file.id, model, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  modelQuery(model: ModelFile, options: ModelQueryOptions, language: Language) {
    return this.call((backend) => backend.modelQuery(model, options, language));
  }

  // The HTML report (#18)
  reportHtml(
    file: FileRequest,
    request: ReportRequest,
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) => b.reportHtml(file.id, request, language);
    return this.ask(file, ask, undefined, onReopen);
  }

  distribution(file: FileRequest, request: DistributionRequest) {
    return this.ask(file, (b) => b.distribution(file.id, request));
  }

  /** A request about a file: opened again first if the backend no longer holds it. */
  private ask<T>(
    file: FileRequest,
    request: (backend: AnalysisBackend) => Promise<Outcome<T>>,
    onProgress?: ProgressListener,
    onReopen?: ReopenListener,
  ): Promise<Outcome<T>> {
    return this.call(async (backend) => {
      const outcome = await request(backend);
      if (outcome.ok || outcome.error.code !== 'no-session') return outcome;
      onReopen?.();
      const opened = await backend.open(file.id, file.file, file.name, file.choice, onProgress);
      if (!opened.ok) return opened;
      return request(backend);
    });
  }
}

const START_TIMEOUT_MS = 15_000;

export function createAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'segmentlens-analysis',
  });
}

/**
 * The bridge to the analysis worker (after squoosh's worker bridge). Comlink leaves a call
 * pending forever when its worker dies, so this client rejects its own pending calls when it
 * terminates the worker (cancel), when the worker reports an error, and when it fails to start.
 * A cancelled worker is gone with its data: the next call starts a fresh one, which reads the
 * file again when a request needs it.
 */
export class WorkerAnalysisClient extends SessionClient {
  private worker: Worker | null = null;
  private ready: Promise<Remote<Api>> | null = null;
  private readonly pending = new Set<(error: Error) => void>();

  constructor(private readonly createWorker: () => Worker = createAnalysisWorker) {
    super();
  }

  cancel(): void {
    this.terminate(new CancelledError());
  }

  prepare(): void {
    this.start().catch(() => {
      // A worker that cannot start is reported by the first real call.
    });
  }

  /** Runs a call on the worker; the promise rejects if the worker is terminated or fails meanwhile. */
  protected call<T>(work: (backend: AnalysisBackend) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        this.pending.delete(fail);
        reject(error);
      };
      this.pending.add(fail);
      this.start()
        .then((remote) => work(backendOf(remote)))
        .then(
          (value) => {
            if (settled) return;
            settled = true;
            this.pending.delete(fail);
            resolve(value);
          },
          (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
        );
    });
  }

  private start(): Promise<Remote<Api>> {
    if (this.ready) return this.ready;
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      return Promise.reject(
        new WorkerFailedError(message('workerCannotStart', { detail: (error as Error).message })),
      );
    }
    this.worker = worker;
    const notStarted = () => new WorkerFailedError(message('workerNotStarted'));
    const onError = (event: Event) => {
      if (this.worker !== worker) return;
      const detail = (event as ErrorEvent).message;
      this.terminate(
        new WorkerFailedError(
          detail ? message('workerStoppedBecause', { detail }) : message('workerStopped'),
        ),
      );
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    const remote = wrap<Api>(worker);
    const started = new Promise<Remote<Api>>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.worker === worker) this.terminate(notStarted());
        reject(notStarted());
      }, START_TIMEOUT_MS);
      remote.ping().then(
        () => {
          clearTimeout(timer);
          resolve(remote);
        },
        (error: unknown) => {
          clearTimeout(timer);
          // A worker that cannot answer is ended, so the next call starts a fresh one.
          if (this.worker === worker) this.terminate(notStarted());
          reject(error);
        },
      );
    });
    this.ready = started;
    return started;
  }

  private terminate(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    for (const fail of [...this.pending]) fail(reason);
    this.pending.clear();
  }
}
