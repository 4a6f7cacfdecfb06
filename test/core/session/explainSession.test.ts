import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { isUserError } from '../../../src/core/common/userError';
import { message, type Message } from '../../../src/core/common/message';
import * as imm from '../../../src/core/explain/imm';
import * as segmentTree from '../../../src/core/explain/segmentTree';
import { textSource } from '../../../src/core/read/byteSource';
import type { ExplainRequest } from '../../../src/core/session/explainRequest';
import { explainView } from '../../../src/core/session/explainSession';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import {
  customersCsv,
  ordersCsv,
  ordersRfm,
  quickOptions,
  explainRowsRequest as rowsRequest,
} from '../../support/sessionData';

vi.mock('../../../src/core/explain/segmentTree', async (importOriginal) => {
  const actual = await importOriginal<typeof segmentTree>();
  return {
    ...actual,
    explanationSample: vi.fn(actual.explanationSample),
    explainSample: vi.fn(actual.explainSample),
  };
});
vi.mock('../../../src/core/explain/imm', async (importOriginal) => {
  const actual = await importOriginal<typeof imm>();
  return { ...actual, fitImm: vi.fn(actual.fitImm) };
});

const open = (csv: string) => AnalysisSession.open(textSource(csv), 'customers.csv', {});

async function expectUserError(work: () => Promise<unknown>, code: string, key?: string) {
  try {
    await work();
    expect.unreachable();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    if (key) expect((error as { sentence: { key: string } }).sentence.key).toBe(key);
  }
}

beforeEach(() => vi.clearAllMocks());

describe('explainView with a tree', () => {
  it('explains every row of a segmentation: nodes, rules, fidelity, report and confusion', async () => {
    const session = await open(customersCsv);
    const view = await explainView(session, rowsRequest());
    const analysis = await session.segmentation(rowsRequest().segmentation);
    const n = analysis.rows.length;
    expect(view.method).toBe('tree');
    expect(view.rows).toMatchObject({ analysed: n, explained: n, noise: 0, sample: n });
    expect(view.rows.train + view.rows.test).toBe(n);
    // A stratified quarter: a quarter of each segment, rounded.
    expect(Math.abs(view.rows.test - 0.25 * n)).toBeLessThanOrEqual(1.5);
    // The root holds every row, each segment's count as the clustering made it.
    const sizes = Array.from(resultFor(analysis, 3)!.sizes);
    expect(view.nodes[0].counts).toEqual(sizes);
    // Segments named as the profiles name them (as the export's segment_name).
    expect(view.segmentNames).toEqual(
      resultFor(analysis, 3)!.profiles.segments.map((segment) =>
        message('explainSegmentLabelled', { id: segment.id, label: segment.label }),
      ),
    );
    expect(view.nodes[0].rows).toBe(n);
    // The rows the tree was fitted on, per segment (scikit-learn's tree_.value).
    expect(view.nodes[0].fitted!.reduce((a, b) => a + b, 0)).toBe(view.rows.train);
    for (const node of view.nodes) {
      if (node.feature < 0) {
        expect(node.threshold).toBeNull();
        expect(node.left).toBe(-1);
      } else {
        expect(Number.isFinite(node.threshold)).toBe(true);
        const children = view.nodes[node.left].rows + view.nodes[node.right].rows;
        expect(children).toBe(node.rows);
        expect(englishText(node.branches!.left)).toContain('<=');
      }
    }
    // One rule per leaf, the leaves' rows adding up to every row.
    const leaves = view.nodes.filter((node) => node.feature < 0);
    expect(view.rules.map((rule) => rule.leaf)).toEqual(leaves.map((leaf) => leaf.node));
    expect(view.rules.reduce((sum, rule) => sum + rule.rows, 0)).toBe(n);
    expect(englishText(view.rules[0].text)).toMatch(/ → Segment \d: .+ \(\d+ of \d+ customers\)$/);
    expect(renderMessage('zh', view.rules[0].text)).toMatch(
      / → 细分群 \d：.+（\d+ 位客户中有 \d+ 位）$/,
    );
    const tree = view.tree!;
    expect(tree.depth).toBe(3);
    expect(tree.minRowsPerLeaf).toBe(Math.max(5, Math.ceil(0.01 * view.rows.train)));
    expect(tree.fidelity.all).toBeGreaterThan(0.7);
    expect(tree.fidelity.all).toBeLessThanOrEqual(1);
    expect(tree.report.test.total).toBe(view.rows.test);
    expect(Array.from(tree.confusion.all).reduce((a, b) => a + b, 0)).toBe(n);
    expect(tree.confusion.test).toHaveLength(9);
    expect(view.imm).toBeNull();
    expect(view.features.map((f) => f.name)).toEqual(analysis.features.map((f) => f.column));
    // Small enough to cross to the page: no functions, no class instances.
    expect(structuredClone(view)).toEqual(view);
  });

  it('computes a request once, and refits only the tree when the depth changes', async () => {
    const session = await open(customersCsv);
    const first = await explainView(session, rowsRequest());
    expect(await explainView(session, rowsRequest())).toBe(first);
    expect(segmentTree.explanationSample).toHaveBeenCalledTimes(1);
    expect(segmentTree.explainSample).toHaveBeenCalledTimes(1);
    const deeper = await explainView(session, rowsRequest({ depth: 5 }));
    expect(deeper.tree!.depth).toBe(5);
    expect(segmentTree.explanationSample).toHaveBeenCalledTimes(1);
    expect(segmentTree.explainSample).toHaveBeenCalledTimes(2);
    // Back to depth 3 (another view: other names): its tree is kept, not grown again.
    await explainView(session, rowsRequest(), undefined, ['a', 'b', 'c']);
    expect(segmentTree.explainSample).toHaveBeenCalledTimes(2);
    // Another k is another set of rows to explain.
    await explainView(session, rowsRequest({ k: 2 }));
    expect(segmentTree.explanationSample).toHaveBeenCalledTimes(2);
  });

  it("names segments as the caller does: the user's labels as text, or messages", async () => {
    const session = await open(customersCsv);
    const names = [
      'Young savers',
      'Big spenders',
      { key: 'explainSegmentName', params: { id: 9 } },
    ] as const;
    const view = await explainView(session, rowsRequest(), undefined, [...names]);
    expect(view.segmentNames).toEqual(names);
    for (const rule of view.rules) expect(rule.text.params!.segment).toEqual(names[rule.segment]);
    const texts = view.rules.map((rule) => englishText(rule.text));
    expect(texts.some((text) => /→ (Young savers|Big spenders|Segment 9) \(/.test(text))).toBe(
      true,
    );
    // The tree is the same tree: names are words, not a refit.
    expect(segmentTree.explainSample).toHaveBeenCalledTimes(1);
  });

  it('reads one-hot features as their category', async () => {
    const session = await open(customersCsv);
    const request = rowsRequest({
      segmentation: {
        options: quickOptions({ k: 3, features: [], oneHot: ['region'] }),
        rfm: null,
      },
    });
    const view = await explainView(session, request);
    expect(view.features.map((f) => englishText(f.name as never))).toEqual(
      expect.arrayContaining(['region is East', 'region is West']),
    );
    const texts = view.rules.map((rule) => englishText(rule.text));
    expect(texts.some((text) => /region is (not )?(North|East|South|West)/.test(text))).toBe(true);
    expect(texts.every((text) => !text.includes('<='))).toBe(true);
  });

  it('works for every k the segmentation made, and refuses one it did not', async () => {
    const session = await open(customersCsv);
    for (const k of [2, 4]) {
      const view = await explainView(session, rowsRequest({ k }));
      expect(view.k).toBe(k);
      expect(view.nodes[0].counts).toHaveLength(k);
    }
    await expectUserError(
      () => explainView(session, rowsRequest({ k: 7 })),
      'bad-option',
      'explainNoK',
    );
    await expectUserError(() => explainView(session, rowsRequest({ k: 1 })), 'too-few-segments');
    await expectUserError(() => explainView(session, rowsRequest({ depth: 7 })), 'bad-option');
    await expectUserError(
      () => explainView(session, rowsRequest({ method: 'forest' as never })),
      'bad-option',
      'explainMethod',
    );
  });

  it("leaves DBSCAN's noise out, and says so", async () => {
    const session = await open(customersCsv);
    const segmentation = {
      options: quickOptions({ algorithm: 'dbscan', eps: 0.9, minPts: 8 }),
      rfm: null,
    };
    const analysis = await session.segmentation(segmentation);
    const result = analysis.results[0];
    const noise = Array.from(result.labels).filter((label) => label < 0).length;
    expect(noise).toBeGreaterThan(0);
    expect(result.k).toBeGreaterThanOrEqual(2);
    const view = await explainView(session, { ...rowsRequest(), segmentation, k: result.k });
    expect(view.rows.noise).toBe(noise);
    expect(view.rows.explained).toBe(analysis.rows.length - noise);
    expect(view.nodes[0].rows).toBe(view.rows.explained);
    expect(view.notes.map(englishText)).toContain(
      `${noise} rows that DBSCAN found to be noise belong to no segment and are left out of the explanation.`,
    );
  });

  it('explains RFM customers by recency, frequency and monetary in their own units', async () => {
    const session = await open(ordersCsv);
    const request: ExplainRequest = {
      ...rowsRequest(),
      segmentation: { options: quickOptions({ k: 3 }), rfm: ordersRfm },
    };
    const view = await explainView(session, request);
    // Named in the reader's language (they are the page's words, not the user's columns).
    expect(view.features.map((f) => f.name)).toEqual([
      message('rfmFeatureRecency'),
      message('rfmFeatureFrequency'),
      message('rfmFeatureMonetary'),
    ]);
    expect(view.features.map((f) => renderMessage('zh', f.name as Message))).toEqual([
      '最近购买天数',
      '购买频次',
      '消费金额',
    ]);
    const rules = view.rules.map((rule) => renderMessage('zh', rule.text)).join(' / ');
    expect(rules).not.toMatch(/recency|frequency|monetary/);
    expect(rules).toMatch(/最近购买天数|购买频次|消费金额/);
    expect(view.rows.analysed).toBe(session.rfm(ordersRfm).customers.length);
    // Frequencies are whole numbers: a split on them falls halfway between two (log undone).
    for (const node of view.nodes)
      if (node.feature === 1) expect(Number.isInteger(node.threshold! * 2)).toBe(true);
  });
});

describe('explainView with IMM', () => {
  it('gives one leaf per segment, its k-means cost next to the clustering, and what it moves', async () => {
    const session = await open(customersCsv);
    const request = rowsRequest({ method: 'imm' });
    const view = await explainView(session, request);
    const analysis = await session.segmentation(request.segmentation);
    expect(view.tree).toBeNull();
    expect(view.rules).toHaveLength(3);
    expect(view.rules.map((rule) => rule.segment).sort()).toEqual([0, 1, 2]);
    expect(view.nodes).toHaveLength(5);
    expect(view.nodes.every((node) => node.fitted === null && !node.tied)).toBe(true);
    const { cost, clusteringCost, ratio, moved } = view.imm!;
    expect(clusteringCost).toBeCloseTo(resultFor(analysis, 3)!.inertia, 6);
    expect(cost).toBeGreaterThanOrEqual(clusteringCost);
    expect(ratio).toBeCloseTo(cost / clusteringCost, 12);
    const n = analysis.rows.length;
    // Rows the tree keeps in their segment, and those it moves, are every row.
    expect(view.rules.reduce((sum, rule) => sum + rule.matching, 0) + moved).toBe(n);
    expect(view.rules.reduce((sum, rule) => sum + rule.rows, 0)).toBe(n);
    expect(view.nodes[0].rows).toBe(n);
    expect(englishText(view.rules[0].text)).toMatch(/ → Segment \d: .+ \(\d+ customers\)$/);
    expect(await explainView(session, request)).toBe(view);
    expect(imm.fitImm).toHaveBeenCalledTimes(1);
    // Its depth setting is the tree's, not IMM's: the same tree.
    await explainView(session, { ...request, depth: 5 });
    expect(imm.fitImm).toHaveBeenCalledTimes(1);
  });
});

describe('explaining many rows', () => {
  it('fits on a seeded sample of 100,000 rows above that, and says so', async () => {
    const lines = ['x,y'];
    for (let i = 0; i < 100_050; i++) lines.push(`${i % 1000},${(i * 7919) % 997}`);
    const session = await open(lines.join('\n'));
    const view = await explainView(session, {
      ...rowsRequest({ k: 2, depth: 2 }),
      segmentation: {
        options: quickOptions({ k: 2, kMax: 2, nInit: 1, silhouetteSample: 100 }),
        rfm: null,
      },
    });
    expect(view.rows.sample).toBe(100_000);
    expect(view.rows.explained).toBe(100_050);
    expect(view.rows.train + view.rows.test).toBe(100_000);
    expect(view.notes.map(englishText)).toEqual([
      'The tree was fitted and tested on a seeded sample of 100,000 of the 100,050 rows; its fidelity on all rows covers every row.',
    ]);
    expect(view.tree!.report.all.total).toBe(100_050);
  }, 60_000);
});

describe('progress', () => {
  it('runs from 0 to 1, a few times', async () => {
    const session = await open(customersCsv);
    const fractions: number[] = [];
    await explainView(session, rowsRequest(), (f) => fractions.push(f));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeLessThan(20);
  });
});
