import { expose, transfer } from 'comlink';
import * as analysisApi from './analysisApi';

// The one place that speaks Comlink: the API as it is, except that analyses move their arrays.
expose({
  ...analysisApi,
  async analyze(...args: Parameters<typeof analysisApi.analyze>) {
    const outcome = await analysisApi.analyze(...args);
    return outcome.ok ? transfer(outcome, analysisApi.viewBuffers(outcome.value)) : outcome;
  },
});
