import { argsortFloat64 } from '../classify/argsort';
import type { StageProgress } from '../common/progress';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import { allOf, describePath, leafPaths, listOf, type FeatureDescriptor } from './featureSpace';
import { defaultSegmentNames, type RowNoun } from './segmentTree';
import type { SegmentLabels } from '../cluster/segmentLabels';

/** A key's low 24 bits are its row. */
const ROW_MASK = 0xffffff;

export interface ImmInput {
  /** n x d row-major, in the clustering's own (scaled) units. */
  matrix: Float64Array;
  n: number;
  d: number;
  /** k x d k-means centres, in the same units. */
  centres: Float64Array;
  k: number;
  /** Each row's segment, 0..k-1 (for k-means, its nearest centre); -1 to leave a row out. */
  labels: SegmentLabels;
}

/** A threshold tree in flat arrays; a leaf holds one segment. */
export interface ImmTree {
  nodeCount: number;
  /** Split feature; -1 at a leaf. */
  feature: Int32Array;
  /** Rows with value <= threshold (scaled units) go left; 0 at a leaf. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** A leaf's segment; -1 at a split. */
  segment: Int32Array;
  /** At a split: rows still with their centre there that it sends away from it. */
  mistakes: Int32Array;
}

export interface ImmResult {
  tree: ImmTree;
  /** Per row: the segment of the leaf it reaches (-1 for rows left out). */
  assignment: Int32Array;
  /** k-means cost of the tree's segments: squared distances to each leaf's mean (ExKMC's score). */
  cost: number;
  /** The same for the clustering's own segments. */
  clusteringCost: number;
  /** Rows the tree puts in another segment than the clustering. */
  moved: number;
  /** Segments whose centres are the same share a leaf (named in the notes by their numbers). */
  notes: Message[];
}

/**
 * The Iterative Mistake Minimization threshold tree (Dasgupta, Frost, Moshkovitz and Rashtchian,
 * "Explainable k-means and k-medians clustering", ICML 2020), as ExKMC's
 * Tree(k, base_tree="IMM"): from the root, every node holding two or more centres is split by
 * the cut (feature, threshold) that separates those centres with the fewest mistakes, a mistake
 * being a row sent to the other side from its own centre; mistaken rows take no further part.
 * Thresholds are values of the node's rows or centres (row <= threshold goes left); among equal
 * cuts the lowest feature, then the lowest threshold, wins. The tree has one leaf per centre.
 *
 * Unlike ExKMC, a node keeps splitting while it holds two centres even when its remaining rows
 * all belong to one of them (ExKMC stops there, leaving a centre without a leaf), and every
 * threshold between the node's lowest and highest centre is a candidate (ExKMC's sweep stops
 * before its node's highest row). Where neither matters the trees are the same.
 */
export function fitImm(input: ImmInput, onProgress?: StageProgress): ImmResult {
  const { matrix, n, d, centres, k, labels } = input;
  if (k < 2) throw new UserError('too-few-segments', 'explainImmOneSegment');
  if (k > 256) throw new Error(`IMM takes at most 256 segments, not ${k}`);
  if (n >= 1 << 24) throw new Error(`IMM takes fewer than 2^24 rows, not ${n}`);
  // Per feature, the node's rows in ascending order of it, as keys (row | segment << 24) with
  // their values beside them, so that a node's sweep reads memory in order; nodes hold runs.
  let m = 0;
  for (let i = 0; i < n; i++) if (labels[i] >= 0) m++;
  const keys = new Uint32Array(d * m);
  const values = new Float64Array(d * m);
  const column = new Float64Array(m);
  const rowOf = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (labels[i] >= 0) rowOf[j++] = i;
  for (let f = 0; f < d; f++) {
    for (let j = 0; j < m; j++) column[j] = matrix[rowOf[j] * d + f];
    const sorted = argsortFloat64(column);
    for (let j = 0; j < m; j++) {
      const row = rowOf[sorted[j]];
      keys[f * m + j] = (row | (labels[row] << 24)) >>> 0;
      values[f * m + j] = column[sorted[j]];
    }
  }
  const spareKeys = new Uint32Array(m);
  const spareValues = new Float64Array(m);
  const side = new Int8Array(n);
  const builder = new ImmBuilder(k);
  const notes: Message[] = [];
  const stack: { start: number; end: number; parent: number; isLeft: boolean; valid: number[] }[] =
    [
      {
        start: 0,
        end: m,
        parent: -1,
        isLeft: false,
        valid: Array.from({ length: k }, (_, j) => j),
      },
    ];
  while (stack.length > 0) {
    const { start, end, parent, isLeft, valid } = stack.pop()!;
    const node = builder.add(parent, isLeft);
    if (valid.length === 1) {
      builder.segment[node] = valid[0];
      continue;
    }
    const cut = bestCut(keys, values, m, d, centres, start, end, valid);
    if (cut === null) {
      // Centres identical in every feature cannot be told apart.
      builder.segment[node] = valid[0];
      notes.push(
        message('explainSameCentre', {
          segments: listOf(valid.map((j) => message('explainSegmentName', { id: j }))),
          segment: message('explainSegmentName', { id: valid[0] }),
        }),
      );
      continue;
    }
    builder.feature[node] = cut.feature;
    builder.threshold[node] = cut.threshold;
    builder.mistakes[node] = cut.mistakes;
    // Rows that go with their centre move on, left ones first; mistakes drop out.
    for (let j = cut.feature * m + start; j < cut.feature * m + end; j++) {
      const key = keys[j];
      const goesLeft = values[j] <= cut.threshold;
      const centreLeft = centres[(key >>> 24) * d + cut.feature] <= cut.threshold;
      side[key & ROW_MASK] = goesLeft !== centreLeft ? 0 : goesLeft ? 1 : 2;
    }
    let middle = start;
    let last = start;
    for (let f = 0; f < d; f++) {
      let l = f * m + start;
      let r = 0;
      for (let j = f * m + start; j < f * m + end; j++) {
        const where = side[keys[j] & ROW_MASK];
        if (where === 1) {
          keys[l] = keys[j];
          values[l++] = values[j];
        } else if (where === 2) {
          spareKeys[r] = keys[j];
          spareValues[r++] = values[j];
        }
      }
      keys.set(spareKeys.subarray(0, r), l);
      values.set(spareValues.subarray(0, r), l);
      middle = l - f * m;
      last = middle + r;
    }
    const leftCentres = valid.filter((j) => centres[j * d + cut.feature] <= cut.threshold);
    const rightCentres = valid.filter((j) => centres[j * d + cut.feature] > cut.threshold);
    stack.push({ start: middle, end: last, parent: node, isLeft: false, valid: rightCentres });
    stack.push({ start, end: middle, parent: node, isLeft: true, valid: leftCentres });
    onProgress?.(Math.min(0.9, builder.nodeCount / (2 * k)));
  }
  const tree = builder.finish();
  const assignment = new Int32Array(n).fill(-1);
  let moved = 0;
  for (const row of rowOf) {
    let node = 0;
    while (tree.feature[node] >= 0)
      node =
        matrix[row * d + tree.feature[node]] <= tree.threshold[node]
          ? tree.left[node]
          : tree.right[node];
    assignment[row] = tree.segment[node];
    if (assignment[row] !== labels[row]) moved++;
  }
  onProgress?.(1);
  return {
    tree,
    assignment,
    cost: kmeansCost(matrix, d, assignment, k),
    clusteringCost: kmeansCost(matrix, d, labels, k),
    moved,
    notes,
  };
}

/** The cut of fewest mistakes that separates the node's centres, or null if none does. */
function bestCut(
  keys: Uint32Array,
  values: Float64Array,
  m: number,
  d: number,
  centres: Float64Array,
  start: number,
  end: number,
  valid: number[],
): { feature: number; threshold: number; mistakes: number } | null {
  const k = centres.length / d;
  const rowsOf = new Int32Array(k);
  for (let j = start; j < end; j++) rowsOf[keys[j] >>> 24]++;
  const leftRows = new Int32Array(k);
  const centreValue = new Float64Array(k);
  let best: { feature: number; threshold: number; mistakes: number } | null = null;
  for (let f = 0; f < d; f++) {
    for (const j of valid) centreValue[j] = centres[j * d + f];
    const centreOrder = [...valid].sort((a, b) => centreValue[a] - centreValue[b]);
    leftRows.fill(0);
    let mistakes = 0;
    let centresLeft = 0;
    let j = f * m + start;
    const stop = f * m + end;
    let c = 0;
    // Sweep the rows and centres together in ascending order; after all events of one value v,
    // the cut "<= v" is a candidate if centres lie on both sides of it. A row's centre is on the
    // left when the row joins it if the centre is below v (centres at v join after their rows).
    while (j < stop || c < centreOrder.length) {
      const rowValue = j < stop ? values[j] : Infinity;
      const nextCentre = c < centreOrder.length ? centreValue[centreOrder[c]] : Infinity;
      const v = rowValue < nextCentre ? rowValue : nextCentre;
      for (; j < stop && values[j] === v; j++) {
        const label = keys[j] >>> 24;
        mistakes += centreValue[label] < v ? -1 : 1;
        leftRows[label]++;
      }
      while (c < centreOrder.length && centreValue[centreOrder[c]] === v) {
        const centre = centreOrder[c++];
        mistakes += rowsOf[centre] - 2 * leftRows[centre];
        centresLeft++;
      }
      if (centresLeft === valid.length) break;
      if (centresLeft > 0 && (best === null || mistakes < best.mistakes))
        best = { feature: f, threshold: v, mistakes };
    }
  }
  return best;
}

/** Sum of squared distances of rows to the mean of their segment's rows. */
function kmeansCost(matrix: Float64Array, d: number, segments: SegmentLabels, k: number): number {
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s < 0) continue;
    counts[s]++;
    for (let f = 0; f < d; f++) sums[s * d + f] += matrix[i * d + f];
  }
  for (let s = 0; s < k; s++)
    for (let f = 0; f < d; f++) if (counts[s] > 0) sums[s * d + f] /= counts[s];
  let cost = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s < 0) continue;
    for (let f = 0; f < d; f++) {
      const delta = matrix[i * d + f] - sums[s * d + f];
      cost += delta * delta;
    }
  }
  return cost;
}

/**
 * The tree's thresholds in the user's units: the clustering's scaling undone (x = t x scale +
 * centre), then log(1 + x) for features that had it. Both are increasing, so "<=" keeps its sense.
 */
export function immThresholdsInOriginalUnits(
  tree: ImmTree,
  features: readonly FeatureDescriptor[],
  center: Float64Array,
  scale: Float64Array,
): Float64Array {
  return Float64Array.from(tree.threshold, (t, node) => {
    const f = tree.feature[node];
    if (f < 0) return 0;
    const value = t * scale[f] + center[f];
    const feature = features[f];
    return feature.kind === 'numeric' && feature.log1p ? Math.expm1(value) : value;
  });
}

/** One leaf of the threshold tree as a rule: "Age <= 35.5 and Income > 61.2 → Segment 2 (40 customers)". */
export interface ImmRule {
  leaf: number;
  segment: number;
  conditions: Message[];
  /** Rows the tree puts in the leaf's segment. */
  rows: number;
  text: Message;
}

/** One rule per leaf, in the user's units. */
export function immRules(
  result: ImmResult,
  features: readonly FeatureDescriptor[],
  center: Float64Array,
  scale: Float64Array,
  segmentNames?: readonly (string | Message)[],
  rowNoun: RowNoun = 'customers',
): ImmRule[] {
  const { tree, assignment } = result;
  const original = {
    ...tree,
    threshold: immThresholdsInOriginalUnits(tree, features, center, scale),
  };
  const k = Math.max(0, ...tree.segment) + 1;
  const names = segmentNames ?? defaultSegmentNames(k);
  const rowsPerSegment = new Int32Array(k);
  for (const s of assignment) if (s >= 0) rowsPerSegment[s]++;
  return leafPaths(original).map(({ leaf, steps }) => {
    const segment = tree.segment[leaf];
    const conditions = describePath(steps, features);
    const rows = rowsPerSegment[segment];
    return {
      leaf,
      segment,
      conditions,
      rows,
      text: message('explainImmRule', {
        conditions: allOf(conditions),
        segment: names[segment],
        rows,
        noun: rowNoun,
      }),
    };
  });
}

/** Flat node storage for a tree of at most 2k - 1 nodes. */
class ImmBuilder {
  nodeCount = 0;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly segment: Int32Array;
  readonly mistakes: Int32Array;

  constructor(k: number) {
    const size = 2 * k - 1;
    this.feature = new Int32Array(size).fill(-1);
    this.threshold = new Float64Array(size);
    this.left = new Int32Array(size).fill(-1);
    this.right = new Int32Array(size).fill(-1);
    this.segment = new Int32Array(size).fill(-1);
    this.mistakes = new Int32Array(size);
  }

  add(parent: number, isLeft: boolean): number {
    const node = this.nodeCount++;
    if (parent >= 0) (isLeft ? this.left : this.right)[parent] = node;
    return node;
  }

  finish(): ImmTree {
    const m = this.nodeCount;
    return {
      nodeCount: m,
      feature: this.feature.slice(0, m),
      threshold: this.threshold.slice(0, m),
      left: this.left.slice(0, m),
      right: this.right.slice(0, m),
      segment: this.segment.slice(0, m),
      mistakes: this.mistakes.slice(0, m),
    };
  }
}
