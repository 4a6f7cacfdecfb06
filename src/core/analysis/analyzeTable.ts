import type { PipelineProgress } from '../common/progress';
import type { ClusterExecutor } from '../cluster/clusterJob';
import type { ElbowPoint } from '../cluster/quality/chooseK';
import type { ColumnSummary } from '../read/inferColumns';
import type { Table } from '../read/table';
import { TableAnalysis } from '../session/tableAnalysis';
import type { AnalysisOptions } from './analysisOptions';
import type { AnalysisResult } from './analysisResult';

export interface AnalyzeTableHooks {
  /** Column kinds already inferred. */
  columns?: ColumnSummary[];
  /** Where the k-means jobs run (default: one after another on this thread). */
  executor?: ClusterExecutor;
  onElbowPoint?: (point: ElbowPoint) => void;
}

/**
 * One segmentation of a table, start to finish (column kinds, cleaning, scaling, PCA, the
 * clustering and its profiles): the session's stages run once, for benchmarks, reference
 * checks and tests that want a single result.
 */
export function analyzeTable(
  table: Table,
  options: AnalysisOptions,
  onProgress?: PipelineProgress,
  hooks: AnalyzeTableHooks = {},
): Promise<AnalysisResult> {
  return new TableAnalysis(table, hooks.columns ?? null, () => hooks.executor).segment(options, {
    onProgress,
    onElbowPoint: hooks.onElbowPoint,
  });
}
