import { describe, expect, it } from 'vitest';
import { TreeBuilder } from '../../../src/core/classify/treeNodes';

describe('TreeBuilder', () => {
  it('numbers nodes as they are added, links children, and grows past its first capacity', () => {
    const builder = new TreeBuilder(2, 3);
    const root = builder.add(-1, false, 0, Float64Array.from([3, 1]), 4, 4, 0.375);
    let parent = root;
    for (let i = 0; i < 100; i++)
      parent = builder.add(parent, i % 2 === 0, i + 1, Float64Array.from([i, 1]), 2, i + 1, 0);
    builder.feature[root] = 2;
    builder.threshold[root] = 1.5;
    const tree = builder.finish();
    expect(tree.nodeCount).toBe(101);
    expect(tree.left[0]).toBe(1);
    expect(tree.right[1]).toBe(2);
    expect(tree.left[2]).toBe(3);
    expect(tree.feature[0]).toBe(2);
    expect(tree.threshold[0]).toBe(1.5);
    expect(tree.feature[100]).toBe(-1);
    expect(Array.from(tree.counts.subarray(0, 2))).toEqual([3, 1]);
    expect(Array.from(tree.counts.subarray(200, 202))).toEqual([99, 1]);
    expect(tree.depth[100]).toBe(100);
    expect(tree.counts).toHaveLength(202);
  });
});
