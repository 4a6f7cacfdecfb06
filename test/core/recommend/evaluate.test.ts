import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { evaluateRecommenders, metricsByGroup } from '../../../src/core/recommend/evaluate';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

const linesOf = async (csv: string) =>
  selectOrderLines(await readCsv(textSource(csv)), {
    mapping: { ...EMPTY_MAPPING, customer: 'c', date: 'd', order: 'o', amount: 'a', item: 'i' },
    dateOrder: null,
  });

// x trains on p, q and is tested on r; z trains on q, r and is tested on p, s; y and w have one
// order each and only train.
const SHOP =
  'o,c,d,a,i\n' +
  '1,x,2024-01-01,5,p\n1,x,2024-01-01,5,q\n2,x,2024-02-01,5,r\n' +
  '3,y,2024-01-02,5,p\n3,y,2024-01-02,5,q\n3,y,2024-01-02,5,r\n' +
  '4,z,2024-01-03,5,q\n4,z,2024-01-03,5,r\n5,z,2024-02-03,5,p\n5,z,2024-02-03,5,s\n' +
  '6,w,2024-01-04,5,s\n';

describe('evaluateRecommenders', () => {
  it('measures every method on the same held-out customers, with figures worked out by hand', async () => {
    const lines = await linesOf(SHOP);
    const evaluation = evaluateRecommenders(lines);
    expect(evaluation.split).toEqual({
      customers: 4,
      items: 4,
      interactions: 11,
      customersWithTwoOrders: 2,
      customersEvaluated: 2,
      testItems: 3,
      trainingInteractions: 8,
      catalogue: 4,
    });
    const [popularity, item, user] = evaluation.methods;
    expect(evaluation.methods.map((m) => m.method)).toEqual(['popularity', 'item', 'user']);
    const names = (lists: typeof item.lists, r: number) =>
      Array.from(
        lists.items.subarray(r * 10, r * 10 + lists.counts[r]),
        (column) => 'pqrs'[column],
      );
    // Best sellers in training: q (3), then p and r (2, p first by id), then s (1).
    expect(names(popularity.lists, 0)).toEqual(['r', 's']);
    expect(names(popularity.lists, 1)).toEqual(['p', 's']);
    expect(popularity.overall).toEqual({
      customers: 2,
      hitRate: 1,
      precision: (0.1 + 0.2) / 2,
      recall: 1,
      ndcg: 1,
      map: 1,
      coverage: 3 / 4,
    });
    // Nobody else bought s, so the neighbour methods never reach it.
    for (const result of [item, user]) {
      expect(names(result.lists, 0)).toEqual(['r']);
      expect(names(result.lists, 1)).toEqual(['p']);
      expect(result.overall.recall).toBe((1 + 0.5) / 2);
      expect(result.overall.map).toBe((1 + 0.5) / 2);
      expect(result.overall.ndcg).toBeCloseTo((1 + 1 / (1 + 1 / Math.log2(3))) / 2, 15);
      expect(result.overall.coverage).toBe(2 / 4);
    }
    expect(item.lists.scores[0]).toBe(0.5 + 2 / Math.sqrt(6));
  });

  it('evaluates only the methods asked for, and reports progress a few dozen times, ending at 1', async () => {
    const lines = await linesOf(SHOP);
    const seen: number[] = [];
    const evaluation = evaluateRecommenders(lines, { top: 3 }, ['user', 'item'], (f) =>
      seen.push(f),
    );
    expect(evaluation.methods.map((m) => m.method)).toEqual(['user', 'item']);
    expect(evaluation.methods[0].lists.n).toBe(3);
    expect(seen.length).toBeLessThanOrEqual(60);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('splits the figures by group, with null for a group nobody in it was evaluated', async () => {
    const lines = await linesOf(SHOP);
    const evaluation = evaluateRecommenders(lines, {}, ['item']);
    const x = lines.customers.indexOf('x');
    const groupOf = lines.customers.map((_, u) => (u === x ? 0 : 1));
    const [first, second, third] = metricsByGroup(evaluation, evaluation.methods[0], groupOf, 3);
    expect(first).toMatchObject({ customers: 1, recall: 1, map: 1, coverage: 1 / 4 });
    expect(second).toMatchObject({ customers: 1, recall: 0.5, map: 0.5 });
    expect(third).toBeNull();
  });

  it('refuses an empty or unknown choice of methods', async () => {
    const lines = await linesOf(SHOP);
    expect(() => evaluateRecommenders(lines, {}, [])).toThrow(/at least one method/);
    expect(() => evaluateRecommenders(lines, {}, ['svd' as 'item'])).toThrow(/at least one method/);
  });

  it('says what is missing when no customer can be evaluated', async () => {
    const oneOrderEach = await linesOf('o,c,d,a,i\n1,x,2024-01-01,5,p\n2,y,2024-01-02,5,q\n');
    const onlyRepeats = await linesOf('o,c,d,a,i\n1,x,2024-01-01,5,p\n2,x,2024-01-02,5,p\n');
    for (const [lines, message] of [
      [oneOrderEach, /ordered twice/],
      [onlyRepeats, /had not bought before/],
    ] as const) {
      try {
        evaluateRecommenders(lines);
        expect.unreachable();
      } catch (error) {
        expect(isUserError(error) && error.code).toBe('too-few-orders');
        expect((error as Error).message).toMatch(message);
      }
    }
  });
});
