import {
  classificationReport,
  confusionMatrix,
  type ClassificationReport,
} from '../classify/classificationMetrics';
import { fitTree, nodeClass, prepareTreeData, type DecisionTree } from '../classify/decisionTree';
import { PART_NONE, PART_TEST, PART_TRAIN, stratifiedSplit } from '../classify/stratifiedSplit';
import type { StageProgress } from '../common/progress';
import { createRandom, sampleIndices } from '../common/random';
import { UserError } from '../common/userError';
import { describePath, leafPaths, type FeatureDescriptor } from './featureSpace';

export interface ExplainInput {
  /** n x d row-major, in the user's units after cleaning (filled, clipped; before scaling and log). */
  matrix: Float64Array;
  n: number;
  d: number;
  features: FeatureDescriptor[];
  /** Segment of each row, 0..segmentCount-1; -1 for a row in none (DBSCAN noise), left out. */
  segments: Int32Array;
  segmentCount: number;
  /** How segments are named in rules; "segment 0", "segment 1", ... by default. */
  segmentNames?: string[];
}

export interface ExplainOptions {
  /** Levels of splits, 1 to 6. */
  depth: number;
  /** Fewest rows in a leaf; null for max(5, 1% of the rows the tree is fitted on). */
  minRowsPerLeaf: number | null;
  testShare: number;
  seed: number;
  /** Above this many rows the tree is fitted and tested on a seeded sample of this many. */
  maxRows: number;
  /** What a row is, in the rules' counts. */
  rowNoun: string;
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

/** One leaf as a rule: "Income > 69.5 and Score <= 40.5 → segment 3 (36 of 39 customers)". */
export interface SegmentRule {
  leaf: number;
  /** The segment the leaf predicts. */
  segment: number;
  /** Merged conditions of its path, in words (empty for a tree that is one leaf). */
  conditions: string[];
  /** Rows (all rows) that reach the leaf, and those of them in its segment. */
  rows: number;
  matching: number;
  text: string;
}

export interface PoorlyExplained {
  segment: number;
  /** Its F1 on the hold-out rows. */
  f1: number;
  sentence: string;
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
  notes: string[];
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
  const { matrix, n, d, features, segments, segmentCount: k } = input;
  const names = input.segmentNames ?? Array.from({ length: k }, (_, s) => `segment ${s}`);
  checkSettings(settings, d, segments, k);
  const notes: string[] = [];

  // The rows in a segment, or a seeded sample of them.
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (segments[i] >= 0) eligible.push(i);
  const chosen =
    eligible.length > settings.maxRows
      ? Array.from(
          sampleIndices(eligible.length, settings.maxRows, createRandom(settings.seed)),
          (j) => eligible[j],
        )
      : eligible;
  if (chosen.length < eligible.length)
    notes.push(
      `The tree was fitted and tested on a seeded sample of ${count(chosen.length)} of the ${count(eligible.length)} rows; its fidelity on all rows covers every row.`,
    );
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
  onProgress?.(0.1);

  const minRowsPerLeaf =
    settings.minRowsPerLeaf ?? Math.max(5, Math.ceil(0.01 * split.train.length));
  const data = prepareTreeData(sample, m, d);
  onProgress?.(0.3);
  const tree = fitTree(data, sampleSegments, k, {
    maxDepth: settings.depth,
    minSamplesLeaf: minRowsPerLeaf,
    rows: split.train,
  });
  onProgress?.(0.6);

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
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (part[i] === wanted) rows.push(i);
    return Int32Array.from(rows);
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
    const when = conditions.length > 0 ? conditions.join(' and ') : 'Every row';
    return {
      leaf,
      segment,
      conditions,
      rows,
      matching,
      text: `${when} → ${names[segment]} (${count(matching)} of ${count(rows)} ${settings.rowNoun})`,
    };
  });
  const poorlyExplained = poorSegments(report.test, rules, names, settings);
  onProgress?.(1);
  return {
    tree,
    depth: settings.depth,
    minRowsPerLeaf,
    part,
    sampleSize: m,
    totalRows: eligible.length,
    treeSegment,
    nodeSegmentRows,
    fidelity: { train: trainReport.accuracy, test: report.test.accuracy, all: report.all.accuracy },
    report,
    confusion,
    rules,
    poorlyExplained,
    notes,
  };
}

function checkSettings(settings: ExplainOptions, d: number, segments: Int32Array, k: number): void {
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
  names: string[],
  settings: ExplainOptions,
): PoorlyExplained[] {
  const poor: PoorlyExplained[] = [];
  for (let s = 0; s < report.f1.length; s++) {
    const f1 = report.f1[s];
    if (f1 >= settings.poorF1) continue;
    const name = names[s].charAt(0).toUpperCase() + names[s].slice(1);
    const figure = `F1 ${f1.toFixed(2)} on the held-out rows`;
    const sentence = rules.some((rule) => rule.segment === s)
      ? `${name} is not explained well (${figure}): its ${settings.rowNoun} are not set apart by a few thresholds on these features, so its rules describe only part of it.`
      : `${name} gets no rule of its own (${figure}): in every leaf of the tree other segments outnumber it, so a few thresholds on these features cannot describe it; a deeper tree may.`;
    poor.push({ segment: s, f1, sentence });
  }
  return poor;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
