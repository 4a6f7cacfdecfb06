import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { mostRecommended } from '../../../src/core/recommend/recommendations';
import type * as recommendationsModule from '../../../src/core/recommend/recommendations';
import {
  BOUGHT_SHOWN,
  customerRecommendations,
  mostRecommendedByGroup,
  recommendationsExport,
} from '../../../src/core/session/recommendLists';
import {
  cachedRecommendations,
  type RecommendRequest,
} from '../../../src/core/session/recommendSession';
import { renderMessage } from '../../../src/i18n/formatMessage';
import {
  openOrders,
  openShop,
  ORDERS_ITEMS_RFM,
  RECENCY_MAP,
  SHOP_RFM,
} from '../../support/recommendShop';
import { quickOptions } from '../../support/sessionData';

const calls = vi.hoisted(() => ({ recommend: 0 }));
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
  calls.recommend = 0;
});

const shop: RecommendRequest = { rfm: SHOP_RFM, options: {} };
const english = (m: Parameters<typeof renderMessage>[1]) => renderMessage('en', m);
const parse = (parts: string[]) =>
  Papa.parse<string[]>(parts.join('').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('customerRecommendations', () => {
  it('shows what the customer bought, their top N with the purchase behind each, and their segment', async () => {
    const session = await openShop();
    const x = customerRecommendations(session, shop, 'item', 'x', RECENCY_MAP);
    expect(x).toEqual({
      found: true,
      id: 'x',
      customer: 1,
      method: 'item',
      n: 10,
      boughtCount: 3,
      bought: [
        { item: 'p', description: 'PEN' },
        { item: 'q', description: 'QUILL' },
        { item: 'r', description: 'RULER' },
      ],
      // s is as similar to each of p, q, r (1/sqrt(6)); the tie names the lowest id.
      recommendations: [
        {
          rank: 1,
          item: 's',
          description: 'STAMP',
          score: 1 / Math.sqrt(6) + 1 / Math.sqrt(6) + 1 / Math.sqrt(6),
          because: { item: 'p', description: 'PEN' },
        },
      ],
      segment: 0,
      segmentName: 'recent',
    });
    expect(structuredClone(x)).toEqual(x);
  });

  it('best sellers name no purchase; a customer with nothing left to recommend gets an empty list; no map, no segment', async () => {
    const session = await openShop();
    const w = customerRecommendations(session, shop, 'popularity', ' w ', null);
    expect(w.found && w.recommendations.map((r) => [r.item, r.score, r.because])).toEqual([
      ['p', 3, null],
      ['q', 3, null],
      ['r', 3, null],
    ]);
    expect(w.found && [w.segment, w.segmentName]).toEqual([null, null]);
    const z = customerRecommendations(session, shop, 'item', 'z', RECENCY_MAP);
    expect(z.found && z.recommendations).toEqual([]);
  });

  it('says so when the id is unknown, and reads 17850.0 as 17850 as the order lines do', async () => {
    const session = await openShop();
    const unknown = customerRecommendations(session, shop, 'user', ' nobody ', RECENCY_MAP);
    expect(unknown.found).toBe(false);
    expect(!unknown.found && english(unknown.sentence)).toBe(
      'There is no customer "nobody" among the 4 customers of the order lines: type the id as the customer column writes it.',
    );
    expect(!unknown.found && renderMessage('zh', unknown.sentence)).toContain('“nobody”');
    expect(calls.recommend).toBe(0);
    const orders = await openOrders();
    const request = { rfm: ORDERS_ITEMS_RFM, options: { top: 4 } };
    const id = orders.orderLines(ORDERS_ITEMS_RFM).customers[0];
    const found = customerRecommendations(orders, request, 'item', `${id}.0`, null);
    expect(found.found && found.id).toBe(id);
  });

  it('lists at most BOUGHT_SHOWN purchases, and counts them all', async () => {
    const rows = ['o,c,d,a,i,n'];
    for (let k = 0; k < BOUGHT_SHOWN + 5; k++) rows.push(`1,big,2024-01-01,1,item${k},D${k}`);
    rows.push('2,small,2024-01-02,1,item0,D0');
    const session = await openShop(rows.join('\n') + '\n');
    const big = customerRecommendations(session, shop, 'popularity', 'big', null);
    expect(big.found && [big.boughtCount, big.bought.length]).toEqual([
      BOUGHT_SHOWN + 5,
      BOUGHT_SHOWN,
    ]);
  });

  it('computes the lists once: look-ups, the most recommended and the download share them', async () => {
    const session = await openShop();
    customerRecommendations(session, shop, 'user', 'x', null);
    customerRecommendations(session, shop, 'user', 'y', RECENCY_MAP);
    await mostRecommendedByGroup(session, shop, 'user', { kind: 'rfm', map: RECENCY_MAP });
    await recommendationsExport(session, shop, 'user', { grouping: null }, english);
    expect(calls.recommend).toBe(1);
  });

  it('refuses a method that is not one, even for an unknown id', async () => {
    const session = await openShop();
    expect(() => customerRecommendations(session, shop, 'all' as 'item', 'nobody', null)).toThrow(
      /popularity, item, user or all/,
    );
  });
});

describe('mostRecommendedByGroup', () => {
  it('per segment, the items in most of its customers’ lists, most first and ties by id', async () => {
    const session = await openShop();
    const view = await mostRecommendedByGroup(session, shop, 'item', {
      kind: 'rfm',
      map: RECENCY_MAP,
    });
    const entries = (g: number) => view.groups[g].items.map((e) => [e.item, e.customers]);
    expect(view).toMatchObject({ method: 'item', n: 10 });
    // recent: x gets s, z gets nothing; lapsed: y gets s, w gets p, q, r.
    expect(view.groups[0]).toMatchObject({ group: 0, name: 'recent', customers: 2 });
    expect(entries(0)).toEqual([['s', 1]]);
    expect(view.groups[1].items[0]).toEqual({ item: 'p', description: 'PEN', customers: 1 });
    expect(entries(1)).toEqual([
      ['p', 1],
      ['q', 1],
      ['r', 1],
      ['s', 1],
    ]);
  });

  it('equals the core’s count per cluster, ten items at most', async () => {
    const session = await openOrders();
    const request = { rfm: ORDERS_ITEMS_RFM, options: {} };
    const clustering = quickOptions({ k: 3 });
    const view = await mostRecommendedByGroup(session, request, 'user', {
      kind: 'cluster',
      clustering,
      k: 3,
    });
    const clusters = await session.customerClusters(ORDERS_ITEMS_RFM, clustering, 3);
    const lines = session.orderLines(ORDERS_ITEMS_RFM);
    const lists = cachedRecommendations(session, request, 'user');
    for (const group of view.groups) {
      expect(group.items.length).toBeLessThanOrEqual(10);
      expect(group.items.map((e) => [e.item, e.customers])).toEqual(
        mostRecommended(lists, lines.items, clusters, group.group, 10).map((e) => [
          lines.items[e.item],
          e.customers,
        ]),
      );
    }
    expect(view.groups.some((g) => g.items.length === 10)).toBe(true);
  });
});

describe('recommendationsExport', () => {
  it('every customer’s list with their segment, named in the user’s language', async () => {
    const session = await openShop();
    const all = await recommendationsExport(
      session,
      shop,
      'item',
      { grouping: { kind: 'rfm', map: RECENCY_MAP } },
      english,
    );
    expect(all.fileName).toBe('shop - recommendations (item-based).csv');
    const rows = parse(all.parts);
    expect(rows[0]).toEqual([
      'customer',
      'segment',
      'rank',
      'item',
      'description',
      'score',
      'because',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[3], row[6]])).toEqual([
      ['w', 'lapsed', '1', 'p', 's'],
      ['w', 'lapsed', '2', 'q', 's'],
      ['w', 'lapsed', '3', 'r', 's'],
      ['x', 'recent', '1', 's', 'p'],
      ['y', 'lapsed', '1', 's', 'p'],
    ]);
    const zh = await recommendationsExport(session, shop, 'item', { grouping: null }, (m) =>
      renderMessage('zh', m),
    );
    expect(zh.fileName).toBe('shop - 推荐（基于商品）.csv');
    expect(
      parse(zh.parts)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(['', '', '', '', '']);
  });

  it('one segment’s customers only, or one cluster’s; a group that is not there is refused', async () => {
    const session = await openShop();
    const lapsed = await recommendationsExport(
      session,
      shop,
      'popularity',
      { grouping: { kind: 'rfm', map: RECENCY_MAP }, group: 1 },
      english,
    );
    expect(lapsed.fileName).toBe('shop - recommendations (best sellers) - lapsed.csv');
    expect(
      new Set(
        parse(lapsed.parts)
          .slice(1)
          .map((row) => row[0]),
      ),
    ).toEqual(new Set(['w', 'y']));
    for (const group of [2, -1, 0.5]) {
      const attempt = recommendationsExport(
        session,
        shop,
        'item',
        { grouping: { kind: 'rfm', map: RECENCY_MAP }, group },
        english,
      );
      await expect(attempt).rejects.toSatisfy(isUserError);
    }
    const orders = await openOrders();
    const request = { rfm: ORDERS_ITEMS_RFM, options: { top: 3 } };
    const clustering = quickOptions({ k: 3 });
    const cluster = await recommendationsExport(
      orders,
      request,
      'item',
      { grouping: { kind: 'cluster', clustering, k: 3 }, group: 2 },
      english,
    );
    expect(cluster.fileName).toBe('orders - recommendations (item-based) - cluster 2 of 3.csv');
    const clusters = await orders.customerClusters(ORDERS_ITEMS_RFM, clustering, 3);
    const lines = orders.orderLines(ORDERS_ITEMS_RFM);
    const members = new Set(lines.customers.filter((_, c) => clusters[c] === 2));
    const rows = parse(cluster.parts).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(members.has(row[0])).toBe(true);
  });

  it('has customers x N rows less each customer’s shortfall, in customer order, ranks 1..count', async () => {
    const session = await openOrders();
    const request = { rfm: ORDERS_ITEMS_RFM, options: { top: 8 } };
    for (const method of ['popularity', 'item', 'user'] as const) {
      const file = await recommendationsExport(
        session,
        request,
        method,
        { grouping: null },
        english,
      );
      const rows = parse(file.parts).slice(1);
      const lines = session.orderLines(ORDERS_ITEMS_RFM);
      const { counts } = cachedRecommendations(session, request, method);
      const shortfall = Array.from(counts).reduce((s, c) => s + (8 - c), 0);
      expect(rows.length).toBe(lines.customers.length * 8 - shortfall);
      const expected = lines.customers.flatMap((id, c) =>
        Array.from({ length: counts[c] }, (_, rank) => [id, String(rank + 1)]),
      );
      expect(rows.map((row) => [row[0], row[2]])).toEqual(expected);
    }
  });
});
