import type { PipelineProgress } from '../core/common/progress';
import type { ReadChoice } from '../core/session/datasetSummary';
import { AnalysisSession } from '../core/session/session';
import { fileSource } from './fileSource';

/** A session over a file on disk, read by ranges (the file is never held twice). */
export async function openSession(
  path: string,
  choice: ReadChoice,
  onProgress: PipelineProgress,
): Promise<AnalysisSession> {
  const { source, close } = await fileSource(path);
  try {
    return await AnalysisSession.open(source, path, choice, { onProgress });
  } finally {
    await close();
  }
}
