import { message } from '../core/common/message';
import type { StateCreator } from 'zustand';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { Stage } from '../core/common/progress';
import type { RfmSettings } from '../core/rfm/rfm';
import { cancelScheduledAnalysis, clientOf, startRun, stopRuns, takeBeforeLoad } from './control';
import { describeError } from './describeError';
import { saveFile } from './saveFile';
import { selectNamedSegmentMap, selectRfmBlocker } from './selectors';
import { segmentMapProblem } from '../core/rfm/rfmSegments';
import { selectSegmentNames } from './modelSlice';
import type { AnalysisSlice, State } from './types';
import type { ExportFile, Outcome } from '../worker/protocol';

export const createAnalysisSlice: StateCreator<State, [], [], AnalysisSlice> = (set, get) => {
  const isCurrentRun = (run: number) => get().run === run;
  const forgetBeforeLoad = () => set({ beforeLoad: null });
  /** Told when a cancelled worker must read the file again to prepare a download. */
  const onReopen = () => set({ status: message('statusRereadForDownload') });
  /** Saves a download the worker prepared, or says why it could not. */
  const save = (outcome: Outcome<ExportFile>) => {
    if (!outcome.ok) {
      set({ error: outcome.error.sentence });
      return;
    }
    saveFile(outcome.value.blob, outcome.value.fileName);
    set({ status: message('statusDownloaded', { file: outcome.value.fileName }) });
  };
  return {
    phase: 'idle',
    progress: null,
    partialElbow: [],
    view: null,
    viewOptions: null,
    selectedK: null,
    scatterAxes: ['pc1', 'pc2'],
    metric: 'silhouette',
    comparison: null,
    error: null,
    warning: null,
    status: null,

    async analyse() {
      const { source, options, mode, rfmSettings } = get();
      if (!source) return;
      cancelScheduledAnalysis(get, set);
      const client = clientOf(get, set);
      // One analysis at a time: a newer request replaces a running one.
      const { phase } = get();
      if (phase === 'analysing' || phase === 'comparing' || phase === 'recommending')
        client.cancel();
      const blocker = mode === 'transactions' ? selectRfmBlocker(get()) : null;
      if (blocker !== null) {
        // The mapping form says what is missing; nothing runs until it is there.
        stopRuns(get, set);
        forgetBeforeLoad();
        set({ phase: 'ready', progress: null, status: blocker });
        return;
      }
      const run = startRun(get, set);
      set({
        phase: 'analysing',
        progress: { stage: mode === 'transactions' ? 'rfm' : 'infer', fraction: 0 },
        partialElbow: [],
        error: null,
        status: message('statusAnalysing'),
      });
      const live = () => isCurrentRun(run) && get().phase === 'analysing';
      const elbowPoints = batchElbowPoints((points) => {
        if (live())
          set({ partialElbow: [...get().partialElbow, ...points].sort((a, b) => a.k - b.k) });
      });
      // Progress has its own channel: late messages must not outlive the run.
      const onProgress = (stage: Stage, fraction: number) => {
        if (live()) set({ progress: { stage, fraction } });
      };
      try {
        let rfm: RfmSettings | null = null;
        if (mode === 'transactions') {
          const rfmOutcome = await client.rfm(source, rfmSettings, onProgress);
          if (!isCurrentRun(run)) return;
          if (!rfmOutcome.ok) {
            elbowPoints.stop();
            forgetBeforeLoad();
            set({
              phase: 'ready',
              progress: null,
              rfmView: null,
              rfmPage: null,
              error: rfmOutcome.error.sentence,
              status: null,
            });
            return;
          }
          rfm = rfmSettings;
          // Settings by identity, as the store compares them (the worker's copy is a clone).
          const rfmView = { ...rfmOutcome.value, settings: rfmSettings };
          // The RFM tables show now; the clustering of the customers follows.
          set({
            rfmView,
            rfmPage: null,
            status: message('statusRfmDone', { customers: rfmView.customers }),
          });
          void get().loadRfmPage();
        }
        const outcome = await client.segmentation(source, { options, rfm }, onProgress, (point) =>
          elbowPoints.add(point),
        );
        elbowPoints.stop();
        if (!isCurrentRun(run)) return;
        forgetBeforeLoad();
        if (!outcome.ok) {
          set({ phase: 'ready', progress: null, error: outcome.error.sentence, status: null });
          return;
        }
        const view = outcome.value;
        const previousK = get().selectedK;
        // DBSCAN and a height cut decide the number of segments; otherwise the user's k stays.
        // A new algorithm starts from its own recommendation.
        const decided =
          view.algorithm === 'dbscan' ||
          view.hierarchy?.cutHeight != null ||
          get().view?.algorithm !== view.algorithm;
        const selectedK =
          !decided && previousK !== null && view.perK.some((p) => p.k === previousK)
            ? previousK
            : view.k;
        const axisIds = new Set(view.axes.map((a) => a.id));
        const [x, y] = get().scatterAxes;
        const scatterAxes: [string, string] =
          axisIds.has(x) && axisIds.has(y)
            ? [x, y]
            : [view.axes[0]?.id ?? 'pc1', view.axes[1]?.id ?? view.axes[0]?.id ?? 'pc1'];
        set({
          phase: 'ready',
          progress: null,
          view,
          viewOptions: options,
          viewRfm: rfm,
          warning: view.kRangeNote,
          selectedK,
          scatterAxes,
          comparison: null,
          status:
            view.algorithm === 'dbscan'
              ? message('statusDoneDbscan', { k: view.k })
              : message('statusDoneRecommended', { k: view.recommendation.k }),
        });
      } catch (error) {
        elbowPoints.stop();
        if (!isCurrentRun(run)) return;
        const problem = describeError(error, 'activityAnalysing');
        set({
          phase: 'ready',
          progress: null,
          error: problem,
          status: problem ? null : message('statusAnalysisCancelled'),
        });
      }
    },

    cancel() {
      stopRuns(get, set);
      cancelScheduledAnalysis(get, set);
      clientOf(get, set).cancel();
      // Cancelling a new file brings back the page as it was before it.
      const before = takeBeforeLoad(get, set);
      const view = before ? before.view : get().view;
      const dataset = before ? before.dataset : get().dataset;
      // The progress goes at once; the earlier results (charts to draw again) follow in a task of
      // their own, so that the answer to the click is not held up by drawing them.
      set({
        phase: view || dataset ? 'ready' : 'idle',
        progress: null,
        status: message(view ? 'statusCancelledKeeping' : 'statusCancelled'),
      });
      if (before) {
        const run = startRun(get, set);
        setTimeout(() => {
          if (isCurrentRun(run)) set(before);
        }, 0);
      }
    },

    selectK(k) {
      set({ selectedK: k });
    },

    setScatterAxes(x, y) {
      set({ scatterAxes: [x, y] });
    },

    setMetric(metric) {
      set({ metric });
    },

    async compareAlgorithms() {
      const { source, viewOptions, viewRfm, selectedK, phase } = get();
      if (!source || !viewOptions || selectedK === null || phase !== 'ready') return;
      const run = startRun(get, set);
      const live = () => isCurrentRun(run) && get().phase === 'comparing';
      set({
        phase: 'comparing',
        progress: { stage: 'clean', fraction: 0 },
        error: null,
        status: message('statusComparing'),
      });
      // k-means and hierarchical get the k on show, unless DBSCAN chose it.
      const k =
        viewOptions.algorithm === 'dbscan'
          ? (get().view?.recommendation.k ?? selectedK)
          : selectedK;
      try {
        const outcome = await clientOf(get, set).compare(
          source,
          { options: viewOptions, rfm: viewRfm },
          Math.max(2, k),
          (stage, fraction) => {
            if (live()) set({ progress: { stage, fraction } });
          },
        );
        if (!isCurrentRun(run)) return;
        if (!outcome.ok) {
          set({ phase: 'ready', progress: null, error: outcome.error.sentence, status: null });
          return;
        }
        set({
          phase: 'ready',
          progress: null,
          comparison: { result: outcome.value, options: viewOptions, k: Math.max(2, k) },
          status: message('statusCompared'),
        });
      } catch (error) {
        if (!isCurrentRun(run)) return;
        const problem = describeError(error, 'activityComparing');
        set({
          phase: 'ready',
          progress: null,
          error: problem,
          status: problem ? null : message('statusComparisonCancelled'),
        });
      }
    },

    async downloadSegments(segment) {
      const { source, viewOptions, viewRfm, selectedK } = get();
      if (!source || !viewOptions || selectedK === null || viewRfm !== null) return;
      try {
        save(
          // With the names the user gave the segments (#17).
          await clientOf(get, set).exportNamedSegments(
            source,
            { options: viewOptions, rfm: null },
            selectedK,
            segment,
            selectSegmentNames(get()),
            get().exportDialect,
            get().language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async downloadCleaningReport() {
      const { source, viewOptions, viewRfm } = get();
      if (!source || !viewOptions || viewRfm !== null) return;
      try {
        save(
          await clientOf(get, set).exportCleaningReport(
            source,
            { options: viewOptions, rfm: null },
            get().language,
            onReopen,
            get().exportDialect,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityCleaningReport') });
      }
    },

    // The HTML report (#18): the segmentation on show, and RFM with the page's segment map.
    async downloadReport() {
      const state = get();
      const { source, viewOptions, viewRfm, selectedK, rfmView, mode, language } = state;
      if (!source) return;
      const rfm = mode === 'transactions' ? rfmView : null;
      if (mode === 'transactions' && rfm === null) return;
      if (mode === 'customers' && (viewOptions === null || viewRfm !== null)) return;
      const rfmMap = rfm === null ? undefined : selectNamedSegmentMap(state);
      const problem = rfmMap === undefined ? null : segmentMapProblem(rfmMap);
      if (problem !== null) {
        set({ error: problem });
        return;
      }
      // In RFM, the clusters go in when those on show are of these customers.
      const clustered =
        viewOptions !== null && selectedK !== null && (rfm === null || viewRfm === rfm.settings);
      try {
        save(
          await clientOf(get, set).reportHtml(
            source,
            {
              segmentation: clustered ? { options: viewOptions, rfm: rfm?.settings ?? null } : null,
              k: clustered ? selectedK : null,
              rfm: rfm?.settings ?? null,
              rfmMap,
              segmentNames: clustered ? selectSegmentNames(state).segments : [],
              noiseName: clustered ? selectSegmentNames(state).noise : null,
            },
            language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityReport') });
      }
    },

    dismissError() {
      set({ error: null });
    },

    prepare() {
      clientOf(get, set).prepare?.();
    },
  };
};

/**
 * Elbow points as they arrive, shown in batches: none in the first second (a quick analysis
 * then shows its finished results straight away), then at most every 300 ms, since each update
 * redraws the chart on the main thread.
 */
function batchElbowPoints(show: (points: ElbowPoint[]) => void) {
  const pending: ElbowPoint[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const started = Date.now();
  const flush = () => {
    timer = null;
    if (pending.length > 0) show(pending.splice(0));
  };
  return {
    add(point: ElbowPoint) {
      pending.push(point);
      if (timer === null) timer = setTimeout(flush, Math.max(300, 1000 - (Date.now() - started)));
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
