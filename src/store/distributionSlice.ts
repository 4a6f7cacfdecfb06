import type { StateCreator } from 'zustand';
import type { FeatureDistribution } from '../core/profile/segmentDistribution';
import type { DistributionRequest } from '../core/session/distributionView';
import { clientOf } from './control';
import { describeError } from './describeError';
import type { DistributionSlice, State } from './types';

/** The request for a column's spread in the segments on show; null when none are. */
export function selectDistributionRequest(
  state: State,
  feature = state.distributionFeature,
): DistributionRequest | null {
  const { view, viewOptions, viewRfm, selectedK } = state;
  if (view === null || viewOptions === null || selectedK === null || feature === null) return null;
  return { segmentation: { options: viewOptions, rfm: viewRfm }, k: selectedK, feature };
}

/** The spread on show: only when it answers the current request (same options, k, column). */
export function selectDistribution(state: State): FeatureDistribution | null {
  const request = selectDistributionRequest(state);
  const known = state.distribution;
  if (request === null || known === null) return null;
  const same =
    known.request.segmentation.options === request.segmentation.options &&
    known.request.segmentation.rfm === request.segmentation.rfm &&
    known.request.k === request.k &&
    known.request.feature === request.feature;
  return same ? known.view : null;
}

export const createDistributionSlice: StateCreator<State, [], [], DistributionSlice> = (
  set,
  get,
) => {
  // Each ask supersedes the one before: an answer to an older one is dropped.
  let generation = 0;
  return {
    distributionFeature: null,
    distribution: null,
    distributionLoading: false,
    distributionError: null,
    async showDistribution(feature) {
      set({ distributionFeature: feature });
      const { source } = get();
      const request = selectDistributionRequest(get(), feature);
      if (source === null || request === null || selectDistribution(get()) !== null) return;
      const asked = ++generation;
      set({ distributionLoading: true, distributionError: null });
      try {
        const outcome = await clientOf(get, set).distribution(source, request);
        if (asked !== generation) return;
        set(
          outcome.ok
            ? { distribution: { view: outcome.value, request }, distributionLoading: false }
            : { distributionError: outcome.error.sentence, distributionLoading: false },
        );
      } catch (error) {
        if (asked !== generation) return;
        set({
          distributionLoading: false,
          distributionError: describeError(error, 'activityDistribution'),
        });
      }
    },
  };
};
