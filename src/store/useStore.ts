import { create } from 'zustand';
import type { AnalysisClient } from '../worker/analysisClient';
import { createAnalysisSlice } from './analysisSlice';
import { createClassifySlice } from './classifySlice';
import { createBasketsSlice } from './basketsSlice';
import { INITIAL_CONTROL } from './control';
import { createDatasetSlice } from './datasetSlice';
import { createLanguageSlice } from './languageSlice';
import { createOptionsSlice } from './optionsSlice';
import { createRecommendSlice } from './recommendSlice';
import { createRfmSlice } from './rfmSlice';
import { createUpdateSlice } from './updateSlice';
import type { State } from './types';
import { createValueSlice } from './valueSlice';
import { createModelSlice } from './modelSlice';
import { createDistributionSlice } from './distributionSlice';

/** The page's one store, built from its slices (zustand's slices pattern). */
export const useStore = create<State>()((...args) => ({
  ...INITIAL_CONTROL,
  ...createLanguageSlice(...args),
  ...createClassifySlice(...args),
  ...createUpdateSlice(...args),
  ...createDatasetSlice(...args),
  ...createRecommendSlice(...args),
  ...createOptionsSlice(...args),
  ...createAnalysisSlice(...args),
  ...createRfmSlice(...args),
  ...createBasketsSlice(...args),
  ...createValueSlice(...args),
  ...createModelSlice(...args),
  ...createDistributionSlice(...args),
}));

const initialState = useStore.getState();

/**
 * Back to a fresh page, everything included (tests reset between cases): a pending re-analysis
 * is stopped, and the page talks to `client` (a fresh worker on first use when none is given).
 */
export function resetStore(client: AnalysisClient | null = null): void {
  const { scheduledAnalysis } = useStore.getState();
  if (scheduledAnalysis !== null) clearTimeout(scheduledAnalysis);
  useStore.setState({ ...initialState, client }, true);
}
