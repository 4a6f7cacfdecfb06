import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interactionsFromLines } from '../../../src/core/recommend/interactions';
import { itemNeighbours } from '../../../src/core/recommend/itemKnn';
import { similarityTo } from '../../../src/core/recommend/neighbours';
import { userNeighbours } from '../../../src/core/recommend/userKnn';
import {
  boughtItems,
  mostRecommended,
  recommendForCustomers,
  type Recommendations,
} from '../../../src/core/recommend/recommendations';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines, type OrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const linesOf = async (csv: string) =>
  selectOrderLines(await readCsv(textSource(csv)), {
    mapping: { ...EMPTY_MAPPING, customer: 'c', date: 'd', order: 'o', amount: 'a', item: 'i' },
    dateOrder: null,
  });

// Over the whole history x and y bought p, q, r; z bought p, q, r, s; w bought s.
const SHOP =
  'o,c,d,a,i\n' +
  '1,x,2024-01-01,5,p\n1,x,2024-01-01,5,q\n2,x,2024-02-01,5,r\n' +
  '3,y,2024-01-02,5,p\n3,y,2024-01-02,5,q\n3,y,2024-01-02,5,r\n' +
  '4,z,2024-01-03,5,q\n4,z,2024-01-03,5,r\n5,z,2024-02-03,5,p\n5,z,2024-02-03,5,s\n' +
  '6,w,2024-01-04,5,s\n';

function listOf(lines: OrderLines, recommendations: Recommendations, customer: string) {
  const c = lines.customers.indexOf(customer);
  const at = (k: number) => c * recommendations.n + k;
  return Array.from({ length: recommendations.counts[c] }, (_, k) => [
    lines.items[recommendations.items[at(k)]],
    recommendations.because[at(k)] === -1 ? null : lines.items[recommendations.because[at(k)]],
  ]);
}

describe('recommendForCustomers', () => {
  it('item-based: learns from the whole history and names the purchase that adds most', async () => {
    const lines = await linesOf(SHOP);
    const recommendations = recommendForCustomers(lines, 'item');
    // p, q, r are equally similar to s (1/sqrt(6)): ties go to the lower id.
    expect(listOf(lines, recommendations, 'w')).toEqual([
      ['p', 's'],
      ['q', 's'],
      ['r', 's'],
    ]);
    expect(listOf(lines, recommendations, 'x')).toEqual([['s', 'p']]);
    expect(listOf(lines, recommendations, 'z')).toEqual([]);
    const w = lines.customers.indexOf('w');
    expect(recommendations.scores[w * 10]).toBe(1 / Math.sqrt(6));
  });

  it('user-based: names the purchase most shared with the neighbours who bought the item', async () => {
    const lines = await linesOf(SHOP);
    const recommendations = recommendForCustomers(lines, 'user');
    // w's only neighbour is z (s in common); z bought p, q, r.
    expect(listOf(lines, recommendations, 'w')).toEqual([
      ['p', 's'],
      ['q', 's'],
      ['r', 's'],
    ]);
    // x's neighbours: y (1) and z (3 of 4 in common): only z bought s; x shares p, q, r with z.
    expect(listOf(lines, recommendations, 'x')).toEqual([['s', 'p']]);
  });

  it('best sellers: no purchase to name, never an item already bought', async () => {
    const lines = await linesOf(SHOP);
    const recommendations = recommendForCustomers(lines, 'popularity', { top: 2 });
    expect(listOf(lines, recommendations, 'w')).toEqual([
      ['p', null],
      ['q', null],
    ]);
    expect(listOf(lines, recommendations, 'x')).toEqual([['s', null]]);
  });

  it('lists what a customer bought, and the items most often recommended in a group', async () => {
    const lines = await linesOf(SHOP);
    const recommendations = recommendForCustomers(lines, 'item');
    const z = lines.customers.indexOf('z');
    expect(Array.from(boughtItems(recommendations, z), (id) => lines.items[id])).toEqual([
      'p',
      'q',
      'r',
      's',
    ]);
    const everyone = mostRecommended(recommendations, lines.items, null, null, 10);
    expect(everyone.map(({ item, customers }) => [lines.items[item], customers])).toEqual([
      ['s', 2],
      ['p', 1],
      ['q', 1],
      ['r', 1],
    ]);
    const groupOf = lines.customers.map((id) => (id === 'w' ? 1 : 0));
    const ofW = mostRecommended(recommendations, lines.items, groupOf, 1, 2);
    expect(ofW.map(({ item }) => lines.items[item])).toEqual(['p', 'q']);
  });
});

describe('because', () => {
  /** The purchase a recommendation comes from, straight from its definition. */
  function expectedBecause(lines: OrderLines, method: 'item' | 'user', k: number) {
    const m = interactionsFromLines(lines);
    const all = Int32Array.from({ length: m.customerCount }, (_, u) => u);
    const items = itemNeighbours(m, k);
    const users = userNeighbours(m, all, k, 'cosine');
    const row = (u: number) => Array.from(m.rowItems.subarray(m.rowStart[u], m.rowStart[u + 1]));
    return (u: number, j: number): number => {
      let best = -1;
      let bestWeight = 0;
      for (const i of row(u)) {
        let weight = 0;
        if (method === 'item') weight = similarityTo(items, i, j);
        else
          for (let q = 0; q < users.counts[u]; q++) {
            const v = users.ids[u * k + q];
            if (row(v).includes(i) && row(v).includes(j)) weight += users.similarities[u * k + q];
          }
        if (weight > bestWeight) {
          bestWeight = weight;
          best = i;
        }
      }
      return best === -1 ? -1 : m.itemOfColumn[best];
    };
  }

  it.each(['item', 'user'] as const)(
    '%s-based: names the bought item the definition names, on random purchases',
    async (method) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom('p', 'q', 'r', 's', 't', 'u')),
            { minLength: 1, maxLength: 40 },
          ),
          fc.integer({ min: 1, max: 4 }),
          async (purchases, k) => {
            const lines = await linesOf(
              'o,c,d,a,i\n' +
                purchases.map(([c, item], n) => `${n + 1},c${c},2024-01-01,5,${item}`).join('\n'),
            );
            const recommendations = recommendForCustomers(lines, method, {
              itemNeighbours: k,
              userNeighbours: k,
              top: 3,
            });
            const expected = expectedBecause(lines, method, k);
            const m = recommendations.interactions;
            const columnOf = new Map(Array.from(m.itemOfColumn, (item, column) => [item, column]));
            for (let u = 0; u < m.customerCount; u++)
              for (let at = u * 3; at < u * 3 + recommendations.counts[u]; at++) {
                const because = recommendations.because[at];
                expect(because).toBe(expected(u, columnOf.get(recommendations.items[at])!));
                expect(because).not.toBe(-1);
              }
          },
        ),
        { numRuns: 40 },
      );
    },
  );
});
