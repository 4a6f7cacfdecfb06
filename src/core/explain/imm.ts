import { argsortFloat64 } from '../classify/argsort';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { describePath, leafPaths, type FeatureDescriptor } from './featureSpace';

export interface ImmInput {
  /** n x d row-major, in the clustering's own (scaled) units. */
  matrix: Float64Array;
  n: number;
  d: number;
  /** k x d k-means centres, in the same units. */
  centres: Float64Array;
  k: number;
  /** Each row's segment, 0..k-1 (for k-means, its nearest centre); -1 to leave a row out. */
  labels: Int32Array;
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
  notes: string[];
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
 * all belong to one of them (ExKMC stops there, leaving a centre without a leaf), and
 * thresholds stay in double precision (ExKMC's splitter stores them in single precision).
 */
export function fitImm(input: ImmInput, onProgress?: StageProgress): ImmResult {
  const { matrix, n, d, centres, k, labels } = input;
  if (k < 2)
    throw new UserError(
      'too-few-segments',
      'A threshold tree needs two or more segments to tell apart: choose at least two segments.',
    );
  // Per feature, the node's rows in ascending order of it; nodes hold contiguous runs.
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i] >= 0) used.push(i);
  const m = used.length;
  const order = new Int32Array(d * m);
  for (let f = 0; f < d; f++) {
    const column = Float64Array.from(used, (row) => matrix[row * d + f]);
    const sorted = argsortFloat64(column);
    for (let j = 0; j < m; j++) order[f * m + j] = used[sorted[j]];
  }
  const spare = new Int32Array(m);
  const side = new Int8Array(n);
  const builder = new ImmBuilder(k);
  const notes: string[] = [];
  // Stack of [start, end, parent, isLeft, centres as a bit list].
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
    const cut = bestCut(matrix, d, centres, labels, order, m, start, end, valid);
    if (cut === null) {
      // Centres identical in every feature cannot be told apart.
      builder.segment[node] = valid[0];
      notes.push(
        `Segments ${valid.join(', ')} have the same centre, so the threshold tree gives them one leaf (segment ${valid[0]}).`,
      );
      continue;
    }
    builder.feature[node] = cut.feature;
    builder.threshold[node] = cut.threshold;
    builder.mistakes[node] = cut.mistakes;
    // Rows that go with their centre move on, left ones first; mistakes drop out.
    for (let j = start; j < end; j++) {
      const row = order[cut.feature * m + j];
      const goesLeft = matrix[row * d + cut.feature] <= cut.threshold;
      const centreLeft = centres[labels[row] * d + cut.feature] <= cut.threshold;
      side[row] = goesLeft !== centreLeft ? 0 : goesLeft ? 1 : 2;
    }
    let middle = start;
    let last = start;
    for (let f = 0; f < d; f++) {
      let l = start;
      let r = 0;
      for (let j = start; j < end; j++) {
        const row = order[f * m + j];
        if (side[row] === 1) order[f * m + l++] = row;
        else if (side[row] === 2) spare[r++] = row;
      }
      for (let j = 0; j < r; j++) order[f * m + l + j] = spare[j];
      middle = l;
      last = l + r;
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
  for (const row of used) {
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
  matrix: Float64Array,
  d: number,
  centres: Float64Array,
  labels: Int32Array,
  order: Int32Array,
  m: number,
  start: number,
  end: number,
  valid: number[],
): { feature: number; threshold: number; mistakes: number } | null {
  const k = centres.length / d;
  const rowsOf = new Int32Array(k);
  for (let j = start; j < end; j++) rowsOf[labels[order[j]]]++;
  const leftRows = new Int32Array(k);
  let best: { feature: number; threshold: number; mistakes: number } | null = null;
  for (let f = 0; f < d; f++) {
    const centreOrder = [...valid].sort((a, b) => centres[a * d + f] - centres[b * d + f]);
    leftRows.fill(0);
    let mistakes = 0;
    let centresLeft = 0;
    let j = start;
    let c = 0;
    // Sweep the rows and centres together in ascending order; after all events of one value v,
    // the cut "<= v" is a candidate if centres lie on both sides of it.
    while (j < end || c < centreOrder.length) {
      const rowValue = j < end ? matrix[order[f * m + j] * d + f] : Infinity;
      const centreValue = c < centreOrder.length ? centres[centreOrder[c] * d + f] : Infinity;
      const v = Math.min(rowValue, centreValue);
      while (j < end && matrix[order[f * m + j] * d + f] === v) {
        const label = labels[order[f * m + j]];
        mistakes += centreLeftOf(label, f, v) ? -1 : 1;
        leftRows[label]++;
        j++;
      }
      while (c < centreOrder.length && centres[centreOrder[c] * d + f] === v) {
        const centre = centreOrder[c];
        mistakes += rowsOf[centre] - 2 * leftRows[centre];
        centresLeft++;
        c++;
      }
      if (centresLeft === valid.length) break;
      if (centresLeft > 0 && (best === null || mistakes < best.mistakes))
        best = { feature: f, threshold: v, mistakes };
    }
  }
  return best;

  // Whether a row's centre is already on the left when the row joins it at value v: centres at
  // v join after the rows at v, so only centres strictly below v are.
  function centreLeftOf(label: number, f: number, v: number): boolean {
    return centres[label * d + f] < v;
  }
}

/** Sum of squared distances of rows to the mean of their segment's rows. */
function kmeansCost(matrix: Float64Array, d: number, segments: Int32Array, k: number): number {
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

/** One rule per leaf, in the user's units: "Age <= 35.5 and Income > 61.2 → segment 2". */
export function immRules(
  result: ImmResult,
  features: readonly FeatureDescriptor[],
  center: Float64Array,
  scale: Float64Array,
  segmentNames?: string[],
  rowNoun = 'customers',
): { leaf: number; segment: number; conditions: string[]; rows: number; text: string }[] {
  const { tree, assignment } = result;
  const original = {
    ...tree,
    threshold: immThresholdsInOriginalUnits(tree, features, center, scale),
  };
  const rowsPerSegment = new Int32Array(tree.segment.length);
  for (const s of assignment) if (s >= 0) rowsPerSegment[s]++;
  return leafPaths(original).map(({ leaf, steps }) => {
    const segment = tree.segment[leaf];
    const conditions = describePath(steps, features);
    const name = segmentNames?.[segment] ?? `segment ${segment}`;
    const rows = rowsPerSegment[segment];
    const when = conditions.length > 0 ? conditions.join(' and ') : 'Every row';
    return {
      leaf,
      segment,
      conditions,
      rows,
      text: `${when} → ${name} (${rows.toLocaleString('en-US')} ${rowNoun})`,
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
