import type { StateCreator } from 'zustand';
import type { State, UpdateSlice } from './types';

/**
 * A new version of the page that the service worker installed: offered to the user, applied only
 * when they say so (never under a running analysis).
 */
export const createUpdateSlice: StateCreator<State, [], [], UpdateSlice> = (set, get) => ({
  pendingUpdate: null,
  offerUpdate(apply) {
    set({ pendingUpdate: apply });
  },
  applyUpdate() {
    const apply = get().pendingUpdate;
    set({ pendingUpdate: null });
    apply?.();
  },
});
