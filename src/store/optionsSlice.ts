import type { StateCreator } from 'zustand';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  defaultFeatures,
  effectiveKinds,
  type AnalysisOptions,
} from '../core/analysis/analysisOptions';
import type { DatasetSummary } from '../core/session/datasetSummary';
import { scheduleAnalysis } from './control';
import type { OptionsSlice, State } from './types';

/**
 * Above this many rows the page starts with 3 restarts per k (the settings the million-row
 * benchmark uses): each restart is refined by the local search, and more would only slow the
 * page down. Small files, where restarts are cheap and local optima many, get 10.
 */
export const MANY_ROWS = 5_000;

/**
 * The silhouette costs the square of its sample. Below LARGE_FILE_ROWS the page samples 2,000
 * rows (a silhouette within about 0.01 of the 5,000-row one) so that the page answers within a
 * second; above, the clustering dominates anyway and the sample is the full 5,000.
 */
export const LARGE_FILE_ROWS = 100_000;
export const QUICK_SILHOUETTE_SAMPLE = 2_000;

/** A new file's options: every usable numeric column as a feature, identifiers left out. */
export function defaultOptionsFor(dataset: DatasetSummary): AnalysisOptions {
  return {
    ...DEFAULT_ANALYSIS_OPTIONS,
    kinds: {},
    features: defaultFeatures(dataset.columns, effectiveKinds(dataset.columns, {})),
    oneHot: [],
    clean: { ...DEFAULT_ANALYSIS_OPTIONS.clean, log1p: [] },
    ...clusterDefaultsFor(dataset.rowCount),
  };
}

/** Restarts and silhouette sample for clustering this many rows (customers, for RFM). */
export function clusterDefaultsFor(
  rows: number,
): Pick<AnalysisOptions, 'nInit' | 'silhouetteSample'> {
  return {
    nInit: rows > MANY_ROWS ? 3 : DEFAULT_ANALYSIS_OPTIONS.nInit,
    silhouetteSample:
      rows >= LARGE_FILE_ROWS ? DEFAULT_ANALYSIS_OPTIONS.silhouetteSample : QUICK_SILHOUETTE_SAMPLE,
  };
}

export const createOptionsSlice: StateCreator<State, [], [], OptionsSlice> = (set, get) => {
  function update(patch: (options: AnalysisOptions) => AnalysisOptions): void {
    set({ options: patch(get().options) });
    scheduleAnalysis(get, set);
  }
  const toggle = (list: string[], item: string, on: boolean) =>
    on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

  return {
    options: DEFAULT_ANALYSIS_OPTIONS,
    setKind(column, kind) {
      update((options) => ({
        ...options,
        kinds: { ...options.kinds, [column]: kind },
        // A column is a numeric feature or a one-hot one only while it has that kind.
        features:
          kind === 'numeric'
            ? options.features
            : (options.features ?? []).filter((f) => f !== column),
        oneHot:
          kind === 'categorical' ? options.oneHot : options.oneHot.filter((f) => f !== column),
        clean: {
          ...options.clean,
          log1p:
            kind === 'numeric'
              ? options.clean.log1p
              : options.clean.log1p.filter((f) => f !== column),
        },
      }));
    },
    setFeature(column, used) {
      update((options) => ({ ...options, features: toggle(options.features ?? [], column, used) }));
    },
    setOneHot(column, on) {
      update((options) => ({ ...options, oneHot: toggle(options.oneHot, column, on) }));
    },
    setLog1p(column, on) {
      update((options) => ({
        ...options,
        clean: { ...options.clean, log1p: toggle(options.clean.log1p, column, on) },
      }));
    },
    setCleaning(patch) {
      update((options) => ({ ...options, clean: { ...options.clean, ...patch } }));
    },
    setScale(scale) {
      update((options) => ({ ...options, scale }));
    },
    setClusteringChoice(patch) {
      update((options) => ({ ...options, ...patch }));
    },
  };
};
