import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRecommenders, type Evaluation } from '../../src/core/recommend/evaluate';
import { interactionsFromLines } from '../../src/core/recommend/interactions';
import { itemNeighbours, recommendItemKnn } from '../../src/core/recommend/itemKnn';
import type { RankingMetrics } from '../../src/core/recommend/metrics';
import type { TopNLists } from '../../src/core/recommend/topN';
import { bytesSource, textSource } from '../../src/core/read/byteSource';
import { inferColumns } from '../../src/core/read/inferColumns';
import { readCsv } from '../../src/core/read/readCsv';
import { cellText, columnIndex, rowSourceText, type Table } from '../../src/core/read/table';
import { selectOrderLines, type OrderLines } from '../../src/core/rfm/orderLines';
import { suggestTransactionMapping } from '../../src/core/rfm/transactionMapping';
import { readShared, requireShared } from './sharedData';

/**
 * Recommendations against scripts/reference/recommend_reference.py: the definitions
 * written out in numpy/scipy (and, where it was built, implicit's CosineRecommender), on the
 * one-day Online Retail file, the whole year restricted to Germany, and the whole year. Run the
 * script again to regenerate test/reference/data/recommend/.
 */
type MethodKey = 'popularity' | 'item' | 'user_cosine' | 'user_pearson';

interface RecommendReference {
  case: string;
  dataset: string;
  country: string | null;
  n: number;
  item_k: number;
  user_k: number;
  rows_in: number;
  rows_used: number;
  customers: number;
  split: {
    customersEvaluated: number;
    testItems: number;
    trainingInteractions: number;
    catalogue: number;
  };
  /** Item ids in text order; tests and lists hold indices into it. */
  items: string[];
  evaluated: string[];
  tests: number[][];
  methods: Record<MethodKey, { metrics: RankingMetrics; lists: number[][]; scores?: number[][] }>;
  implicit: { version: string; K: number; lists: number[][]; scores: number[][] } | null;
}

const DATA = join(import.meta.dirname, 'data', 'recommend');
const CASES = ['day', 'germany', 'full'];
/** Only the whole year has customers none of whose items has tied neighbours (see below). */
const IMPLICIT_CASES = new Set(['full']);
const METRICS = ['hitRate', 'precision', 'recall', 'ndcg', 'map', 'coverage'] as const;

const tables = new Map<string, Promise<Table>>();
function tableOf(dataset: string): Promise<Table> {
  if (!tables.has(dataset))
    tables.set(
      dataset,
      readShared('datasets', dataset).then((bytes) => readCsv(bytesSource(bytes))),
    );
  return tables.get(dataset)!;
}

/** The file's lines of one country, as a file of its own (header and records as written). */
async function onlyCountry(table: Table, country: string): Promise<Table> {
  const column = table.columns[columnIndex(table, 'Country')];
  const records = [table.columns.map((c) => c.name).join(',')];
  for (let row = 0; row < table.rowCount; row++)
    if (cellText(column, row) === country) records.push(rowSourceText(table.rowText, row));
  return readCsv(textSource(records.join('\n') + '\n'));
}

async function linesOf(reference: RecommendReference): Promise<OrderLines> {
  const full = await tableOf(reference.dataset);
  const table = reference.country === null ? full : await onlyCountry(full, reference.country);
  expect(table.rowCount).toBe(reference.rows_in);
  const { mapping } = suggestTransactionMapping(inferColumns(table), table.rowCount);
  expect(mapping).toMatchObject({ customer: 'CustomerID', order: 'InvoiceNo', item: 'StockCode' });
  return selectOrderLines(table, { mapping, dateOrder: null });
}

beforeAll(requireShared);

describe.each(CASES)('recommendations on %s against numpy', (name) => {
  const reference = JSON.parse(
    readFileSync(join(DATA, `${name}.json`), 'utf8'),
  ) as RecommendReference;
  let lines: OrderLines;
  let cosine: Evaluation;
  let pearson: Evaluation;
  /** Per evaluated customer id, their row in our lists. */
  let rowOf: Map<string, number>;
  const itemName = (evaluation: Evaluation, column: number) =>
    lines.items[evaluation.holdOut.training.itemOfColumn[column]];
  const listOf = (evaluation: Evaluation, lists: TopNLists, r: number) =>
    Array.from(lists.items.subarray(r * lists.n, r * lists.n + lists.counts[r]), (column) =>
      itemName(evaluation, column),
    );

  beforeAll(async () => {
    lines = await linesOf(reference);
    const options = {
      top: reference.n,
      itemNeighbours: reference.item_k,
      userNeighbours: reference.user_k,
    };
    cosine = evaluateRecommenders(lines, { ...options, similarity: 'cosine' });
    pearson = evaluateRecommenders(lines, { ...options, similarity: 'pearson' }, ['user']);
    rowOf = new Map(Array.from(cosine.holdOut.customers, (u, r) => [lines.customers[u], r]));
  }, 120_000);

  it('uses the same lines, customers and items, and holds out the same test items', () => {
    expect(lines.count).toBe(reference.rows_used);
    expect(lines.customers.length).toBe(reference.customers);
    const m = interactionsFromLines(lines);
    expect(Array.from(m.itemOfColumn, (item) => lines.items[item])).toEqual(reference.items);
    const { customersEvaluated, testItems, trainingInteractions, catalogue } = cosine.split;
    expect({ customersEvaluated, testItems, trainingInteractions, catalogue }).toEqual(
      reference.split,
    );
    expect(new Set(rowOf.keys())).toEqual(new Set(reference.evaluated));
    const { testStart, testItems: test } = cosine.holdOut;
    reference.evaluated.forEach((id, e) => {
      const r = rowOf.get(id)!;
      const ours = Array.from(test.subarray(testStart[r], testStart[r + 1]), (column) =>
        itemName(cosine, column),
      );
      expect(ours).toEqual(reference.tests[e].map((j) => reference.items[j]));
    });
  });

  const methods: [MethodKey, () => Evaluation, number][] = [
    ['popularity', () => cosine, 0],
    ['item', () => cosine, 1],
    ['user_cosine', () => cosine, 2],
    ['user_pearson', () => pearson, 0],
  ];
  it.each(methods)(
    '%s: the same top-N list for every evaluated customer (and, where recorded, the same scores to the bit), every metric to 1e-12',
    (key, evaluationOf, index) => {
      const evaluation = evaluationOf();
      const result = evaluation.methods[index];
      const expected = reference.methods[key];
      const mismatches: string[] = [];
      reference.evaluated.forEach((id, e) => {
        const r = rowOf.get(id)!;
        const ours = listOf(evaluation, result.lists, r);
        const theirs = expected.lists[e].map((j) => reference.items[j]);
        if (JSON.stringify(ours) !== JSON.stringify(theirs))
          mismatches.push(`${id}: ${ours.join(' ')} instead of ${theirs.join(' ')}`);
        if (expected.scores) {
          const scores = Array.from(
            result.lists.scores.subarray(
              r * result.lists.n,
              r * result.lists.n + result.lists.counts[r],
            ),
          );
          if (JSON.stringify(scores) !== JSON.stringify(expected.scores[e]))
            mismatches.push(
              `${id}: scores ${scores.join(' ')} instead of ${expected.scores[e].join(' ')}`,
            );
        }
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(result.overall.customers).toBe(expected.metrics.customers);
      for (const metric of METRICS)
        expect(Math.abs(result.overall[metric] - expected.metrics[metric])).toBeLessThanOrEqual(
          1e-12,
        );
    },
  );

  if (IMPLICIT_CASES.has(name))
    it.runIf(reference.implicit !== null)(
      "item-based lists equal implicit's CosineRecommender(K=20) where nothing is tied",
      () => {
        const implicit = reference.implicit!;
        const training = cosine.holdOut.training;
        // implicit keeps the item itself among its K neighbours (similarity 1): ours with K - 1.
        const k = implicit.K - 1;
        const lists = recommendItemKnn(
          training,
          itemNeighbours(training, k),
          cosine.holdOut.customers,
          reference.n,
        );
        // An item's neighbours are the same in both only when its k-th and (k+1)-th most similar
        // items are not tied (implicit's heap breaks such ties its own way), and when no other
        // item is as similar as the item itself (which implicit might then leave out).
        const wider = itemNeighbours(training, k + 1);
        const tied = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);
        const settled = Uint8Array.from({ length: training.itemCount }, (_, i) => {
          const sims = wider.similarities.subarray(i * (k + 1), i * (k + 1) + wider.counts[i]);
          const boundaryTie = sims.length === k + 1 && tied(sims[k - 1], sims[k]);
          return boundaryTie || (sims.length > 0 && tied(sims[0], 1)) ? 0 : 1;
        });
        let customers = 0;
        let compared = 0;
        const mismatches: string[] = [];
        reference.evaluated.forEach((id, e) => {
          const r = rowOf.get(id)!;
          const u = cosine.holdOut.customers[r];
          for (let p = training.rowStart[u]; p < training.rowStart[u + 1]; p++)
            if (settled[training.rowItems[p]] === 0) return;
          customers++;
          const ours = listOf(cosine, lists, r);
          const theirs = implicit.lists[e].map((j) => reference.items[j]);
          const scores = implicit.scores[e];
          for (let rank = 0; rank < Math.min(reference.n, theirs.length); rank++) {
            if (rank > 0 && tied(scores[rank - 1], scores[rank])) continue;
            if (rank + 1 < scores.length && tied(scores[rank], scores[rank + 1])) continue;
            compared++;
            if (ours[rank] !== theirs[rank])
              mismatches.push(`${id} rank ${rank + 1}: ${ours[rank]} instead of ${theirs[rank]}`);
          }
        });
        console.log(
          `${name}: implicit ${implicit.version}: ${customers} of ${reference.evaluated.length} customers without tied neighbours, ${compared} untied positions compared, ${mismatches.length} differ`,
        );
        expect(compared).toBeGreaterThan(0);
        expect(mismatches.slice(0, 5)).toEqual([]);
      },
    );
});
