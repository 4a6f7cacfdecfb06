import { describe, expect, it } from 'vitest';
import { rulesJson, rulesText } from '../../src/cli/rulesReport';
import { createVoice, type Voice } from '../../src/cli/voice';
import { textSource } from '../../src/core/read/byteSource';
import { defaultSegmentMap, nameSegments } from '../../src/core/rfm/rfmSegments';
import {
  defaultRulesRequest,
  ruleSetOf,
  rulesSummary,
  type RulesRequest,
} from '../../src/core/session/basketsSession';
import { AnalysisSession } from '../../src/core/session/session';
import { handOrdersCsv, SHOP_CSV, SHOP_ORDERS, SHOP_SETTINGS } from '../support/basketOrders';

const en = createVoice('en');
const zh = createVoice('zh');

async function reportOf(request: RulesRequest, csv = SHOP_CSV) {
  const session = await AnalysisSession.open(textSource(csv), 'shop.csv', {});
  return { summary: await rulesSummary(session, request), set: await ruleSetOf(session, request) };
}

const all = (changes: Partial<RulesRequest> = {}) => ({
  ...defaultRulesRequest(SHOP_SETTINGS, { kind: 'all' }),
  ...changes,
});

function regulars(voice: Voice): RulesRequest {
  const map = nameSegments(defaultSegmentMap('rfm-mean'), voice.say);
  return defaultRulesRequest(SHOP_SETTINGS, { kind: 'rfm', map, segment: 0 });
}

describe('rulesJson', () => {
  it('has the keys the issue names, English whatever the language, and the figures of the rules', async () => {
    const { summary, set } = await reportOf(all());
    const json = rulesJson(summary, set, 'all', zh);
    expect(Object.keys(json)).toEqual([
      'rows',
      'baskets',
      'items',
      'linesWithoutItem',
      'parameters',
      'notes',
      'itemsets',
      'rules',
    ]);
    expect(json.rows).toEqual({ read: 34, used: 33, dropped: summary.rows.dropped });
    expect(json).toMatchObject({ baskets: 15, items: 5, linesWithoutItem: 1 });
    expect(json.parameters).toEqual({
      scope: 'all',
      minSupport: 10 / 15,
      defaultSupport: true,
      minBaskets: 10,
      minConfidence: 0.3,
      maxLen: 3,
      maxItemsets: 200_000,
    });
    // Notes are in the chosen language.
    expect(json.notes).toHaveLength(1);
    expect(json.notes[0]).toContain('最小支持度为默认值');
    // Itemsets in the core's order (as itemsets.csv): by length, in the order mined.
    expect(json.itemsets).toEqual([
      { items: ['BREAD'], support: 0.8, count: 12 },
      { items: ['JAM'], support: 0.8, count: 12 },
      { items: ['JAM', 'BREAD'], support: 0.8, count: 12 },
    ]);
    expect(json.rules).toHaveLength(2);
    expect(json.rules[0]).toEqual({
      antecedents: ['JAM'],
      consequents: ['BREAD'],
      antecedentSupport: 0.8,
      consequentSupport: 0.8,
      support: 0.8,
      confidence: 1,
      lift: 1.25,
      leverage: set.rules.leverage[0],
      conviction: null,
      zhangsMetric: set.rules.zhangsMetric[0],
      jaccard: 1,
      certainty: 1,
      kulczynski: 1,
    });
    // JSON has no Infinity: conviction is null, and the whole object survives a round trip.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("adds each rule's lift in the whole file and the ratio for a segment, ordered by lift", async () => {
    const lower = { ...all(), minSupport: 0.1, minConfidence: 0 };
    const { summary, set } = await reportOf(lower);
    const json = rulesJson(summary, set, 'all', en);
    expect(json.notes).toEqual([]);
    expect(json.parameters.defaultSupport).toBe(false);
    const lifts = json.rules.map((rule) => rule.lift);
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    expect(json.rules.every((rule) => !('wholeLift' in rule))).toBe(true);
    const segment = await reportOf(regulars(en));
    const scoped = rulesJson(segment.summary, segment.set, 'rfm:Important value customers', en);
    expect(scoped.rules.map((rule) => [rule.lift, 'wholeLift' in rule && rule.wholeLift])).toEqual([
      [1, 1.25],
      [1, 1.25],
    ]);
  });
});

describe('rulesText', () => {
  it('reads: the lines, the parameters, the counts, the top items and the top rules with their items', async () => {
    const { summary, set } = await reportOf(all({ minConfidence: 0.2, minSupport: 0.1 }));
    const text = rulesText('shop.csv', summary, set, 'out', en);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'shop.csv: 34 order lines read, 33 used; 15 baskets of 5 items (all baskets)',
    );
    expect(text).toContain('Left out:\n          1  no customer id');
    expect(text).toContain('1 line names no item and is left out of the baskets.');
    expect(text).toContain(
      'Minimum support 0.1 (2 baskets), minimum confidence 0.2, itemsets of at most 3 items.',
    );
    expect(text).not.toContain('default');
    expect(text).toContain(`${summary.itemsets} frequent itemsets, ${summary.rules} rules`);
    expect(text).toContain('Items in the most baskets:');
    expect(text).toMatch(/JAM\s+Strawberry jam\s+12\s+80\.0%/);
    expect(text).toContain(`The ${Math.min(20, summary.rules)} rules of highest lift`);
    expect(text).toMatch(/BREAD -> JAM\s+80\.00%\s+100\.0%\s+1\.25\s+inf\s+12/);
    expect(text).toContain('Items in these rules:\n  ');
    expect(text).toContain('  WINE  Red wine');
    expect(text.trimEnd().endsWith('Wrote rules.csv and itemsets.csv to out')).toBe(true);
    expect(text).not.toContain('lift, whole file');
  });

  it('says when no rule reaches the confidence, and leaves out the legend without descriptions', async () => {
    const noDescriptions = handOrdersCsv(SHOP_ORDERS).replace(
      /,(Strawberry jam|Brown bread|Butter|Cheddar cheese|Red wine),/g,
      ',,',
    );
    const { summary, set } = await reportOf(all(), noDescriptions);
    expect(rulesText('shop.csv', summary, set, undefined, en)).not.toContain(
      'Items in these rules',
    );
    const lapsed = nameSegments(defaultSegmentMap('rfm-mean'), en.say);
    const none = await reportOf(
      defaultRulesRequest(SHOP_SETTINGS, { kind: 'rfm', map: lapsed, segment: 7 }),
    );
    const text = rulesText('shop.csv', none.summary, none.set, undefined, en);
    expect(text).toContain(
      'No rule reaches a confidence of 0.3: lower --min-confidence or --min-support.',
    );
    expect(text).toContain('(General win-back customers)');
    expect(text).toContain(
      'The minimum support is the default, the larger of 1% and 10 baskets: 1 of 3 baskets.',
    );
    expect(text).not.toContain('Wrote');
  });

  it("shows a segment's rules beside their lift in the whole file, in Chinese", async () => {
    const { summary, set } = await reportOf(regulars(zh));
    const text = rulesText('shop.csv', summary, set, undefined, zh);
    expect(text.split('\n')[0]).toBe(
      'shop.csv：读取 34 行订单明细，使用 33 行；12 个购物篮，3 种商品（重要价值客户）',
    );
    expect(text).toContain('提升度最高的 2 条规则');
    expect(text).toContain('全部文件的提升度');
    expect(text).toMatch(/JAM -> BREAD\s+100\.00%\s+100\.0%\s+1\.00\s+无穷大\s+12\s+1\.25\s+0\.80/);
    expect(text).toContain('这些规则中的商品：');
  });
});
