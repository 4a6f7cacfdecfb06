import type { AnalysisOptions } from '../core/analysisOptions';
import type { ElbowPoint } from '../core/chooseK';
import type { Cleaning } from '../core/cleanRows';
import type { ColumnKind } from '../core/inferColumns';
import type { Stage } from '../core/progress';
import type { ScaleMethod } from '../core/scale';
import type { AnalysisView, DatasetSummary, ReadChoice } from '../worker/analysisApi';
import type { LoadRequest } from '../worker/analysisClient';

export type Phase = 'idle' | 'loading' | 'analysing' | 'ready';
export type MetricName = 'silhouette' | 'daviesBouldin' | 'calinskiHarabasz';
export type ClusterSettings = Pick<AnalysisOptions, 'kMax' | 'nInit' | 'seed' | 'silhouetteSample'>;

export interface DatasetSlice {
  /** The loaded file (the File itself) and how it was read; null before the first file. */
  source: LoadRequest | null;
  dataset: DatasetSummary | null;
  loadFile(file: Blob, name: string): Promise<void>;
  loadSample(): Promise<void>;
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
  setScale(scale: ScaleMethod): void;
  setClusterSettings(patch: Partial<ClusterSettings>): void;
}

export interface AnalysisSlice {
  phase: Phase;
  progress: { stage: Stage; fraction: number } | null;
  /** The elbow points of the analysis under way, as they arrive. */
  partialElbow: ElbowPoint[];
  /** The last analysis that finished, and the options it ran with. */
  view: AnalysisView | null;
  viewOptions: AnalysisOptions | null;
  selectedK: number | null;
  scatterAxes: [string, string];
  metric: MetricName;
  error: string | null;
  /** Something to know about the results on show (not an error), shown with the alerts. */
  warning: string | null;
  /** A short status for the live region ("Analysis cancelled", "Done"). */
  status: string;
  analyse(): Promise<void>;
  cancel(): void;
  selectK(k: number): void;
  setScatterAxes(x: string, y: string): void;
  setMetric(metric: MetricName): void;
  downloadSegments(segment: number | null): Promise<void>;
  downloadCleaningReport(): Promise<void>;
  dismissError(): void;
  /** Starts the analysis worker before it is needed. */
  prepare(): void;
}

export type State = DatasetSlice & OptionsSlice & AnalysisSlice;
