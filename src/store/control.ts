import type { StoreApi } from 'zustand';
import type { AnalysisClient } from '../worker/analysisClient';
import { WorkerAnalysisClient } from '../worker/workerClient';
import type { ControlSlice, State } from './types';

type Get = StoreApi<State>['getState'];
type Set = StoreApi<State>['setState'];

export const INITIAL_CONTROL: ControlSlice = {
  client: null,
  run: 0,
  beforeLoad: null,
  scheduledAnalysis: null,
  rfmPageRequest: 0,
};

/** The client the store talks to: the analysis worker, started on first use. */
export function clientOf(get: Get, set: Set): AnalysisClient {
  const known = get().client;
  if (known) return known;
  const client = new WorkerAnalysisClient();
  set({ client });
  return client;
}

/** A new run: every earlier one may no longer write its result. */
export function startRun(get: Get, set: Set): number {
  const run = get().run + 1;
  set({ run });
  return run;
}

/** Invalidates whatever runs now. */
export function stopRuns(get: Get, set: Set): void {
  set({ run: get().run + 1 });
}

/** Keeps the page as it is, unless an earlier load still waits (its snapshot is the good one). */
export function rememberBeforeLoad(get: Get, set: Set): void {
  const state = get();
  if (state.beforeLoad !== null) return;
  const { source, dataset, options, view, viewOptions, selectedK, scatterAxes, warning } = state;
  const { mode, rfmSettings, rfmView, viewRfm, segmentMap, rfmQuery, rfmPage } = state;
  set({
    beforeLoad: {
      ...{ source, dataset, options, view, viewOptions, selectedK, scatterAxes, warning },
      ...{ mode, rfmSettings, rfmView, viewRfm, segmentMap, rfmQuery, rfmPage },
    },
  });
}

/** The page before the file now loading, taken (null when no load is under way). */
export function takeBeforeLoad(get: Get, set: Set): Partial<State> | null {
  const snapshot = get().beforeLoad;
  set({ beforeLoad: null });
  return snapshot;
}

const ANALYSIS_DELAY_MS = 250;

/** Something the analysis depends on changed: run it once the user pauses (a burst runs once). */
export function scheduleAnalysis(get: Get, set: Set): void {
  cancelScheduledAnalysis(get, set);
  set({
    scheduledAnalysis: setTimeout(() => {
      set({ scheduledAnalysis: null });
      void get().analyse();
    }, ANALYSIS_DELAY_MS),
  });
}

/** Stops a pending re-analysis (a new file or a run replaces it anyway). */
export function cancelScheduledAnalysis(get: Get, set: Set): void {
  const timer = get().scheduledAnalysis;
  if (timer !== null) {
    clearTimeout(timer);
    set({ scheduledAnalysis: null });
  }
}
