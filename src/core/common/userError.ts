import { englishText } from '../../i18n/formatMessage';
import { message, type Message, type MessageKey, type MessageParams } from './message';

/**
 * A problem the user can fix (a bad file, an impossible option): one plain sentence that says
 * what to do, as a message code and its values, which the page shows in its alert region and the
 * command line prints (in the user's language) before it exits with status 2. `code` is the kind
 * of problem; `message` is the English text, for logs. Anything else that is thrown is a bug.
 */
export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly sentence: Message;

  constructor(code: UserErrorCode, key: MessageKey, params?: MessageParams) {
    const sentence = message(key, params);
    super(englishText(sentence));
    this.name = 'UserError';
    this.code = code;
    this.sentence = sentence;
  }
}

export type UserErrorCode =
  | 'empty-file'
  | 'file-changed'
  | 'no-rows'
  | 'not-csv'
  | 'spreadsheet'
  | 'binary'
  | 'too-large'
  | 'no-features'
  | 'too-few-rows'
  | 'bad-option'
  | 'bad-mapping'
  | 'ambiguous-dates'
  | 'no-clusters'
  | 'no-items'
  | 'too-few-orders'
  | 'no-repeat-purchases'
  | 'no-average-spend'
  | 'no-baskets'
  | 'too-many-itemsets'
  | 'single-class'
  | 'rare-class'
  | 'too-few-segments'
  | 'workbook'
  | 'parquet'
  | 'bad-model'
  | 'model-mismatch';

export function isUserError(error: unknown): error is UserError {
  return (
    error instanceof UserError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'UserError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
