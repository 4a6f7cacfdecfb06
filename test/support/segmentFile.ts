import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../src/core/analysis/analysisOptions';
import type { ByteSource } from '../../src/core/read/byteSource';
import type { PipelineProgress } from '../../src/core/common/progress';
import type { ReadChoice } from '../../src/core/session/datasetSummary';
import { AnalysisSession } from '../../src/core/session/session';

/** A CSV to segments through a session, as the page and the command line run it. */
export async function segmentFile(
  source: ByteSource,
  choice: { read?: ReadChoice; analysis?: Partial<AnalysisOptions> } = {},
  onProgress?: PipelineProgress,
) {
  const session = await AnalysisSession.open(source, 'file.csv', choice.read ?? {}, {
    onProgress,
  });
  const analysis = await session.segmentation(
    { options: { ...DEFAULT_ANALYSIS_OPTIONS, ...choice.analysis }, rfm: null },
    { onProgress },
  );
  return { session, table: session.table, analysis };
}
