import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import type { FeatureDescriptor } from '../../../src/core/explain/featureSpace';
import {
  fitImm,
  immRules,
  immThresholdsInOriginalUnits,
  type ImmInput,
} from '../../../src/core/explain/imm';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

/** Four rows around each of three centres, (0, 0), (10, 0) and (0, 10). */
function threeClusters(): ImmInput {
  const around = [
    [-1, 0],
    [1, 0],
    [0, 1],
    [0, -1],
  ];
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ];
  const rows = centres.flatMap(([x, y]) => around.map(([dx, dy]) => [x + dx, y + dy]));
  return {
    matrix: Float64Array.from(rows.flat()),
    n: 12,
    d: 2,
    centres: Float64Array.from(centres.flat()),
    k: 3,
    labels: Int32Array.from(rows.map((_, i) => Math.floor(i / 4))),
  };
}

describe('fitImm', () => {
  it('separates well-apart segments without a mistake, one leaf each', () => {
    const result = fitImm(threeClusters());
    const { tree } = result;
    // x <= 1 ? (y <= 1 ? 0 : 2) : 1 — feature 0 first: both features cut with no mistake.
    expect(Array.from(tree.feature)).toEqual([0, 1, -1, -1, -1]);
    expect(Array.from(tree.threshold.subarray(0, 2))).toEqual([1, 1]);
    expect(Array.from(tree.segment)).toEqual([-1, -1, 0, 2, 1]);
    expect(Array.from(tree.mistakes.subarray(0, 2))).toEqual([0, 0]);
    expect(result.moved).toBe(0);
    expect(result.cost).toBe(12);
    expect(result.clusteringCost).toBe(12);
  });

  it('chooses the cut of fewest mistakes, and costs the segments it makes', () => {
    // Centre 0 at 0 with rows 0, 1, 2 and an outlier at 12; centre 1 at 10 with rows 9, 10, 11.
    const result = fitImm({
      matrix: Float64Array.from([0, 1, 2, 12, 9, 10, 11]),
      n: 7,
      d: 1,
      centres: Float64Array.from([0, 10]),
      k: 2,
      labels: Int32Array.from([0, 0, 0, 0, 1, 1, 1]),
    });
    expect(result.tree.threshold[0]).toBe(2);
    expect(result.tree.mistakes[0]).toBe(1);
    expect(Array.from(result.assignment)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(result.moved).toBe(1);
    // {0, 1, 2} around 1 and {9, 10, 11, 12} around 10.5.
    expect(result.cost).toBe(2 + 5);
    expect(result.clusteringCost).toBeCloseTo(92.75 + 2, 12);
  });

  it('gives segments with the same centre one leaf, and says so', () => {
    const input = threeClusters();
    input.centres.set([10, 0], 4); // centre 2 now equals centre 1
    const result = fitImm(input);
    expect(Array.from(result.tree.segment).filter((s) => s >= 0)).toHaveLength(2);
    expect(result.notes.map(englishText)).toEqual([
      'Segment 1, Segment 2 have the same centre, so the threshold tree gives them one leaf (Segment 1).',
    ]);
    expect(result.notes.map((note) => renderMessage('zh', note))).toEqual([
      '细分群 1、细分群 2 的中心相同，所以阈值树只给它们一个叶节点（细分群 1）。',
    ]);
  });

  it('leaves rows labelled -1 out', () => {
    const input = threeClusters();
    input.labels[5] = -1;
    const result = fitImm(input);
    expect(result.assignment[5]).toBe(-1);
    expect(result.assignment[4]).toBe(1);
  });

  it('refuses fewer than two segments', () => {
    try {
      fitImm({ ...threeClusters(), k: 1, centres: new Float64Array(2) });
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
    }
  });

  it('always gives each of k distinct centres exactly one leaf, moving no more rows than its mistakes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 30, maxLength: 30 }),
        (k, d, values, labels) => {
          const n = 30;
          const matrix = Float64Array.from({ length: n * d }, (_, i) => values[i % 40] / 2);
          // Distinct centres: their first coordinate differs.
          const centres = Float64Array.from({ length: k * d }, (_, i) =>
            i % d === 0 ? Math.floor(i / d) * 3 - 5 : values[(i * 7) % 40],
          );
          const result = fitImm({
            matrix,
            n,
            d,
            centres,
            k,
            labels: Int32Array.from(labels, (l) => l % k),
          });
          const leaves = Array.from(result.tree.segment)
            .filter((s) => s >= 0)
            .sort();
          expect(leaves).toEqual(Array.from({ length: k }, (_, s) => s));
          const mistakes = Array.from(result.tree.mistakes).reduce((a, b) => a + b, 0);
          expect(result.moved).toBeLessThanOrEqual(mistakes);
          expect(Number.isFinite(result.cost)).toBe(true);
        },
      ),
    );
  });
});

describe('thresholds and rules in the user units', () => {
  const features: FeatureDescriptor[] = [
    { kind: 'numeric', column: 'Income', log1p: false },
    { kind: 'numeric', column: 'Spend', log1p: true },
  ];

  it('undoes the scaling, then log(1 + x)', () => {
    const result = fitImm(threeClusters());
    const center = Float64Array.from([50, 2]);
    const scale = Float64Array.from([10, 0.5]);
    const original = immThresholdsInOriginalUnits(result.tree, features, center, scale);
    expect(original[0]).toBe(1 * 10 + 50);
    expect(original[1]).toBeCloseTo(Math.expm1(1 * 0.5 + 2), 12);
    expect(original[2]).toBe(0);
  });

  it('reads each leaf as a rule', () => {
    const result = fitImm(threeClusters());
    const rules = immRules(result, features, Float64Array.from([0, 0]), Float64Array.from([1, 1]), [
      'Low',
      'High',
      'Wide',
    ]);
    expect(rules.map((rule) => englishText(rule.text))).toEqual([
      'Income <= 1 and Spend <= 1.71828 → Low (4 customers)',
      'Income <= 1 and Spend > 1.71828 → Wide (4 customers)',
      'Income > 1 → High (4 customers)',
    ]);
    expect(rules.map((rule) => rule.rows)).toEqual([4, 4, 4]);
  });

  it('names segments "Segment N" by default, and counts rows when told to', () => {
    const result = fitImm(threeClusters());
    const one = Float64Array.from([1, 1]);
    const zero = Float64Array.from([0, 0]);
    const rules = immRules(result, features, zero, one, undefined, 'rows');
    expect(englishText(rules[2].text)).toBe('Income > 1 → Segment 1 (4 rows)');
    expect(renderMessage('zh', rules[2].text)).toBe('Income > 1 → 细分群 1（4 行）');
  });
});
