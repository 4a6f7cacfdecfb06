import { UserError } from '../core/common/userError';
import type { PipelineProgress } from '../core/common/progress';
import type { ReadChoice } from '../core/session/datasetSummary';
import { AnalysisSession } from '../core/session/session';
import { threadExecutor, type ThreadExecutor } from './clusterThreads';
import { rememberFileRead } from './fileReport';
import { fileSource } from './fileSource';

/**
 * One set of helper threads for the whole command: started with the file's read by a command
 * that clusters, or else when a large elbow first needs them.
 */
let executor: ThreadExecutor | null = null;

export interface OpenSessionOptions {
  /**
   * The command clusters: its helper threads start now, and come up on the other cores while the
   * file is read (rather than after it, when the elbow would wait for them or go without).
   */
  clusters?: boolean;
}

/**
 * A session over a file on disk, read by ranges (the file is never held twice), whose elbow runs
 * on every core.
 */
export async function openSession(
  path: string,
  choice: ReadChoice,
  onProgress: PipelineProgress,
  options: OpenSessionOptions = {},
): Promise<AnalysisSession> {
  executor ??= threadExecutor();
  if (options.clusters) executor.start();
  const { source, close } = await fileSource(path);
  try {
    const session = await AnalysisSession.open(source, path, choice, {
      onProgress,
      executor: () => executor ?? undefined,
    });
    // --sheet on a file without sheets is a slip the user should hear of, not an option ignored.
    if (choice.sheet !== undefined && session.read.sheets === null)
      throw new UserError('bad-option', 'cliSheetNotWorkbook', {
        path,
        format: session.read.format,
      });
    rememberFileRead(session.read);
    return session;
  } finally {
    await close();
  }
}
