import { analyzeTable, type AnalysisResult } from './analyzeTable';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './analysisOptions';
import type { ByteSource } from '../read/byteSource';
import type { PipelineProgress } from '../common/progress';
import { readCsv, type ReadOptions } from '../read/readCsv';
import type { Table } from '../read/table';

export interface PipelineOptions {
  read?: Omit<ReadOptions, 'onProgress'>;
  analysis?: Partial<AnalysisOptions>;
}

export interface PipelineResult {
  table: Table;
  analysis: AnalysisResult;
}

/**
 * A CSV file to segments: read (parse), then analyse (infer, clean, scale, PCA, k-means for
 * every k, silhouette, profiles). `onProgress(stage, fraction)` follows each stage.
 */
export async function runPipeline(
  source: ByteSource,
  options: PipelineOptions = {},
  onProgress?: PipelineProgress,
): Promise<PipelineResult> {
  const table = await readCsv(source, {
    ...options.read,
    onProgress: (f) => onProgress?.('parse', f),
  });
  const analysis = await analyzeTable(
    table,
    { ...DEFAULT_ANALYSIS_OPTIONS, ...options.analysis },
    onProgress,
  );
  return { table, analysis };
}
