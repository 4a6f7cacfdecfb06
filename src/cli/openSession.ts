import type { ClusterExecutor } from '../core/cluster/clusterJob';
import type { PipelineProgress } from '../core/common/progress';
import type { ReadChoice } from '../core/session/datasetSummary';
import { AnalysisSession } from '../core/session/session';
import { threadExecutor } from './clusterThreads';
import { fileSource } from './fileSource';

/** One set of helper threads for the whole command, started when a large elbow first needs them. */
let executor: ClusterExecutor | null = null;

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
  try {
    return await AnalysisSession.open(source, path, choice, {
      onProgress,
      executor: () => (executor ??= threadExecutor()),
    });
  } finally {
    await close();
  }
}
