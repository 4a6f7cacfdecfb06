import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassificationReport } from '../../src/core/classify/classificationMetrics';
import { PART_TEST, PART_TRAIN } from '../../src/core/classify/stratifiedSplit';
import { fitImm } from '../../src/core/explain/imm';
import { explainSegments } from '../../src/core/explain/segmentTree';
import {
  deriveExplainCase,
  EXPLAIN_CASES,
  FIXTURES,
  type ExplainCase,
} from '../../scripts/reference/classifyInputs';
import type { FeatureDescriptor } from '../../src/core/explain/featureSpace';
import { SHARED, requireShared } from './sharedData';
import { matchTrees, type SklearnReport, type SklearnTree } from './treeMatch';

/**
 * The segment explanation against scikit-learn 1.2's DecisionTreeClassifier, and the IMM
 * threshold tree against ExKMC, on SegmentLens's own k-means of mall_customers (k = 5) and iris
 * (k = 3). Fixtures: test/reference/data/classify/, written by scripts/reference/classifyInputs.ts,
 * sklearn_classify.py and exkmc_imm.py (see their docstrings to regenerate).
 */
interface SklearnExplain {
  tree: SklearnTree;
  predicted: number[];
  train: { accuracy: number };
  test: { report: SklearnReport; confusion: number[][]; accuracy: number };
  all: { report: SklearnReport; confusion: number[][]; accuracy: number };
}

interface ExkmcImm {
  cost: number;
  /** Depth first, left first: [feature, threshold] at splits, [-1, segment] at leaves. */
  splits: [number, number][];
  predicted: number[];
}

const read = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

/** Our report equals classification_report's dict, class by class and in its averages. */
function expectSameReport(ours: ClassificationReport, theirs: SklearnReport, classes: number) {
  for (let c = 0; c < classes; c++) {
    const row = theirs[String(c)] as Exclude<SklearnReport[string], number>;
    expect(ours.precision[c]).toBeCloseTo(row.precision, 14);
    expect(ours.recall[c]).toBeCloseTo(row.recall, 14);
    expect(ours.f1[c]).toBeCloseTo(row['f1-score'], 14);
    expect(ours.support[c]).toBe(row.support);
  }
  for (const [key, average] of [
    ['macro avg', ours.macro],
    ['weighted avg', ours.weighted],
  ] as const) {
    const row = theirs[key] as Exclude<SklearnReport[string], number>;
    expect(average.precision).toBeCloseTo(row.precision, 14);
    expect(average.recall).toBeCloseTo(row.recall, 14);
    expect(average.f1).toBeCloseTo(row['f1-score'], 14);
    expect(average.support).toBe(row.support);
  }
  expect(ours.accuracy).toBeCloseTo(theirs.accuracy as number, 14);
}

function confusionRows(confusion: Int32Array, k: number): number[][] {
  return Array.from({ length: k }, (_, a) => Array.from(confusion.subarray(a * k, a * k + k)));
}

beforeAll(requireShared);

/** Nodes compared, and nodes tied, per case. */
const expected: Record<string, [number, number]> = { mall_customers: [10, 1], iris: [8, 1] };

describe.each(EXPLAIN_CASES.map((c) => [c.name, c] as const))(
  'explaining the k-means segments of %s',
  (name, { file, k }) => {
    const inputs = read<ExplainCase>(`classify_inputs_${name}.json`);
    const sklearn = read<SklearnExplain>(`classify_${name}.json`);
    const exkmc = read<ExkmcImm>(`classify_imm_${name}.json`);
    const explanation = explainSegments({
      matrix: Float64Array.from(inputs.matrix),
      n: inputs.n,
      d: inputs.d,
      features: inputs.features.map((column, f): FeatureDescriptor => ({
        kind: 'numeric',
        column,
        log1p: inputs.log1p[f],
      })),
      segments: Int32Array.from(inputs.labels),
      segmentCount: k,
    });

    it('uses the rows, features, segments and split our pipeline derives from ../shared today', async () => {
      const derived = await deriveExplainCase(SHARED, name, file, k);
      expect(derived).toEqual(inputs);
      const parts = (part: number) =>
        [...explanation.part.keys()].filter((i) => explanation.part[i] === part);
      expect(parts(PART_TRAIN)).toEqual(inputs.train);
      expect(parts(PART_TEST)).toEqual(inputs.test);
    }, 120_000);

    it('grows DecisionTreeClassifier(max_depth=3, min_samples_leaf=m) at every untied node', () => {
      expect(explanation.minRowsPerLeaf).toBe(inputs.minRowsPerLeaf);
      const match = matchTrees(explanation.tree, sklearn.tree, {
        matrix: Float64Array.from(inputs.matrix),
        d: inputs.d,
        rows: inputs.train,
      });
      expect(match.mismatches).toEqual([]);
      // One tied node each (mall: Annual Income at 39.5 or another; iris: petal length or width
      // to set setosa apart), both sending the same rows each way: every node is checked.
      expect([match.compared, match.tied]).toEqual(expected[name]);
      expect(match.compared + match.tied).toBe(sklearn.tree.feature.length);
      expect(explanation.tree.nodeCount).toBe(sklearn.tree.feature.length);
    });

    it('predicts every row as scikit-learn, with the same report and confusion matrix', () => {
      expect(Array.from(explanation.treeSegment)).toEqual(sklearn.predicted);
      expectSameReport(explanation.report.test, sklearn.test.report, k);
      expectSameReport(explanation.report.all, sklearn.all.report, k);
      expect(confusionRows(explanation.confusion.test, k)).toEqual(sklearn.test.confusion);
      expect(confusionRows(explanation.confusion.all, k)).toEqual(sklearn.all.confusion);
      expect(explanation.fidelity.train).toBeCloseTo(sklearn.train.accuracy, 14);
      expect(explanation.fidelity.test).toBeCloseTo(sklearn.test.accuracy, 14);
      expect(explanation.fidelity.all).toBeCloseTo(sklearn.all.accuracy, 14);
    });

    it("builds ExKMC's IMM tree, at a k-means cost equal to its score (1e-9) or lower", () => {
      const imm = fitImm({
        matrix: Float64Array.from(inputs.scaled),
        n: inputs.n,
        d: inputs.d,
        centres: Float64Array.from(inputs.centres),
        k,
        labels: Int32Array.from(inputs.labels),
      });
      expect(imm.cost).toBeLessThanOrEqual(exkmc.cost * (1 + 1e-9));
      expect(Math.abs(imm.cost - exkmc.cost)).toBeLessThanOrEqual(1e-9 * exkmc.cost);
      const ours = Array.from({ length: imm.tree.nodeCount }, (_, node) =>
        imm.tree.feature[node] < 0
          ? [-1, imm.tree.segment[node]]
          : [imm.tree.feature[node], imm.tree.threshold[node]],
      );
      expect(ours).toEqual(exkmc.splits);
      expect(Array.from(imm.assignment)).toEqual(exkmc.predicted);
      expect(imm.tree.nodeCount).toBe(2 * k - 1);
      expect(imm.clusteringCost).toBeLessThanOrEqual(imm.cost);
    });
  },
);
