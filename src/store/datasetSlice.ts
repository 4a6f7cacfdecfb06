import { message } from '../core/common/message';
import type { StateCreator } from 'zustand';
import type { ReadChoice } from '../core/session/datasetSummary';
import { fileRequest } from '../worker/analysisClient';
import type { FileRequest } from '../worker/protocol';
import { cancelScheduledAnalysis, clientOf, rememberBeforeLoad, startRun } from './control';
import { describeError } from './describeError';
import { clusterDefaultsFor } from '../core/analysis/clusterDefaults';
import { defaultOptionsFor } from './optionsSlice';
import { expectedCustomers, rfmStateFor } from './rfmSlice';
import { fetchSample } from './saveFile';
import type { DatasetSlice, State } from './types';

export const SAMPLE_CUSTOMERS = 'customers.csv';
export const SAMPLE_TRANSACTIONS = 'transactions.csv';

export const createDatasetSlice: StateCreator<State, [], [], DatasetSlice> = (set, get) => {
  /** Reads a file in the worker; on success it becomes the dataset and is analysed. */
  const isCurrentRun = (run: number) => get().run === run;
  const forgetBeforeLoad = () => set({ beforeLoad: null });

  async function load(request: FileRequest): Promise<void> {
    const client = clientOf(get, set);
    cancelScheduledAnalysis(get, set);
    rememberBeforeLoad(get, set);
    // A new file replaces whatever runs: stop it rather than queue behind it.
    if (get().phase !== 'idle' && get().phase !== 'ready') client.cancel();
    const run = startRun(get, set);
    set({
      phase: 'loading',
      progress: { stage: 'parse', fraction: 0 },
      error: null,
      status: message('statusReading', { name: request.name }),
    });
    try {
      const outcome = await client.open(request, (stage, fraction) => {
        if (isCurrentRun(run) && get().phase === 'loading') set({ progress: { stage, fraction } });
      });
      if (!isCurrentRun(run)) return;
      if (!outcome.ok) {
        forgetBeforeLoad();
        // With the file before still on the page, the refusal says which file it is about.
        const shown = get().dataset !== null;
        set({
          phase: shown ? 'ready' : 'idle',
          progress: null,
          error: shown
            ? message('pageFileNotRead', { name: request.name, reason: outcome.error.sentence })
            : outcome.error.sentence,
          status: null,
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
        status: message('statusRead', { rows: dataset.rowCount }),
      });
      await get().analyse();
    } catch (error) {
      if (!isCurrentRun(run)) return;
      forgetBeforeLoad();
      const problem = describeError(error, 'activityReading', { name: request.name });
      set({
        phase: get().dataset ? 'ready' : 'idle',
        progress: null,
        error: problem,
        status: problem ? null : message('statusCancelled'),
      });
    }
  }

  async function loadSampleFile(name: string): Promise<void> {
    try {
      const blob = await fetchSample(name);
      // With a saved analysis open, the next file is put into its segments (#17).
      if (get().model !== null) return await get().applyModelTo(blob, name);
      await load(fileRequest(blob, name, {}));
    } catch (error) {
      set({ error: describeError(error, 'activitySample') });
    }
  }

  return {
    source: null,
    dataset: null,
    loadFile: (file, name) =>
      get().model !== null ? get().applyModelTo(file, name) : load(fileRequest(file, name, {})),
    loadSample: () => loadSampleFile(SAMPLE_CUSTOMERS),
    loadSampleTransactions: () => loadSampleFile(SAMPLE_TRANSACTIONS),
    async reread(choice: ReadChoice) {
      const source = get().source;
      if (!source) return;
      await load(fileRequest(source.file, source.name, { ...source.choice, ...choice }));
    },
  };
};
