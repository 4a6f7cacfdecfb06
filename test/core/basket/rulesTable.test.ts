import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { associationRules, RULE_METRICS } from '../../../src/core/basket/associationRules';
import type { Baskets } from '../../../src/core/basket/baskets';
import { distinguishingRules } from '../../../src/core/basket/distinguishingRules';
import { mineItemsets } from '../../../src/core/basket/fpGrowth';
import { redundantRules } from '../../../src/core/basket/redundantRules';
import {
  RULE_SORT_KEYS,
  RulesTable,
  type RuleSortKey,
  type RulesQuery,
} from '../../../src/core/basket/rulesTable';
import { arbitraryBaskets, basketsOf } from './bruteForce';

const NAMES = {
  items: ['A1', 'B2', 'C3', 'D4', 'E5', 'F6', 'G7', 'H8'],
  descriptions: ['Apple jam', 'Brown bread', 'Cheese', '', 'egg BOX', 'Fig', 'Grapes', 'Honey'],
};

function tableOf(baskets: Baskets, minSupport = 0.05, minConfidence = 0) {
  const itemsets = mineItemsets(baskets, { minSupport, maxLen: 4, maxItemsets: 1e5 });
  const rules = associationRules(itemsets, { minConfidence });
  return { itemsets, rules, table: new RulesTable(rules, itemsets, NAMES, null) };
}

const query = (changes: Partial<RulesQuery> = {}): RulesQuery => ({
  sort: 'lift',
  descending: true,
  offset: 0,
  limit: 1000,
  contains: null,
  hideRedundant: false,
  ...changes,
});

/** Bread always comes with jam; jam comes alone too; cheese alone. */
const JAM_AND_BREAD = basketsOf([
  ...Array.from({ length: 10 }, () => [0, 1]),
  ...Array.from({ length: 5 }, () => [0]),
  ...Array.from({ length: 5 }, () => [2]),
]);

const sides = (row: { antecedents: { id: string }[]; consequents: { id: string }[] }) =>
  `${row.antecedents.map((item) => item.id).join(',')} -> ${row.consequents.map((item) => item.id).join(',')}`;

describe('RulesTable', () => {
  it('writes each rule with its items, descriptions and mlxtend metrics (hand-made)', () => {
    // At a support of 0.5: jam in 15 of 20 baskets, bread in 10, both in 10.
    const { table } = tableOf(JAM_AND_BREAD, 0.5);
    const page = table.page(query({ sort: 'confidence' }));
    expect(page.total).toBe(2);
    expect(page.offset).toBe(0);
    const [breadToJam, jamToBread] = page.rows;
    expect(breadToJam).toEqual({
      rule: expect.any(Number),
      antecedents: [{ id: 'B2', description: 'Brown bread' }],
      consequents: [{ id: 'A1', description: 'Apple jam' }],
      antecedentSupport: 0.5,
      consequentSupport: 0.75,
      support: 0.5,
      confidence: 1,
      lift: 1 / 0.75,
      leverage: 0.5 - 0.5 * 0.75,
      // Infinite when the confidence is 1.
      conviction: null,
      zhangsMetric: expect.closeTo(0.125 / Math.max(0.5 * 0.5, 0.5 * (0.75 - 0.5)), 12),
      jaccard: expect.closeTo(0.5 / 0.75, 12),
      certainty: 1,
      kulczynski: expect.closeTo((1 + 0.5 / 0.75) / 2, 12),
      baskets: 10,
      redundant: false,
      wholeLift: null,
      liftRatio: null,
    });
    expect(sides(jamToBread)).toBe('A1 -> B2');
    expect(jamToBread.confidence).toBeCloseTo(10 / 15, 15);
    expect(jamToBread.conviction).toBeCloseTo((1 - 0.5) / (1 - 10 / 15), 12);
  });

  it('sorts by every key, either way, ties in rule order (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(7, 30),
        fc.constantFrom(...RULE_SORT_KEYS),
        fc.boolean(),
        (baskets, sort: RuleSortKey, descending) => {
          const { rules, table } = tableOf(baskets);
          const order = Array.from(table.order(sort, descending));
          expect([...order].sort((a, b) => a - b)).toEqual(
            Array.from({ length: rules.count }, (_, r) => r),
          );
          const text = (r: number, which: 'antecedent' | 'consequent') => {
            const start = which === 'antecedent' ? rules.antecedentStart : rules.consequentStart;
            const items = which === 'antecedent' ? rules.antecedentItems : rules.consequentItems;
            return Array.from(items.subarray(start[r], start[r + 1]), (id) => NAMES.items[id]).join(
              ', ',
            );
          };
          const key = (r: number): number | string =>
            sort === 'antecedents'
              ? text(r, 'antecedent')
              : sort === 'consequents'
                ? text(r, 'consequent')
                : sort === 'baskets'
                  ? rules.supportCount[r]
                  : sort === 'wholeLift'
                    ? rules.lift[r]
                    : sort === 'liftRatio'
                      ? 1
                      : rules[sort][r];
          for (let p = 1; p < order.length; p++) {
            const [a, b] = [order[p - 1], order[p]];
            const [ka, kb] = [key(a), key(b)];
            if (ka === kb) expect(a).toBeLessThan(b);
            else expect(descending ? ka > kb : ka < kb).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('computes an order once per key and direction', () => {
    const { table } = tableOf(JAM_AND_BREAD, 0.2);
    expect(table.order('lift', true)).toBe(table.order('lift', true));
    expect(table.order('lift', false)).not.toBe(table.order('lift', true));
  });

  it('filters to rules with an item on either side: its id exactly, or its description in any case', () => {
    const baskets = basketsOf([
      [0, 1, 4],
      [0, 1],
      [1, 4],
      [2, 3],
      [2, 3],
      [0, 4],
    ]);
    const { table } = tableOf(baskets, 0.3);
    const matching = (contains: string | null) =>
      table
        .page(query({ contains, sort: 'antecedents', descending: false }))
        .rows.map(sides)
        .sort();
    const every = matching(null);
    expect(every.length).toBeGreaterThan(4);
    expect(matching('')).toEqual(every);
    expect(matching('   ')).toEqual(every);
    // The id exactly (and the spaces around it ignored): rules with A1 on either side.
    const withA1 = every.filter((rule) => /\bA1\b/.test(rule));
    expect(withA1.length).toBeGreaterThan(0);
    expect(matching('A1')).toEqual(withA1);
    expect(matching(' A1 ')).toEqual(withA1);
    // An id in another case is not that id, and "a1" is in no description.
    expect(matching('a1')).toEqual([]);
    // A description in any case, or part of it: "bread" is B2's, "box" E5's.
    expect(matching('BREAD')).toEqual(every.filter((rule) => /\bB2\b/.test(rule)));
    expect(matching('Box')).toEqual(every.filter((rule) => /\bE5\b/.test(rule)));
    // D4 has no description; it is found by its id.
    expect(matching('D4')).toEqual(every.filter((rule) => /\bD4\b/.test(rule)));
    expect(matching('D4').length).toBeGreaterThan(0);
  });

  it('filters as a rule-by-rule check would, with or without redundant rules (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(8, 30),
        fc.constantFrom('A1', 'b', 'EGG', 'h8', 'x', null),
        fc.boolean(),
        (baskets, contains, hideRedundant) => {
          const { rules, itemsets, table } = tableOf(baskets, 0.05, 0.2);
          const redundant = redundantRules(rules, itemsets);
          const matches = (id: number) =>
            contains === null ||
            NAMES.items[id] === contains ||
            NAMES.descriptions[id].toLowerCase().includes(contains.toLowerCase());
          const expected = Array.from(table.order('support', false)).filter((r) => {
            if (hideRedundant && redundant[r] === 1) return false;
            const ids = [
              ...rules.antecedentItems.subarray(
                rules.antecedentStart[r],
                rules.antecedentStart[r + 1],
              ),
              ...rules.consequentItems.subarray(
                rules.consequentStart[r],
                rules.consequentStart[r + 1],
              ),
            ];
            return ids.some(matches);
          });
          const view = { sort: 'support', descending: false, contains, hideRedundant } as const;
          expect(Array.from(table.selection(view))).toEqual(expected);
          const page = table.page(query({ ...view, limit: 5 }));
          expect(page.total).toBe(expected.length);
          expect(page.rows.map((row) => row.rule)).toEqual(expected.slice(0, 5));
          page.rows.forEach((row) => expect(row.redundant).toBe(redundant[row.rule] === 1));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pages: an offset past the end shows the last row, a limit of 0 shows none', () => {
    const baskets = basketsOf([
      [0, 1, 2],
      [0, 1],
      [1, 2],
      [0, 2],
    ]);
    const { table } = tableOf(baskets, 0.25);
    const all = table.page(query()).rows.map((row) => row.rule);
    expect(all.length).toBeGreaterThan(6);
    const page = table.page(query({ offset: 3, limit: 2 }));
    expect(page).toMatchObject({ total: all.length, offset: 3 });
    expect(page.rows.map((row) => row.rule)).toEqual(all.slice(3, 5));
    const past = table.page(query({ offset: 10_000, limit: 5 }));
    expect(past.offset).toBe(all.length - 1);
    expect(past.rows.map((row) => row.rule)).toEqual(all.slice(-1));
    expect(table.page(query({ limit: 0 })).rows).toEqual([]);
    // No rule at all: an empty first page.
    expect(table.page(query({ contains: 'nothing matches this' }))).toEqual({
      total: 0,
      offset: 0,
      rows: [],
    });
  });

  it('refuses a query no page sends: an unknown key, a negative or fractional offset or limit', () => {
    const { table } = tableOf(JAM_AND_BREAD, 0.2);
    expect(() => table.page(query({ sort: 'name' as RuleSortKey }))).toThrow(/sorted by name/);
    expect(() => table.page(query({ offset: -1 }))).toThrow(Error);
    expect(() => table.page(query({ offset: 1.5 }))).toThrow(Error);
    expect(() => table.page(query({ limit: -2 }))).toThrow(Error);
    expect(() => table.page(query({ limit: NaN }))).toThrow(Error);
  });

  it("shows and sorts by a scope's lift in the whole file and the ratio", () => {
    // The scope is the first four baskets of the whole file's eight.
    const whole = basketsOf([[0, 1], [0, 1], [0, 1, 2], [2], [0], [1], [0, 2], [1, 2]]);
    const scope = basketsOf([[0, 1], [0, 1], [0, 1, 2], [2]], whole.itemCount);
    const itemsets = mineItemsets(scope, { minSupport: 0.25, maxLen: 3, maxItemsets: 1e5 });
    const rules = associationRules(itemsets, { minConfidence: 0 });
    const measured = distinguishingRules(rules, null, whole);
    const table = new RulesTable(rules, itemsets, NAMES, measured);
    const rows = table.page(query({ sort: 'liftRatio' })).rows;
    expect(rows).toHaveLength(rules.count);
    for (const row of rows) {
      expect(row.wholeLift).toBe(measured.wholeLift[row.rule]);
      expect(row.liftRatio).toBe(measured.liftRatio[row.rule]);
      expect(row.liftRatio).toBeCloseTo(row.lift / row.wholeLift!, 12);
    }
    for (let p = 1; p < rows.length; p++)
      expect(rows[p].liftRatio!).toBeLessThanOrEqual(rows[p - 1].liftRatio!);
    // A1 -> B2: lift 4/3 here (all 3 jam baskets have bread, 3 of 4 have bread); 0.96 overall.
    const jamToBread = rows.find((row) => sides(row) === 'A1 -> B2')!;
    expect(jamToBread.lift).toBeCloseTo(4 / 3, 12);
    expect(jamToBread.wholeLift).toBeCloseTo(3 / 5 / (5 / 8), 12);
    expect(jamToBread.liftRatio).toBeCloseTo(4 / 3 / 0.96, 12);
    expect(
      () =>
        new RulesTable(
          rules,
          itemsets,
          NAMES,
          distinguishingRules(associationRules(itemsets, { minConfidence: 0.9 }), null, whole),
        ),
    ).toThrow(/other rules/);
  });

  it('lists every metric of mlxtend in its rows', () => {
    const { table } = tableOf(JAM_AND_BREAD, 0.2);
    const row = table.page(query()).rows[0];
    for (const [, field] of RULE_METRICS) expect(row).toHaveProperty(field);
  });
});
