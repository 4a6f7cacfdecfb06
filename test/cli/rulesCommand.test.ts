import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { rulesCommand, rulesUsage } from '../../src/cli/rulesCommand';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import { RULE_METRICS } from '../../src/core/basket/associationRules';
import { textSource } from '../../src/core/read/byteSource';
import {
  defaultRulesRequest,
  ruleSetOf,
  type RulesRequest,
} from '../../src/core/session/basketsSession';
import { AnalysisSession } from '../../src/core/session/session';
import { SHOP_CSV, SHOP_MAPPING } from '../support/basketOrders';
import { runCommand } from '../support/runCommand';

const ordersCsv = generateTransactionsCsv({ customers: 150, seed: 13 });
let dir: string;
let orders: string;
let shop: string;
let noItems: string;
let wide: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-rules-'));
  orders = join(dir, 'orders.csv');
  await writeFile(orders, ordersCsv);
  shop = join(dir, 'shop.csv');
  await writeFile(shop, SHOP_CSV);
  // The same lines without the item and description columns.
  noItems = join(dir, 'no-items.csv');
  await writeFile(
    noItems,
    ordersCsv
      .split('\r\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, j) => j !== 1 && j !== 2)
          .join(','),
      )
      .join('\n'),
  );
  // Twelve baskets of the same 18 items: with long itemsets, 2^18 - 1 are frequent.
  const rows = ['InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID'];
  for (let b = 0; b < 12; b++)
    for (let i = 0; i < 18; i++)
      rows.push(`${b},I${i},1,2024-01-${String(b + 1).padStart(2, '0')},1,c${b % 3}`);
  wide = join(dir, 'wide.csv');
  await writeFile(wide, rows.join('\n'));
});

const rules = (args: string[], language: 'en' | 'zh' = 'en') =>
  runCommand(rulesCommand, args, language);

const ordersSettings = { mapping: SHOP_MAPPING, dateOrder: null, snapshot: null };

/** The core's rules for the same request, keyed by their sides' item ids. */
async function coreRules(text: string, request: RulesRequest) {
  const session = await AnalysisSession.open(textSource(text), 'orders.csv', {});
  const set = await ruleSetOf(session, request);
  const name = (ids: Int32Array) => Array.from(ids, (id) => set.lines.items[id]).join(',');
  const byKey = new Map<string, number>();
  for (let r = 0; r < set.rules.count; r++) {
    const a = set.rules.antecedentItems.subarray(
      set.rules.antecedentStart[r],
      set.rules.antecedentStart[r + 1],
    );
    const c = set.rules.consequentItems.subarray(
      set.rules.consequentStart[r],
      set.rules.consequentStart[r + 1],
    );
    byKey.set(`${name(a)} -> ${name(c)}`, r);
  }
  return { set, byKey };
}

interface JsonRule {
  antecedents: string[];
  consequents: string[];
  [metric: string]: number | null | string[];
}

describe('segmentlens rules', () => {
  it('prints the JSON the issue specifies, its figures those of the core', async () => {
    const { code, stdout, stderr } = await rules([orders, '--json', '--min-confidence', '0.2']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['rows', 'baskets', 'items', 'parameters', 'itemsets', 'rules']),
    );
    const { set, byKey } = await coreRules(ordersCsv, {
      ...defaultRulesRequest(ordersSettings, { kind: 'all' }),
      minConfidence: 0.2,
    });
    expect(json.rows).toEqual({
      read: set.lines.report.read,
      used: set.lines.report.used,
      dropped: set.lines.report.dropped,
    });
    expect(json.baskets).toBe(set.scope.baskets.basketCount);
    expect(json.items).toBe(set.scope.items);
    expect(json.parameters).toMatchObject({
      scope: 'all',
      minSupport: set.minSupport,
      defaultSupport: true,
      minConfidence: 0.2,
      maxLen: 3,
    });
    expect(json.itemsets).toHaveLength(set.itemsets.count);
    expect(json.itemsets[0]).toEqual({
      items: expect.any(Array),
      support: expect.any(Number),
      count: expect.any(Number),
    });
    expect(json.rules.length).toBe(set.rules.count);
    expect(json.rules.length).toBeGreaterThan(10);
    for (const rule of json.rules as JsonRule[]) {
      expect(Object.keys(rule)).toEqual([
        'antecedents',
        'consequents',
        ...RULE_METRICS.map(([, field]) => field),
      ]);
      const r = byKey.get(`${rule.antecedents.join(',')} -> ${rule.consequents.join(',')}`)!;
      expect(r).toBeDefined();
      for (const [, field] of RULE_METRICS) {
        const ours = set.rules[field][r];
        expect(rule[field]).toBe(ours === Infinity ? null : ours);
      }
    }
  });

  it('writes rules.csv and itemsets.csv with --out, and says so', async () => {
    const out = join(dir, 'out');
    const { code, stdout } = await rules([orders, '--out', out, '--min-support', '0.02']);
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['itemsets.csv', 'rules.csv']);
    const { set } = await coreRules(ordersCsv, {
      ...defaultRulesRequest(ordersSettings, { kind: 'all' }),
      minSupport: 0.02,
    });
    const read = async (name: string) => {
      const text = await readFile(join(out, name), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      return Papa.parse<Record<string, string>>(text.slice(1), {
        header: true,
        skipEmptyLines: true,
      });
    };
    const rulesCsv = await read('rules.csv');
    expect(rulesCsv.data).toHaveLength(set.rules.count);
    expect(rulesCsv.meta.fields).toContain('antecedent descriptions');
    expect(rulesCsv.meta.fields).toContain('zhangs_metric');
    expect((await read('itemsets.csv')).data).toHaveLength(set.itemsets.count);
    expect(stdout.trimEnd().endsWith(`Wrote rules.csv and itemsets.csv to ${out}`)).toBe(true);
  });

  it('reports in Chinese with --lang zh, JSON keys staying English', async () => {
    const text = await rules([shop, '--min-support', '0.1'], 'zh');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('读取 34 行订单明细');
    expect(text.stdout).toContain('提升度最高的');
    expect(text.stdout).toContain('出现在最多购物篮中的商品：');
    const json = JSON.parse((await rules([shop, '--json'], 'zh')).stdout);
    expect(json.parameters.scope).toBe('all');
    expect(json.notes[0]).toContain('最小支持度为默认值');
  });

  it("mines a named RFM segment's baskets, named in English or the chosen language", async () => {
    const english = JSON.parse(
      (
        await rules([
          shop,
          '--json',
          '--segment-map',
          'rfm-mean',
          '--scope',
          'rfm:important VALUE customers',
        ])
      ).stdout,
    );
    expect(english.parameters.scope).toBe('rfm:Important value customers');
    expect(english.baskets).toBe(12);
    expect(english.rules.map((rule: { wholeLift: number }) => rule.wholeLift)).toEqual([
      1.25, 1.25,
    ]);
    const chinese = await rules(
      [shop, '--json', '--segment-map', 'rfm-mean', '--scope', 'rfm:重要价值客户'],
      'zh',
    );
    expect(JSON.parse(chinese.stdout).parameters.scope).toBe('rfm:重要价值客户');
    const both = await rules(
      [shop, '--json', '--segment-map', 'rfm-mean', '--scope', 'rfm:Important value customers'],
      'zh',
    );
    expect(JSON.parse(both.stdout).baskets).toBe(12);
  });

  it("mines a cluster's baskets, as segmentlens rfm clusters the customers", async () => {
    const { code, stdout } = await rules([orders, '--json', '--scope', 'cluster:1', '--k', '3']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.parameters.scope).toBe('cluster:1');
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const request = defaultRulesRequest(ordersSettings, {
      kind: 'cluster',
      clustering: { ...DEFAULT_ANALYSIS_OPTIONS, k: 3, kMax: 10 },
      k: 3,
      cluster: 1,
    });
    const set = await ruleSetOf(session, request);
    expect(json.baskets).toBe(set.scope.baskets.basketCount);
    expect(json.rules).toHaveLength(set.rules.count);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await rules(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(rulesUsage('en') + '\n');
  });

  it('refuses input the user can fix in one line, with status 2, before any output', async () => {
    const cases: [string[], RegExp][] = [
      [[noItems], /^No item column was recognised: name it with --item COL/],
      [[orders, '--item', 'Sku'], /^There is no column named "Sku"/],
      [[orders, '--min-support', '0'], /^The minimum support must be .* not 0\.$/],
      [[orders, '--min-support', '1.5'], /not 1\.5\.$/],
      [[orders, '--min-support', 'lots'], /not lots\.$/],
      [[orders, '--min-confidence', '2'], /^The minimum confidence must be a share from 0 to 1/],
      [[orders, '--max-len', '0'], /^--max-len must be a whole number from 1 to 30, not "0"\.$/],
      [
        [wide, '--max-len', '18', '--min-support', '0.5'],
        /^More than 200,000 itemsets are frequent at a minimum support of 0\.5: raise the minimum support/,
      ],
      [
        [orders, '--scope', 'rfm:Whales'],
        /^There is no RFM segment named "Whales": choose among Champions, Loyal Customers, .*Hibernating\.$/,
      ],
      [[orders, '--scope', 'segment:2'], /^--scope must be all, rfm:NAME/],
      [
        [orders, '--scope', 'cluster:5', '--k', '3'],
        /^There is no cluster 5 among 3 clusters: choose a cluster from 0 to 2\.$/,
      ],
      [[orders, '--k', '3'], /^--k applies to clusters/],
      [[orders, '--segment-map', 'rfm-mean'], /^--segment-map applies to RFM segments/],
      [
        [orders, '--scope', 'rfm:x', '--segment-map', 'grid'],
        /^--segment-map must be one of rf-grid, rfm-mean/,
      ],
      [
        [shop, '--segment-map', 'rfm-mean', '--scope', 'rfm:Important development customers'],
        /^No basket in this scope names an item/,
      ],
      [
        [orders, orders],
        /^Give exactly one file \(CSV, Excel workbook or Parquet\): segmentlens rules FILE/,
      ],
      [[join(dir, 'missing.csv')], /^Cannot read .*missing\.csv: there is no such file/],
      [[orders, '--no-such-flag'], /see segmentlens --help\.$/],
    ];
    for (const [args, pattern] of cases) {
      const { code, stdout, stderr } = await rules(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0].replace(/^segmentlens: /, ''), args.join(' ')).toMatch(pattern);
    }
    // In Chinese too.
    const zh = await rules([noItems], 'zh');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'segmentlens: 未识别出商品列：请用 --item COL 指定（每行的商品编码，例如 StockCode 或 SKU）。\n',
    );
  });

  it('reads the RFM settings as segmentlens rfm does: a snapshot matters to RFM scopes only', async () => {
    const early = ['--snapshot', '2024-06-01'];
    const whole = await rules([shop, '--json', ...early]);
    expect(whole.code).toBe(0);
    expect(JSON.parse(whole.stdout).baskets).toBe(15);
    const segment = await rules([
      shop,
      ...early,
      '--segment-map',
      'rfm-mean',
      '--scope',
      'rfm:Important value customers',
    ]);
    expect(segment.code).toBe(2);
    expect(segment.stderr).toMatch(/^segmentlens: [^\n]*\n$/);
  });
});
