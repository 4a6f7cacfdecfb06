import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractions, type Interactions } from '../../../src/core/recommend/interactions';
import { itemNeighbours, recommendItemKnn } from '../../../src/core/recommend/itemKnn';
import type { TopNLists } from '../../../src/core/recommend/topN';

/** A customers x items matrix from each customer's item list. */
function matrix(rows: number[][], items: number, ranks?: number[]): Interactions {
  const pairs = rows.flatMap((row, u) => row.map((j) => [u, j] as const));
  return buildInteractions(
    rows.length,
    Int32Array.from({ length: items }, (_, j) => j),
    Int32Array.from(ranks ?? rows.map((_, u) => u)),
    Int32Array.from(pairs, (p) => p[0]),
    Int32Array.from(pairs, (p) => p[1]),
    pairs.length,
  );
}

const listOf = (lists: TopNLists, r: number) =>
  Array.from(lists.items.subarray(r * lists.n, r * lists.n + lists.counts[r]));
const all = (m: Interactions) => Int32Array.from({ length: m.customerCount }, (_, u) => u);

/** The definitions, written the slow and obvious way. */
function bruteForce(rows: number[][], items: number, k: number, n: number): number[][] {
  const buyers = Array.from({ length: items }, (_, j) =>
    rows.flatMap((row, u) => (row.includes(j) ? [u] : [])),
  );
  const sim = (i: number, j: number) => {
    const common = buyers[i].filter((u) => buyers[j].includes(u)).length;
    return common === 0 ? 0 : common / Math.sqrt(buyers[i].length * buyers[j].length);
  };
  const neighbours = buyers.map((_, i) =>
    buyers
      .map((_, j) => j)
      .filter((j) => j !== i && sim(i, j) > 0)
      .sort((a, b) => sim(i, b) - sim(i, a) || a - b)
      .slice(0, k),
  );
  return rows.map((row) => {
    const bought = [...new Set(row)].sort((a, b) => a - b);
    const score = new Array<number>(items).fill(0);
    for (const i of bought) for (const j of neighbours[i]) score[j] += sim(i, j);
    return score
      .map((_, j) => j)
      .filter((j) => !bought.includes(j) && score[j] > 0)
      .sort((a, b) => score[b] - score[a] || a - b)
      .slice(0, n);
  });
}

describe('itemNeighbours', () => {
  // Items 0 and 1 share 2 of 2 and 3 buyers; 1 and 2 share 2 of 3 and 2; 0 and 2 share 1 of 2 and 2.
  const m = matrix([[0, 1], [0, 1, 2], [1, 2], [3]], 4);

  it('keeps each item’s most similar items by cosine, ties to the lower id, never itself', () => {
    const one = itemNeighbours(m, 1);
    expect(Array.from(one.ids)).toEqual([1, 0, 1, -1]);
    expect(one.similarities[0]).toBe(2 / Math.sqrt(6));
    const three = itemNeighbours(m, 3);
    expect(Array.from(three.ids.subarray(0, 3))).toEqual([1, 2, -1]);
    expect(three.similarities[1]).toBe(0.5);
    for (let i = 0; i < 4; i++)
      for (let q = 0; q < three.counts[i]; q++) expect(three.ids[i * 3 + q]).not.toBe(i);
  });

  it('gives no neighbour to an item nobody else’s customers bought (zero similarity)', () => {
    expect(itemNeighbours(m, 3).counts[3]).toBe(0);
  });
});

describe('recommendItemKnn', () => {
  const m = matrix([[0, 1], [0, 1, 2], [1, 2], [3]], 4);

  it('adds the similarities of the bought items that have the item among their neighbours', () => {
    const lists = recommendItemKnn(m, itemNeighbours(m, 2), all(m), 10);
    expect(listOf(lists, 0)).toEqual([2]);
    expect(lists.scores[0]).toBe(0.5 + 2 / Math.sqrt(6));
    expect(listOf(lists, 2)).toEqual([0]);
    expect(listOf(lists, 1)).toEqual([]); // bought everything that is similar to anything
    expect(listOf(lists, 3)).toEqual([]); // no neighbours at all
  });

  it('counts an item only through the neighbour lists: with K = 1 nothing new reaches the first customer', () => {
    expect(listOf(recommendItemKnn(m, itemNeighbours(m, 1), all(m), 10), 0)).toEqual([]);
  });

  it('matches the definitions on random purchases, lists and scores', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (items, raw, k, n) => {
          const rows = raw.map((row) => row.map((j) => j % items));
          const m = matrix(rows, items);
          const lists = recommendItemKnn(m, itemNeighbours(m, k), all(m), n);
          const expected = bruteForce(rows, items, k, n);
          rows.forEach((_, u) => expect(listOf(lists, u)).toEqual(expected[u]));
        },
      ),
    );
  });
});
