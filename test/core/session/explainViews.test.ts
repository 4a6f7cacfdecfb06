import { describe, expect, it } from 'vitest';
import { fitImm } from '../../../src/core/explain/imm';
import { explainSample, explanationSample } from '../../../src/core/explain/segmentTree';
import type { FeatureDescriptor } from '../../../src/core/explain/featureSpace';
import type { ExplainStage } from '../../../src/core/session/explainStage';
import { immView, treeView } from '../../../src/core/session/explainViews';
import { englishText } from '../../../src/i18n/formatMessage';

/**
 * Three groups on two features and two noise rows, in scaled units; in the user's units the
 * first feature is 10 + 2x and the second 100 + 4y.
 */
function stageOf(): { stage: ExplainStage; centres: Float64Array } {
  const points: [number, number, number][] = [];
  const groups = [
    [0, 0],
    [5, 0],
    [0, 5],
  ];
  groups.forEach(([x, y], segment) => {
    for (let i = 0; i < 6; i++)
      points.push([x + (i % 3) * 0.2, y + Math.floor(i / 3) * 0.3, segment]);
  });
  // A row of the first group among the second: no cut between their centres keeps it.
  points.push([5.1, 0.1, 0]);
  points.push([9, 9, -1], [-4, 7, -1]);
  const n = points.length;
  const d = 2;
  const scaled = Float64Array.from(points.flatMap(([x, y]) => [x, y]));
  const labels = Int8Array.from(points, ([, , segment]) => segment);
  const center = Float64Array.of(10, 100);
  const scale = Float64Array.of(2, 4);
  const centres = new Float64Array(3 * d);
  const sizes = new Float64Array(3);
  points.forEach(([x, y, segment]) => {
    if (segment < 0) return;
    centres[segment * d] += x;
    centres[segment * d + 1] += y;
    sizes[segment]++;
  });
  for (let c = 0; c < 3; c++) for (let j = 0; j < d; j++) centres[c * d + j] /= sizes[c];
  const features: FeatureDescriptor[] = [
    { kind: 'numeric', column: 'income', log1p: false },
    { kind: 'numeric', column: 'visits', log1p: false },
  ];
  const stage = {
    key: 'test',
    input: {
      matrix: Float64Array.from(scaled, (v, i) => center[i % d] + scale[i % d] * v),
      n,
      d,
      features,
      segments: labels,
      segmentCount: 3,
    },
    scaled,
    center,
    scale,
    noise: 2,
    result: { k: 3, labels, centroids: centres },
  } as unknown as ExplainStage;
  return { stage, centres };
}

describe('immView', () => {
  it('counts the rows of each segment at every node, noise left out, thresholds in user units', () => {
    const { stage, centres } = stageOf();
    const { input } = stage;
    const labels = stage.result.labels;
    const imm = fitImm({ matrix: stage.scaled, n: input.n, d: 2, centres, k: 3, labels });
    const view = immView(stage, ['Low', 'East', 'North'], imm);
    expect(view.method).toBe('imm');
    expect(view.tree).toBeNull();
    expect(view.features.map((f) => f.name)).toEqual(['income', 'visits']);
    expect(view.rows).toEqual({
      analysed: 21,
      explained: 19,
      noise: 2,
      sample: 19,
      train: 0,
      test: 0,
    });
    expect(view.notes.map(englishText)).toContain(
      '2 rows that DBSCAN found to be noise belong to no segment and are left out of the explanation.',
    );
    const root = view.nodes[0];
    expect(root.depth).toBe(0);
    expect(root.counts).toEqual([7, 6, 6]);
    expect(view.nodes).toHaveLength(5);
    for (const node of view.nodes) {
      expect(node.rows).toBe(node.counts.reduce((a, b) => a + b, 0));
      if (node.left < 0) continue;
      const [left, right] = [view.nodes[node.left], view.nodes[node.right]];
      expect(left.depth).toBe(node.depth + 1);
      expect(right.depth).toBe(node.depth + 1);
      expect(left.counts.map((c, s) => c + right.counts[s])).toEqual(node.counts);
      // The threshold in the user's units is the scaled one mapped back.
      const f = node.feature;
      expect(node.threshold).toBeCloseTo(
        stage.center[f] + stage.scale[f] * imm.tree.threshold[node.node],
        12,
      );
      expect(englishText(node.branches!.left)).toContain(' <= ');
    }
    const leaves = view.nodes.filter((node) => node.left < 0);
    expect(leaves.map((leaf) => leaf.segment).sort()).toEqual([0, 1, 2]);
    // Each rule counts the rows its leaf gives its segment that the clustering put there too.
    expect(view.rules.reduce((sum, rule) => sum + rule.matching, 0) + view.imm!.moved).toBe(19);
    expect(view.imm!.moved).toBe(1);
    expect(view.imm!.ratio).toBeCloseTo(imm.cost / imm.clusteringCost, 12);
    expect(view.rules.map((rule) => englishText(rule.text)).join(' ')).toContain('→ East');
  });
});

describe('treeView', () => {
  it("shows the CART tree's counts over every row, its split, and segments named as the caller names them", () => {
    const { stage } = stageOf();
    const { input } = stage;
    const explanation = explainSample(input, explanationSample(input), {
      depth: 2,
      minRowsPerLeaf: 2,
    });
    const view = treeView(stage, ['Low', 'East', 'North'], explanation);
    expect(view.method).toBe('tree');
    expect(view.imm).toBeNull();
    expect(view.rows.analysed).toBe(21);
    expect(view.rows.noise).toBe(2);
    expect(view.rows.explained).toBe(19);
    // Every row in a segment is fitted or tested on: this is no sample.
    expect(view.rows.train + view.rows.test).toBe(19);
    expect(view.rows.train).toBe(Array.from(explanation.part).filter((p) => p === 0).length);
    const k = 3;
    view.nodes.forEach((node, index) => {
      expect(node.counts).toEqual(
        Array.from(explanation.nodeSegmentRows.subarray(index * k, index * k + k)),
      );
      expect(node.fitted).toEqual(
        Array.from(explanation.tree.counts.subarray(index * k, index * k + k)),
      );
      if (node.left >= 0) {
        expect(view.nodes[node.left].depth).toBe(node.depth + 1);
        // The tree is fitted in the user's units: its thresholds are shown as they are.
        expect(node.threshold).toBe(explanation.tree.threshold[index]);
      }
    });
    expect(view.nodes[0].counts).toEqual([7, 6, 6]);
    expect(view.tree!.depth).toBe(2);
    expect(view.tree!.minRowsPerLeaf).toBe(2);
    const rules = view.rules.map((rule) => englishText(rule.text)).join(' ');
    expect(rules).toMatch(/→ (Low|East|North)/);
    expect(rules).not.toMatch(/Segment \d/);
    expect(view.notes.map(englishText)).toContain(
      '2 rows that DBSCAN found to be noise belong to no segment and are left out of the explanation.',
    );
  });
});
