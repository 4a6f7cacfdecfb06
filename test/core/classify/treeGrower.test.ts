import { describe, expect, it } from 'vitest';
import { fitTree } from '../../../src/core/classify/decisionTree';
import { createRandom } from '../../../src/core/common/random';
import { prepareTreeData } from '../../../src/core/classify/treeData';
import { TreeGrower } from '../../../src/core/classify/treeGrower';

describe('TreeGrower', () => {
  it('grows the same tree again with its reused buffers', () => {
    const n = 500;
    const random = createRandom(3);
    const matrix = Float64Array.from({ length: n * 3 }, () => random.next());
    const target = Int32Array.from({ length: n }, (_, i) =>
      matrix[i * 3] + matrix[i * 3 + 1] > 1 ? 1 : 0,
    );
    const data = prepareTreeData(matrix, n, 3);
    const grower = new TreeGrower(data, n);
    const first = grower.grow(target, 2, { maxDepth: 4 });
    grower.grow(target, 2, { rows: Int32Array.from({ length: 100 }, (_, i) => i * 5) });
    const again = grower.grow(target, 2, { maxDepth: 4 });
    expect(Array.from(again.threshold)).toEqual(Array.from(first.threshold));
    expect(Array.from(again.counts)).toEqual(
      Array.from(fitTree(data, target, 2, { maxDepth: 4 }).counts),
    );
  });

  it('draws the features it tries when told to, and needs a generator for that', () => {
    const data = prepareTreeData(Float64Array.from([1, 2, 3, 4, 5, 6]), 3, 2);
    const target = Int32Array.from([0, 1, 1]);
    expect(() => new TreeGrower(data, 3).grow(target, 2, { maxFeatures: 1 })).toThrow(/random/);
    const tree = new TreeGrower(data, 3).grow(target, 2, {
      maxFeatures: 1,
      random: createRandom(0),
    });
    expect(tree.feature[0]).toBeGreaterThanOrEqual(0);
  });

  it('reports progress as rows settle in leaves, ending at 1', () => {
    const n = 400;
    const matrix = Float64Array.from({ length: n }, (_, i) => i);
    const target = Int32Array.from({ length: n }, (_, i) => (i % 7 < 3 ? 1 : 0));
    const fractions: number[] = [];
    fitTree(prepareTreeData(matrix, n, 1), target, 2, {}, (f) => fractions.push(f));
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.length).toBeLessThanOrEqual(25);
    expect(fractions.at(-1)).toBe(1);
  });
});
