import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { associationRules, RULE_METRICS } from '../../src/core/basket/associationRules';
import { buildBaskets, type Baskets } from '../../src/core/basket/baskets';
import { itemsetCount, mineItemsets } from '../../src/core/basket/fpGrowth';
import {
  DEFAULT_MAX_ITEMSETS,
  defaultMinSupport,
  MAX_ITEMSET_LENGTH,
} from '../../src/core/basket/rulesDefaults';
import { bytesSource, textSource } from '../../src/core/read/byteSource';
import { readCsv } from '../../src/core/read/readCsv';
import { cellText, columnIndex, rowSourceText, type Table } from '../../src/core/read/table';
import { selectOrderLines, type OrderLines } from '../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../src/core/rfm/transactionMapping';
import { readShared, requireShared } from './sharedData';

interface RulesCase {
  min_support: number;
  max_len: number | null;
  min_confidence: number;
  default_support: boolean;
  /** Item names; itemsets and rules refer to them by position. */
  items: string[];
  itemsets: number[][];
  itemset_support: number[];
  /** Columns: antecedents, consequents, then the metrics (conviction null where infinite). */
  rules: Record<string, (number | null)[] | number[][]>;
  boundary_pairs: string[][];
}

interface RulesReference {
  dataset: string;
  country: string | null;
  rows_read: number;
  lines_used: number;
  lines_with_item: number;
  baskets: number;
  items: number;
  cases: RulesCase[];
}

const DATA = join(import.meta.dirname, 'data', 'rules');
const mapping = {
  ...EMPTY_MAPPING,
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  item: 'StockCode',
  description: 'Description',
};

beforeAll(requireShared);

/** The table of only one country's records (re-read from their own text), or all of them. */
async function readTable(dataset: string, country: string | null): Promise<Table> {
  const table = await readCsv(bytesSource(await readShared('datasets', dataset)));
  if (country === null) return table;
  const countryColumn = table.columns[columnIndex(table, 'Country')];
  const text = [table.columns.map((column) => column.name).join(',')];
  for (let row = 0; row < table.rowCount; row++) {
    if (cellText(countryColumn, row) === country) text.push(rowSourceText(table.rowText, row));
  }
  return readCsv(textSource(text.join('\n') + '\n'));
}

const relativeGap = (a: number, b: number) =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

const key = (names: string[]) => [...names].sort().join('\u0000');

/**
 * The itemsets and rules of mlxtend 0.25 (`fpgrowth` + `association_rules` on confidence), as
 * scripts/reference/mlxtend_rules.py computes them on the UCI Online Retail baskets: France's
 * lines of the whole year, and the one-day file. Same baskets, same itemset set with the same
 * supports, same rule set, every metric to relative 1e-12.
 */
describe.each([
  ['france.json', 'France'],
  ['day.json', 'the one-day file'],
])('%s (%s) against mlxtend', (file) => {
  const reference = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as RulesReference;
  let lines: OrderLines;
  let baskets: Baskets;
  beforeAll(async () => {
    const table = await readTable(reference.dataset, reference.country);
    lines = selectOrderLines(table, { mapping, dateOrder: null });
    baskets = buildBaskets(lines);
  }, 120_000);

  it('builds the same baskets from the same lines', () => {
    expect(lines.report.read).toBe(reference.rows_read);
    expect(lines.count).toBe(reference.lines_used);
    expect(baskets.linesUsed).toBe(reference.lines_with_item);
    expect(baskets.basketCount).toBe(reference.baskets);
    const itemsInBaskets = new Set(baskets.items);
    expect(itemsInBaskets.size).toBe(reference.items);
  });

  it.each(reference.cases.map((c) => [c.min_support, c.max_len, c.min_confidence, c] as const))(
    'support %s, length %s, confidence %s: the same itemsets and rules',
    (_s, _l, _c, referenceCase) => {
      const minSupport = referenceCase.default_support
        ? defaultMinSupport(baskets.basketCount)
        : referenceCase.min_support;
      expect(minSupport).toBe(referenceCase.min_support);
      const itemsets = mineItemsets(baskets, {
        minSupport,
        maxLen: referenceCase.max_len ?? MAX_ITEMSET_LENGTH,
        maxItemsets: DEFAULT_MAX_ITEMSETS,
      });
      const names = (ids: ArrayLike<number>) => Array.from(ids, (id) => lines.items[id]);
      const referenceNames = (positions: number[]) => positions.map((p) => referenceCase.items[p]);

      // Itemsets: the same set, each with the same support.
      const ourSupport = new Map<string, number>();
      for (let i = 0; i < itemsets.count; i++) {
        const items = itemsets.items.subarray(itemsets.offsets[i], itemsets.offsets[i + 1]);
        ourSupport.set(key(names(items)), itemsets.counts[i] / itemsets.basketCount);
      }
      const theirSupport = new Map(
        referenceCase.itemsets.map((positions, i) => [
          key(referenceNames(positions)),
          referenceCase.itemset_support[i],
        ]),
      );
      expect(ourSupport.size).toBe(theirSupport.size);
      expect([...ourSupport.keys()].filter((k) => !theirSupport.has(k))).toEqual([]);
      for (const [k, support] of theirSupport) {
        expect(relativeGap(ourSupport.get(k)!, support)).toBeLessThanOrEqual(1e-12);
      }

      // Pairs on mlxtend's floating-point boundary: as many baskets as a single item needs, yet
      // not frequent.
      for (const pair of referenceCase.boundary_pairs) {
        const ids = pair.map((name) => lines.items.indexOf(name)).sort((a, b) => a - b);
        expect(itemsetCount(itemsets, ids)).toBe(-1);
        expect(countBaskets(baskets, ids)).toBe(itemsets.minCount);
        expect(itemsets.minCountLonger).toBe(itemsets.minCount + 1);
      }

      // Rules: the same set, every metric to relative 1e-12 (conviction infinite on both sides).
      const rules = associationRules(itemsets, { minConfidence: referenceCase.min_confidence });
      const antecedents = referenceCase.rules.antecedents as number[][];
      const consequents = referenceCase.rules.consequents as number[][];
      expect(rules.count).toBe(antecedents.length);
      const theirRule = new Map(
        antecedents.map((a, r) => [
          `${key(referenceNames(a))} -> ${key(referenceNames(consequents[r]))}`,
          r,
        ]),
      );
      const mismatches: string[] = [];
      for (let r = 0; r < rules.count; r++) {
        const antecedent = names(
          rules.antecedentItems.subarray(rules.antecedentStart[r], rules.antecedentStart[r + 1]),
        );
        const consequent = names(
          rules.consequentItems.subarray(rules.consequentStart[r], rules.consequentStart[r + 1]),
        );
        const ruleKey = `${key(antecedent)} -> ${key(consequent)}`;
        const t = theirRule.get(ruleKey);
        if (t === undefined) {
          mismatches.push(`${ruleKey}: not in mlxtend's rules`);
          continue;
        }
        for (const [column, field] of RULE_METRICS) {
          const theirs = (referenceCase.rules[column] as (number | null)[])[t];
          const ours = rules[field][r];
          const same = theirs === null ? ours === Infinity : relativeGap(ours, theirs) <= 1e-12;
          if (!same) mismatches.push(`${ruleKey}: ${column} ${ours} instead of ${theirs}`);
        }
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    },
  );
});

function countBaskets(baskets: Baskets, ids: number[]): number {
  let count = 0;
  for (let b = 0; b < baskets.basketCount; b++) {
    const basket = Array.from(baskets.items.subarray(baskets.start[b], baskets.start[b + 1]));
    if (ids.every((id) => basket.includes(id))) count++;
  }
  return count;
}
