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
import type { ValueExportChoice } from '../core/session/valueExports';
import type { ValueByGroupView, ValueGrouping } from '../core/session/valueGroups';
import type { CustomerValueView } from '../core/session/valueSession';
import type { ValueRequest } from '../core/session/valueStages';
import type { ExplainRequest } from '../core/session/explainRequest';
import type { ExplainView } from '../core/session/explainViews';
import type { DistributionRequest } from '../core/session/distributionView';
import type { FeatureDistribution } from '../core/profile/segmentDistribution';
import type { PredictRequest } from '../core/session/predictRequest';
import type {
  ClassifyProgress,
  FractionListener,
  ModelQueryOptions,
  PredictAnswer,
  PredictSegments,
  RecommendEvaluated,
  RecommendGroupings,
  RecommendTopItems,
} from './analysisApi';
import type { ExportFile, FileRequest, Outcome } from './protocol';
import type { ProgressListener } from './throttle';
import type { Language } from '../i18n/languages';
import type { RulesPage, RulesQuery, RulesView } from '../core/basket/rulesTable';
import type {
  RulesRequest,
  RulesSummary,
  SegmentGrouping,
  SegmentsOverview,
} from '../core/session/basketsSession';
import type { ApplyView } from '../core/model/applyView';
import type { ModelFile } from '../core/model/modelFile';

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
    language: Language,
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
