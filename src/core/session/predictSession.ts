import { throwIfCancelled, type CancelCheck } from '../classify/cancel';
import {
  checkInput,
  MODEL_KINDS,
  trainModel,
  type ModelKind,
  type PredictOptions,
  type TrainedModel,
} from '../classify/predictModels';
import { stratifiedSplit, type Split } from '../classify/stratifiedSplit';
import type { StageProgress } from '../common/progress';
import { predictDataKey, preparePredictData, type PredictData } from './predictData';
import { pacer } from './pacer';
import { trainForest, type ForestRunner } from './predictForest';
import { predictOptions, type PredictRequest } from './predictRequest';
import { describeView, type PredictView } from './predictViews';
import type { AnalysisSession } from './session';
import { StageCache, stageKey } from './stageCache';

/** How predictView reports progress: preparing the rows, then each model from 0 to 1. */
export type PredictProgress = (step: ModelKind | 'prepare', fraction: number) => void;

export interface PredictControl {
  /** Checked between models and between a few trees: once true, the work stops (WorkCancelled). */
  isCancelled?: CancelCheck;
  /** Where the forest grows; by default here, a few trees at a time. */
  forest?: ForestRunner;
}

interface PredictCaches {
  data: StageCache<PredictData>;
  models: StageCache<{ model: TrainedModel; ms: number }>;
  views: StageCache<PredictView>;
}

const cachesOf = new WeakMap<AnalysisSession, PredictCaches>();

function caches(session: AnalysisSession): PredictCaches {
  let known = cachesOf.get(session);
  if (known === undefined) {
    known = { data: new StageCache(1), models: new StageCache(6), views: new StageCache(2) };
    cachesOf.set(session, known);
  }
  return known;
}

/** Forgets every prediction of a session (to free memory; the next request trains again). */
export function forgetPredictions(session: AnalysisSession): void {
  cachesOf.delete(session);
}

/**
 * Predicting a column, as the page shows it: the chosen models trained on one seeded stratified
 * split of the cleaned rows whose target is known, each with its figures on the test rows,
 * ROC and threshold table (binary targets), confusion matrix and named importances. Each model
 * is trained once per request parts that decide it (a change of tree depth retrains the tree
 * only). Between models and every few trees the thread is given back for a moment, so a worker
 * can take a cancel, and `control.isCancelled` is checked.
 */
export async function predictView(
  session: AnalysisSession,
  request: PredictRequest,
  onProgress?: PredictProgress,
  control: PredictControl = {},
): Promise<PredictView> {
  const cache = caches(session);
  const viewKey = stageKey(request);
  const known = cache.views.get(viewKey);
  if (known !== undefined) return known;
  const data = predictData(session, request, (f) => onProgress?.('prepare', f));
  const { split, models } = await trainedModels(session, request, data, onProgress, control);
  const view = describeView(session, request, data, split, models);
  return cache.views.set(viewKey, view);
}

/** The models of a request, each trained once (shared by the view, the export and the rates). */
export async function trainedModels(
  session: AnalysisSession,
  request: PredictRequest,
  data: PredictData = predictData(session, request),
  onProgress?: PredictProgress,
  control: PredictControl = {},
): Promise<{ split: Split; models: { model: TrainedModel; ms: number }[] }> {
  const settings = predictOptions(request);
  checkInput(data.input, settings);
  const split = stratifiedSplit(
    data.input.target,
    data.input.classes.length,
    settings.testShare,
    settings.seed,
  );
  const cache = caches(session).models;
  const pause = pacer();
  const models: { model: TrainedModel; ms: number }[] = [];
  for (const kind of MODEL_KINDS) {
    if (!request.models.includes(kind)) continue;
    await pause();
    throwIfCancelled(control.isCancelled);
    const key = stageKey(
      data.key,
      kind,
      settings.testShare,
      settings.seed,
      modelSetting(kind, settings),
    );
    let trained = cache.get(key);
    if (trained === undefined) {
      const progress = (f: number) => onProgress?.(kind, f);
      const started = Date.now();
      const model =
        kind === 'forest'
          ? await trainForest(
              data,
              split,
              settings,
              progress,
              control.forest,
              control.isCancelled,
              pause,
            )
          : trainModel(kind, data.input, split, settings, progress, control.isCancelled);
      trained = cache.set(key, { model, ms: Date.now() - started });
    } else {
      onProgress?.(kind, 1);
      trained = { model: trained.model, ms: 0 };
    }
    models.push(trained);
  }
  return { split, models };
}

function modelSetting(kind: ModelKind, settings: PredictOptions): number | null {
  return kind === 'tree' ? settings.treeDepth : kind === 'forest' ? settings.trees : null;
}

/**
 * A request's rows, features and target (preparePredictData), kept for the last target, features
 * and cleaning asked for; other data makes the session let go of the models and views it kept.
 */
export function predictData(
  session: AnalysisSession,
  request: PredictRequest,
  onProgress?: StageProgress,
): PredictData {
  const cache = caches(session);
  return cache.data.obtain(predictDataKey(request), () => {
    // New data: the models and views of the previous data go (one data is kept at a time).
    cache.models.clear();
    cache.views.clear();
    return preparePredictData(session, request, onProgress);
  });
}
