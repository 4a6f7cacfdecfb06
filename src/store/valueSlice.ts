import type { StateCreator } from 'zustand';
import { message } from '../core/common/message';
import { segmentMapProblem } from '../core/rfm/rfmSegments';
import type { ValueGrouping } from '../core/session/valueGroups';
import type { CustomerValueView } from '../core/session/valueSession';
import { DEFAULT_VALUE_REQUEST, type ValueRequest } from '../core/session/valueStages';
import type { ExportFile, Outcome } from '../worker/protocol';
import { clientOf } from './control';
import { selectSegmentNames } from './modelSlice';
import { describeError } from './describeError';
import { saveFile } from './saveFile';
import { selectNamedSegmentMap } from './selectors';
import type { State, ValueSlice } from './types';

/** The estimate on show, if it is of the RFM customers on show (a new RFM makes it old). */
export function selectValueView(state: State): CustomerValueView | null {
  const { valueView, rfmView } = state;
  return valueView !== null && rfmView !== null && valueView.request.rfm === rfmView.settings
    ? valueView
    : null;
}

/** An estimate runs: its progress shows, and the page is busy. */
export function selectValueBusy(state: State): boolean {
  return state.valueProgress !== null;
}

/** The clustering on RFM on show, if it is of the RFM customers on show. */
function shownClustering(state: State): { clustering: State['options']; k: number } | null {
  const { rfmView, viewRfm, viewOptions, selectedK } = state;
  if (rfmView === null || viewRfm !== rfmView.settings || viewOptions === null) return null;
  if (selectedK === null) return null;
  return { clustering: viewOptions, k: selectedK };
}

export const createValueSlice: StateCreator<State, [], [], ValueSlice> = (set, get) => {
  const onReopen = () => set({ status: message('statusRereadForDownload') });
  const save = (outcome: Outcome<ExportFile>) => {
    if (!outcome.ok) {
      set({ error: outcome.error.sentence });
      return;
    }
    saveFile(outcome.value.blob, outcome.value.fileName);
    set({ status: message('statusDownloaded', { file: outcome.value.fileName }) });
  };
  /** The request of the estimate on show, and the file it is of. */
  const shown = () => {
    const { source } = get();
    const view = selectValueView(get());
    return source && view ? { source, request: view.request } : null;
  };

  return {
    valueParameters: DEFAULT_VALUE_REQUEST,
    valueView: null,
    valueBySegment: null,
    valueByCluster: null,
    valueProgress: null,
    valueRun: 0,
    valueGroupsRun: 0,

    setValueParameters(patch) {
      set({ valueParameters: { ...get().valueParameters, ...patch } });
    },

    async estimateValue() {
      const { source, rfmView, valueParameters } = get();
      if (!source || !rfmView) return;
      // The settings by identity, as the store compares them (the worker's copy is a clone).
      const request: ValueRequest = { ...valueParameters, rfm: rfmView.settings };
      const run = get().valueRun + 1;
      const live = () => get().valueRun === run;
      set({ valueRun: run, valueProgress: 0, error: null });
      try {
        // Progress comes on a channel of its own: a late report must not bring the bar back.
        const outcome = await clientOf(get, set).customerValue(source, request, (_, fraction) => {
          if (live() && get().valueProgress !== null) set({ valueProgress: fraction });
        });
        if (!live()) return;
        if (!outcome.ok) {
          set({ valueProgress: null, error: outcome.error.sentence });
          return;
        }
        set({
          valueView: { ...outcome.value, request },
          valueProgress: null,
          valueBySegment: null,
          valueByCluster: null,
        });
        void get().loadValueGroups();
        void get().loadRfmPage();
      } catch (error) {
        if (!live()) return;
        // A cancel says nothing here: the Cancel button's own status says it.
        const problem = describeError(error, 'activityAnalysing');
        set({ valueProgress: null, ...(problem && { error: problem }) });
      }
    },

    async loadValueGroups() {
      const known = shown();
      if (known === null) return;
      const { source, request } = known;
      const run = get().valueGroupsRun + 1;
      const live = () => get().valueGroupsRun === run && shown()?.request === request;
      set({ valueGroupsRun: run });
      const map = selectNamedSegmentMap(get());
      const clusters = shownClustering(get());
      const client = clientOf(get, set);
      const ask = (grouping: ValueGrouping) => client.valueByGroup(source, request, grouping);
      try {
        // A segment map with a blank or repeated name says so where it is edited.
        if (segmentMapProblem(map) === null) {
          const bySegment = await ask({ kind: 'rfm', map });
          if (!live()) return;
          if (!bySegment.ok) set({ error: bySegment.error.sentence });
          set({ valueBySegment: bySegment.ok ? bySegment.value : null });
        }
        const byCluster = clusters === null ? null : await ask({ kind: 'cluster', ...clusters });
        if (!live()) return;
        if (byCluster !== null && !byCluster.ok) set({ error: byCluster.error.sentence });
        set({ valueByCluster: byCluster?.ok ? byCluster.value : null });
      } catch (error) {
        const problem = describeError(error, 'activityAnalysing');
        if (live() && problem) set({ error: problem });
      }
    },

    async downloadValue() {
      const known = shown();
      if (known === null) return;
      const map = selectNamedSegmentMap(get());
      const problem = segmentMapProblem(map);
      if (problem !== null) {
        set({ error: problem });
        return;
      }
      // The cluster columns carry the names the user gave the clusters on show.
      const clustering = shownClustering(get());
      try {
        save(
          await clientOf(get, set).exportValue(
            known.source,
            known.request,
            {
              map,
              clusters: clustering && { ...clustering, names: selectSegmentNames(get()).segments },
            },
            get().language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async downloadAtRisk() {
      const known = shown();
      if (known === null) return;
      const map = selectNamedSegmentMap(get());
      const problem = segmentMapProblem(map);
      if (problem !== null) {
        set({ error: problem });
        return;
      }
      try {
        save(
          await clientOf(get, set).exportAtRisk(
            known.source,
            known.request,
            map,
            get().language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },
  };
};
