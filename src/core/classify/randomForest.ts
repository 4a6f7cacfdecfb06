import type { StageProgress } from '../common/progress';
import { createRandom } from '../common/random';
import { UserError } from '../common/userError';
import { throwIfCancelled, type CancelCheck } from './cancel';
import {
  applyTree,
  prepareTreeData,
  singlePrecision,
  TreeGrower,
  type DecisionTree,
  type Predictions,
  type TreeData,
} from './decisionTree';
import { treeImportances } from './featureImportance';

/**
 * A tree's class shares are added in units of 2^-32 (each rounded once): the sums are then whole
 * numbers, exact in any order, so trees grown in parts (on two threads) join into the very same
 * forest as trees grown in one go. (2^-32 is far below any difference a probability shows.)
 */
export const SHARE_UNIT = 2 ** 32;

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
  const settings = checkForest(options);
  const grow = treeSource(data, target, classCount, rows, settings);
  for (let t = 0; t < settings.trees; t++) {
    visit(grow(t), t);
    // A few dozen reports at most, the last at 1.
    if ((t + 1) % Math.ceil(settings.trees / 25) === 0 || t + 1 === settings.trees)
      onProgress?.((t + 1) / settings.trees);
  }
}

function checkForest(options: Partial<ForestOptions>): ForestOptions {
  const settings = { ...DEFAULT_FOREST_OPTIONS, ...options };
  if (!Number.isInteger(settings.trees) || settings.trees < 1 || settings.trees > 10_000)
    throw new UserError('bad-option', 'classifyTrees', { value: String(settings.trees) });
  return settings;
}

/**
 * Tree t of the forest, for any t in any order: it draws with its own generator, seeded from the
 * forest's seed and its index (the t-th draw of createRandom(seed)), on a bootstrap of the rows.
 */
function treeSource(
  data: TreeData,
  target: Int32Array,
  classCount: number,
  rows: Int32Array,
  settings: ForestOptions,
): (t: number) => DecisionTree {
  const maxFeatures = settings.maxFeatures ?? Math.max(1, Math.floor(Math.sqrt(data.d)));
  const seeds = createRandom(settings.seed);
  const treeSeeds = Array.from({ length: settings.trees }, () => seeds.int(0x7fffffff));
  const weights = new Float64Array(data.n);
  const m = rows.length;
  const grower = new TreeGrower(data, m);
  return (t) => {
    const random = createRandom(treeSeeds[t]);
    weights.fill(0);
    for (let draw = 0; draw < m; draw++) weights[rows[random.int(m)]]++;
    return grower.grow(target, classCount, {
      maxDepth: settings.maxDepth,
      minSamplesLeaf: settings.minSamplesLeaf,
      maxFeatures,
      random,
      rows,
      weights,
    });
  };
}

/** Trees from..to of a forest, as a thread hands them back to be joined (see joinForestParts). */
export interface ForestPart {
  from: number;
  to: number;
  /** n x classCount: the part's trees' class shares of every row, summed in SHARE_UNITs. */
  sums: Float64Array;
  /** (to - from) x d: each tree's importances (0 for a tree that is one leaf). */
  importances: Float64Array;
  /** Per tree: 1 if it splits at all (a single leaf says nothing of importance). */
  splits: Uint8Array;
}

/**
 * What another thread needs to grow trees from..to of the same forest: plain arrays (structured
 * clone), the features in the user's units; it sorts them itself (see forestPartOf).
 */
export interface ForestJob {
  matrix: Float64Array;
  n: number;
  d: number;
  target: Int32Array;
  classCount: number;
  /** The training rows. */
  rows: Int32Array;
  trees: number;
  seed: number;
  /** Bins of values trees split between (prepareTreeData's bins). */
  bins: number;
  from: number;
  to: number;
}

/**
 * Grows a forest's trees part by part on one thread: the same data, generator seeds and buffers
 * for every part, so a caller can grow a few trees at a time and check for a cancel between.
 */
export class ForestGrower {
  private readonly settings: ForestOptions;
  private readonly grow: (t: number) => DecisionTree;
  private readonly n: number;
  private readonly d: number;

  constructor(
    data: TreeData,
    private readonly single: Float32Array,
    target: Int32Array,
    private readonly classCount: number,
    rows: Int32Array,
    options: Partial<ForestOptions>,
  ) {
    this.settings = checkForest(options);
    this.grow = treeSource(data, target, classCount, rows, this.settings);
    this.n = data.n;
    this.d = data.d;
  }

  get trees(): number {
    return this.settings.trees;
  }

  /** Trees from..to (checking isCancelled before each); progress is the part's own, 0 to 1. */
  part(
    from: number,
    to: number,
    onProgress?: StageProgress,
    isCancelled?: CancelCheck,
  ): ForestPart {
    const { n, d, classCount } = this;
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to))
      throw new Error(`trees ${from}..${to} are not a part of a forest`);
    if (to > this.settings.trees)
      throw new Error(`the forest has ${this.settings.trees} trees, not ${to}`);
    const part: ForestPart = {
      from,
      to,
      sums: new Float64Array(n * classCount),
      importances: new Float64Array((to - from) * d),
      splits: new Uint8Array(to - from),
    };
    const leaves = new Int32Array(n);
    const every = Math.ceil((to - from) / 25);
    for (let t = from; t < to; t++) {
      throwIfCancelled(isCancelled);
      const tree = this.grow(t);
      addTreeProbabilities(tree, this.single, n, d, part.sums, leaves);
      if (tree.nodeCount > 1) {
        part.importances.set(treeImportances(tree), (t - from) * d);
        part.splits[t - from] = 1;
      }
      if ((t + 1 - from) % every === 0 || t + 1 === to) onProgress?.((t + 1 - from) / (to - from));
    }
    return part;
  }
}

/**
 * Two adjacent parts as one (trees a.from..b.to): the sums added into `a`'s (whole numbers, so
 * exact), the trees' importances one after the other. Lets a caller grow a forest a few trees at
 * a time without keeping every part.
 */
export function appendForestPart(a: ForestPart, b: ForestPart): ForestPart {
  if (a.to !== b.from)
    throw new Error(`trees ${a.from}..${a.to} and ${b.from}..${b.to} do not meet`);
  for (let j = 0; j < a.sums.length; j++) a.sums[j] += b.sums[j];
  const importances = new Float64Array(a.importances.length + b.importances.length);
  importances.set(a.importances);
  importances.set(b.importances, a.importances.length);
  const splits = new Uint8Array(a.splits.length + b.splits.length);
  splits.set(a.splits);
  splits.set(b.splits, a.splits.length);
  return { from: a.from, to: b.to, sums: a.sums, importances, splits };
}

/** Trees from..to of a job's forest, on this thread (a worker's half of the forest). */
export function forestPartOf(
  job: ForestJob,
  onProgress?: StageProgress,
  isCancelled?: CancelCheck,
): ForestPart {
  const { matrix, n, d, target, classCount, rows, trees, seed, bins } = job;
  const data = prepareTreeData(matrix, n, d, { bins });
  const grower = new ForestGrower(data, singlePrecision(matrix), target, classCount, rows, {
    trees,
    seed,
  });
  return grower.part(job.from, job.to, onProgress, isCancelled);
}

/**
 * The forest of parts that together hold each of its trees once: its class probabilities (the
 * mean of the trees' class shares) and classes, and its importances (the mean of the splitting
 * trees', in tree order, normalised). The same whether grown in one part or several.
 */
export function joinForestParts(
  parts: readonly ForestPart[],
  n: number,
  classCount: number,
  d: number,
): { predictions: Predictions; importances: Float64Array } {
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  let trees = 0;
  for (const part of ordered) {
    if (part.from !== trees) throw new Error(`the forest's parts leave out trees from ${trees}`);
    trees = part.to;
  }
  if (trees === 0) throw new Error('a forest needs at least one tree');
  const sums = new Float64Array(n * classCount);
  for (const part of ordered) for (let j = 0; j < sums.length; j++) sums[j] += part.sums[j];
  const importanceSum = new Float64Array(d);
  let splitting = 0;
  for (const part of ordered)
    for (let t = 0; t < part.to - part.from; t++) {
      if (part.splits[t] === 0) continue;
      for (let f = 0; f < d; f++) importanceSum[f] += part.importances[t * d + f];
      splitting++;
    }
  // As forestImportances: the mean of the splitting trees', normalised.
  const total = importanceSum.reduce((a, b) => a + b, 0);
  const importances = importanceSum.map((sum) => (splitting > 0 && total > 0 ? sum / total : 0));
  return { predictions: averageProbabilities(sums, n, classCount, trees), importances };
}

/**
 * Adds one tree's class probabilities for n rows (its leaf's weighted class shares, in
 * SHARE_UNITs) into `sums` (n x classCount): their mean over trees is predict_proba.
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
  const shares = new Float64Array(tree.nodeCount * C);
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.feature[node] >= 0) continue;
    const total = tree.weight[node];
    for (let c = 0; c < C; c++)
      shares[node * C + c] = Math.round((tree.counts[node * C + c] / total) * SHARE_UNIT);
  }
  applyTree(tree, matrix, n, d, leaves);
  for (let i = 0; i < n; i++) {
    const leaf = leaves[i];
    for (let c = 0; c < C; c++) sums[i * C + c] += shares[leaf * C + c];
  }
}

/**
 * Mean probabilities from summed ones (in SHARE_UNITs), in place, and the first most probable
 * class per row.
 */
export function averageProbabilities(
  sums: Float64Array,
  n: number,
  classCount: number,
  trees: number,
): Predictions {
  const classes = new Int32Array(n);
  const scale = trees * SHARE_UNIT;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 0; c < classCount; c++) {
      sums[i * classCount + c] /= scale;
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
