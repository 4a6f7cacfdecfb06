import { describe, expect, it } from 'vitest';
import { FpTrees, NONE } from '../../../src/core/basket/fpTrees';
import { basketsOf } from './bruteForce';

/** Every root-to-node path of the tree at the pool's start, as "rank rank ...: count". */
function paths(trees: FpTrees, root: number): string[] {
  const out: string[] = [];
  for (let node = root + 1; node < trees.size; node++) {
    const ranks: number[] = [];
    for (let up = node; trees.item[up] !== NONE; up = trees.parent[up])
      ranks.unshift(trees.item[up]);
    out.push(`${ranks.join(' ')}: ${trees.count[node]}`);
  }
  return out.sort();
}

const nodesOf = (trees: FpTrees, depth: number, rank: number) => {
  const nodes: number[] = [];
  for (let node = trees.head[depth][rank]; node !== NONE; node = trees.link[node]) nodes.push(node);
  return nodes;
};

describe('FpTrees', () => {
  // Items are their own ranks here (rankOf is the identity); item 3 is not frequent.
  const rankOf = Int32Array.from([0, 1, 2, NONE]);

  it('builds the tree of all baskets, sharing common prefixes, nodes depth-first', () => {
    const trees = new FpTrees(3, 3);
    const isPath = trees.buildFirst(
      basketsOf([[0, 1, 2], [0, 2], [1, 3], [0, 1], [2]]),
      rankOf,
      [3, 3, 3],
    );
    expect(isPath).toBe(false);
    expect(paths(trees, 0)).toEqual(['0 1 2: 1', '0 1: 2', '0 2: 1', '0: 3', '1: 1', '2: 1']);
    // Each rank's nodes are listed in the order they were made, which is depth-first.
    for (let rank = 0; rank < 3; rank++) {
      const nodes = nodesOf(trees, 0, rank);
      expect(nodes).toEqual([...nodes].sort((a, b) => a - b));
    }
    expect(nodesOf(trees, 0, 2).length).toBe(3);
    expect(Array.from(trees.total[0])).toEqual([3, 3, 3]);
    expect(trees.presentCount[0]).toBe(3);
  });

  it('knows a tree that is one path', () => {
    const nested = new FpTrees(3, 3);
    expect(nested.buildFirst(basketsOf([[0, 1, 2], [0, 1], [0], [3]]), rankOf, [3, 2, 1])).toBe(
      true,
    );
    const empty = new FpTrees(0, 1);
    expect(empty.buildFirst(basketsOf([[3]]), rankOf, [])).toBe(true);
  });

  it('inserts a conditional tree above the first and drops it again', () => {
    const trees = new FpTrees(3, 3);
    trees.buildFirst(basketsOf([[0, 1], [2]]), rankOf, [1, 1, 1]);
    const mark = trees.size;
    const root = trees.newNode(NONE, 0, NONE);
    trees.insert(1, root, Int32Array.from([0, 2]), 2, 3);
    trees.insert(1, root, Int32Array.from([0, 1]), 2, 1);
    trees.insert(1, root, Int32Array.from([0, 2]), 2, 2);
    expect(paths(trees, root)).toEqual(['0 1: 1', '0 2: 5', '0: 6']);
    trees.presentCount[1] = 3;
    trees.present[1].set([0, 1, 2]);
    trees.drop(1, mark);
    expect(trees.size).toBe(mark);
    expect(Array.from(trees.head[1])).toEqual([NONE, NONE, NONE]);
  });

  it('counts every pair of ranks in one pass over the first tree (the FP-array)', () => {
    const trees = new FpTrees(3, 3);
    trees.buildFirst(basketsOf([[0, 1, 2], [0, 2], [1, 2], [0, 1], [2]]), rankOf, [3, 3, 4]);
    // Triangle: (1, 0), (2, 0), (2, 1).
    expect(Array.from(trees.pairCounts(3)!)).toEqual([2, 2, 2]);
    expect(trees.pairCounts(2)).toBeNull();
    expect(Array.from(new FpTrees(1, 1).pairCounts(0)!)).toEqual([]);
  });

  it("records the first tree's pattern bases of the ranks asked for, frequent ranks only", () => {
    const trees = new FpTrees(3, 3);
    trees.buildFirst(
      basketsOf([
        [0, 1, 2],
        [0, 1, 2],
        [0, 2],
        [1, 2],
        [0, 1],
      ]),
      rankOf,
      [4, 4, 4],
    );
    const pairs = trees.pairCounts(3)!;
    // With rank 2: rank 0 in 3 baskets, rank 1 in 3. At 3 both stay; at 4 neither.
    const bases = trees.firstPatternBases(pairs, 3, Uint8Array.from([0, 0, 1]));
    const records = (rank: number) =>
      Array.from(bases.offsets.subarray(bases.first[rank], bases.first[rank + 1]), (at) => {
        const length = bases.data[at + 1];
        return [bases.data[at], ...bases.data.subarray(at + 2, at + 2 + length)];
      });
    // [count, ranks above nearest first]
    expect(records(2).sort()).toEqual(
      [
        [1, 0],
        [1, 1],
        [2, 1, 0],
      ].sort(),
    );
    expect(records(1)).toEqual([]);
    const none = trees.firstPatternBases(pairs, 4, Uint8Array.from([0, 0, 1]));
    expect(Array.from(none.offsets, (at) => none.data[at + 1])).toEqual([0, 0, 0]);
  });

  it('grows its arrays past their first size', () => {
    const trees = new FpTrees(1, 1);
    const sets = Array.from({ length: 3000 }, () => [0]);
    trees.buildFirst(basketsOf(sets), Int32Array.from([0]), [3000]);
    for (let k = 0; k < 3000; k++) trees.newNode(0, 1, 0);
    expect(trees.size).toBe(3002);
    expect(trees.count[1]).toBe(3000);
  });
});
