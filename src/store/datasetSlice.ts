import type { StateCreator } from 'zustand';
import type { ReadChoice } from '../worker/analysisApi';
import type { LoadRequest } from '../worker/analysisClient';
import { getAnalysisClient } from './analysisClientRef';
import { describeError } from './describeError';
import { cancelScheduledAnalysis, defaultOptionsFor } from './optionsSlice';
import { forgetBeforeLoad, isCurrentRun, rememberBeforeLoad, startRun } from './runs';
import { fetchSample } from './saveFile';
import type { DatasetSlice, State } from './types';

export const SAMPLE_CUSTOMERS = 'customers.csv';

export const createDatasetSlice: StateCreator<State, [], [], DatasetSlice> = (set, get) => {
  /** Reads a file in the worker; on success it becomes the dataset and is analysed. */
  async function load(request: LoadRequest): Promise<void> {
    const client = getAnalysisClient();
    cancelScheduledAnalysis();
    rememberBeforeLoad(get());
    // A new file replaces whatever runs: stop it rather than queue behind it.
    if (get().phase === 'loading' || get().phase === 'analysing') client.cancel();
    const run = startRun();
    set({
      phase: 'loading',
      progress: { stage: 'parse', fraction: 0 },
      error: null,
      status: `Reading ${request.name}…`,
    });
    try {
      const outcome = await client.load(request, (stage, fraction) => {
        if (isCurrentRun(run) && get().phase === 'loading') set({ progress: { stage, fraction } });
      });
      if (!isCurrentRun(run)) return;
      if (!outcome.ok) {
        forgetBeforeLoad();
        set({
          phase: get().dataset ? 'ready' : 'idle',
          progress: null,
          error: outcome.error.message,
          status: '',
        });
        return;
      }
      const dataset = outcome.value;
      set({
        source: request,
        dataset,
        options: defaultOptionsFor(dataset),
        view: null,
        viewOptions: null,
        selectedK: null,
        status: `Read ${dataset.rowCount} rows.`,
      });
      await get().analyse();
    } catch (error) {
      if (!isCurrentRun(run)) return;
      forgetBeforeLoad();
      const message = describeError(error, `reading ${request.name}`);
      set({
        phase: get().dataset ? 'ready' : 'idle',
        progress: null,
        error: message,
        status: message ? '' : 'Cancelled.',
      });
    }
  }

  return {
    source: null,
    dataset: null,
    loadFile: (file, name) => load({ file, name, choice: {} }),
    async loadSample() {
      try {
        const blob = await fetchSample(SAMPLE_CUSTOMERS);
        await load({ file: blob, name: SAMPLE_CUSTOMERS, choice: {} });
      } catch (error) {
        set({ error: describeError(error, 'loading the sample') });
      }
    },
    async reread(choice: ReadChoice) {
      const source = get().source;
      if (!source) return;
      await load({ ...source, choice: { ...source.choice, ...choice } });
    },
  };
};
