import type { StateCreator } from 'zustand';
import { message } from '../core/common/message';
import type { ModelFile } from '../core/model/modelFile';
import { restoreAnalysis } from '../core/model/modelSettings';
import {
  MAX_SEGMENT_NAME,
  NO_SEGMENT_NAMES,
  segmentNameOf,
  type SegmentNames,
} from '../core/export/segmentNames';
import { fileRequest } from '../worker/analysisClient';
import type { ExportFile, FileRequest, Outcome } from '../worker/protocol';
import { clientOf } from './control';
import { describeError } from './describeError';
import { saveFile } from './saveFile';
import { selectShownK } from './selectors';
import type { ModelSlice, SqlParams, State } from './types';

/** The lines of the query shown on the page before its download. */
export const SQL_PREVIEW_LINES = 12;

/** The table the query reads by default: the saved file's name without its extension. */
export function defaultSqlTable(model: ModelFile): string {
  return model.source.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'customers';
}

/**
 * The names the user gave the segments of the segmentation on show, as typed (#18): what the
 * rename fields show, what the exports write, what the HTML report reads (with `segmentNameOf`).
 * The same object until a name changes, so a component may select it directly.
 */
export function selectSegmentNames(state: State): SegmentNames {
  const names = state.clusterNames;
  const shown = selectShownK(state);
  if (shown === null || names === null || names.view !== state.view) return NO_SEGMENT_NAMES;
  return names.byK.get(shown.k) ?? NO_SEGMENT_NAMES;
}

/** The names of the segments 0..k-1 on show (null: the label), as a saved model keeps them. */
export function selectClusterNames(state: State): (string | null)[] {
  const shown = selectShownK(state);
  if (shown === null) return [];
  const names = selectSegmentNames(state);
  return Array.from({ length: shown.k }, (_, s) => segmentNameOf(names, s));
}

/** Whether the page can save the analysis on show: a segmentation of what is loaded, not stale. */
export function selectCanSave(state: State): boolean {
  const { source, view, viewOptions, selectedK, mode, rfmView, viewRfm, options } = state;
  if (!source || !view || !viewOptions || selectedK === null || viewOptions !== options)
    return false;
  if (mode === 'transactions') return rfmView !== null && viewRfm === rfmView.settings;
  return viewRfm === null;
}

export const createModelSlice: StateCreator<State, [], [], ModelSlice> = (set, get) => {
  const onReopen = () => set({ status: message('statusRereadForDownload') });
  const save = (outcome: Outcome<ExportFile>) => {
    if (!outcome.ok) {
      set({ error: outcome.error.sentence });
      return;
    }
    saveFile(outcome.value.blob, outcome.value.fileName);
    set({ status: message('statusDownloaded', { file: outcome.value.fileName }) });
  };
  /** One segment's name in the segmentation on show, the other k's names kept. */
  const nameCluster = (segment: number, name: string | null) => {
    const shown = selectShownK(get());
    const { view } = get();
    if (view === null || shown === null) return;
    const current = get().clusterNames;
    const byK = new Map(current !== null && current.view === view ? current.byK : []);
    const before = byK.get(shown.k) ?? NO_SEGMENT_NAMES;
    const segments = Array.from({ length: shown.k }, (_, s) => before.segments[s] ?? null);
    if (segment >= 0) segments[segment] = name;
    byK.set(shown.k, { segments, noise: segment < 0 ? name : before.noise });
    set({ clusterNames: { view, byK } });
  };
  /** The newest request of the model panel; an older one may not write its result. */
  const nextRun = () => {
    const run = get().modelRun + 1;
    set({ modelRun: run });
    return run;
  };

  return {
    model: null,
    modelFileName: null,
    applySource: null,
    applied: null,
    applyProgress: null,
    modelRun: 0,
    sqlParams: { dialect: 'duckdb', table: '', id: '' },
    sqlText: null,
    clusterNames: null,
    exportDialect: 'standard',

    renameCluster(segment, name) {
      nameCluster(segment, name.slice(0, MAX_SEGMENT_NAME));
    },

    resetClusterName(segment) {
      nameCluster(segment, null);
    },

    setExportDialect(dialect) {
      set({ exportDialect: dialect });
    },

    async saveAnalysis() {
      const state = get();
      if (!selectCanSave(state)) return;
      const { source, viewOptions, viewRfm, selectedK, mode, segmentMap } = state;
      try {
        save(
          await clientOf(get, set).saveAnalysis(
            source!,
            { options: viewOptions!, rfm: mode === 'transactions' ? viewRfm : null },
            selectedK!,
            selectClusterNames(state),
            mode === 'transactions' ? segmentMap : null,
            state.language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async openModel(file, name) {
      const run = nextRun();
      try {
        const outcome = await clientOf(get, set).readModel(file);
        if (run !== get().modelRun) return;
        if (!outcome.ok) {
          set({ error: outcome.error.sentence });
          return;
        }
        const model = outcome.value;
        set({
          model,
          modelFileName: name,
          applySource: null,
          applied: null,
          applyProgress: null,
          sqlText: null,
          sqlParams: { ...get().sqlParams, table: defaultSqlTable(model), id: '' },
          error: null,
        });
      } catch (error) {
        if (run === get().modelRun)
          set({ error: describeError(error, 'activityReading', { name }) });
      }
    },

    closeModel() {
      nextRun();
      if (get().applyProgress !== null) get().client?.cancel();
      set({
        model: null,
        modelFileName: null,
        applySource: null,
        applied: null,
        applyProgress: null,
        sqlText: null,
      });
    },

    async applyModelTo(file, name) {
      const { model } = get();
      if (model === null) return;
      const run = nextRun();
      const client = clientOf(get, set);
      // The file is read as the saved one was (encoding, delimiter, decimal).
      const request: FileRequest = fileRequest(file, name, restoreAnalysis(model).read);
      set({ applySource: request, applied: null, applyProgress: 0, error: null });
      // A report of progress may arrive after the result: once it is in, the bar stays gone.
      let done = false;
      const live = () => !done && run === get().modelRun;
      try {
        const outcome = await client.applySaved(request, model, (_stage, fraction) => {
          if (live()) set({ applyProgress: fraction });
        });
        if (!live()) return;
        done = true;
        if (!outcome.ok) {
          set({ applySource: null, applyProgress: null, error: outcome.error.sentence });
          return;
        }
        set({ applied: outcome.value, applyProgress: null });
      } catch (error) {
        if (!live()) return;
        done = true;
        const problem = describeError(error, 'activityReading', { name });
        set({
          applySource: null,
          applyProgress: null,
          error: problem,
          status: problem ? null : message('statusCancelled'),
        });
      }
    },

    async restoreSaved() {
      const { model, applySource } = get();
      if (model === null || applySource === null) return;
      const restored = restoreAnalysis(model);
      // The file is loaded as any file is (the model closed first, so that it is not applied
      // again), then analysed with the saved settings, at the saved k, with the saved names.
      get().closeModel();
      await get().loadFile(applySource.file, applySource.name);
      if (get().source?.file !== applySource.file || get().dataset === null) return;
      const { rfm } = restored.request;
      set({
        mode: rfm === null ? 'customers' : 'transactions',
        options: restored.request.options,
        ...(rfm === null ? {} : { rfmSettings: rfm }),
        ...(restored.rfmMap === null ? {} : { segmentMap: restored.rfmMap }),
      });
      await get().analyse();
      const { view } = get();
      if (view === null || !view.perK.some((p) => p.k === restored.k)) return;
      set({
        selectedK: restored.k,
        clusterNames: {
          view,
          byK: new Map([[restored.k, { segments: restored.names, noise: null }]]),
        },
      });
    },

    async downloadApplied(segment) {
      const { model, applySource, applied } = get();
      if (model === null || applySource === null || applied === null) return;
      try {
        save(
          await clientOf(get, set).exportApplied(
            applySource,
            model,
            segment,
            get().language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async downloadAppliedSetAside() {
      const { model, applySource, applied } = get();
      if (model === null || applySource === null || applied === null) return;
      try {
        save(
          await clientOf(get, set).exportAppliedSetAside(
            applySource,
            model,
            get().language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    setSqlParams(patch: Partial<SqlParams>) {
      set({ sqlParams: { ...get().sqlParams, ...patch }, sqlText: null });
    },

    async downloadSql() {
      const { model, sqlParams, language } = get();
      if (model === null) return;
      const table = sqlParams.table.trim() || defaultSqlTable(model);
      const id = model.rfm === null && sqlParams.id.trim().length > 0 ? sqlParams.id.trim() : null;
      try {
        const outcome = await clientOf(get, set).modelQuery(
          model,
          { dialect: sqlParams.dialect, table: table.split('.'), id },
          language,
        );
        if (!outcome.ok) {
          set({ error: outcome.error.sentence });
          return;
        }
        const sql = outcome.value;
        set({ sqlText: sql });
        const fileName = `${defaultSqlTable(model)} - ${sqlParams.dialect}.sql`;
        saveFile(new Blob([sql], { type: 'application/sql;charset=utf-8' }), fileName);
        set({ status: message('statusDownloaded', { file: fileName }) });
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },
  };
};
