import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractions, type Interactions } from '../../../src/core/recommend/interactions';
import { binaryPearson, type UserSimilarity } from '../../../src/core/recommend/similarity';
import type { TopNLists } from '../../../src/core/recommend/topN';
import { recommendUserKnn, userNeighbours } from '../../../src/core/recommend/userKnn';

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
const neighbourIds = (m: Interactions, k: number, similarity: UserSimilarity) => {
  const neighbours = userNeighbours(m, all(m), k, similarity);
  return Array.from({ length: m.customerCount }, (_, u) =>
    Array.from(neighbours.ids.subarray(u * k, u * k + neighbours.counts[u])),
  );
};

/** The definitions, written the slow and obvious way (customer rank = index). */
function bruteForce(
  rows: number[][],
  items: number,
  k: number,
  n: number,
  similarity: UserSimilarity,
): number[][] {
  const sets = rows.map((row) => [...new Set(row)].sort((a, b) => a - b));
  const known = new Set(sets.flat()).size;
  const sim = (u: number, v: number) => {
    const common = sets[u].filter((j) => sets[v].includes(j)).length;
    const a = sets[u].length;
    const b = sets[v].length;
    if (similarity === 'pearson') return binaryPearson(common, a, b, known);
    return common === 0 ? 0 : common / Math.sqrt(a * b);
  };
  return sets.map((bought, u) => {
    const neighbours = sets
      .map((_, v) => v)
      .filter((v) => v !== u && sim(u, v) > 0)
      .sort((a, b) => sim(u, b) - sim(u, a) || a - b)
      .slice(0, k)
      .sort((a, b) => a - b);
    const score = new Array<number>(items).fill(0);
    for (const v of neighbours) for (const j of sets[v]) score[j] += sim(u, v);
    return score
      .map((_, j) => j)
      .filter((j) => !bought.includes(j) && score[j] > 0)
      .sort((a, b) => score[b] - score[a] || a - b)
      .slice(0, n);
  });
}

describe('userNeighbours', () => {
  // A bought {0, 1}, B {0, 1, 2}, C {1, 2}, D {3}.
  const m = matrix([[0, 1], [0, 1, 2], [1, 2], [3]], 4);

  it('keeps each customer’s most similar customers by cosine, never themselves', () => {
    expect(neighbourIds(m, 1, 'cosine')).toEqual([[1], [0], [1], []]);
    expect(neighbourIds(m, 3, 'cosine')).toEqual([[1, 2], [0, 2], [1, 0], []]);
  });

  it('with Pearson, drops customers no more alike than chance (zero or negative correlation)', () => {
    // A and C: 4 x 1 - 2 x 2 = 0; D shares nothing with anyone: negative.
    expect(neighbourIds(m, 3, 'pearson')).toEqual([[1], [0, 2], [1], []]);
    const neighbours = userNeighbours(m, all(m), 3, 'pearson');
    expect(neighbours.similarities[0]).toBe(2 / Math.sqrt(12));
  });

  it('breaks ties by customer id as text: "10" before "9"', () => {
    // Customers 0 ('9') and 1 ('10') are equally like customer 2.
    const tied = matrix([[0], [0], [0, 1]], 2, [2, 0, 1]);
    expect(neighbourIds(tied, 1, 'cosine')[2]).toEqual([1]);
  });

  it('gives a customer with no training purchases no neighbours and no list', () => {
    const withEmpty = matrix([[0, 1], [], [0]], 2);
    expect(neighbourIds(withEmpty, 5, 'cosine')[1]).toEqual([]);
    expect(neighbourIds(withEmpty, 5, 'pearson')[1]).toEqual([]);
    const lists = recommendUserKnn(
      withEmpty,
      userNeighbours(withEmpty, all(withEmpty), 5, 'cosine'),
      all(withEmpty),
      3,
    );
    expect(listOf(lists, 1)).toEqual([]);
  });
});

describe('recommendUserKnn', () => {
  const m = matrix([[0, 1], [0, 1, 2], [1, 2], [3]], 4);

  it('adds the similarity of every neighbour who bought the item', () => {
    const customers = all(m);
    const lists = recommendUserKnn(m, userNeighbours(m, customers, 3, 'cosine'), customers, 10);
    expect(listOf(lists, 0)).toEqual([2]);
    expect(lists.scores[0]).toBe(2 / Math.sqrt(6) + 0.5);
    expect(listOf(lists, 2)).toEqual([0]);
    expect(listOf(lists, 3)).toEqual([]);
  });

  it('scores only the customers asked for, row by row', () => {
    const customers = Int32Array.from([2]);
    const lists = recommendUserKnn(m, userNeighbours(m, customers, 1, 'cosine'), customers, 10);
    expect(lists.customers).toBe(customers);
    expect(listOf(lists, 0)).toEqual([0]);
    expect(lists.scores[0]).toBe(2 / Math.sqrt(6));
  });

  it.each(['cosine', 'pearson'] as const)(
    'matches the definitions on random purchases (%s)',
    (similarity) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 8 }),
          fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 5 }),
          (items, raw, k, n) => {
            const rows = raw.map((row) => row.map((j) => j % items));
            const m = matrix(rows, items);
            const customers = all(m);
            const lists = recommendUserKnn(
              m,
              userNeighbours(m, customers, k, similarity),
              customers,
              n,
            );
            const expected = bruteForce(rows, items, k, n, similarity);
            rows.forEach((_, u) => expect(listOf(lists, u)).toEqual(expected[u]));
          },
        ),
      );
    },
  );
});
