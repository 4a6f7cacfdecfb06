import type { PipelineProgress } from '../core/common/progress';
import type { ReadChoice } from '../core/session/datasetSummary';
import { AnalysisSession } from '../core/session/session';
import { threadExecutor, type ThreadExecutor } from './clusterThreads';
import { fileSource } from './fileSource';
import { worthSplitting } from '../core/read/readParts';

/**
 * One set of helper threads for the whole command, started when a large file's reading or a
 * large elbow first needs them.
 */
let executor: ThreadExecutor | null = null;

/**
 * A session over a file on disk, read by ranges (the file is never held twice), whose elbow runs
 * on every core.
 */
export async function openSession(
  path: string,
  choice: ReadChoice,
  onProgress: PipelineProgress,
): Promise<AnalysisSession> {
  const { source, close } = await fileSource(path);
  executor ??= threadExecutor();
  try {
    return await AnalysisSession.open(source, path, choice, {
      onProgress,
      executor: () => executor ?? undefined,
      // The threads start only for a file large enough to be read in two parts.
      parts: worthSplitting(source.size) ? executor.parts(path) : undefined,
    });
  } finally {
    await close();
  }
}
