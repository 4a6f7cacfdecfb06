import type { StageProgress } from '../common/progress';
import { createRandom } from '../common/random';
import { UserError } from '../common/userError';
import {
  applyTree,
  TreeGrower,
  type DecisionTree,
  type Predictions,
  type TreeData,
} from './decisionTree';

export interface ForestOptions {
  trees: number;
  /** Features tried per split; null for floor(sqrt(d)), scikit-learn's "sqrt". */
  maxFeatures: number | null;
  /** null to grow every tree until its leaves are pure (scikit-learn's default). */
  maxDepth: number | null;
  minSamplesLeaf: number;
  seed: number;
}

export const DEFAULT_FOREST_OPTIONS: ForestOptions = {
  trees: 100,
  maxFeatures: null,
  maxDepth: null,
  minSamplesLeaf: 1,
  seed: 0,
};

export interface RandomForest {
  trees: DecisionTree[];
  classCount: number;
  featureCount: number;
}

/**
 * A random forest as scikit-learn's RandomForestClassifier: each tree is grown on a bootstrap
 * sample of the training rows (as many draws as rows, with replacement, a row drawn k times
 * weighing k), trying floor(sqrt(d)) features drawn at random at every split. Tree t draws with
 * its own generator, seeded from `seed`, so the forest is the same for the same seed. (The draws
 * are not scikit-learn's, so the trees are not its trees; the forest is as good.) Grow it on
 * prepareTreeData(..., { bins: 256 }) for speed: splits then fall between bins of values.
 */
export function fitForest(
  data: TreeData,
  target: Int32Array,
  classCount: number,
  rows: Int32Array,
  options: Partial<ForestOptions> = {},
  onProgress?: StageProgress,
): RandomForest {
  const trees: DecisionTree[] = [];
  growForest(data, target, classCount, rows, options, (tree) => trees.push(tree), onProgress);
  return { trees, classCount, featureCount: data.d };
}

/**
 * Grows the forest's trees one by one, handing each to `visit` as it is grown: a caller that
 * only needs predictions keeps one tree at a time (a fully grown tree on 100,000 rows is a few MB).
 */
export function growForest(
  data: TreeData,
  target: Int32Array,
  classCount: number,
  rows: Int32Array,
  options: Partial<ForestOptions>,
  visit: (tree: DecisionTree, index: number) => void,
  onProgress?: StageProgress,
): void {
  const settings = { ...DEFAULT_FOREST_OPTIONS, ...options };
  if (!Number.isInteger(settings.trees) || settings.trees < 1 || settings.trees > 10_000)
    throw new UserError('bad-option', 'classifyTrees', { value: String(settings.trees) });
  const maxFeatures = settings.maxFeatures ?? Math.max(1, Math.floor(Math.sqrt(data.d)));
  const seeds = createRandom(settings.seed);
  const treeSeeds = Array.from({ length: settings.trees }, () => seeds.int(0x7fffffff));
  const weights = new Float64Array(data.n);
  const m = rows.length;
  const grower = new TreeGrower(data, m);
  for (let t = 0; t < settings.trees; t++) {
    const random = createRandom(treeSeeds[t]);
    weights.fill(0);
    for (let draw = 0; draw < m; draw++) weights[rows[random.int(m)]]++;
    const tree = grower.grow(target, classCount, {
      maxDepth: settings.maxDepth,
      minSamplesLeaf: settings.minSamplesLeaf,
      maxFeatures,
      random,
      rows,
      weights,
    });
    visit(tree, t);
    // A few dozen reports at most, the last at 1.
    if ((t + 1) % Math.ceil(settings.trees / 25) === 0 || t + 1 === settings.trees)
      onProgress?.((t + 1) / settings.trees);
  }
}

/**
 * Adds one tree's class probabilities for n rows (its leaf's weighted class shares) into
 * `sums` (n x classCount): the mean over trees is predict_proba.
 */
export function addTreeProbabilities(
  tree: DecisionTree,
  matrix: Float32Array,
  n: number,
  d: number,
  sums: Float64Array,
  leaves = new Int32Array(n),
): void {
  const C = tree.classCount;
  applyTree(tree, matrix, n, d, leaves);
  for (let i = 0; i < n; i++) {
    const leaf = leaves[i];
    const total = tree.weight[leaf];
    for (let c = 0; c < C; c++) sums[i * C + c] += tree.counts[leaf * C + c] / total;
  }
}

/** Mean probabilities from summed ones, in place, and the first most probable class per row. */
export function averageProbabilities(
  sums: Float64Array,
  n: number,
  classCount: number,
  trees: number,
): Predictions {
  const classes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 0; c < classCount; c++) {
      sums[i * classCount + c] /= trees;
      if (sums[i * classCount + c] > sums[i * classCount + best]) best = c;
    }
    classes[i] = best;
  }
  return { classes, probabilities: sums };
}

/**
 * Class probabilities as predict_proba: the mean over trees of the leaf's weighted class shares;
 * the class is the first most probable one.
 */
export function predictForest(
  forest: RandomForest,
  matrix: Float32Array,
  n: number,
  d: number,
): Predictions {
  const sums = new Float64Array(n * forest.classCount);
  const leaves = new Int32Array(n);
  for (const tree of forest.trees) addTreeProbabilities(tree, matrix, n, d, sums, leaves);
  return averageProbabilities(sums, n, forest.classCount, forest.trees.length);
}
