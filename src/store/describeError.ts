import { CancelledError, WorkerFailedError } from '../worker/analysisClient';

/** One sentence for the alert region, or null when there is nothing to say (a cancel). */
export function describeError(error: unknown, activity: string): string | null {
  if (error instanceof CancelledError || (error as Error)?.name === 'CancelledError') return null;
  if (error instanceof WorkerFailedError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Something went wrong while ${activity} (${message}): try again, and if it keeps happening, use the command line.`;
}
