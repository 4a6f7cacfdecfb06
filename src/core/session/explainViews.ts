import type { ClassificationReport } from '../classify/classificationMetrics';
import { nodeClass, type DecisionTree } from '../classify/decisionTree';
import type { SegmentLabels } from '../cluster/segmentLabels';
import { message, type Message } from '../common/message';
import {
  featureName,
  splitCondition,
  type FeatureDescriptor,
  type FlatTree,
} from '../explain/featureSpace';
import { immRules, immThresholdsInOriginalUnits, type ImmResult } from '../explain/imm';
import type { SegmentExplanation } from '../explain/segmentTree';
import type { ExplainMethod } from './explainRequest';
import type { ExplainStage } from './explainStage';

/** A feature a tree splits on, named as the user knows it. */
export interface ExplainFeatureView {
  /** "Annual Income (k$)", or a message ("Region is East") for one category of a column. */
  name: string | Message;
  column: string;
  category: string | null;
}

/** One node of the tree diagram. */
export interface ExplainNodeView {
  node: number;
  depth: number;
  /** Children; -1 at a leaf. */
  left: number;
  right: number;
  /** The split's feature (an index into `features`); -1 at a leaf. */
  feature: number;
  /** The split's threshold in the user's units (value <= threshold goes left); null at a leaf. */
  threshold: number | null;
  /** The conditions of the two branches ("Age <= 35.5", "Age > 35.5"); null at a leaf. */
  branches: { left: Message; right: Message } | null;
  /** Rows of each segment that reach the node (every analysed row in a segment). */
  counts: number[];
  rows: number;
  /**
   * CART: rows of each segment the tree was fitted on at the node (scikit-learn's tree_.value),
   * and whether another feature's split was as good there (a tie); null and false for IMM.
   */
  fitted: number[] | null;
  tied: boolean;
  /** The segment the node predicts (at a leaf, its rule's). */
  segment: number;
}

/** One leaf as a rule: "Income > 69.5 and Score <= 40.5 → Segment 3 (36 of 39 customers)". */
export interface ExplainRuleView {
  leaf: number;
  segment: number;
  conditions: Message[];
  /** Rows that reach the leaf, and those of them in its segment (IMM: rows it gives the segment). */
  rows: number;
  matching: number;
  text: Message;
}

export interface ExplainView {
  method: ExplainMethod;
  k: number;
  segmentNames: (string | Message)[];
  features: ExplainFeatureView[];
  nodes: ExplainNodeView[];
  /** One rule per leaf, in node order. */
  rules: ExplainRuleView[];
  /** The rows explained: in a segment; the rows fitted and tested on (a sample above 100,000). */
  rows: {
    analysed: number;
    explained: number;
    noise: number;
    sample: number;
    train: number;
    test: number;
  };
  /** CART only (null for IMM): the tree's settings, fidelity, report and confusion matrices. */
  tree: {
    depth: number;
    minRowsPerLeaf: number;
    /** Share of rows whose segment the tree gets right. */
    fidelity: { train: number; test: number; all: number };
    report: { test: ClassificationReport; all: ClassificationReport };
    /** k x k row-major, actual segment in rows. */
    confusion: { test: Int32Array; all: Int32Array };
    poorlyExplained: { segment: number; f1: number; sentence: Message }[];
  } | null;
  /** IMM only (null for CART): its k-means cost next to the clustering's, and what it moves. */
  imm: {
    /** Sum of squared distances to each leaf's mean, in the clustering's scaled units (ExKMC's score). */
    cost: number;
    clusteringCost: number;
    /** cost / clusteringCost: the price of full explainability (1 when nothing moves). */
    ratio: number | null;
    /** Rows the threshold tree puts in another segment than the clustering. */
    moved: number;
  } | null;
  /** The sample the tree was fitted on, DBSCAN's noise left out, segments sharing a centre. */
  notes: Message[];
}

/** A message that names a segment, naming it as the caller does. */
function renamed(text: Message, param: string, name: string | Message): Message {
  return message(text.key, { ...text.params, [param]: name });
}

function featureViews(features: readonly FeatureDescriptor[]): ExplainFeatureView[] {
  return features.map((feature) => ({
    name: featureName(feature),
    column: feature.column,
    category: feature.kind === 'category' ? feature.category : null,
  }));
}

/** Nodes of a flat tree with per-segment counts of every row and thresholds in user units. */
function nodeViews(
  tree: FlatTree,
  depthOf: (node: number) => number,
  thresholds: Float64Array,
  counts: Int32Array,
  k: number,
  segmentOf: (node: number) => number,
  features: readonly FeatureDescriptor[],
  fitted: DecisionTree | null,
): ExplainNodeView[] {
  return Array.from({ length: tree.nodeCount }, (_, node): ExplainNodeView => {
    const f = tree.feature[node];
    const nodeCounts = Array.from(counts.subarray(node * k, node * k + k));
    const threshold = f < 0 ? null : thresholds[node];
    return {
      node,
      depth: depthOf(node),
      left: tree.left[node],
      right: tree.right[node],
      feature: f,
      threshold,
      branches:
        f < 0
          ? null
          : {
              left: splitCondition(features[f], 'left', threshold!),
              right: splitCondition(features[f], 'right', threshold!),
            },
      counts: nodeCounts,
      rows: nodeCounts.reduce((a, b) => a + b, 0),
      fitted: fitted === null ? null : Array.from(fitted.counts.subarray(node * k, node * k + k)),
      tied: fitted !== null && fitted.tied[node] === 1,
      segment: segmentOf(node),
    };
  });
}

/** A CART explanation as the page shows it, segments named as the caller names them. */
export function treeView(
  stage: ExplainStage,
  names: (string | Message)[],
  explanation: SegmentExplanation,
): ExplainView {
  const { input } = stage;
  const { tree } = explanation;
  const k = input.segmentCount;
  const leafSegment = (node: number) => nodeClass(tree, node);
  let train = 0;
  let test = 0;
  for (const part of explanation.part) {
    if (part === 0) train++;
    else if (part === 1) test++;
  }
  return {
    method: 'tree',
    k,
    segmentNames: names,
    features: featureViews(input.features),
    nodes: nodeViews(
      tree,
      (node) => tree.depth[node],
      tree.threshold,
      explanation.nodeSegmentRows,
      k,
      leafSegment,
      input.features,
      tree,
    ),
    rules: explanation.rules.map((rule) => ({
      ...rule,
      text: renamed(rule.text, 'segment', names[rule.segment]),
    })),
    rows: {
      analysed: input.n,
      explained: explanation.totalRows,
      noise: stage.noise,
      sample: explanation.sampleSize,
      train,
      test,
    },
    tree: {
      depth: explanation.depth,
      minRowsPerLeaf: explanation.minRowsPerLeaf,
      fidelity: explanation.fidelity,
      report: explanation.report,
      confusion: explanation.confusion,
      poorlyExplained: explanation.poorlyExplained.map((poor) => ({
        ...poor,
        sentence: renamed(poor.sentence, 'name', names[poor.segment]),
      })),
    },
    imm: null,
    notes: [...noiseNotes(stage), ...explanation.notes],
  };
}

/** IMM's threshold tree as the page shows it, with the rows of each segment at every node. */
export function immView(
  stage: ExplainStage,
  names: (string | Message)[],
  imm: ImmResult,
): ExplainView {
  const { input } = stage;
  const { tree, assignment } = imm;
  const k = input.segmentCount;
  const { features } = input;
  const thresholds = immThresholdsInOriginalUnits(tree, features, stage.center, stage.scale);
  // Rows of each (clustering) segment reaching each node.
  const counts = new Int32Array(tree.nodeCount * k);
  const depth = new Int32Array(tree.nodeCount);
  for (let node = 0; node < tree.nodeCount; node++)
    if (tree.feature[node] >= 0) {
      depth[tree.left[node]] = depth[node] + 1;
      depth[tree.right[node]] = depth[node] + 1;
    }
  const { scaled, result } = stage;
  const d = input.d;
  for (let i = 0; i < input.n; i++) {
    const segment = result.labels[i];
    if (segment < 0) continue;
    let node = 0;
    for (;;) {
      counts[node * k + segment]++;
      const f = tree.feature[node];
      if (f < 0) break;
      node = scaled[i * d + f] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    }
  }
  const rules = immRules(imm, features, stage.center, stage.scale, names);
  const explained = input.n - stage.noise;
  return {
    method: 'imm',
    k,
    segmentNames: names,
    features: featureViews(features),
    nodes: nodeViews(
      tree,
      (node) => depth[node],
      thresholds,
      counts,
      k,
      (node) => (tree.segment[node] >= 0 ? tree.segment[node] : majority(counts, node, k)),
      features,
      null,
    ),
    rules: rules.map((rule) => ({
      ...rule,
      matching: countMatching(assignment, result.labels, rule.segment),
    })),
    rows: {
      analysed: input.n,
      explained,
      noise: stage.noise,
      sample: explained,
      train: 0,
      test: 0,
    },
    tree: null,
    imm: {
      cost: imm.cost,
      clusteringCost: imm.clusteringCost,
      ratio: imm.clusteringCost > 0 ? imm.cost / imm.clusteringCost : imm.cost === 0 ? 1 : null,
      moved: imm.moved,
    },
    notes: [...noiseNotes(stage), ...imm.notes],
  };
}

function noiseNotes(stage: ExplainStage): Message[] {
  return stage.noise > 0 ? [message('explainNoiseLeftOut', { rows: stage.noise })] : [];
}

function majority(counts: Int32Array, node: number, k: number): number {
  let best = 0;
  for (let s = 1; s < k; s++) if (counts[node * k + s] > counts[node * k + best]) best = s;
  return best;
}

/** Rows the threshold tree gives `segment` that the clustering put there too. */
function countMatching(assignment: Int32Array, labels: SegmentLabels, segment: number): number {
  let count = 0;
  for (let i = 0; i < labels.length; i++)
    if (assignment[i] === segment && labels[i] === segment) count++;
  return count;
}
