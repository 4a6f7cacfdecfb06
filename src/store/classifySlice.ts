import type { StateCreator } from 'zustand';
import { message } from '../core/common/message';
import type { ExportFile, Outcome } from '../worker/protocol';
import {
  DEFAULT_EXPLAIN_SETTINGS,
  DEFAULT_PREDICT_SETTINGS,
  sameExplainRequest,
  selectExplainRequest,
  selectExplanation,
  selectPredictChoices,
  selectPrediction,
} from './classifySelectors';
import { clientOf, startRun } from './control';
import { describeError } from './describeError';
import { selectSegmentNames } from './modelSlice';
import { saveFile } from './saveFile';
import type { ClassifySlice, State } from './types';

/**
 * Explaining the segments on show (a decision tree or a threshold tree) and predicting a column
 * with three models, in the worker: progress, cancel (the Cancel button stops the run), results
 * of an earlier request dropped, errors as one sentence in the alert region.
 */
export const createClassifySlice: StateCreator<State, [], [], ClassifySlice> = (set, get, api) => {
  const isCurrentRun = (run: number) => get().run === run;
  const onReopen = () => set({ status: message('statusRereadForDownload') });
  const save = (outcome: Outcome<ExportFile>) => {
    if (!outcome.ok) {
      set({ error: outcome.error.sentence });
      return;
    }
    saveFile(outcome.value.blob, outcome.value.fileName);
    set({ status: message('statusDownloaded', { file: outcome.value.fileName }) });
  };

  // Once explained, the segments are explained again when another k or clustering is on show;
  // a new file starts without.
  api.subscribe((state, previous) => {
    if (state.source !== previous.source && state.explainWanted) set({ explainWanted: false });
    else if (
      state.explainWanted &&
      state.phase === 'ready' &&
      (state.view !== previous.view ||
        state.selectedK !== previous.selectedK ||
        state.explainSettings !== previous.explainSettings)
    )
      setTimeout(() => void get().explain(), 0);
  });

  return {
    explainSettings: DEFAULT_EXPLAIN_SETTINGS,
    explainWanted: false,
    explanation: null,
    predictSettings: DEFAULT_PREDICT_SETTINGS,
    prediction: null,
    classifyProgress: null,

    setExplainSettings(patch) {
      set({ explainSettings: { ...get().explainSettings, ...patch } });
    },

    async explain() {
      const { source, phase } = get();
      const request = selectExplainRequest(get());
      if (!source || request === null || phase !== 'ready') return;
      if (selectExplanation(get()) !== null) return;
      const run = startRun(get, set);
      set({
        phase: 'explaining',
        explainWanted: true,
        classifyProgress: { step: 'explain', fraction: 0 },
        error: null,
      });
      const live = () => isCurrentRun(run) && get().phase === 'explaining';
      try {
        const outcome = await clientOf(get, set).explain(source, request, (step, fraction) => {
          if (live()) set({ classifyProgress: { step, fraction } });
        });
        if (!isCurrentRun(run)) return;
        if (!outcome.ok) {
          set({
            phase: 'ready',
            classifyProgress: null,
            explainWanted: false,
            error: outcome.error.sentence,
          });
          return;
        }
        set({
          phase: 'ready',
          classifyProgress: null,
          explanation: { view: outcome.value, request },
        });
        // The segments on show may have changed meanwhile.
        const now = selectExplainRequest(get());
        if (get().explainWanted && now !== null && !sameExplainRequest(now, request))
          void get().explain();
      } catch (error) {
        const problem = describeError(error, 'activityAnalysing');
        set({ explainWanted: false });
        if (!isCurrentRun(run)) return;
        set({ phase: 'ready', classifyProgress: null, error: problem });
      }
    },

    setPredictTarget(target) {
      // A new target starts from its own default features.
      set({ predictSettings: { ...get().predictSettings, target, features: null } });
    },

    setPredictFeature(column, used) {
      const { request } = selectPredictChoices(get());
      const current = request?.features ?? [];
      const features = used
        ? [...current.filter((name) => name !== column), column]
        : current.filter((name) => name !== column);
      set({ predictSettings: { ...get().predictSettings, features } });
    },

    setPredictSettings(patch) {
      set({ predictSettings: { ...get().predictSettings, ...patch } });
    },

    async predict() {
      const { source, phase, view, viewOptions, viewRfm, selectedK } = get();
      const { request } = selectPredictChoices(get());
      if (!source || request === null || phase !== 'ready') return;
      // Rates per segment, for a segmentation of the file's rows on show.
      const segments =
        view !== null && viewOptions !== null && selectedK !== null && viewRfm === null
          ? { segmentation: { options: viewOptions, rfm: null }, k: selectedK }
          : null;
      const run = startRun(get, set);
      set({ phase: 'predicting', classifyProgress: { step: 'prepare', fraction: 0 }, error: null });
      const live = () => isCurrentRun(run) && get().phase === 'predicting';
      try {
        const outcome = await clientOf(get, set).predict(
          source,
          request,
          segments,
          (step, fraction) => {
            if (live()) set({ classifyProgress: { step, fraction } });
          },
        );
        if (!isCurrentRun(run)) return;
        if (!outcome.ok) {
          set({ phase: 'ready', classifyProgress: null, error: outcome.error.sentence });
          return;
        }
        set({
          phase: 'ready',
          classifyProgress: null,
          prediction: { answer: outcome.value, request, source },
        });
      } catch (error) {
        if (!isCurrentRun(run)) return;
        set({
          phase: 'ready',
          classifyProgress: null,
          error: describeError(error, 'activityAnalysing'),
        });
      }
    },

    async downloadExplained() {
      const { source } = get();
      const explanation = selectExplanation(get());
      if (!source || explanation === null) return;
      try {
        save(
          await clientOf(get, set).exportExplained(
            source,
            explanation.request,
            get().language,
            onReopen,
            // The names the user gave the segments (#18), as every export carries them.
            selectSegmentNames(get()),
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async downloadPredictions() {
      const { source } = get();
      const prediction = selectPrediction(get());
      if (!source || prediction === null) return;
      try {
        save(
          await clientOf(get, set).exportPredictions(
            source,
            prediction.request,
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
