import type { AnalysisOptions } from '../core/analysis/analysisOptions';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { RfmSettings } from '../core/rfm/rfm';
import type { RfmQuery } from '../core/rfm/rfmCustomerTable';
import type { SegmentationRequest } from '../core/session/session';
import type { RfmExportChoice } from '../core/session/sessionExports';
import type { ReportRequest } from '../core/report/reportExport';
import type { ExportDialect } from '../core/export/csvFormat';
import type { SegmentNames } from '../core/export/segmentNames';
import type { RecommendMethod } from '../core/recommend/recommendOptions';
import type { NamedSegmentMap, SegmentMap } from '../core/rfm/rfmSegments';
import type { RecommendRequest } from '../core/session/recommendSession';
import type { ValueExportChoice } from '../core/session/valueExports';
import type { ValueGrouping } from '../core/session/valueGroups';
import type { ValueRequest } from '../core/session/valueStages';
import type { ExplainRequest } from '../core/session/explainRequest';
import type { DistributionRequest } from '../core/session/distributionView';
import type { PredictRequest } from '../core/session/predictRequest';
import type { Language } from '../i18n/languages';
import type { RulesQuery, RulesView } from '../core/basket/rulesTable';
import type { RulesRequest, SegmentGrouping } from '../core/session/basketsSession';
import type { ModelFile } from '../core/model/modelFile';
import type * as AnalysisApi from './analysisApi';
import type {
  ClassifyProgress,
  FractionListener,
  ModelQueryOptions,
  PredictSegments,
  RecommendGroupings,
} from './analysisApi';
import type { FileRequest, Outcome } from './protocol';
import type { ProgressListener } from './throttle';
import type { AnalysisClient, ReopenListener } from './analysisClient';

type Api = typeof AnalysisApi;

/** The analysis API as a client calls it: the module itself, or the worker's Comlink proxy. */
export type AnalysisBackend = Omit<Api, 'setClusterExecutor'>;

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
    language: Language,
    onReopen?: ReopenListener,
  ) {
    const ask = (b: AnalysisBackend) =>
      b.saveAnalysis(file.id, request, k, names, rfmMap, language);
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
