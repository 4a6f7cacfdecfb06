import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import * as evaluate from '../../../src/core/recommend/evaluate';
import { evaluateRecommenders, metricsByGroup } from '../../../src/core/recommend/evaluate';
import { recommendForCustomers } from '../../../src/core/recommend/recommendations';
import type * as recommendationsModule from '../../../src/core/recommend/recommendations';
import {
  cachedRecommendations,
  forgetRecommendations,
  recommendEvaluation,
  recommendEvaluationByGroup,
  type RecommendRequest,
} from '../../../src/core/session/recommendSession';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { quickOptions } from '../../support/sessionData';
import {
  openOrders,
  openShop,
  ORDERS_ITEMS_RFM,
  RECENCY_MAP,
  SHOP_RFM,
} from '../../support/recommendShop';

// Counts the evaluations and full-history computations actually run (the cache must spare them).
const calls = vi.hoisted(() => ({ evaluate: 0, recommend: 0 }));
vi.mock('../../../src/core/recommend/evaluate', async (importOriginal) => {
  const actual = await importOriginal<typeof evaluate>();
  return {
    ...actual,
    evaluateRecommenders: (...args: Parameters<typeof actual.evaluateRecommenders>) => {
      calls.evaluate++;
      return actual.evaluateRecommenders(...args);
    },
  };
});
vi.mock('../../../src/core/recommend/recommendations', async (importOriginal) => {
  const actual = await importOriginal<typeof recommendationsModule>();
  return {
    ...actual,
    recommendForCustomers: (...args: Parameters<typeof actual.recommendForCustomers>) => {
      calls.recommend++;
      return actual.recommendForCustomers(...args);
    },
  };
});

beforeEach(() => {
  calls.evaluate = 0;
  calls.recommend = 0;
});

const shop: RecommendRequest = { rfm: SHOP_RFM, options: {} };
const english = renderMessage.bind(null, 'en');

describe('recommendEvaluation', () => {
  it('gives the split in numbers and in a sentence, and the core figures of every method side by side', async () => {
    const session = await openShop();
    const view = recommendEvaluation(session, shop);
    const core = evaluateRecommenders(session.orderLines(SHOP_RFM));
    expect(view.split).toEqual({
      customers: 4,
      items: 4,
      interactions: 11,
      customersWithTwoOrders: 2,
      customersEvaluated: 2,
      testItems: 3,
      trainingInteractions: 8,
      catalogue: 4,
    });
    expect(english(view.splitSentence)).toBe(
      '2 customers of 4 ordered at least twice; their last order is held out, and the 2 customers whose last order has products they had not bought before are measured on those 3 products, with models that learn from every other order (8 customer–product pairs over 4 products).',
    );
    expect(renderMessage('zh', view.splitSentence)).toContain('4 个客户中有 2 个至少下过两次订单');
    expect(view.methods.map((m) => m.method)).toEqual(['popularity', 'item', 'user']);
    expect(view.methods.map((m) => english(m.name))).toEqual([
      'Best sellers',
      'Item-based',
      'User-based',
    ]);
    expect(view.methods.map((m) => m.metrics)).toEqual(core.methods.map((m) => m.overall));
    expect(view.options).toEqual({
      itemNeighbours: 20,
      userNeighbours: 50,
      similarity: 'cosine',
      top: 10,
    });
    // Best sellers put every test item first; the neighbour methods never reach s.
    const itemNdcg = (1 + 1 / (1 + 1 / Math.log2(3))) / 2;
    expect(view.methods[1].metrics.ndcg).toBeCloseTo(itemNdcg, 15);
    expect(view.verdict).toMatchObject({ winner: 'popularity', runnerUp: 'item' });
    expect(view.verdict.margin).toBeCloseTo(1 - itemNdcg, 15);
    expect(english(view.verdict.sentence)).toBe(
      'Best sellers wins on NDCG@10: 1.000 against 0.807 for item-based (24.0% higher).',
    );
  });

  it('is a plain object the worker can post (structured clone keeps it whole)', async () => {
    const view = recommendEvaluation(await openShop(), shop);
    expect(structuredClone(view)).toEqual(view);
  });

  it('evaluates once per lines and options: the same options written otherwise, or another snapshot, reuse it', async () => {
    const session = await openShop();
    const first = recommendEvaluation(session, shop);
    expect(calls.evaluate).toBe(1);
    const same = recommendEvaluation(session, {
      rfm: { ...SHOP_RFM, snapshot: Date.UTC(2024, 2, 1) },
      options: { top: 10, similarity: 'cosine', itemNeighbours: 20 },
    });
    expect(same).toEqual(first);
    expect(calls.evaluate).toBe(1);
    recommendEvaluation(session, { ...shop, options: { top: 3 } });
    expect(calls.evaluate).toBe(2);
    // Two evaluations are kept: going back costs nothing.
    recommendEvaluation(session, shop);
    expect(calls.evaluate).toBe(2);
    forgetRecommendations(session);
    recommendEvaluation(session, shop);
    expect(calls.evaluate).toBe(3);
  });

  it('evaluates only the methods asked for, in the usual order', async () => {
    const session = await openShop();
    const view = recommendEvaluation(session, shop, undefined, ['user', 'item']);
    expect(view.methods.map((m) => m.method)).toEqual(['item', 'user']);
    expect(view.verdict).toMatchObject({ winner: null, runnerUp: 'user', margin: 0 });
    expect(english(view.verdict.sentence)).toBe(
      'Item-based and user-based tie on NDCG@10 at 0.807.',
    );
  });

  it('reports progress a few dozen times at most, never backwards, ending at 1 (also from the cache)', async () => {
    const session = await openOrders();
    const seen: number[] = [];
    recommendEvaluation(session, { rfm: ORDERS_ITEMS_RFM, options: {} }, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.length).toBeLessThanOrEqual(60);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen.at(-1)).toBe(1);
    const again: number[] = [];
    recommendEvaluation(session, { rfm: ORDERS_ITEMS_RFM, options: {} }, (f) => again.push(f));
    expect(again).toEqual([1]);
  });

  it('refuses what the user can fix, as user errors', async () => {
    const session = await openShop();
    const refusals: [() => unknown, RegExp][] = [
      [() => recommendEvaluation(session, { ...shop, options: { top: 0 } }), /from 1 to 1000/],
      [
        () =>
          recommendEvaluation(session, { ...shop, options: { similarity: 'jaccard' as 'cosine' } }),
        /cosine or pearson/,
      ],
      [() => recommendEvaluation(session, shop, undefined, []), /at least one method/],
      [
        () => recommendEvaluation(session, shop, undefined, ['svd' as 'item']),
        /at least one method/,
      ],
      [
        () =>
          recommendEvaluation(session, {
            ...shop,
            rfm: { ...SHOP_RFM, mapping: { ...SHOP_RFM.mapping, item: null } },
          }),
        /choose the item column/,
      ],
    ];
    for (const [attempt, sentence] of refusals) {
      let caught: unknown = null;
      try {
        attempt();
      } catch (error) {
        caught = error;
      }
      expect(isUserError(caught), String(sentence)).toBe(true);
      expect((caught as Error).message).toMatch(sentence);
    }
    const single = await openShop('o,c,d,a,i,n\n1,x,2024-01-01,5,p,P\n2,y,2024-01-02,5,q,Q\n');
    expect(() => recommendEvaluation(single, shop)).toThrow(/ordered twice/);
  });
});

describe('recommendEvaluationByGroup', () => {
  it('splits the figures by named segment from the evaluation already made, with the winner per segment', async () => {
    const session = await openShop();
    const overall = recommendEvaluation(session, shop);
    const seen: number[] = [];
    const view = await recommendEvaluationByGroup(
      session,
      shop,
      { kind: 'rfm', map: RECENCY_MAP },
      undefined,
      (f) => seen.push(f),
    );
    expect(calls.evaluate).toBe(1);
    expect(seen).toEqual([1]);
    expect(view.kind).toBe('rfm');
    expect(view.methods).toEqual(['popularity', 'item', 'user']);
    const [recent, lapsed] = view.groups;
    // x and z are recent and are the two evaluated customers: their figures are the overall ones.
    expect(recent).toMatchObject({ group: 0, name: 'recent', customers: 2, evaluated: 2 });
    expect(recent.metrics).toEqual(overall.methods.map((m) => m.metrics));
    expect(recent.verdict).toEqual(overall.verdict);
    expect(lapsed).toMatchObject({ group: 1, name: 'lapsed', customers: 2, evaluated: 0 });
    expect(lapsed.metrics).toEqual([null, null, null]);
    expect(lapsed.verdict.winner).toBeNull();
    expect(english(lapsed.verdict.sentence)).toMatch(/No customer here can be measured/);
    expect(structuredClone(view)).toEqual(view);
  });

  it('per cluster of a clustering of the RFM figures, with the clusters the session gives', async () => {
    const session = await openOrders();
    const request = { rfm: ORDERS_ITEMS_RFM, options: {} };
    const clustering = quickOptions({ k: 3 });
    const view = await recommendEvaluationByGroup(session, request, {
      kind: 'cluster',
      clustering,
      k: 3,
    });
    const clusters = await session.customerClusters(ORDERS_ITEMS_RFM, clustering, 3);
    expect(view.groups.map((g) => g.group)).toEqual([0, 1, 2]);
    expect(view.groups.map((g) => g.customers)).toEqual(
      [0, 1, 2].map((c) => clusters.filter((x) => x === c).length),
    );
    for (const group of view.groups) expect(english(group.name as never).length).toBeGreaterThan(0);
    const evaluation = evaluate.evaluateRecommenders(session.orderLines(ORDERS_ITEMS_RFM));
    evaluation.methods.forEach((result, m) => {
      expect(view.groups.map((g) => g.metrics[m])).toEqual(
        metricsByGroup(evaluation, result, clusters, 3),
      );
    });
  });

  it('the groups add up: every evaluated customer is in one group, and the means weighted by size are the overall ones', async () => {
    const session = await openOrders();
    const request = { rfm: ORDERS_ITEMS_RFM, options: { top: 5 } };
    const overall = recommendEvaluation(session, request);
    for (const scheme of ['rf-grid', 'rfm-mean'] as const) {
      const { rfm } = session.linesAndRfm(ORDERS_ITEMS_RFM);
      const names = scheme === 'rf-grid' ? 10 : 8;
      const map = {
        scheme,
        names: Array.from({ length: names }, (_, s) => `segment ${s}`),
        cells: Array.from({ length: scheme === 'rf-grid' ? 25 : 8 }, (_, c) => c % names),
      };
      const view = await recommendEvaluationByGroup(session, request, { kind: 'rfm', map });
      expect(view.groups.reduce((s, g) => s + g.customers, 0)).toBe(rfm.customers.length);
      expect(view.groups.reduce((s, g) => s + g.evaluated, 0)).toBe(
        overall.split.customersEvaluated,
      );
      overall.methods.forEach(({ metrics }, m) => {
        for (const key of ['hitRate', 'precision', 'recall', 'ndcg', 'map'] as const) {
          const weighted = view.groups.reduce(
            (s, g) => s + (g.metrics[m] === null ? 0 : g.metrics[m]![key] * g.evaluated),
            0,
          );
          expect(weighted / overall.split.customersEvaluated).toBeCloseTo(metrics[key], 12);
        }
      });
    }
    expect(calls.evaluate).toBe(1);
  });

  it('refuses a segment map the user broke, and a k the clustering does not have', async () => {
    const session = await openShop();
    await expect(
      recommendEvaluationByGroup(session, shop, {
        kind: 'rfm',
        map: { ...RECENCY_MAP, names: ['same', 'Same'] },
      }),
    ).rejects.toThrow(/Two segments are called/);
    await expect(
      recommendEvaluationByGroup(session, shop, {
        kind: 'rfm',
        map: { ...RECENCY_MAP, cells: [0, 0, 0, 0, 1, 1, 1, 2] },
      }),
    ).rejects.toThrow(/must belong to a segment/);
    const orders = await openOrders();
    await expect(
      recommendEvaluationByGroup(
        orders,
        { rfm: ORDERS_ITEMS_RFM, options: {} },
        {
          kind: 'cluster',
          clustering: quickOptions({ k: 2 }),
          k: 9,
        },
      ),
    ).rejects.toSatisfy(isUserError);
  });
});

describe('cachedRecommendations', () => {
  it('computes every customer’s list on the full history once per method and options', async () => {
    const session = await openShop();
    const lists = cachedRecommendations(session, shop, 'item');
    expect(lists).toEqual(recommendForCustomers(session.orderLines(SHOP_RFM), 'item'));
    expect(calls.recommend).toBe(2);
    expect(cachedRecommendations(session, { ...shop, options: { top: 10 } }, 'item')).toBe(lists);
    cachedRecommendations(session, shop, 'user');
    cachedRecommendations(session, shop, 'popularity');
    expect(cachedRecommendations(session, shop, 'item')).toBe(lists);
    expect(calls.recommend).toBe(4);
    expect(() => cachedRecommendations(session, shop, 'all' as 'item')).toThrow(
      /popularity, item, user or all/,
    );
  });
});
