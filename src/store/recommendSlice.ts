import type { StateCreator } from 'zustand';
import { message } from '../core/common/message';
import type { Stage } from '../core/common/progress';
import { DEFAULT_RECOMMEND_OPTIONS } from '../core/recommend/recommendOptions';
import { bestMethod } from '../core/session/recommendVerdict';
import type { RecommendRequest } from '../core/session/recommendSession';
import type { ExportFile, Outcome } from '../worker/protocol';
import { clientOf, startRun } from './control';
import { describeError } from './describeError';
import { saveFile } from './saveFile';
import { selectNamedSegmentMap } from './selectors';
import type { RecommendBasis, RecommendChoice, RecommendSlice, State } from './types';

export const DEFAULT_RECOMMEND_CHOICE: RecommendChoice = {
  ...DEFAULT_RECOMMEND_OPTIONS,
  method: 'item',
  methodPicked: false,
};

/** The options of a choice, without the method (the evaluation measures every method). */
function optionsOf({ method: _, methodPicked: __, ...options }: RecommendChoice) {
  return options;
}

/** The result's basis when it still describes the page: the same file and the same RFM. */
export function selectRecommendBasis(state: State): RecommendBasis | null {
  const result = state.recommendResult;
  if (result === null || state.rfmView === null) return null;
  if (result.source !== state.source || result.rfm !== state.rfmView.settings) return null;
  return result;
}

/** True when the settings on the form are not those of the figures on show. */
export function selectRecommendChanged(state: State): boolean {
  const basis = selectRecommendBasis(state);
  if (basis === null) return false;
  const options = optionsOf(state.recommendChoice);
  return (Object.keys(options) as (keyof typeof options)[]).some(
    (key) => options[key] !== basis.options[key],
  );
}

const requestOf = (basis: RecommendBasis): RecommendRequest => ({
  rfm: basis.rfm,
  options: basis.options,
});

/**
 * The Recommendations section: one request at a time, like the comparison (progress, cancel,
 * a result from an earlier run dropped); the evaluation first, then the items most recommended
 * per segment by the method chosen.
 */
export const createRecommendSlice: StateCreator<State, [], [], RecommendSlice> = (set, get) => {
  const isCurrentRun = (run: number) => get().run === run;

  /** Runs one request with the progress bar and Cancel; null when cancelled or superseded. */
  async function busy<T>(
    work: (onProgress: (stage: Stage, fraction: number) => void) => Promise<Outcome<T>>,
  ): Promise<T | null> {
    const run = startRun(get, set);
    const live = () => isCurrentRun(run) && get().phase === 'recommending';
    set({
      phase: 'recommending',
      progress: { stage: 'recommend', fraction: 0 },
      error: null,
      status: message('statusAnalysing'),
    });
    try {
      const outcome = await work((stage, fraction) => {
        if (live()) set({ progress: { stage, fraction } });
      });
      if (!isCurrentRun(run)) return null;
      set({ phase: 'ready', progress: null, status: null });
      if (!outcome.ok) {
        set({ error: outcome.error.sentence });
        return null;
      }
      return outcome.value;
    } catch (error) {
      if (!isCurrentRun(run)) return null;
      const problem = describeError(error, 'activityAnalysing');
      set({
        phase: 'ready',
        progress: null,
        error: problem,
        status: problem ? null : message('statusAnalysisCancelled'),
      });
      return null;
    }
  }

  /** Work may start only when nothing else runs (a change waits for the user to pause). */
  const idle = () => get().phase === 'ready' && get().scheduledAnalysis === null;

  async function loadTopItems(basis: RecommendBasis): Promise<void> {
    const { source } = get();
    if (!source) return;
    const { method } = get().recommendChoice;
    const map = selectNamedSegmentMap(get());
    const top = await busy((onProgress) =>
      clientOf(get, set).recommendTopItems(source, requestOf(basis), method, map, onProgress),
    );
    if (top !== null) set({ recommendTop: { ...top, basis } });
  }

  return {
    recommendChoice: DEFAULT_RECOMMEND_CHOICE,
    recommendResult: null,
    recommendTop: null,
    recommendLookup: null,

    setRecommendChoice(patch) {
      const before = get().recommendChoice;
      set({ recommendChoice: { ...before, ...patch } });
      // Another method: its lists follow at once, on the figures on show.
      const basis = selectRecommendBasis(get());
      if (patch.method === undefined || patch.method === before.method || basis === null) return;
      if (!idle()) return;
      void (async () => {
        await loadTopItems(basis);
        const looked = get().recommendLookup;
        if (looked !== null && looked.found && idle()) await get().lookUpCustomer(looked.id);
      })();
    },

    async evaluateRecommendations() {
      const { source, rfmView, viewRfm, viewOptions, selectedK, segmentMap } = get();
      if (!source || !rfmView || !idle()) return;
      const basis: RecommendBasis = {
        source,
        rfm: rfmView.settings,
        options: optionsOf(get().recommendChoice),
      };
      const map = selectNamedSegmentMap(get());
      // The clusters on show, when they are of these customers.
      const clusters =
        viewRfm === rfmView.settings && viewOptions !== null && selectedK !== null
          ? { clustering: viewOptions, k: selectedK }
          : null;
      const evaluated = await busy((onProgress) =>
        clientOf(get, set).recommendEvaluate(
          source,
          requestOf(basis),
          { map, clusters },
          onProgress,
        ),
      );
      if (evaluated === null) return;
      const choice = get().recommendChoice;
      set({
        // The lists follow the best method, as the command line's --out, unless the user picked one.
        ...(choice.methodPicked
          ? {}
          : { recommendChoice: { ...choice, method: bestMethod(evaluated.evaluation.methods) } }),
        recommendResult: { ...evaluated, ...basis, scheme: segmentMap.scheme },
        recommendTop: null,
        recommendLookup: null,
        status: evaluated.evaluation.verdict.sentence,
      });
      // The lists are of the figures on show (compared by identity, as the section reads them).
      const shown = get().recommendResult;
      if (shown !== null) await loadTopItems(shown);
    },

    async lookUpCustomer(id) {
      const { source } = get();
      const basis = selectRecommendBasis(get());
      if (!source || basis === null || !idle()) return;
      const { method } = get().recommendChoice;
      const map = selectNamedSegmentMap(get());
      const found = await busy((onProgress) =>
        clientOf(get, set).recommendCustomer(source, requestOf(basis), method, id, map, onProgress),
      );
      if (found !== null) set({ recommendLookup: { ...found, basis } });
    },

    async downloadRecommendations(segment) {
      const { source, language } = get();
      const basis = selectRecommendBasis(get());
      if (!source || basis === null || !idle()) return;
      const { method } = get().recommendChoice;
      const map = selectNamedSegmentMap(get());
      const file = await busy<ExportFile>((onProgress) => {
        onProgress('recommend', 0);
        return clientOf(get, set).exportRecommendations(
          source,
          requestOf(basis),
          method,
          map,
          segment,
          language,
          () => set({ status: message('statusRereadForDownload') }),
        );
      });
      if (file === null) return;
      saveFile(file.blob, file.fileName);
      set({ status: message('statusDownloaded', { file: file.fileName }) });
    },
  };
};
