import type { Message } from '../core/common/message';
import { englishText } from '../i18n/formatMessage';

/** A call that was pending when the user cancelled: not an error to show. */
export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

/** The worker died or never started; the sentence is for the alert region. */
export class WorkerFailedError extends Error {
  readonly sentence: Message;

  constructor(sentence: Message) {
    super(englishText(sentence));
    this.name = 'WorkerFailedError';
    this.sentence = sentence;
  }
}
