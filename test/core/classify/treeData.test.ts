import { describe, expect, it } from 'vitest';
import { fitTree } from '../../../src/core/classify/decisionTree';
import { prepareTreeData } from '../../../src/core/classify/treeData';

describe('prepareTreeData', () => {
  it('sorts a feature of many values and counts one of few', () => {
    const n = 300;
    const matrix = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      matrix[i * 2] = (i * 7919) % n; // 300 distinct values: kept sorted
      matrix[i * 2 + 1] = i % 3; // 3 values: counted
    }
    const data = prepareTreeData(matrix, n, 2);
    const sorted = data.sorted[0]!;
    for (let k = 1; k < n; k++)
      expect(matrix[sorted[k] * 2]).toBeGreaterThan(matrix[sorted[k - 1] * 2]);
    expect(data.countedSlot[0]).toBe(-1);
    expect(data.countedSlot[1]).toBe(0);
    expect(data.sorted[1]).toBeNull();
    expect(Array.from(data.lower[1]!)).toEqual([0, 1, 2]);
    // One counted feature: the codes are its ranks, row by row.
    expect(Array.from(data.codes.subarray(0, 4))).toEqual([0, 1, 2, 0]);
  });

  it('refuses a value that is not finite (cleaning never leaves one)', () => {
    expect(() => prepareTreeData(Float64Array.from([1, NaN]), 2, 1)).toThrow(/is NaN/);
  });
});

describe('prepareTreeData with bins', () => {
  it('puts equal values in one bin and makes at most the bins asked for', () => {
    const n = 1000;
    const matrix = Float64Array.from({ length: n }, (_, i) => (i < 300 ? 0 : i));
    const data = prepareTreeData(matrix, n, 1, { bins: 16 });
    const codes = data.codes;
    expect(data.lower[0]!.length).toBeLessThanOrEqual(16);
    expect(new Set(Array.from(codes.subarray(0, 300)))).toEqual(new Set([0]));
    for (let i = 1; i < n; i++) expect(codes[i]).toBeGreaterThanOrEqual(codes[i - 1]);
    // A tree on bins splits between bins: midway between one bin's top and the next one's bottom.
    const target = Int32Array.from({ length: n }, (_, i) => (i < 500 ? 0 : 1));
    const tree = fitTree(data, target, 2, { maxDepth: 1 });
    const t = tree.threshold[0];
    expect(t).toBeGreaterThan(400);
    expect(t).toBeLessThan(600);
    const lower = data.lower[0]!;
    const upper = data.upper[0]!;
    const bin = Array.from(upper).findIndex((top, b) => top < t && t < lower[b + 1]);
    expect(t).toBe(upper[bin] / 2 + lower[bin + 1] / 2);
  });

  it('keeps features of few values exact', () => {
    const data = prepareTreeData(Float64Array.from([3, 1, 2, 1, 3]), 5, 1, { bins: 4 });
    expect(Array.from(data.lower[0]!)).toEqual([1, 2, 3]);
    expect(Array.from(data.codes)).toEqual([2, 0, 1, 0, 2]);
  });
});
