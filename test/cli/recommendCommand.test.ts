import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { recommendCommand, recommendUsage } from '../../src/cli/recommendCommand';
import { createVoice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import { bytesSource } from '../../src/core/read/byteSource';
import { recommendForCustomers } from '../../src/core/recommend/recommendations';
import { defaultSegmentMap, nameSegments } from '../../src/core/rfm/rfmSegments';
import {
  recommendEvaluation,
  recommendEvaluationByGroup,
} from '../../src/core/session/recommendSession';
import { AnalysisSession } from '../../src/core/session/session';
import type { Language } from '../../src/i18n/languages';
import { renderMessage } from '../../src/i18n/formatMessage';
import { cliRecommend as cliEnglish } from '../../src/i18n/locales/en/cliRecommend';
import { messageRecommend as messageEnglish } from '../../src/i18n/locales/en/messageRecommend';
import { cliRecommend as cliChinese } from '../../src/i18n/locales/zh/cliRecommend';
import { messageRecommend as messageChinese } from '../../src/i18n/locales/zh/messageRecommend';

let dir: string;
let orders: string;
let ordersText: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-recommend-'));
  orders = join(dir, 'orders.csv');
  ordersText = generateTransactionsCsv({ customers: 200, seed: 9 });
  await writeFile(orders, ordersText);
});

async function run(argv: string[], language: Language = 'en') {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await recommendCommand(argv, io, createVoice(language));
  return { code, stdout, stderr };
}

/** The core's answers on the same file, as the command asks for them. */
async function coreOn(path: string, options = {}) {
  const session = await AnalysisSession.open(
    bytesSource(new Uint8Array(await readFile(path))),
    path,
    {},
  );
  const rfm = { mapping: session.summary().transactions.mapping, dateOrder: null, snapshot: null };
  const request = { rfm, options };
  const map = nameSegments(defaultSegmentMap('rf-grid'), (m) => renderMessage('en', m, 'cli'));
  return {
    session,
    rfm,
    view: recommendEvaluation(session, request),
    bySegment: await recommendEvaluationByGroup(session, request, { kind: 'rfm', map }),
  };
}

const METRICS = ['hitRate', 'precision', 'recall', 'ndcg', 'map', 'coverage'];

describe('segmentlens recommend', () => {
  it('prints the JSON the issue specifies, with the core’s figures', async () => {
    const { code, stdout, stderr } = await run([orders, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const { view, bySegment, session, rfm } = await coreOn(orders);
    const lines = session.orderLines(rfm);
    expect(Object.keys(result)).toEqual([
      'rows',
      'customers',
      'items',
      'interactions',
      'options',
      'evaluation',
    ]);
    expect(result.rows).toEqual({
      read: lines.report.read,
      used: lines.report.used,
      dropped: lines.report.dropped,
    });
    expect([result.customers, result.items, result.interactions]).toEqual([
      view.split.customers,
      view.split.items,
      view.split.interactions,
    ]);
    expect(result.customers).toBe(lines.customers.length);
    expect(result.options).toEqual({
      itemNeighbours: 20,
      userNeighbours: 50,
      similarity: 'cosine',
      top: 10,
    });
    const { evaluation } = result;
    expect(evaluation.split).toMatchObject({
      customersEvaluated: view.split.customersEvaluated,
      testItems: view.split.testItems,
    });
    expect(evaluation.split.description).toBe(renderMessage('en', view.splitSentence, 'cli'));
    expect(Object.keys(evaluation.methods)).toEqual(['popularity', 'item', 'user']);
    for (const { method, metrics } of view.methods) {
      expect(Object.keys(evaluation.methods[method])).toEqual(METRICS);
      for (const metric of METRICS)
        expect(evaluation.methods[method][metric]).toBe(metrics[metric as 'ndcg']);
    }
    expect(evaluation.winner).toBe(view.verdict.winner);
    expect(evaluation.verdict).toBe(renderMessage('en', view.verdict.sentence, 'cli'));
    expect(evaluation.bySegment.segmentMap).toBe('rf-grid');
    expect(evaluation.bySegment.segments.map((s: { name: string }) => s.name)).toEqual([
      'Champions',
      'Loyal Customers',
      'Potential Loyalists',
      'New Customers',
      'Promising',
      'Need Attention',
      'About to Sleep',
      'At Risk',
      "Can't Lose Them",
      'Hibernating',
    ]);
    bySegment.groups.forEach((group, g) => {
      const segment = evaluation.bySegment.segments[g];
      expect(segment).toMatchObject({
        customers: group.customers,
        evaluated: group.evaluated,
        winner: group.verdict.winner,
        runnerUp: group.verdict.runnerUp,
        margin: group.verdict.margin,
      });
      group.metrics.forEach((metrics, m) => {
        const figures = segment.methods[bySegment.methods[m]];
        if (metrics === null) expect(figures).toBeNull();
        else expect(figures.ndcg).toBe(metrics.ndcg);
      });
    });
    const evaluated = evaluation.bySegment.segments.reduce(
      (sum: number, s: { evaluated: number }) => sum + s.evaluated,
      0,
    );
    expect(evaluated).toBe(evaluation.split.customersEvaluated);
  });

  it('--out writes the best method’s lists: customers x N rows less the shortfalls', async () => {
    const out = join(dir, 'all');
    const { code, stdout } = await run([orders, '--json', '--top', '6', '--out', out]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const best = (Object.entries(result.evaluation.methods) as [string, { ndcg: number }][]).reduce(
      (a, b) => (b[1].ndcg > a[1].ndcg ? b : a),
    )[0];
    expect(result.recommendations).toMatchObject({
      file: 'recommendations.csv',
      method: best,
      best: true,
    });
    const text = await readFile(join(out, 'recommendations.csv'), 'utf8');
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'customer',
      'segment',
      'rank',
      'item',
      'description',
      'score',
      'because',
    ]);
    const { session, rfm } = await coreOn(orders);
    const lists = recommendForCustomers(session.orderLines(rfm), best as 'item', { top: 6 });
    const shortfall = Array.from(lists.counts).reduce((sum, count) => sum + (6 - count), 0);
    expect(rows.length - 1).toBe(result.customers * 6 - shortfall);
    expect(result.recommendations.rows).toBe(rows.length - 1);
    const names = new Set(
      nameSegments(defaultSegmentMap('rf-grid'), (m) => renderMessage('en', m)).names,
    );
    for (const row of rows.slice(1)) expect(names.has(row[1])).toBe(true);
  });

  it('one method: only it is measured and written; --neighbours sets both counts', async () => {
    const out = join(dir, 'item');
    const { code, stdout } = await run([
      orders,
      '--json',
      '--method',
      'item',
      '--neighbours',
      '7',
      '--similarity',
      'pearson',
      '--top',
      '5',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.options).toEqual({
      itemNeighbours: 7,
      userNeighbours: 7,
      similarity: 'pearson',
      top: 5,
    });
    expect(Object.keys(result.evaluation.methods)).toEqual(['item']);
    expect(result.evaluation.bySegment.segments[0].methods).toHaveProperty('item');
    expect(result.recommendations).toMatchObject({ method: 'item', best: false });
    const { view } = await coreOn(orders, { itemNeighbours: 7, top: 5 });
    expect(result.evaluation.methods.item.ndcg).toBe(view.methods[1].metrics.ndcg);
  });

  it('prints the evaluation table and the winner per segment', async () => {
    const out = join(dir, 'text');
    const { code, stdout } = await run([orders, '--segment-map', 'rfm-mean', '--out', out]);
    expect(code).toBe(0);
    const { view } = await coreOn(orders);
    expect(stdout).toContain(`${orders}: `);
    expect(stdout).toContain(renderMessage('en', view.splitSentence, 'cli'));
    expect(stdout).toMatch(
      /method\s+evaluated\s+hit rate\s+precision@10\s+recall@10\s+NDCG@10\s+MAP@10\s+coverage/,
    );
    for (const { name, metrics } of view.methods)
      expect(stdout).toMatch(
        new RegExp(
          `${renderMessage('en', name)}\\s+${metrics.customers}\\s+${metrics.hitRate.toFixed(4)}`,
        ),
      );
    expect(stdout).toContain(renderMessage('en', view.verdict.sentence, 'cli'));
    expect(stdout).toContain('R, F and M against the mean');
    expect(stdout).toMatch(
      /segment\s+customers\s+evaluated\s+Best sellers\s+Item-based\s+User-based\s+winner\s+margin/,
    );
    expect(stdout).toContain(renderMessage('en', defaultSegmentMap('rfm-mean').names[0] as never));
    expect(stdout).toMatch(/Wrote recommendations\.csv to .*: [\d,]+ rows, each customer’s top 10/);
  });

  it('--lang zh: the report and the JSON’s texts in Chinese, the JSON’s keys in English', async () => {
    const text = await run([orders], 'zh');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/方法\s+参与评估\s+命中率/);
    expect(text.stdout).toContain('热门商品');
    const json = JSON.parse((await run([orders, '--json'], 'zh')).stdout);
    const english = JSON.parse((await run([orders, '--json'])).stdout);
    expect(Object.keys(json)).toEqual(Object.keys(english));
    expect(json.evaluation.methods).toEqual(english.evaluation.methods);
    expect(json.evaluation.split.description).toMatch(/个客户中有/);
    expect(json.evaluation.bySegment.segments[0].name).toBe(
      renderMessage('zh', defaultSegmentMap('rf-grid').names[0] as never),
    );
    expect(json.evaluation.bySegment.segments[0].name).not.toBe(
      english.evaluation.bySegment.segments[0].name,
    );
  });

  it('--help prints the usage', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(recommendUsage('en') + '\n');
    for (const flag of [
      '--item',
      '--description',
      '--method',
      '--neighbours',
      '--similarity',
      '--top',
      '--segment-map',
      '--out',
      '--json',
      '--customer',
      '--day-first',
    ])
      expect(recommendUsage('en')).toContain(flag);
  });

  it('refuses bad input with one line the user can act on, in their language', async () => {
    const noItems = join(dir, 'no-items.csv');
    await writeFile(
      noItems,
      'InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n' +
        '1,1,2024-01-01,2,10\n2,1,2024-01-02,2,10\n3,1,2024-01-03,2,11\n4,1,2024-01-04,2,11\n',
    );
    const oneOrderEach = join(dir, 'once.csv');
    await writeFile(
      oneOrderEach,
      'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n' +
        '1,A,1,2024-01-01,2,10\n2,B,1,2024-01-02,2,11\n3,A,1,2024-01-03,2,12\n',
    );
    const cases: [string[], RegExp][] = [
      [[orders, '--method', 'svd'], /popularity, item, user or all/],
      [[orders, '--top', '0'], /--top/],
      [[orders, '--neighbours', '5', '--item-neighbours', '3'], /--neighbours sets both/],
      [[orders, '--user-neighbours', '2000'], /--user-neighbours/],
      [[orders, '--similarity', 'jaccard'], /cosine, pearson/],
      [[orders, '--segment-map', 'deciles'], /rf-grid, rfm-mean/],
      [[orders, orders], /exactly one file \(CSV, Excel workbook or Parquet\)/],
      [[], /exactly one file \(CSV, Excel workbook or Parquet\)/],
      [[orders, '--bogus'], /bogus/],
      [[orders, '--item', 'Nope'], /Nope/],
      [
        [
          noItems,
          ...['--customer', 'CustomerID', '--date', 'InvoiceDate', '--order', 'InvoiceNo'],
          ...['--quantity', 'Quantity', '--price', 'UnitPrice'],
        ],
        /name the item column with --item COL/,
      ],
      [
        [
          oneOrderEach,
          ...['--customer', 'CustomerID', '--date', 'InvoiceDate', '--order', 'InvoiceNo'],
          ...['--quantity', 'Quantity', '--price', 'UnitPrice', '--item', 'StockCode'],
        ],
        /ordered twice/,
      ],
    ];
    for (const [argv, sentence] of cases) {
      let caught: unknown = null;
      try {
        await run(argv);
      } catch (error) {
        caught = error;
      }
      expect(isUserError(caught), argv.join(' ')).toBe(true);
      if (!isUserError(caught)) continue;
      const line = createVoice('en').say(caught.sentence);
      expect(line, argv.join(' ')).toMatch(sentence);
      expect(line).not.toContain('\n');
      expect(createVoice('zh').say(caught.sentence).length).toBeGreaterThan(0);
    }
  });
});

describe('the recommend catalogs', () => {
  /** The arguments a template reads (select and plural options are not arguments). */
  const placeholders = (template: string) => {
    interface Element {
      type: number;
      value?: unknown;
      options?: Record<string, { value: Element[] }>;
    }
    const names = new Set<string>();
    const walk = (elements: Element[]) => {
      for (const element of elements) {
        // 0 is literal text, 7 the # of a plural: neither names an argument.
        if (element.type !== 0 && element.type !== 7) names.add(String(element.value));
        for (const option of Object.values(element.options ?? {})) walk(option.value);
      }
    };
    walk(
      new IntlMessageFormat(template, 'en', undefined, { ignoreTag: true }).getAst() as Element[],
    );
    return [...names].sort();
  };
  it.each([
    ['message', messageEnglish, messageChinese],
    ['cli', cliEnglish, cliChinese],
  ] as const)('%s: the same keys and placeholders in English and Chinese', (_, en, zh) => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
  });
});
