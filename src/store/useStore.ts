import { create } from 'zustand';
import { createAnalysisSlice } from './analysisSlice';
import { createDatasetSlice } from './datasetSlice';
import { createOptionsSlice } from './optionsSlice';
import { createRfmSlice } from './rfmSlice';
import type { State } from './types';

/** The page's one store, built from its slices (zustand's slices pattern). */
export const useStore = create<State>()((...args) => ({
  ...createDatasetSlice(...args),
  ...createOptionsSlice(...args),
  ...createAnalysisSlice(...args),
  ...createRfmSlice(...args),
}));

const initialState = useStore.getState();

/** Back to a fresh page (tests reset between cases). */
export function resetStore(): void {
  useStore.setState(initialState, true);
}
