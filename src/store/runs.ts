import type { State } from './types';

/**
 * Work in flight: each load or analysis takes a number, and only the newest may write its result
 * (the worker answers in order, but progress and cancels do not wait). A load also keeps the
 * page as it was before, so that cancelling a new file brings the last good results back.
 */
let current = 0;
let beforeLoad: Partial<State> | null = null;

export function startRun(): number {
  return ++current;
}

export function isCurrentRun(run: number): boolean {
  return run === current;
}

/** Invalidates whatever runs now. */
export function stopRuns(): void {
  current++;
}

/** Keeps the page as it is, unless an earlier load still waits (its snapshot is the good one). */
export function rememberBeforeLoad(state: State): void {
  if (beforeLoad !== null) return;
  const { source, dataset, options, view, viewOptions, selectedK, scatterAxes, warning } = state;
  const { mode, rfmSettings, rfmView, viewRfm, segmentMap, rfmQuery, rfmPage } = state;
  beforeLoad = {
    ...{ source, dataset, options, view, viewOptions, selectedK, scatterAxes, warning },
    ...{ mode, rfmSettings, rfmView, viewRfm, segmentMap, rfmQuery, rfmPage },
  };
}

/** The page before the file now loading; null when no load is under way. */
export function takeBeforeLoad(): Partial<State> | null {
  const snapshot = beforeLoad;
  beforeLoad = null;
  return snapshot;
}

export function forgetBeforeLoad(): void {
  beforeLoad = null;
}
