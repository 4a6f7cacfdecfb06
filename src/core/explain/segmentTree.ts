import {
  classificationReport,
  confusionMatrix,
  type ClassificationReport,
} from '../classify/classificationMetrics';
import {
  fitTree,
  nodeClass,
  prepareTreeData,
  type DecisionTree,
  type TreeData,
} from '../classify/decisionTree';
import { PART_NONE, PART_TEST, PART_TRAIN, stratifiedSplit } from '../classify/stratifiedSplit';
import type { StageProgress } from '../common/progress';
import { createRandom, sampleIndices } from '../common/random';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import { allOf, describePath, leafPaths, type FeatureDescriptor } from './featureSpace';
import type { SegmentLabels } from '../cluster/segmentLabels';

export interface ExplainInput {
  /** n x d row-major, in the user's units after cleaning (filled, clipped; before scaling and log). */
  matrix: Float64Array;
  n: number;
  d: number;
  features: FeatureDescriptor[];
  /** Segment of each row, 0..segmentCount-1; -1 for a row in none (DBSCAN noise), left out. */
  segments: SegmentLabels;
  segmentCount: number;
  /** How segments are named in rules: texts (the user's) or messages; "Segment N" by default. */
  segmentNames?: readonly (string | Message)[];
}

/** What a row is, in the rules' counts: "(36 of 39 customers)" or "(36 of 39 rows)". */
export type RowNoun = 'customers' | 'rows';

export interface ExplainOptions {
  /** Levels of splits, 1 to 6. */
  depth: number;
  /** Fewest rows in a leaf; null for max(5, 1% of the rows the tree is fitted on). */
  minRowsPerLeaf: number | null;
  testShare: number;
  seed: number;
  /** Above this many rows the tree is fitted and tested on a seeded sample of this many. */
  maxRows: number;
  rowNoun: RowNoun;
  /** Segments whose hold-out F1 is below this are reported as poorly explained. */
  poorF1: number;
}

export const DEFAULT_EXPLAIN_OPTIONS: ExplainOptions = {
  depth: 3,
  minRowsPerLeaf: null,
  testShare: 0.25,
  seed: 0,
  maxRows: 100_000,
  rowNoun: 'customers',
  poorF1: 0.7,
};

/** One leaf as a rule: "Income > 69.5 and Score <= 40.5 → Segment 3 (36 of 39 customers)". */
export interface SegmentRule {
  leaf: number;
  /** The segment the leaf predicts. */
  segment: number;
  /** Merged conditions of its path (empty for a tree that is one leaf). */
  conditions: Message[];
  /** Rows (all rows) that reach the leaf, and those of them in its segment. */
  rows: number;
  matching: number;
  text: Message;
}

export interface PoorlyExplained {
  segment: number;
  /** Its F1 on the hold-out rows. */
  f1: number;
  sentence: Message;
}

/**
 * The rows a tree is fitted and tested on (every row in a segment, or a seeded sample of them),
 * their split and their sorted features: all that does not depend on the tree's depth, so a
 * change of depth only grows another tree.
 */
export interface ExplainSample {
  /** Rows fitted and tested on (indices into the input), ascending. */
  chosen: Int32Array;
  /** All rows in a segment. */
  totalRows: number;
  /** Per input row: PART_TRAIN, PART_TEST, or PART_NONE (not sampled, or in no segment). */
  part: Uint8Array;
  /** The training rows, as indices into `chosen`. */
  train: Int32Array;
  segments: Int32Array;
  data: TreeData;
  notes: Message[];
}

export interface SegmentExplanation {
  /** Fitted on the training rows; node counts in `tree.counts` are theirs. */
  tree: DecisionTree;
  depth: number;
  minRowsPerLeaf: number;
  /** Per input row: PART_TRAIN, PART_TEST, or PART_NONE (not sampled, or in no segment). */
  part: Uint8Array;
  /** Rows fitted and tested on, and all rows in a segment. */
  sampleSize: number;
  totalRows: number;
  /** Per input row: the segment the tree gives it (-1 for a row in no segment). */
  treeSegment: Int32Array;
  /** nodeCount x segmentCount: rows of each segment reaching each node, over all rows. */
  nodeSegmentRows: Int32Array;
  /** Share of rows whose segment the tree gets right. */
  fidelity: { train: number; test: number; all: number };
  report: { test: ClassificationReport; all: ClassificationReport };
  confusion: { test: Int32Array; all: Int32Array };
  /** One rule per leaf, in node order. */
  rules: SegmentRule[];
  poorlyExplained: PoorlyExplained[];
  notes: Message[];
}

/** "Segment 0", "Segment 1", ...: the names of segments nobody has named. */
export function defaultSegmentNames(count: number): Message[] {
  return Array.from({ length: count }, (_, id) => message('explainSegmentName', { id }));
}

/**
 * Explains a segmentation with a CART tree (as scikit-learn's DecisionTreeClassifier with
 * max_depth = depth, min_samples_leaf = minRowsPerLeaf) that predicts each row's segment from
 * the features in the user's units, fitted on a seeded stratified 75% of the rows; its fidelity
 * is measured on the other 25% and on every row, and its leaves read as rules.
 */
export function explainSegments(
  input: ExplainInput,
  options: Partial<ExplainOptions> = {},
  onProgress?: StageProgress,
): SegmentExplanation {
  const settings = { ...DEFAULT_EXPLAIN_OPTIONS, ...options };
  checkSettings(settings, input.d, input.segments, input.segmentCount);
  const sample = explanationSample(input, settings);
  onProgress?.(0.3);
  return explainSample(input, sample, settings, (f) => onProgress?.(0.3 + 0.7 * f));
}

/** The rows, split and sorted features an explanation is fitted on (see ExplainSample). */
export function explanationSample(
  input: ExplainInput,
  options: Partial<Pick<ExplainOptions, 'testShare' | 'seed' | 'maxRows'>> = {},
): ExplainSample {
  const settings = { ...DEFAULT_EXPLAIN_OPTIONS, ...options };
  const { matrix, n, d, segments, segmentCount: k } = input;
  checkSettings(settings, d, segments, k);
  const notes: Message[] = [];
  let eligible = 0;
  for (let i = 0; i < n; i++) if (segments[i] >= 0) eligible++;
  const inSegment = new Int32Array(eligible);
  for (let i = 0, j = 0; i < n; i++) if (segments[i] >= 0) inSegment[j++] = i;
  const chosen =
    eligible > settings.maxRows
      ? sampleIndices(eligible, settings.maxRows, createRandom(settings.seed)).map(
          (j) => inSegment[j],
        )
      : inSegment;
  if (chosen.length < eligible)
    notes.push(message('explainSampled', { sample: chosen.length, total: eligible }));
  const m = chosen.length;
  const sample = new Float64Array(m * d);
  const sampleSegments = new Int32Array(m);
  chosen.forEach((row, j) => {
    sample.set(matrix.subarray(row * d, row * d + d), j * d);
    sampleSegments[j] = segments[row];
  });
  const split = stratifiedSplit(sampleSegments, k, settings.testShare, settings.seed);
  const part = new Uint8Array(n).fill(PART_NONE);
  chosen.forEach((row, j) => (part[row] = split.part[j]));
  return {
    chosen,
    totalRows: eligible,
    part,
    train: split.train,
    segments: sampleSegments,
    data: prepareTreeData(sample, m, d),
    notes,
  };
}

/** Grows the explanation tree on a sample and measures it on every row (see explainSegments). */
export function explainSample(
  input: ExplainInput,
  sample: ExplainSample,
  options: Partial<ExplainOptions> = {},
  onProgress?: StageProgress,
): SegmentExplanation {
  const settings = { ...DEFAULT_EXPLAIN_OPTIONS, ...options };
  const { matrix, n, d, features, segments, segmentCount: k } = input;
  checkSettings(settings, d, segments, k);
  const names = input.segmentNames ?? defaultSegmentNames(k);
  const { part } = sample;
  const minRowsPerLeaf =
    settings.minRowsPerLeaf ?? Math.max(5, Math.ceil(0.01 * sample.train.length));
  const tree = fitTree(sample.data, sample.segments, k, {
    maxDepth: settings.depth,
    minSamplesLeaf: minRowsPerLeaf,
    rows: sample.train,
  });
  onProgress?.(0.5);

  // Every row through the tree, counting who reaches each node.
  const treeSegment = new Int32Array(n).fill(-1);
  const nodeSegmentRows = new Int32Array(tree.nodeCount * k);
  const leafSegment = Int32Array.from({ length: tree.nodeCount }, (_, node) =>
    nodeClass(tree, node),
  );
  for (let i = 0; i < n; i++) {
    const segment = segments[i];
    if (segment < 0) continue;
    let node = 0;
    for (;;) {
      nodeSegmentRows[node * k + segment]++;
      const f = tree.feature[node];
      if (f < 0) break;
      node =
        Math.fround(matrix[i * d + f]) <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    }
    treeSegment[i] = leafSegment[node];
  }
  onProgress?.(0.9);

  const rowsOf = (wanted: number) => {
    let count = 0;
    for (let i = 0; i < n; i++) if (part[i] === wanted) count++;
    const rows = new Int32Array(count);
    for (let i = 0, j = 0; i < n; i++) if (part[i] === wanted) rows[j++] = i;
    return rows;
  };
  const confusion = {
    test: confusionMatrix(segments, treeSegment, k, rowsOf(PART_TEST)),
    all: confusionMatrix(segments, treeSegment, k),
  };
  const report = {
    test: classificationReport(confusion.test, k),
    all: classificationReport(confusion.all, k),
  };
  const trainReport = classificationReport(
    confusionMatrix(segments, treeSegment, k, rowsOf(PART_TRAIN)),
    k,
  );
  const rules = leafPaths(tree).map(({ leaf, steps }): SegmentRule => {
    const segment = leafSegment[leaf];
    let rows = 0;
    for (let s = 0; s < k; s++) rows += nodeSegmentRows[leaf * k + s];
    const matching = nodeSegmentRows[leaf * k + segment];
    const conditions = describePath(steps, features);
    return {
      leaf,
      segment,
      conditions,
      rows,
      matching,
      text: message('explainRule', {
        conditions: allOf(conditions),
        segment: names[segment],
        matching,
        rows,
        noun: settings.rowNoun,
      }),
    };
  });
  const poorlyExplained = poorSegments(report.test, rules, names, settings);
  onProgress?.(1);
  return {
    tree,
    depth: settings.depth,
    minRowsPerLeaf,
    part,
    sampleSize: sample.chosen.length,
    totalRows: sample.totalRows,
    treeSegment,
    nodeSegmentRows,
    fidelity: { train: trainReport.accuracy, test: report.test.accuracy, all: report.all.accuracy },
    report,
    confusion,
    rules,
    poorlyExplained,
    notes: [...sample.notes],
  };
}

function checkSettings(
  settings: Pick<ExplainOptions, 'depth' | 'minRowsPerLeaf' | 'maxRows'>,
  d: number,
  segments: SegmentLabels,
  k: number,
): void {
  const { depth, minRowsPerLeaf } = settings;
  if (!Number.isInteger(depth) || depth < 1 || depth > 6)
    throw new UserError('bad-option', 'explainDepth', { value: String(depth) });
  if (minRowsPerLeaf !== null && !(Number.isInteger(minRowsPerLeaf) && minRowsPerLeaf >= 1))
    throw new UserError('bad-option', 'explainMinRowsPerLeaf', { value: String(minRowsPerLeaf) });
  if (!(settings.maxRows >= 2))
    throw new UserError('bad-option', 'explainSampleRows', { value: String(settings.maxRows) });
  if (d === 0) throw new UserError('no-features', 'explainNoFeatures');
  const present = new Set<number>();
  for (let i = 0; i < segments.length; i++) if (segments[i] >= 0) present.add(segments[i]);
  if (present.size < 2 || k < 2) throw new UserError('too-few-segments', 'explainOneSegment');
}

/** Segments the tree explains poorly (hold-out F1 below the bar), each with what that means. */
function poorSegments(
  report: ClassificationReport,
  rules: SegmentRule[],
  names: readonly (string | Message)[],
  settings: ExplainOptions,
): PoorlyExplained[] {
  const poor: PoorlyExplained[] = [];
  for (let s = 0; s < report.f1.length; s++) {
    const f1 = report.f1[s];
    if (f1 >= settings.poorF1) continue;
    const hasRule = rules.some((rule) => rule.segment === s);
    const sentence = message(hasRule ? 'explainPoor' : 'explainNoRule', {
      name: names[s],
      f1,
      noun: settings.rowNoun,
    });
    poor.push({ segment: s, f1, sentence });
  }
  return poor;
}
