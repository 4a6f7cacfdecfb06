import { defaultFeatures } from '../analysis/analysisOptions';
import {
  DEFAULT_PREDICT_OPTIONS,
  MODEL_KINDS,
  type ModelKind,
  type PredictOptions,
} from '../classify/predictModels';
import { DEFAULT_CLEANING, type Cleaning } from '../clean/cleanOptions';
import { UserError } from '../common/userError';
import type { AnalysisSession } from './session';

/** What to predict, from what, with which models, on which split. */
export interface PredictRequest {
  /** The column to predict: two or more classes (text, categories, 0/1, yes/no). */
  target: string;
  /** Numeric columns, and categorical ones (one-hot encoded); never the target. */
  features: string[];
  cleaning: Cleaning;
  models: ModelKind[];
  /** Share of each class kept for testing, strictly between 0 and 1. */
  testShare: number;
  seed: number;
  /** The decision tree's depth. */
  treeDepth: number;
  /** The random forest's trees. */
  trees: number;
}

/** The page's default features for a target: every usable numeric column but the target. */
export function defaultPredictFeatures(session: AnalysisSession, target: string): string[] {
  const { columns } = session;
  return defaultFeatures(
    columns,
    columns.map((c) => c.kind),
  ).filter((name) => name !== target);
}

/** The request the page starts from for a target (the defaults, the analysis's cleaning). */
export function defaultPredictRequest(session: AnalysisSession, target: string): PredictRequest {
  return {
    target,
    features: defaultPredictFeatures(session, target),
    cleaning: DEFAULT_CLEANING,
    models: [...MODEL_KINDS],
    testShare: DEFAULT_PREDICT_OPTIONS.testShare,
    seed: DEFAULT_PREDICT_OPTIONS.seed,
    treeDepth: DEFAULT_PREDICT_OPTIONS.treeDepth,
    trees: DEFAULT_PREDICT_OPTIONS.trees,
  };
}

/** The models' settings of a request, checked: one plain sentence for the first that is wrong. */
export function predictOptions(request: PredictRequest): PredictOptions {
  const { models, testShare, seed, treeDepth, trees } = request;
  for (const model of models)
    if (!MODEL_KINDS.includes(model))
      throw new UserError('bad-option', 'classifyUnknownModel', { value: String(model) });
  if (!(Number.isInteger(seed) && seed >= 0))
    throw new UserError('bad-option', 'classifySeed', { value: String(seed) });
  if (!(testShare > 0 && testShare < 1))
    throw new UserError('bad-option', 'classifyTestShare', { value: String(testShare) });
  if (!Number.isInteger(trees) || trees < 1 || trees > 10_000)
    throw new UserError('bad-option', 'classifyTrees', { value: String(trees) });
  return { ...DEFAULT_PREDICT_OPTIONS, models, testShare, seed, treeDepth, trees };
}
