import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { associationRules } from '../../../src/core/basket/associationRules';
import { buildBaskets } from '../../../src/core/basket/baskets';
import { mineItemsets } from '../../../src/core/basket/fpGrowth';
import { defaultMinSupport } from '../../../src/core/basket/rulesDefaults';
import { message } from '../../../src/core/common/message';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { groupOrders } from '../../../src/core/rfm/orders';
import {
  defaultSegmentMap,
  nameSegments,
  type NamedSegmentMap,
} from '../../../src/core/rfm/rfmSegments';
import {
  defaultRulesRequest,
  itemsetsExport,
  rulesExport,
  rulesPage,
  ruleSetOf,
  rulesSummary,
  segmentsOverview,
  type RulesRequest,
  type RulesScope,
} from '../../../src/core/session/basketsSession';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import { bruteForceItemsets, basketsOf } from '../basket/bruteForce';
import { SHOP_CSV, SHOP_MAPPING, SHOP_SETTINGS } from '../../support/basketOrders';
import { quickOptions } from '../../support/sessionData';

const english = (map: 'rf-grid' | 'rfm-mean') => nameSegments(defaultSegmentMap(map), englishText);
const meanMap = english('rfm-mean');
const gridMap = english('rf-grid');

const openShop = () => AnalysisSession.open(textSource(SHOP_CSV), 'shop.csv', {});
const request = (scope: RulesScope, changes: Partial<RulesRequest> = {}): RulesRequest => ({
  ...defaultRulesRequest(SHOP_SETTINGS, scope),
  ...changes,
});
const regulars: RulesScope = { kind: 'rfm', map: meanMap, segment: 0 };
const lapsed: RulesScope = { kind: 'rfm', map: meanMap, segment: 7 };

/** Seeded order lines with items (15 products), in the UCI export's columns. */
const generatedCsv = generateTransactionsCsv({ customers: 150, seed: 13 });
const generatedSettings = {
  mapping: { ...SHOP_MAPPING },
  dateOrder: null,
  snapshot: null,
};
const openGenerated = () => AnalysisSession.open(textSource(generatedCsv), 'orders.csv', {});

const FIRST_PAGE = {
  sort: 'lift',
  descending: true,
  offset: 0,
  limit: 50,
  contains: null,
  hideRedundant: false,
} as const;

async function refusal(work: Promise<unknown>): Promise<{ code: string; key: string }> {
  try {
    await work;
  } catch (error) {
    if (isUserError(error)) return { code: error.code, key: error.sentence.key };
    throw error;
  }
  throw new Error('expected a UserError');
}

const ruleText = (row: { antecedents: { id: string }[]; consequents: { id: string }[] }) =>
  `${row.antecedents.map((i) => i.id).join(' ')} -> ${row.consequents.map((i) => i.id).join(' ')}`;

describe('rulesSummary', () => {
  it('summarises all baskets of the hand-made shop (known answers)', async () => {
    const summary = await rulesSummary(await openShop(), request({ kind: 'all' }));
    expect(summary.scope).toEqual({ kind: 'all', name: message('basketsScopeAll'), customers: 5 });
    expect(summary.rows.read).toBe(34);
    expect(summary.rows.used).toBe(33);
    expect(summary.rows.dropped.no_customer_id).toBe(1);
    expect(summary).toMatchObject({
      baskets: 15,
      items: 5,
      linesUsed: 32,
      linesWithoutItem: 1,
      itemsets: 3,
      itemsetsByLength: [2, 1],
      rules: 2,
      redundantRules: 0,
    });
    // The default support: 10 of 15 baskets, stated in a sentence.
    expect(summary.parameters).toEqual({
      minSupport: 10 / 15,
      defaultSupport: true,
      minBaskets: 10,
      minConfidence: 0.3,
      maxLen: 3,
      maxItemsets: 200_000,
      note: message('basketsDefaultSupport', { support: 10 / 15, baskets: 15 }),
    });
    expect(englishText(summary.parameters.note!)).toBe(
      'The minimum support is the default, the larger of 1% and 10 baskets: 0.666667 of 15 baskets.',
    );
    expect(summary.topItems).toEqual([
      { id: 'JAM', description: 'Strawberry jam', baskets: 12, support: 0.8 },
      { id: 'BREAD', description: 'Brown bread', baskets: 12, support: 0.8 },
      { id: 'BUTTER', description: 'Butter', baskets: 3, support: 0.2 },
      { id: 'CHEESE', description: 'Cheddar cheese', baskets: 3, support: 0.2 },
      { id: 'WINE', description: 'Red wine', baskets: 2, support: 2 / 15 },
    ]);
    expect(summary.topRules.map(ruleText)).toEqual(['JAM -> BREAD', 'BREAD -> JAM']);
    expect(summary.topRules[0]).toMatchObject({
      support: 0.8,
      confidence: 1,
      lift: 1.25,
      conviction: null,
      baskets: 12,
      wholeLift: null,
      liftRatio: null,
    });
    expect(summary.chart.total).toBe(2);
    expect(summary.chart.labelled).toBe(2);
    expect(Array.from(summary.chart.lift)).toEqual([1.25, 1.25]);
  });

  it("mines a segment's baskets with supports relative to them, and measures its rules over the whole file", async () => {
    const session = await openShop();
    const summary = await rulesSummary(session, request(regulars));
    expect(summary.scope).toEqual({
      kind: 'rfm',
      name: 'Important value customers',
      customers: 2,
    });
    // Every one of the 12 baskets holds jam and bread: default support min(1, 10 / 12).
    expect(summary).toMatchObject({ baskets: 12, items: 3, linesUsed: 27, linesWithoutItem: 1 });
    expect(summary.parameters.minSupport).toBe(10 / 12);
    expect(summary.topRules.map(ruleText)).toEqual(['JAM -> BREAD', 'BREAD -> JAM']);
    // Supports of 1: confidence 1, lift 1; the zero denominators give 0 (as mlxtend).
    expect(summary.topRules[0]).toMatchObject({
      antecedentSupport: 1,
      consequentSupport: 1,
      support: 1,
      confidence: 1,
      lift: 1,
      leverage: 0,
      conviction: null,
      zhangsMetric: 0,
      certainty: 0,
      jaccard: 1,
      kulczynski: 1,
      // Over all 15 baskets the lift is 1 / 0.8: the regulars' pair is less special than it looks.
      wholeLift: 1.25,
      liftRatio: 0.8,
    });
  });

  it("finds a small segment's pairs only below its default support", async () => {
    const session = await openShop();
    // 3 baskets: the default support is all of them; only cheese is in every one.
    const strict = await rulesSummary(session, request(lapsed));
    expect(strict).toMatchObject({ baskets: 3, itemsets: 1, rules: 0, topRules: [] });
    expect(strict.parameters.minSupport).toBe(1);
    expect(strict.chart.total).toBe(0);
    const loose = await rulesSummary(session, request(lapsed, { minSupport: 0.5 }));
    expect(loose.parameters).toMatchObject({ minSupport: 0.5, defaultSupport: false, note: null });
    expect(loose.topRules.map(ruleText).sort()).toEqual(['CHEESE -> WINE', 'WINE -> CHEESE']);
    const wineToCheese = loose.topRules.find((row) => ruleText(row) === 'WINE -> CHEESE')!;
    expect(wineToCheese).toMatchObject({ confidence: 1, lift: 1, baskets: 2 });
    // Over the whole file cheese is in 3 of 15 baskets: wine -> cheese has a lift of 5 there.
    expect(wineToCheese.wholeLift).toBeCloseTo(5, 12);
    expect(wineToCheese.liftRatio).toBeCloseTo(0.2, 12);
  });

  it('refuses a segment without baskets in one sentence', async () => {
    const session = await openShop();
    // Segment 1 of 'rfm-mean' (R and M high, F low) has no customer in the shop.
    expect(
      await refusal(rulesSummary(session, request({ kind: 'rfm', map: meanMap, segment: 1 }))),
    ).toEqual({ code: 'no-baskets', key: 'basketsNone' });
  });

  it('equals the core run by hand on the same baskets, on seeded order lines', async () => {
    const session = await openGenerated();
    const summary = await rulesSummary(
      session,
      defaultRulesRequest(generatedSettings, { kind: 'all' }),
    );
    const lines = session.orderLines(generatedSettings);
    const baskets = buildBaskets(lines);
    const minSupport = defaultMinSupport(baskets.basketCount);
    const itemsets = mineItemsets(baskets, { minSupport, maxLen: 3, maxItemsets: 200_000 });
    const rules = associationRules(itemsets, { minConfidence: 0.3 });
    expect(rules.count).toBeGreaterThan(10);
    expect(summary).toMatchObject({
      baskets: baskets.basketCount,
      linesUsed: baskets.linesUsed,
      itemsets: itemsets.count,
      rules: rules.count,
    });
    expect(summary.parameters.minSupport).toBe(minSupport);
    expect(summary.items).toBe(new Set(baskets.items).size);
    // The top rules are the rules of the highest lift.
    const lifts = Array.from(rules.lift).sort((a, b) => b - a);
    expect(summary.topRules.map((row) => row.lift)).toEqual(lifts.slice(0, 10));
    expect(summary.chart.rule.length).toBe(Math.min(2000, rules.count));
  });

  it("mines each named segment's baskets as a brute-force enumeration does (seeded lines)", async () => {
    const session = await openGenerated();
    const lines = session.orderLines(generatedSettings);
    const rfm = session.rfm(generatedSettings);
    const orders = groupOrders(lines);
    let checked = 0;
    for (let segment = 0; segment < gridMap.names.length; segment++) {
      // The segment's baskets by hand: its customers' orders, each order's items once.
      const sets = new Map<number, Set<number>>();
      for (let i = 0; i < lines.count; i++) {
        const customer = lines.customer[i];
        if (gridMap.cells[rfm.cells['rf-grid'][customer]] !== segment || lines.item![i] < 0)
          continue;
        const order = orders.ofLine[i];
        if (!sets.has(order)) sets.set(order, new Set());
        sets.get(order)!.add(lines.item![i]);
      }
      const scope: RulesScope = { kind: 'rfm', map: gridMap, segment };
      const wanted = { ...defaultRulesRequest(generatedSettings, scope), minSupport: 0.05 };
      if (sets.size === 0) {
        expect((await refusal(ruleSetOf(session, wanted))).key).toBe('basketsNone');
        continue;
      }
      const set = await ruleSetOf(session, wanted);
      expect(set.scope.baskets.basketCount).toBe(sets.size);
      const expected = bruteForceItemsets(
        basketsOf(
          [...sets.values()].map((s) => [...s]),
          lines.items.length,
        ),
        0.05,
        3,
      );
      const ours = new Map<string, number>();
      for (let i = 0; i < set.itemsets.count; i++) {
        const items = set.itemsets.items.subarray(
          set.itemsets.offsets[i],
          set.itemsets.offsets[i + 1],
        );
        ours.set(items.join(','), set.itemsets.counts[i]);
      }
      expect(ours).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it("mines a cluster's baskets: the customers the session puts in it", async () => {
    const session = await openGenerated();
    const clustering = quickOptions({ k: 3 });
    const clusters = await session.customerClusters(generatedSettings, clustering, 3);
    const lines = session.orderLines(generatedSettings);
    let baskets = 0;
    for (let cluster = 0; cluster < 3; cluster++) {
      const scope: RulesScope = { kind: 'cluster', clustering, k: 3, cluster };
      const summary = await rulesSummary(session, defaultRulesRequest(generatedSettings, scope));
      expect(summary.scope.customers).toBe(clusters.filter((c) => c === cluster).length);
      const orders = new Set<number>();
      const set = await ruleSetOf(session, defaultRulesRequest(generatedSettings, scope));
      for (let i = 0; i < lines.count; i++)
        if (clusters[lines.customer[i]] === cluster && lines.item![i] >= 0)
          orders.add(lines.order[i]);
      expect(set.scope.baskets.basketCount).toBe(orders.size);
      expect(summary.baskets).toBe(orders.size);
      baskets += summary.baskets;
    }
    expect(baskets).toBe(buildBaskets(lines).basketCount);
  });

  it('reports progress a few dozen times, rising to 1', async () => {
    const seen: number[] = [];
    await rulesSummary(
      await openGenerated(),
      defaultRulesRequest(generatedSettings, { kind: 'all' }),
      (f) => seen.push(f),
    );
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.length).toBeLessThanOrEqual(51);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('crosses to the page as plain data (structured clone keeps it whole)', async () => {
    const session = await openShop();
    const summary = await rulesSummary(session, request(regulars));
    expect(structuredClone(summary)).toEqual(summary);
    const page = await rulesPage(session, request(regulars), FIRST_PAGE);
    expect(structuredClone(page)).toEqual(page);
  });
});

describe('rulesPage', () => {
  it('pages, sorts and filters the rules of the request', async () => {
    const session = await openGenerated();
    const wanted = {
      ...defaultRulesRequest(generatedSettings, { kind: 'all' }),
      minConfidence: 0.2,
    };
    const set = await ruleSetOf(session, wanted);
    const first = await rulesPage(session, wanted, FIRST_PAGE);
    expect(first.total).toBe(set.rules.count);
    expect(first.rows.map((row) => row.rule)).toEqual(
      Array.from(set.table.order('lift', true).subarray(0, 50)),
    );
    const hearts = await rulesPage(session, wanted, {
      ...FIRST_PAGE,
      sort: 'confidence',
      contains: 'heart',
    });
    expect(hearts.total).toBeGreaterThan(0);
    expect(hearts.total).toBeLessThan(set.rules.count);
    for (const row of hearts.rows)
      expect(
        [...row.antecedents, ...row.consequents].some((item) =>
          item.description.toLowerCase().includes('heart'),
        ),
      ).toBe(true);
  });
});

describe('segmentsOverview', () => {
  it("lists each named segment's baskets, top items and top rules at its default parameters", async () => {
    const session = await openShop();
    const overview = await segmentsOverview(session, SHOP_SETTINGS, { kind: 'rfm', map: meanMap });
    expect(overview).toMatchObject({ kind: 'rfm', minConfidence: 0.3, maxLen: 3 });
    expect(overview.segments).toHaveLength(8);
    const [best] = overview.segments;
    expect(best).toMatchObject({
      segment: 0,
      name: 'Important value customers',
      customers: 2,
      baskets: 12,
      minSupport: 10 / 12,
      itemsets: 3,
      rules: 2,
      problem: null,
    });
    expect(best.topItems.map((item) => item.id)).toEqual(['JAM', 'BREAD', 'BUTTER']);
    expect(best.topRules).toEqual((await rulesSummary(session, request(regulars))).topRules);
    const last = overview.segments[7];
    expect(last).toMatchObject({ customers: 3, baskets: 3, rules: 0, problem: null });
    expect(last.topItems.map((item) => item.id)).toEqual(['CHEESE', 'WINE']);
    // Segments without customers say why they have no rules.
    for (const row of overview.segments.slice(1, 7)) {
      expect(row).toMatchObject({ customers: 0, baskets: 0, minSupport: null, topRules: [] });
      expect(row.problem).toEqual(message('basketsNone'));
    }
  });

  it("lists each cluster, its rules those of the cluster's own request", async () => {
    const session = await openGenerated();
    const clustering = quickOptions({ k: 3 });
    const overview = await segmentsOverview(session, generatedSettings, {
      kind: 'cluster',
      clustering,
      k: 3,
    });
    expect(overview.segments.map((row) => row.segment)).toEqual([0, 1, 2]);
    for (const row of overview.segments) {
      const scope: RulesScope = { kind: 'cluster', clustering, k: 3, cluster: row.segment };
      const summary = await rulesSummary(session, defaultRulesRequest(generatedSettings, scope));
      expect(row.name).toEqual(message('basketsScopeCluster', { cluster: row.segment, k: 3 }));
      expect(row.baskets).toBe(summary.baskets);
      expect(row.rules).toBe(summary.rules);
      expect(row.topItems).toEqual(summary.topItems.slice(0, 5));
      expect(row.topRules).toEqual(summary.topRules.slice(0, 5));
    }
  });

  it("counts a wide segment's itemsets, refuses past the cap, and refuses a file without items", async () => {
    // Twelve baskets of the same 18 items: at the default support every subset is frequent.
    const wide = ['InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID'];
    for (let b = 0; b < 12; b++)
      for (let i = 0; i < 18; i++)
        wide.push(`${b},I${i},1,2024-01-${String(b + 1).padStart(2, '0')},1,c${b % 2}`);
    const session = await AnalysisSession.open(textSource(wide.join('\n')), 'wide.csv', {});
    const settings = {
      mapping: { ...SHOP_MAPPING, description: null },
      dateOrder: null,
      snapshot: null,
    };
    const map = {
      scheme: 'rfm-mean',
      names: ['all', 'none'],
      cells: [0, 0, 0, 0, 0, 0, 0, 0],
    } as NamedSegmentMap;
    // At most 3 items: C(18, 1..3) = 987 itemsets, under the cap.
    const overview = await segmentsOverview(session, settings, { kind: 'rfm', map });
    expect(overview.segments[0]).toMatchObject({ baskets: 12, itemsets: 987, problem: null });
    expect(overview.segments[1].problem).toEqual(message('basketsNone'));
    // Up to 18 items: 2^18 - 1 itemsets, past the cap of 200,000.
    const many = await refusal(
      ruleSetOf(session, { ...defaultRulesRequest(settings, { kind: 'all' }), maxLen: 18 }),
    );
    expect(many.key).toBe('basketsTooMany');
    const noItems = { ...settings, mapping: { ...settings.mapping, item: null } };
    expect(await refusal(segmentsOverview(session, noItems, { kind: 'rfm', map }))).toEqual({
      code: 'bad-mapping',
      key: 'basketsNeedItem',
    });
  });
});

describe('rulesExport and itemsetsExport', () => {
  const rowsOf = (parts: string[]) =>
    Papa.parse<Record<string, string>>(parts.join('').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;

  it('write every rule by lift (or the table as viewed) under names in the chosen language', async () => {
    const session = await openGenerated();
    const wanted = {
      ...defaultRulesRequest(generatedSettings, { kind: 'all' }),
      minConfidence: 0.2,
    };
    const set = await ruleSetOf(session, wanted);
    const all = await rulesExport(session, wanted, englishText);
    expect(all.fileName).toBe('orders - rules (all baskets).csv');
    expect(all.parts.join('').startsWith('\uFEFF')).toBe(true);
    const rows = rowsOf(all.parts);
    expect(rows).toHaveLength(set.rules.count);
    const lifts = rows.map((row) => Number(row.lift));
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    const view = {
      sort: 'support',
      descending: false,
      contains: 'heart',
      hideRedundant: true,
    } as const;
    const viewed = rowsOf((await rulesExport(session, wanted, englishText, view)).parts);
    expect(viewed).toHaveLength(set.table.selection(view).length);
    expect(viewed.length).toBeLessThan(rows.length);
    const itemsets = await itemsetsExport(session, wanted, englishText);
    expect(itemsets.fileName).toBe('orders - frequent itemsets.csv');
    expect(rowsOf(itemsets.parts)).toHaveLength(set.itemsets.count);
  });

  it("name a segment's and a cluster's files after them, in English or Chinese", async () => {
    const session = await openShop();
    const zh = (m: Parameters<typeof englishText>[0]) => renderMessage('zh', m);
    const zhMap = nameSegments(defaultSegmentMap('rfm-mean'), zh);
    const segment = request({ kind: 'rfm', map: zhMap, segment: 0 });
    expect((await rulesExport(session, request(regulars), englishText)).fileName).toBe(
      'shop - rules - Important value customers.csv',
    );
    expect((await rulesExport(session, segment, zh)).fileName).toBe(
      `shop - 关联规则 - ${zhMap.names[0]}.csv`,
    );
    expect((await itemsetsExport(session, request(regulars), englishText)).fileName).toBe(
      'shop - frequent itemsets - Important value customers.csv',
    );
    expect((await itemsetsExport(session, request({ kind: 'all' }), zh)).fileName).toBe(
      'shop - 频繁项集.csv',
    );
    const cluster = request({
      kind: 'cluster',
      clustering: quickOptions({ k: 2 }),
      k: 2,
      cluster: 1,
    });
    expect((await rulesExport(session, cluster, englishText)).fileName).toMatch(
      /^shop - rules - cluster 1 of 2\.csv$/,
    );
  });
});
