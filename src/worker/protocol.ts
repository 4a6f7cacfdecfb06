import type { UserErrorCode } from '../core/common/userError';
import type { ReadChoice } from '../core/session/datasetSummary';
import type { Message } from '../core/common/message';

/**
 * What crosses the thread boundary besides the core's own views. Problems the user can fix come
 * back as values, because an Error loses its fields when it crosses threads.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Problem };

export interface Problem {
  /** A user error's code, or 'no-session' when the worker does not hold the file asked about. */
  code: UserErrorCode | 'no-session';
  /** What to tell the user, to render in their language. */
  sentence: Message;
}

/** A file to analyse, as the page holds it: the File itself, never its text, and an identity. */
export interface FileRequest {
  /** Unique per file and read choice: the worker answers only about the file it holds. */
  id: number;
  file: Blob;
  name: string;
  choice: ReadChoice;
}

/** A download assembled in the worker. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** The largest file the page accepts; larger ones are for the command line. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
