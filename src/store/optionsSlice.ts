import type { StateCreator } from 'zustand';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  defaultFeatures,
  effectiveKinds,
  type AnalysisOptions,
} from '../core/analysis/analysisOptions';
import { clusterDefaultsFor } from '../core/analysis/clusterDefaults';
import { withEntry } from '../core/common/columnChoices';
import type { DatasetSummary } from '../core/session/datasetSummary';
import { scheduleAnalysis } from './control';
import type { OptionsSlice, State } from './types';

/** A new file's options: every usable numeric column as a feature, identifiers left out. */
export function defaultOptionsFor(dataset: DatasetSummary): AnalysisOptions {
  return {
    ...DEFAULT_ANALYSIS_OPTIONS,
    kinds: [],
    features: defaultFeatures(dataset.columns, effectiveKinds(dataset.columns, [])),
    oneHot: [],
    clean: { ...DEFAULT_ANALYSIS_OPTIONS.clean, log1p: [] },
    ...clusterDefaultsFor(dataset.rowCount),
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
        kinds: withEntry(options.kinds, column, { column, kind }),
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
    setMissingCode(column, value, on) {
      update((options) => {
        const others = options.clean.missingCodes.filter(
          (code) => code.column !== column || code.value !== value,
        );
        const missingCodes = on ? [...others, { column, value }] : others;
        // A column's own missing-value rule goes with its last code (the panel shows it beside it).
        const byColumn = missingCodes.some((code) => code.column === column)
          ? options.clean.missingByColumn
          : withEntry(options.clean.missingByColumn, column, null);
        return {
          ...options,
          clean: { ...options.clean, missingCodes, missingByColumn: byColumn },
        };
      });
    },
    setColumnMissing(column, strategy) {
      update((options) => {
        const byColumn = withEntry(
          options.clean.missingByColumn,
          column,
          strategy === null ? null : { column, strategy },
        );
        return { ...options, clean: { ...options.clean, missingByColumn: byColumn } };
      });
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
