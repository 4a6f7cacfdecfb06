import { describe, expect, it } from 'vitest';
import { PART_NONE, PART_TEST, PART_TRAIN } from '../../../src/core/classify/stratifiedSplit';
import { createRandom } from '../../../src/core/common/random';
import { isUserError } from '../../../src/core/common/userError';
import type { FeatureDescriptor } from '../../../src/core/explain/featureSpace';
import {
  explainSample,
  explainSegments,
  explanationSample,
  type ExplainInput,
} from '../../../src/core/explain/segmentTree';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

const income: FeatureDescriptor = { kind: 'numeric', column: 'Annual Income (k$)', log1p: false };
const score: FeatureDescriptor = {
  kind: 'numeric',
  column: 'Spending Score (1-100)',
  log1p: false,
};

/** Mall-like customers whose segments follow two thresholds exactly. */
function mall(n = 200): ExplainInput {
  const matrix = new Float64Array(n * 2);
  const segments = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const spend = (i * 37) % 141;
    const points = ((i * 53) % 100) + 1;
    matrix[i * 2] = spend;
    matrix[i * 2 + 1] = points;
    segments[i] = spend <= 70 ? 0 : points <= 50 ? 1 : 2;
  }
  return { matrix, n, d: 2, features: [income, score], segments, segmentCount: 3 };
}

function expectUserError(run: () => unknown, code: string) {
  try {
    run();
    expect.unreachable();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  }
}

describe('explainSegments', () => {
  it('reads segments that follow thresholds as rules, in the units of the data', () => {
    const explanation = explainSegments(mall(), { depth: 2 });
    expect(explanation.rules.map((rule) => englishText(rule.text))).toEqual([
      'Annual Income (k$) <= 70.5 → Segment 0 (101 of 101 customers)',
      'Annual Income (k$) > 70.5 and Spending Score (1-100) <= 51 → Segment 1 (50 of 50 customers)',
      'Annual Income (k$) > 70.5 and Spending Score (1-100) > 51 → Segment 2 (49 of 49 customers)',
    ]);
    expect(renderMessage('zh', explanation.rules[1].text)).toBe(
      'Annual Income (k$) > 70.5 且 Spending Score (1-100) <= 51 → 细分群 1（50 位客户中有 50 位）',
    );
    // The counts are numbers, the segment a message, for the page to render.
    expect(explanation.rules[0].text.params).toMatchObject({
      matching: 101,
      rows: 101,
      segment: { key: 'explainSegmentName', params: { id: 0 } },
    });
    expect(explanation.fidelity).toEqual({ train: 1, test: 1, all: 1 });
    expect(explanation.poorlyExplained).toEqual([]);
    expect(explanation.report.all.f1[2]).toBe(1);
    expect(Array.from(explanation.treeSegment)).toEqual(Array.from(mall().segments));
  });

  it('fits on a stratified 75% and measures on the rest, rows per leaf max(5, 1%)', () => {
    const explanation = explainSegments(mall());
    const parts = Array.from(explanation.part);
    expect(parts.filter((p) => p === PART_TEST)).toHaveLength(50);
    expect(parts.filter((p) => p === PART_TRAIN)).toHaveLength(150);
    expect(explanation.tree.rows[0]).toBe(150);
    expect(explanation.minRowsPerLeaf).toBe(5);
    expect(explanation.depth).toBe(3);
    expect(explanation.report.test.total).toBe(50);
    const big = explainSegments(mall(2000), { depth: 1 });
    expect(big.minRowsPerLeaf).toBe(15);
    // The root's counts over all rows, per segment.
    expect(Array.from(big.nodeSegmentRows.subarray(0, 3)).reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('reads a one-hot feature as its category', () => {
    const n = 120;
    const matrix = new Float64Array(n * 3);
    const segments = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const isEast = i % 3 === 0 ? 1 : 0;
      matrix.set([i, isEast, 1 - isEast], i * 3);
      segments[i] = isEast ? 0 : 1;
    }
    const explanation = explainSegments(
      {
        matrix,
        n,
        d: 3,
        features: [
          income,
          { kind: 'category', column: 'Region', category: 'East' },
          { kind: 'category', column: 'Region', category: 'West' },
        ],
        segments,
        segmentCount: 2,
        segmentNames: ['Easterners', 'Westerners'],
      },
      { rowNoun: 'rows' },
    );
    expect(explanation.rules.map((rule) => englishText(rule.text))).toEqual([
      'Region is not East → Westerners (80 of 80 rows)',
      'Region is East → Easterners (40 of 40 rows)',
    ]);
    expect(renderMessage('zh', explanation.rules[1].text)).toBe(
      'Region 为 East → Easterners（40 行中有 40 行）',
    );
  });

  it('says which segments the tree cannot explain, and what that means', () => {
    const random = createRandom(2);
    const n = 600;
    const matrix = new Float64Array(n * 2);
    const segments = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      matrix.set([random.next() * 100, random.next() * 100], i * 2);
      // Segment 0 follows income; 1 and 2 are a coin toss among the rest; 3 is rare and scattered.
      segments[i] = matrix[i * 2] < 50 ? 0 : i % 40 === 0 ? 3 : random.next() < 0.5 ? 1 : 2;
    }
    const explanation = explainSegments(
      { matrix, n, d: 2, features: [income, score], segments, segmentCount: 4 },
      { depth: 2 },
    );
    const poor = new Map(explanation.poorlyExplained.map((p) => [p.segment, p]));
    expect(poor.has(0)).toBe(false);
    expect(poor.get(1)!.f1).toBeLessThan(0.7);
    expect(englishText(poor.get(1)!.sentence)).toMatch(
      /^Segment 1 is not explained well \(F1 0\.\d\d on the held-out rows\): its customers are not set apart/,
    );
    expect(poor.get(1)!.sentence.params).toMatchObject({ f1: poor.get(1)!.f1 });
    expect(poor.get(3)!.f1).toBe(0);
    expect(englishText(poor.get(3)!.sentence)).toMatch(
      /^Segment 3 gets no rule of its own \(F1 0\.00/,
    );
    expect(renderMessage('zh', poor.get(3)!.sentence)).toMatch(/^细分群 3 没有自己的规则/);
  });

  it('fits a seeded sample above maxRows, says so, and still measures every row', () => {
    const input = mall(3000);
    const explanation = explainSegments(input, { maxRows: 1000, depth: 2 });
    expect(explanation.sampleSize).toBe(1000);
    expect(explanation.totalRows).toBe(3000);
    expect(explanation.notes.map(englishText)).toEqual([
      'The tree was fitted and tested on a seeded sample of 1,000 of the 3,000 rows; its fidelity on all rows covers every row.',
    ]);
    expect(Array.from(explanation.part).filter((p) => p === PART_NONE)).toHaveLength(2000);
    expect(explanation.report.all.total).toBe(3000);
    expect(explanation.rules.reduce((sum, rule) => sum + rule.rows, 0)).toBe(3000);
    const again = explainSegments(input, { maxRows: 1000, depth: 2 });
    expect(Array.from(again.part)).toEqual(Array.from(explanation.part));
  });

  it('leaves rows in no segment out', () => {
    const input = mall();
    input.segments[0] = -1;
    input.segments[7] = -1;
    const explanation = explainSegments(input);
    expect(explanation.part[0]).toBe(PART_NONE);
    expect(explanation.treeSegment[7]).toBe(-1);
    expect(explanation.totalRows).toBe(198);
    expect(explanation.report.all.total).toBe(198);
  });

  it('refuses a depth outside 1..6, rows per leaf below 1, one segment, and no feature', () => {
    expectUserError(() => explainSegments(mall(), { depth: 7 }), 'bad-option');
    expectUserError(() => explainSegments(mall(), { depth: 0 }), 'bad-option');
    expectUserError(() => explainSegments(mall(), { minRowsPerLeaf: 0 }), 'bad-option');
    const one = mall();
    one.segments.fill(0);
    expectUserError(() => explainSegments(one), 'too-few-segments');
    expectUserError(
      () => explainSegments({ ...mall(), d: 0, matrix: new Float64Array(0), features: [] }),
      'no-features',
    );
  });

  it('gives the same explanation from a sample prepared once, for any depth', () => {
    const input = mall(500);
    const sample = explanationSample(input);
    for (const depth of [1, 2, 3]) {
      const whole = explainSegments(input, { depth });
      const fromSample = explainSample(input, sample, { depth });
      expect(Array.from(fromSample.treeSegment)).toEqual(Array.from(whole.treeSegment));
      expect(fromSample.rules).toEqual(whole.rules);
      expect(fromSample.fidelity).toEqual(whole.fidelity);
    }
  });

  it('reports progress up to 1', () => {
    const fractions: number[] = [];
    explainSegments(mall(), {}, (f) => fractions.push(f));
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeLessThanOrEqual(10);
  });
});
