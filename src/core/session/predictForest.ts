import { throwIfCancelled, type CancelCheck } from '../classify/cancel';
import { prepareTreeData, singlePrecision } from '../classify/decisionTree';
import {
  describeModel,
  positiveClass,
  type PredictOptions,
  type TrainedModel,
} from '../classify/predictModels';
import {
  appendForestPart,
  ForestGrower,
  joinForestParts,
  type ForestJob,
  type ForestPart,
} from '../classify/randomForest';
import type { Split } from '../classify/stratifiedSplit';
import type { StageProgress } from '../common/progress';
import type { PredictData } from './predictData';

/**
 * Grows a forest's trees 0..job.to (in parts, on other threads, say) and hands back parts that
 * hold each tree once; joinForestParts makes them one forest, the same however they were cut.
 */
export type ForestRunner = (job: ForestJob, onProgress: StageProgress) => Promise<ForestPart[]>;

/**
 * The forest, grown by the runner given or here a few trees at a time (the thread given back with
 * `pause` in between, and `isCancelled` checked), and measured.
 */
export async function trainForest(
  data: PredictData,
  split: Split,
  settings: PredictOptions,
  onProgress: StageProgress,
  runner: ForestRunner | undefined,
  isCancelled: CancelCheck | undefined,
  pause: () => Promise<void>,
): Promise<TrainedModel> {
  const { matrix, n, d, target, classes } = data.input;
  const K = classes.length;
  onProgress(0);
  const job: ForestJob = {
    matrix,
    n,
    d,
    target,
    classCount: K,
    rows: split.train,
    trees: settings.trees,
    seed: settings.seed,
    bins: settings.forestBins,
    from: 0,
    to: settings.trees,
  };
  let parts: ForestPart[];
  if (runner !== undefined) {
    parts = await runner(job, (f) => onProgress(0.95 * f));
    throwIfCancelled(isCancelled);
  } else {
    const grower = new ForestGrower(
      prepareTreeData(matrix, n, d, { bins: settings.forestBins }),
      singlePrecision(matrix),
      target,
      K,
      split.train,
      { trees: settings.trees, seed: settings.seed },
    );
    onProgress(0.05);
    // A few trees at a time, giving the thread back in between (a cancel can come in).
    const step = Math.max(1, Math.ceil(settings.trees / 25));
    let grown: ForestPart | null = null;
    for (let from = 0; from < settings.trees; from += step) {
      await pause();
      const to = Math.min(settings.trees, from + step);
      const part = grower.part(from, to, undefined, isCancelled);
      grown = grown === null ? part : appendForestPart(grown, part);
      onProgress(0.05 + (0.9 * to) / settings.trees);
    }
    parts = [grown!];
  }
  const { predictions, importances } = joinForestParts(parts, n, K, d);
  const result = describeModel(
    'forest',
    predictions,
    importances,
    target,
    K,
    positiveClass(classes),
    split,
  );
  onProgress(1);
  return { result, tree: null, logistic: null };
}
