import { describe, expect, it } from 'vitest';
import { buildInteractions } from '../../../src/core/recommend/interactions';
import { popularityRanking, recommendPopular } from '../../../src/core/recommend/popularity';

function matrix(rows: number[][], items: number) {
  const pairs = rows.flatMap((row, u) => row.map((j) => [u, j] as const));
  return buildInteractions(
    rows.length,
    Int32Array.from({ length: items }, (_, j) => j),
    Int32Array.from(rows, (_, u) => u),
    Int32Array.from(pairs, (p) => p[0]),
    Int32Array.from(pairs, (p) => p[1]),
    pairs.length,
  );
}

describe('popularity', () => {
  // Item 2: 3 buyers; items 0 and 3: 2 each (tie: 0 first); item 1: 1; item 4: none.
  const m = matrix(
    [
      [2, 3],
      [0, 2, 3],
      [0, 1, 2],
    ],
    5,
  );

  it('ranks items by buyers, ties to the lower id, leaving out items nobody bought', () => {
    expect(Array.from(popularityRanking(m))).toEqual([2, 0, 3, 1]);
  });

  it('recommends the best sellers each customer has not bought, with their buyer counts', () => {
    const lists = recommendPopular(m, Int32Array.from([0, 2]), 2);
    expect(Array.from(lists.items)).toEqual([0, 1, 3, -1]);
    expect(Array.from(lists.scores)).toEqual([2, 1, 2, 0]);
    expect(Array.from(lists.counts)).toEqual([2, 1]);
  });
});
