/**
 * Stopping long work between its steps (between models, between a forest's trees): the caller
 * passes `isCancelled`, and the work throws WorkCancelled at its next step once it says true.
 * Neither a user error nor a bug: the page asked for it.
 */
export type CancelCheck = () => boolean;

export class WorkCancelled extends Error {
  constructor() {
    super('The work was cancelled.');
    this.name = 'WorkCancelled';
  }
}

export function throwIfCancelled(isCancelled: CancelCheck | undefined): void {
  if (isCancelled?.() === true) throw new WorkCancelled();
}

export function isWorkCancelled(error: unknown): error is WorkCancelled {
  return (
    error instanceof WorkCancelled ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'WorkCancelled')
  );
}
