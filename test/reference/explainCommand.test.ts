import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/cli/explainCommand';
import type { DecisionTree } from '../../src/core/classify/decisionTree';
import { EXPLAIN_CASES, FIXTURES, type ExplainCase } from '../../scripts/reference/classifyInputs';
import { runCommand } from '../support/runCommand';
import { SHARED, requireShared } from './sharedData';
import { matchTrees, type SklearnReport, type SklearnTree } from './treeMatch';

/**
 * `segmentlens explain` against scikit-learn 1.2 and ExKMC, through the command line: its JSON
 * and its explained.csv on mall_customers (k = 5) and iris (k = 3) against the committed
 * fixtures (test/reference/data/classify/, see scripts/reference/classifyInputs.ts), the rows
 * and split it exports being the very rows and split the fixtures were computed on.
 */
interface SklearnExplain {
  tree: SklearnTree;
  predicted: number[];
  train: { accuracy: number };
  test: { report: SklearnReport; confusion: number[][]; accuracy: number };
  all: { report: SklearnReport; confusion: number[][]; accuracy: number };
}

interface ExplainJson {
  k: number;
  features: string[];
  minRowsPerLeaf: number;
  tree: {
    featureIndex: number;
    threshold: number | null;
    left: number;
    right: number;
    fittedCounts: number[];
    tied: boolean;
  }[];
  fidelity: { train: number; test: number; all: number };
  report: JsonReport;
  reportAll: JsonReport;
  confusion: number[][];
  confusionAll: number[][];
  imm?: { cost: number; clusteringCost: number; moved: number };
}

interface JsonReport {
  segments: { precision: number; recall: number; f1: number; support: number }[];
  accuracy: number;
  macro: { precision: number; recall: number; f1: number; support: number };
  weighted: { precision: number; recall: number; f1: number; support: number };
}

const read = async <T>(name: string): Promise<T> =>
  JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as T;

/** The JSON's nodes as a tree matchTrees can walk. */
function treeOf(nodes: ExplainJson['tree'], k: number, d: number): DecisionTree {
  const m = nodes.length;
  return {
    nodeCount: m,
    classCount: k,
    featureCount: d,
    feature: Int32Array.from(nodes, (node) => node.featureIndex),
    threshold: Float64Array.from(nodes, (node) => node.threshold ?? 0),
    left: Int32Array.from(nodes, (node) => node.left),
    right: Int32Array.from(nodes, (node) => node.right),
    counts: Float64Array.from(nodes.flatMap((node) => node.fittedCounts)),
    rows: Int32Array.from(nodes, (node) => node.fittedCounts.reduce((a, b) => a + b, 0)),
    weight: new Float64Array(m),
    impurity: new Float64Array(m),
    depth: new Int32Array(m),
    tied: Uint8Array.from(nodes, (node) => (node.tied ? 1 : 0)),
  };
}

function expectSameReport(ours: JsonReport, theirs: SklearnReport, k: number) {
  for (let s = 0; s < k; s++) {
    const row = theirs[String(s)] as Exclude<SklearnReport[string], number>;
    const mine = ours.segments[s];
    expect(mine.precision).toBeCloseTo(row.precision, 14);
    expect(mine.recall).toBeCloseTo(row.recall, 14);
    expect(mine.f1).toBeCloseTo(row['f1-score'], 14);
    expect(mine.support).toBe(row.support);
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

beforeAll(requireShared);

/** Nodes compared, and nodes tied, per case (as test/reference/explain.test.ts). */
const expected: Record<string, [number, number]> = { mall_customers: [10, 1], iris: [8, 1] };

describe.each(EXPLAIN_CASES.map((c) => [c.name, c] as const))(
  'segmentlens explain on %s',
  (name, { file, k }) => {
    let inputs: ExplainCase;
    let sklearn: SklearnExplain;
    let json: ExplainJson;
    let csv: string[][];

    beforeAll(async () => {
      inputs = await read<ExplainCase>(`classify_inputs_${name}.json`);
      sklearn = await read<SklearnExplain>(`classify_${name}.json`);
      const out = await mkdtemp(join(tmpdir(), `segmentlens-explain-${name}-`));
      const path = join(SHARED, 'datasets', file);
      const result = await runCommand(explainCommand, [
        path,
        '--k',
        String(k),
        '--json',
        '--out',
        out,
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      json = JSON.parse(result.stdout) as ExplainJson;
      const text = await readFile(join(out, 'explained.csv'), 'utf8');
      csv = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    }, 300_000);

    it('exports the very rows, segments and split of the fixture', () => {
      const header = csv[0];
      const rows = csv.slice(1);
      expect(rows).toHaveLength(inputs.n);
      expect(json.features).toEqual(inputs.features);
      const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
      expect(column('segment').map(Number)).toEqual(inputs.labels);
      const where = (part: string) =>
        column('split').flatMap((value, i) => (value === part ? [i] : []));
      expect(where('train')).toEqual(inputs.train);
      expect(where('test')).toEqual(inputs.test);
      expect(column('tree_segment').map(Number)).toEqual(sklearn.predicted);
    });

    it('prints DecisionTreeClassifier(max_depth=3, min_samples_leaf=m) at every untied node', () => {
      expect(json.minRowsPerLeaf).toBe(inputs.minRowsPerLeaf);
      const match = matchTrees(treeOf(json.tree, k, inputs.d), sklearn.tree, {
        matrix: Float64Array.from(inputs.matrix),
        d: inputs.d,
        rows: inputs.train,
      });
      expect(match.mismatches).toEqual([]);
      expect([match.compared, match.tied]).toEqual(expected[name]);
      expect(json.tree).toHaveLength(sklearn.tree.feature.length);
    });

    it("prints classification_report's figures and the confusion matrices", () => {
      expectSameReport(json.report, sklearn.test.report, k);
      expectSameReport(json.reportAll, sklearn.all.report, k);
      expect(json.confusion).toEqual(sklearn.test.confusion);
      expect(json.confusionAll).toEqual(sklearn.all.confusion);
      expect(json.fidelity.train).toBeCloseTo(sklearn.train.accuracy, 14);
      expect(json.fidelity.test).toBeCloseTo(sklearn.test.accuracy, 14);
      expect(json.fidelity.all).toBeCloseTo(sklearn.all.accuracy, 14);
    });

    it("prints IMM's k-means cost equal to ExKMC's score (1e-9) or lower, its thresholds in user units", async () => {
      const exkmc = await read<{ cost: number; splits: [number, number][] }>(
        `classify_imm_${name}.json`,
      );
      const path = join(SHARED, 'datasets', file);
      const result = await runCommand(explainCommand, [
        path,
        '--k',
        String(k),
        '--method',
        'imm',
        '--json',
      ]);
      expect(result.code).toBe(0);
      const imm = JSON.parse(result.stdout) as ExplainJson;
      expect(imm.imm!.cost).toBeLessThanOrEqual(exkmc.cost * (1 + 1e-9));
      expect(Math.abs(imm.imm!.cost - exkmc.cost)).toBeLessThanOrEqual(1e-9 * exkmc.cost);
      imm.tree.forEach((node, i) => {
        const [feature, value] = exkmc.splits[i];
        expect(node.featureIndex).toBe(feature);
        if (feature < 0) return;
        // ExKMC's threshold is in the clustering's scaled units: scaling undone.
        const original = value * inputs.scale[feature] + inputs.center[feature];
        expect(Math.abs(node.threshold! - original)).toBeLessThanOrEqual(1e-9 * Math.abs(original));
      });
    }, 300_000);
  },
);
