import { message, type Message, type MessageKey } from '../core/common/message';
import { CancelledError, WorkerFailedError } from '../worker/clientErrors';

/** One sentence for the alert region, or null when there is nothing to say (a cancel). */
export function describeError(
  error: unknown,
  activity: MessageKey,
  params?: Record<string, string | number>,
): Message | null {
  if (error instanceof CancelledError || (error as Error)?.name === 'CancelledError') return null;
  if (error instanceof WorkerFailedError) return error.sentence;
  // An error that carries its sentence is said in the page's language, not as its English text.
  const carried = (error as { sentence?: Message } | null)?.sentence;
  const detail = carried ?? (error instanceof Error ? error.message : String(error));
  return message('pageUnexpected', { activity: message(activity, params), detail });
}
