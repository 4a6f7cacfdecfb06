import type { AnalysisOptions } from '../core/analysis/analysisOptions';
import type { Cleaning, MissingStrategy } from '../core/clean/cleanOptions';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { Stage } from '../core/common/progress';
import type { ScaleMethod } from '../core/features/scale';
import type { ColumnKind } from '../core/read/inferColumns';
import type { DateOrder } from '../core/read/parseDate';
import type { RfmSettings } from '../core/rfm/rfm';
import type { RfmPage, RfmSortKey } from '../core/rfm/rfmCustomerTable';
import type { SegmentMap, SegmentScheme } from '../core/rfm/rfmSegments';
import type { TransactionMapping } from '../core/rfm/transactionMapping';
import type { DatasetSummary, ReadChoice } from '../core/session/datasetSummary';
import type { RfmView } from '../core/session/rfmView';
import type { SegmentationView } from '../core/session/segmentationView';
import type { ExplainMethod, ExplainRequest } from '../core/session/explainRequest';
import type { ExplainView } from '../core/session/explainViews';
import type { PredictRequest } from '../core/session/predictRequest';
import type { ClassifyStep, PredictAnswer } from '../worker/analysisApi';
import type { Message } from '../core/common/message';
import type { FeatureDistribution } from '../core/profile/segmentDistribution';
import type { DistributionRequest } from '../core/session/distributionView';
import type { AnalysisClient } from '../worker/analysisClient';
import type { FileRequest } from '../worker/protocol';
import type { Language } from '../i18n/languages';
import type { ValueByGroupView } from '../core/session/valueGroups';
import type { CustomerValueView } from '../core/session/valueSession';
import type { ValueRequest } from '../core/session/valueStages';
import type { ApplyView } from '../core/model/applyView';
import type { ModelFile } from '../core/model/modelFile';
import type { SqlDialect } from '../core/sql/sqlText';
import type { RulesPage, RuleSortKey } from '../core/basket/rulesTable';
import type { RulesRequest, RulesSummary, SegmentsOverview } from '../core/session/basketsSession';
import type { RecommendMethod, RecommendOptions } from '../core/recommend/recommendOptions';
import type { CustomerRecommendations } from '../core/session/recommendLists';
import type { RecommendEvaluated, RecommendTopItems } from '../worker/analysisApi';
import type { ExportDialect } from '../core/export/csvFormat';
import type { SegmentNames } from '../core/export/segmentNames';

export type Phase =
  | 'idle'
  | 'loading'
  | 'analysing'
  | 'comparing'
  | 'recommending'
  | 'explaining'
  | 'predicting'
  | 'ready';
export type MetricName = 'silhouette' | 'daviesBouldin' | 'calinskiHarabasz';

/** The clustering choices on the page (the rest of AnalysisOptions is features and cleaning). */
export type ClusteringChoice = Pick<
  AnalysisOptions,
  | 'kMax'
  | 'nInit'
  | 'seed'
  | 'silhouetteSample'
  | 'algorithm'
  | 'metric'
  | 'eps'
  | 'minPts'
  | 'linkage'
  | 'cutHeight'
  | 'treeMaxRows'
>;

/** The three algorithms side by side, and what they ran on. */
export interface ComparisonState {
  result: AlgorithmComparison;
  /** The options of the analysis compared on, and the k given to k-means and hierarchical. */
  options: AnalysisOptions;
  k: number;
}

/**
 * What the page does behind the scenes: the analysis client, which run may write its result,
 * the page as it was before a file that is still loading, the pending re-analysis. Kept in the
 * store so that resetting the store resets all of it.
 */
export interface DistributionSlice {
  /** The numeric column whose spread per segment the user asked for; null before any. */
  distributionFeature: string | null;
  /** The last spread computed, with the request it answers (shown while that is current). */
  distribution: { view: FeatureDistribution; request: DistributionRequest } | null;
  distributionLoading: boolean;
  distributionError: Message | null;
  showDistribution(feature: string): Promise<void>;
}

export interface ControlSlice {
  client: AnalysisClient | null;
  /** Each load or analysis takes a number; only the newest may write its result. */
  run: number;
  /** The page before the file now loading; null when no load is under way. */
  beforeLoad: Partial<State> | null;
  /** The re-analysis waiting for the user to pause. */
  scheduledAnalysis: ReturnType<typeof setTimeout> | null;
  /** The newest request for a page of the RFM customer table. */
  rfmPageRequest: number;
}

/** The page's language: chosen from the browser's on a first visit, then remembered. */
export interface LanguageSlice {
  language: Language;
  setLanguage(language: Language): void;
}

export interface DatasetSlice {
  /** The loaded file (the File itself) and how it was read; null before the first file. */
  source: FileRequest | null;
  dataset: DatasetSummary | null;
  loadFile(file: Blob, name: string): Promise<void>;
  loadSample(): Promise<void>;
  loadSampleTransactions(): Promise<void>;
  /** Reads the same file again with another encoding or delimiter. */
  reread(choice: ReadChoice): Promise<void>;
}

export interface OptionsSlice {
  options: AnalysisOptions;
  setKind(column: string, kind: ColumnKind): void;
  setFeature(column: string, used: boolean): void;
  setOneHot(column: string, on: boolean): void;
  setLog1p(column: string, on: boolean): void;
  setCleaning(patch: Partial<Cleaning>): void;
  /** Treats a column's value as a code for no value (on), or as a value again. */
  setMissingCode(column: string, value: number, on: boolean): void;
  /** A column's own missing-value strategy; null: the one for every column. */
  setColumnMissing(column: string, strategy: MissingStrategy | null): void;
  setScale(scale: ScaleMethod): void;
  setClusteringChoice(patch: Partial<ClusteringChoice>): void;
}

export interface AnalysisSlice {
  phase: Phase;
  progress: { stage: Stage; fraction: number } | null;
  /** The elbow points of the analysis under way, as they arrive. */
  partialElbow: ElbowPoint[];
  /** The last analysis that finished, and the options it ran with. */
  view: SegmentationView | null;
  viewOptions: AnalysisOptions | null;
  selectedK: number | null;
  scatterAxes: [string, string];
  metric: MetricName;
  comparison: ComparisonState | null;
  error: Message | null;
  /** Something to know about the results on show (not an error), shown with the alerts. */
  warning: Message | null;
  /** A short status for the live region ("Analysis cancelled", "Done"). */
  status: Message | null;
  analyse(): Promise<void>;
  cancel(): void;
  selectK(k: number): void;
  setScatterAxes(x: string, y: string): void;
  setMetric(metric: MetricName): void;
  /** Runs k-means, hierarchical and DBSCAN on the data on show, for the comparison table. */
  compareAlgorithms(): Promise<void>;
  downloadSegments(segment: number | null): Promise<void>;
  downloadCleaningReport(): Promise<void>;
  /** The HTML report (#18) of what is on show: the file, cleaning, analysis, segments, RFM. */
  downloadReport(): Promise<void>;
  dismissError(): void;
  /** Starts the analysis worker before it is needed. */
  prepare(): void;
}

/** One row per customer, or order lines turned into RFM per customer. */
export type AnalysisMode = 'customers' | 'transactions';

export interface RfmTableQuery {
  sort: RfmSortKey;
  descending: boolean;
  page: number;
  pageSize: number;
  /** Only one named segment, or everyone. */
  segment: number | null;
}

export interface RfmSlice {
  mode: AnalysisMode;
  rfmSettings: RfmSettings;
  /** RFM of the settings it was computed with (the summary, grid and table show it). */
  rfmView: RfmView | null;
  /** The RFM settings the results on show were clustered with. */
  viewRfm: RfmSettings | null;
  /** Names and cells of the named segments, as the user left them. */
  segmentMap: SegmentMap;
  rfmQuery: RfmTableQuery;
  rfmPage: RfmPage | null;
  setMode(mode: AnalysisMode): void;
  setMapping(patch: Partial<TransactionMapping>): void;
  setDateOrder(order: DateOrder | null): void;
  setSnapshot(snapshot: number | null): void;
  /** Whether order ids such as C536379 are taken as cancellations (the core's rule) or kept. */
  setCancellations(on: boolean): void;
  renameSegment(segment: number, name: string): void;
  reassignCell(cell: number, segment: number): void;
  /** Shows the named segments of another scheme (its default map). */
  setSegmentScheme(scheme: SegmentScheme): void;
  resetSegmentMap(): void;
  setRfmQuery(patch: Partial<RfmTableQuery>): void;
  /** Fetches the page of the customer table the query asks for. */
  loadRfmPage(): Promise<void>;
  downloadRfm(filter: { segment?: number; cluster?: number }): Promise<void>;
  downloadRfmSetAside(): Promise<void>;
}

/** A new version of the page, installed and waiting for the user's word. */
export interface UpdateSlice {
  /** Switches to the waiting version (the page reloads); null when none waits. */
  pendingUpdate: (() => void) | null;
  offerUpdate(apply: () => void): void;
  applyUpdate(): void;
}

/** Whose baskets the rules come from, as the page chooses: segments and clusters by number. */
export type BasketsScopeChoice =
  { kind: 'all' } | { kind: 'rfm'; segment: number } | { kind: 'cluster'; cluster: number };

/** The parameters of the baskets form (applied when the user asks for the rules). */
export interface BasketsParams {
  /** A share of the scope's baskets; null for the default (the larger of 1% and 10 baskets). */
  minSupport: number | null;
  minConfidence: number;
  maxLen: number;
  scope: BasketsScopeChoice;
}

export interface RulesTableQuery {
  sort: RuleSortKey;
  descending: boolean;
  /** Rules with an item (id, or words of its description) on either side; '' for every rule. */
  contains: string;
  hideRedundant: boolean;
  page: number;
  pageSize: number;
}

export interface BasketsSlice {
  basketsParams: BasketsParams;
  /** The request of the rules on show, and what the worker said of them. */
  basketsRequest: RulesRequest | null;
  basketsSummary: RulesSummary | null;
  basketsQuery: RulesTableQuery;
  basketsPage: RulesPage | null;
  /** The named segments side by side, and the RFM settings they were mined under. */
  basketsOverview: SegmentsOverview | null;
  basketsOverviewRfm: RfmSettings | null;
  /** How far the rules (or the overview) have come while they are computed; null otherwise. */
  basketsProgress: number | null;
  /** Each request takes a number; only the newest may write its result. */
  basketsRun: number;
  setBasketsParams(patch: Partial<BasketsParams>): void;
  /** Mines the rules of the form's parameters and shows their first page. */
  findRules(): Promise<void>;
  setRulesQuery(patch: Partial<RulesTableQuery>): void;
  loadRulesPage(): Promise<void>;
  /** Each named RFM segment's top items and top rules, at the default parameters. */
  compareSegments(): Promise<void>;
  downloadRules(): Promise<void>;
  downloadItemsets(): Promise<void>;
}

/** The settings of the customer-value models on the page (the RFM settings come with RFM). */
export type ValueParameters = Omit<ValueRequest, 'rfm'>;

export interface ValueSlice {
  valueParameters: ValueParameters;
  /** The last estimate and its request (whose RFM settings are an rfmView's, by identity). */
  valueView: CustomerValueView | null;
  /** Value per named RFM segment and per cluster, of the estimate on show. */
  valueBySegment: ValueByGroupView | null;
  valueByCluster: ValueByGroupView | null;
  /** How far the estimate under way has come (0..1); null when none runs. */
  valueProgress: number | null;
  /** Each estimate (and each request for its groups) takes a number; the newest writes. */
  valueRun: number;
  valueGroupsRun: number;
  setValueParameters(patch: Partial<ValueParameters>): void;
  /** Fits the models on the RFM customers on show, with the parameters on the page. */
  estimateValue(): Promise<void>;
  /** Value per segment (under the page's map) and per cluster (the clustering on show). */
  loadValueGroups(): Promise<void>;
  downloadValue(): Promise<void>;
  downloadAtRisk(): Promise<void>;
}

/** The Recommendations section's settings (issue 14). */
export interface RecommendChoice extends RecommendOptions {
  /**
   * The method of the look-up, the most recommended items and the download: the evaluation's
   * best (as the command line's --out takes it) until the user picks one.
   */
  method: RecommendMethod;
  /** Whether the user picked the method (then an evaluation leaves it as it is). */
  methodPicked: boolean;
}

/** What a recommendation result was computed for: shown only while it is still so. */
export interface RecommendBasis {
  source: FileRequest;
  rfm: RfmSettings;
  options: RecommendOptions;
}

export interface RecommendSlice {
  recommendChoice: RecommendChoice;
  /** The evaluation on show, with what it was computed for. */
  recommendResult: (RecommendEvaluated & RecommendBasis & { scheme: SegmentScheme }) | null;
  /** The items most recommended per segment, by the method named in it. */
  recommendTop: (RecommendTopItems & { basis: RecommendBasis }) | null;
  /** The customer looked up last. */
  recommendLookup: (CustomerRecommendations & { basis: RecommendBasis }) | null;
  setRecommendChoice(patch: Partial<RecommendChoice>): void;
  /** Measures the three methods on held-out last orders, overall, per segment and per cluster. */
  evaluateRecommendations(): Promise<void>;
  lookUpCustomer(id: string): Promise<void>;
  downloadRecommendations(segment: number | null): Promise<void>;
}

// Explaining the segments and predicting a column (issue #15).

/** How the page explains the segments on show. */
export interface ExplainSettings {
  method: ExplainMethod;
  /** The decision tree's depth, 1..6. */
  depth: number;
  /** Fewest rows per leaf; null for max(5, 1% of the rows). */
  minRowsPerLeaf: number | null;
}

/** What the page predicts, from what. */
export interface PredictSettings {
  /** The column to predict; null (or a column the file lacks) for the first one offered. */
  target: string | null;
  /** The features; null for the target's defaults (every usable numeric column). */
  features: string[] | null;
  treeDepth: number;
  trees: number;
  testShare: number;
}

export interface ClassifySlice {
  explainSettings: ExplainSettings;
  /** Set by the Explain button: the segments on show are explained again when they change. */
  explainWanted: boolean;
  /** The last explanation, with the request it answers (on show while that is the current one). */
  explanation: { view: ExplainView; request: ExplainRequest } | null;
  predictSettings: PredictSettings;
  /** The last prediction, with the file and request it answers. */
  prediction: { answer: PredictAnswer; request: PredictRequest; source: FileRequest } | null;
  classifyProgress: { step: ClassifyStep; fraction: number } | null;
  setExplainSettings(patch: Partial<ExplainSettings>): void;
  explain(): Promise<void>;
  setPredictTarget(target: string): void;
  setPredictFeature(column: string, used: boolean): void;
  setPredictSettings(
    patch: Partial<Pick<PredictSettings, 'treeDepth' | 'trees' | 'testShare'>>,
  ): void;
  predict(): Promise<void>;
  downloadExplained(): Promise<void>;
  downloadPredictions(): Promise<void>;
}

/** The query's parameters on the page (the table may be schema.table). */
export interface SqlParams {
  dialect: SqlDialect;
  table: string;
  /** A column that identifies each row; '' for none. */
  id: string;
}

/** Saved analyses (#17): the model open on the page, applied to a file, and its SQL. */
export interface ModelSlice {
  /** The saved analysis the user opened (read and checked in the worker), and its file's name. */
  model: ModelFile | null;
  modelFileName: string | null;
  /** The file the model is applied to, and what applying it gave. */
  applySource: FileRequest | null;
  applied: ApplyView | null;
  /** How far applying has come (0..1); null when nothing is applied now. */
  applyProgress: number | null;
  /** Each request of the model panel takes a number; only the newest writes its result. */
  modelRun: number;
  sqlParams: SqlParams;
  /** The last query downloaded (its first lines are shown). */
  sqlText: string | null;
  /**
   * The names the user gave the segments of the segmentation on show (#18), kept for each k (a
   * new analysis starts afresh: its segments are others). As typed: blank means the label.
   */
  clusterNames: { view: SegmentationView; byK: ReadonlyMap<number, SegmentNames> } | null;
  /** Names a segment of the segmentation on show (-1: DBSCAN's noise). */
  renameCluster(segment: number, name: string): void;
  /** Gives a segment its suggested name (its label) back. */
  resetClusterName(segment: number): void;
  /** How the page writes CSV exports (#18): standard CSV or the input file's dialect. */
  exportDialect: ExportDialect;
  setExportDialect(dialect: ExportDialect): void;
  /** Downloads the model file of the segmentation on show. */
  saveAnalysis(): Promise<void>;
  openModel(file: Blob, name: string): Promise<void>;
  closeModel(): void;
  /** Puts a file's rows (or customers) into the open model's segments. */
  applyModelTo(file: Blob, name: string): Promise<void>;
  /** Analyses the applied file again with the saved settings, k and names (the results view). */
  restoreSaved(): Promise<void>;
  downloadApplied(segment: number | null): Promise<void>;
  downloadAppliedSetAside(): Promise<void>;
  setSqlParams(patch: Partial<SqlParams>): void;
  downloadSql(): Promise<void>;
}

export type State = ControlSlice &
  LanguageSlice &
  UpdateSlice &
  DatasetSlice &
  OptionsSlice &
  AnalysisSlice &
  RfmSlice &
  BasketsSlice &
  ValueSlice &
  RecommendSlice &
  ClassifySlice &
  ModelSlice &
  DistributionSlice;
export type { RfmSortKey, ClassifyStep };
