import type { StateCreator } from 'zustand';
import type { ReadChoice } from '../worker/analysisApi';
import type { LoadRequest } from '../worker/analysisClient';
import { getAnalysisClient } from './analysisClientRef';
import { describeError } from './describeError';
import { cancelScheduledAnalysis, clusterDefaultsFor, defaultOptionsFor } from './optionsSlice';
import { expectedCustomers, rfmStateFor } from './rfmSlice';
import { forgetBeforeLoad, isCurrentRun, rememberBeforeLoad, startRun } from './runs';
import { fetchSample } from './saveFile';
import type { DatasetSlice, State } from './types';

export const SAMPLE_CUSTOMERS = 'customers.csv';
export const SAMPLE_TRANSACTIONS = 'transactions.csv';

export const createDatasetSlice: StateCreator<State, [], [], DatasetSlice> = (set, get) => {
  /** Reads a file in the worker; on success it becomes the dataset and is analysed. */
  async function load(request: LoadRequest): Promise<void> {
    const client = getAnalysisClient();
    cancelScheduledAnalysis();
    rememberBeforeLoad(get());
    // A new file replaces whatever runs: stop it rather than queue behind it.
    if (get().phase !== 'idle' && get().phase !== 'ready') client.cancel();
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
      const rfmState = rfmStateFor(dataset);
      const options = defaultOptionsFor(dataset);
      set({
        source: request,
        dataset,
        ...rfmState,
        options:
          rfmState.mode === 'transactions'
            ? {
                ...options,
                ...clusterDefaultsFor(expectedCustomers(dataset, rfmState.rfmSettings)),
              }
            : options,
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

  async function loadSampleFile(name: string): Promise<void> {
    try {
      const blob = await fetchSample(name);
      await load({ file: blob, name, choice: {} });
    } catch (error) {
      set({ error: describeError(error, 'loading the sample') });
    }
  }

  return {
    source: null,
    dataset: null,
    loadFile: (file, name) => load({ file, name, choice: {} }),
    loadSample: () => loadSampleFile(SAMPLE_CUSTOMERS),
    loadSampleTransactions: () => loadSampleFile(SAMPLE_TRANSACTIONS),
    async reread(choice: ReadChoice) {
      const source = get().source;
      if (!source) return;
      await load({ ...source, choice: { ...source.choice, ...choice } });
    },
  };
};
