import { nameWords } from './identifierNames';

// What a file records as the outcome to predict: `Churn`, `Exited`, `Attrition_Flag`, `Response`.
const TARGET_NAMES = new Set([
  'churn',
  'churned',
  'churn flag',
  'churn label',
  'churn value',
  'is churn',
  'is churned',
  'has churned',
  'exited',
  'attrition',
  'attrition flag',
  'attrited',
  'response',
  'responded',
  'outcome',
  'target',
  'label',
  'class',
  'converted',
  'is converted',
  'default',
  'defaulted',
  'is fraud',
  'fraud',
  'left',
  'prediction',
  'predicted',
  'pred',
  'cluster',
  'abwanderung',
  'gekündigt',
  'abandono',
  'résiliation',
]);

// What a model wrote: `churn_prob`, `predicted_class`, `y_pred`, `Naive_Bayes_Classifier_...`.
const PROBABILITY_WORDS = new Set(['prob', 'proba', 'probability', 'likelihood']);
const PREDICTION_WORDS = new Set(['pred', 'predicted', 'prediction', 'predictions', 'forecast']);
const MODEL_WORDS = new Set(['classifier', 'regressor']);
// A score of an outcome is a model's output (`churn_score`, `propensity_score`); a score of a
// customer (`Spending Score (1-100)`, `CreditScore`) is a measurement.
const OUTCOME_WORDS = new Set([
  'churn',
  'attrition',
  'propensity',
  'response',
  'conversion',
  'default',
  'fraud',
  'risk',
  'lead',
  'uplift',
  'model',
]);

// `流失`, `是否流失`, `流失概率`, `预测值`, `是否响应`, `目标`, `标签`.
const CHINESE_TARGET =
  /流失|预测|概率|^是否(?:响应|违约|购买|转化|欺诈)$|^(?:目标|标签|类别|响应|违约)$/u;

/**
 * True for a column named like the outcome to predict or a model's output: it is still profiled
 * and can still be predicted, but clustering on it would find the answer it should explain.
 * `y` counts as a target only in a file without an `x` (where it is a coordinate).
 */
export function looksLikeTargetName(name: string, otherNames: readonly string[] = []): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const joined = words.join(' ');
  if (TARGET_NAMES.has(joined)) return true;
  if (joined === 'y') return !otherNames.some((other) => nameWords(other).join(' ') === 'x');
  if (CHINESE_TARGET.test(name.normalize('NFKC').trim())) return true;
  const last = words[words.length - 1];
  if (PROBABILITY_WORDS.has(last) || PREDICTION_WORDS.has(words[0]) || PREDICTION_WORDS.has(last))
    return true;
  if (words.some((word) => MODEL_WORDS.has(word))) return true;
  if (last === 'score' && words.slice(0, -1).some((word) => OUTCOME_WORDS.has(word))) return true;
  return words[0] === 'score' && words.slice(1).some((word) => OUTCOME_WORDS.has(word));
}
