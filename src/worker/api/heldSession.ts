import type { ClusterExecutor } from '../../core/cluster/clusterJob';
import { message, type Message } from '../../core/common/message';
import { isUserError } from '../../core/common/userError';
import { renderMessage } from '../../i18n/formatMessage';
import type { Language } from '../../i18n/languages';
import { blobSource } from '../blobSource';
import type { ReadChoice } from '../../core/session/datasetSummary';
import { AnalysisSession } from '../../core/session/session';
import type { ExportParts } from '../../core/session/sessionExports';
import { MAX_FILE_BYTES, type ExportFile, type Outcome } from '../protocol';
import { throttleProgress, type ProgressListener } from '../throttle';

/**
 * The one analysis session a worker holds, and what every request does with it: answer from it
 * when it is the file the request names ('no-session' otherwise, and the client opens the file
 * again), a user's error as an outcome the page shows, exports as files to download.
 */
let held: { id: number; session: AnalysisSession } | null = null;

/** Whether the session is still the one held (once closed, long work stops: predicting). */
export function isHeld(session: AnalysisSession): boolean {
  return held?.session === session;
}

/** Where k-means jobs run: this thread, unless the worker entry installs a pool. */
let executor: ClusterExecutor | undefined;

export function setClusterExecutor(next: ClusterExecutor): void {
  executor = next;
}

/** Answers as soon as the worker runs: the client's check that it started. */
export async function ping(): Promise<'pong'> {
  return 'pong';
}

/** Forgets the file (the in-process client's cancel: as if the worker had gone). */
export async function close(): Promise<void> {
  held = null;
}

export async function open(
  id: number,
  file: Blob,
  name: string,
  choice: ReadChoice,
  onProgress?: ProgressListener,
) {
  held = null;
  return asOutcome(async () => {
    const session = await AnalysisSession.open(blobSource(file), name, choice, {
      maxBytes: MAX_FILE_BYTES,
      onProgress: throttleProgress(onProgress),
      executor: () => executor,
    });
    held = { id, session };
    return session.summary();
  });
}

/** Messages in exports (segment labels, reasons, file names) read in the user's language. */
export function renderIn(language: Language) {
  return (message: Message) => renderMessage(language, message);
}

export function withSession<T>(
  id: number,
  work: (session: AnalysisSession) => Promise<T> | T,
): Promise<Outcome<T>> {
  if (held === null || held.id !== id)
    return Promise.resolve({
      ok: false,
      error: { code: 'no-session', sentence: message('noSession') },
    });
  const { session } = held;
  return asOutcome(() => work(session));
}

export async function asOutcome<T>(work: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isUserError(error))
      return { ok: false, error: { code: error.code, sentence: error.sentence } };
    throw error;
  }
}

/** A CSV export as the page downloads it. */
export function asFile({ parts, fileName }: ExportParts): ExportFile {
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName };
}

/** An HTML document as the page downloads it. */
export function asHtmlFile({ parts, fileName }: ExportParts): ExportFile {
  return { blob: new Blob(parts, { type: 'text/html;charset=utf-8' }), fileName };
}
