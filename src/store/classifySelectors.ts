import type { Cleaning } from '../core/clean/cleanOptions';
import type { DatasetSummary } from '../core/session/datasetSummary';
import { DEFAULT_EXPLAIN_DEPTH, type ExplainRequest } from '../core/session/explainRequest';
import {
  defaultPredictFeatureNames,
  predictFeatureChoices,
  predictTargets,
} from '../core/session/predictChoices';
import type { PredictRequest } from '../core/session/predictRequest';
import { MODEL_KINDS } from '../core/classify/predictModels';

/** A yes/no model's precision and recall at the threshold the user moves, and the slider's steps. */
export { metricsAtStep, THRESHOLD_STEPS } from '../core/classify/thresholdSteps';
import type { ExplainSettings, PredictSettings, State } from './types';

export const DEFAULT_EXPLAIN_SETTINGS: ExplainSettings = {
  method: 'tree',
  depth: DEFAULT_EXPLAIN_DEPTH,
  minRowsPerLeaf: null,
};

export const DEFAULT_PREDICT_SETTINGS: PredictSettings = {
  target: null,
  features: null,
  treeDepth: 5,
  trees: 100,
  testShare: 0.25,
};

/** The request that would explain the segments on show, or null when none are on show. */
export function selectExplainRequest(state: State): ExplainRequest | null {
  const { view, viewOptions, viewRfm, selectedK, explainSettings } = state;
  if (view === null || viewOptions === null || selectedK === null) return null;
  return {
    segmentation: { options: viewOptions, rfm: viewRfm },
    k: selectedK,
    method: explainSettings.method,
    depth: explainSettings.depth,
    minRowsPerLeaf: explainSettings.minRowsPerLeaf,
  };
}

/** Whether two explain requests ask the same (the segmentation's options by identity). */
export function sameExplainRequest(a: ExplainRequest, b: ExplainRequest): boolean {
  return (
    a.segmentation.options === b.segmentation.options &&
    a.segmentation.rfm === b.segmentation.rfm &&
    a.k === b.k &&
    a.method === b.method &&
    a.depth === b.depth &&
    a.minRowsPerLeaf === b.minRowsPerLeaf
  );
}

/** The explanation of the segments on show, as they are explained now; else null. */
export function selectExplanation(state: State) {
  const request = selectExplainRequest(state);
  const { explanation } = state;
  return request !== null &&
    explanation !== null &&
    sameExplainRequest(request, explanation.request)
    ? explanation
    : null;
}

/** The last result of a function of three values, kept while they stay the same objects. */
function lastOf<A, B, C, R>(compute: (a: A, b: B, c: C) => R): (a: A, b: B, c: C) => R {
  let last: { a: A; b: B; c: C; result: R } | null = null;
  return (a, b, c) => {
    if (last === null || last.a !== a || last.b !== b || last.c !== c)
      last = { a, b, c, result: compute(a, b, c) };
    return last.result;
  };
}

/** The predict panel's choices: targets, the target chosen, its feature choices and request. */
export interface PredictChoices {
  targets: string[];
  target: string | null;
  featureChoices: string[];
  request: PredictRequest | null;
}

const choicesOf = lastOf(
  (dataset: DatasetSummary | null, settings: PredictSettings, cleaning: Cleaning) => {
    const columns = dataset?.columns ?? [];
    const targets = predictTargets(columns);
    const target =
      settings.target !== null && targets.includes(settings.target)
        ? settings.target
        : (targets[0] ?? null);
    const featureChoices = predictFeatureChoices(columns, target);
    const features =
      settings.features === null
        ? defaultPredictFeatureNames(columns, target)
        : settings.features.filter((name) => featureChoices.includes(name));
    const request: PredictRequest | null =
      target === null
        ? null
        : {
            target,
            features,
            cleaning,
            models: [...MODEL_KINDS],
            testShare: settings.testShare,
            seed: 0,
            treeDepth: settings.treeDepth,
            trees: settings.trees,
          };
    return { targets, target, featureChoices, request };
  },
);

export function selectPredictChoices(state: State): PredictChoices {
  return choicesOf(state.dataset, state.predictSettings, state.options.clean);
}

const predictionOf = lastOf(
  (prediction: State['prediction'], request: PredictRequest | null, _: null) => {
    if (prediction === null) return null;
    const stale =
      request === null || JSON.stringify(request) !== JSON.stringify(prediction.request);
    return { ...prediction, stale };
  },
);

/** The prediction of this file, if any, and whether the settings changed since it was made. */
export function selectPrediction(state: State) {
  const { prediction, source } = state;
  if (prediction === null || prediction.source !== source) return null;
  return predictionOf(prediction, selectPredictChoices(state).request, null);
}
