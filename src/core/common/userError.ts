/**
 * A problem the user can fix (a bad file, an impossible option). Its message is one plain
 * sentence that says what to do; the page shows it in its alert region and the command line
 * prints it and exits with status 2. Anything else that is thrown is a bug.
 */
export class UserError extends Error {
  readonly code: UserErrorCode;

  constructor(code: UserErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export type UserErrorCode =
  | 'empty-file'
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
  | 'workbook'
  | 'parquet';

export function isUserError(error: unknown): error is UserError {
  return (
    error instanceof UserError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'UserError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
