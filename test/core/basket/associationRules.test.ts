import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  associationRules,
  mlxtendConfidence,
  RULE_METRICS,
  type AssociationRules,
} from '../../../src/core/basket/associationRules';
import { mineItemsets } from '../../../src/core/basket/fpGrowth';
import { isUserError } from '../../../src/core/common/userError';
import { arbitraryBaskets, basketsOf, bruteForceItemsets, countWith } from './bruteForce';

const SHOP = basketsOf([
  [0, 1, 2],
  [0, 1],
  [0, 2, 3],
  [1, 2],
  [0, 1, 2, 4],
]);

const mine = (baskets: ReturnType<typeof basketsOf>, minSupport: number, maxLen = 3) =>
  mineItemsets(baskets, { minSupport, maxLen, maxItemsets: 200_000 });

const side = (starts: Int32Array, items: Int32Array, r: number) =>
  Array.from(items.subarray(starts[r], starts[r + 1]));

const ruleKey = (rules: AssociationRules, r: number) =>
  `${side(rules.antecedentStart, rules.antecedentItems, r).join(',')} -> ${side(rules.consequentStart, rules.consequentItems, r).join(',')}`;

function findRule(rules: AssociationRules, key: string): number {
  for (let r = 0; r < rules.count; r++) if (ruleKey(rules, r) === key) return r;
  throw new Error(`no rule ${key}`);
}

describe('associationRules', () => {
  it('gives the hand-computed metrics of a small shop', () => {
    const rules = associationRules(mine(SHOP, 0.4), { minConfidence: 0 });
    // Three pairs two ways, one triple six ways.
    expect(rules.count).toBe(12);
    const r = findRule(rules, '0 -> 1');
    expect(rules.supportCount[r]).toBe(3);
    expect(rules.antecedentCount[r]).toBe(4);
    expect(rules.consequentCount[r]).toBe(4);
    expect(rules.antecedentSupport[r]).toBeCloseTo(0.8, 12);
    expect(rules.consequentSupport[r]).toBeCloseTo(0.8, 12);
    expect(rules.support[r]).toBeCloseTo(0.6, 12);
    expect(rules.confidence[r]).toBeCloseTo(0.75, 12);
    expect(rules.lift[r]).toBeCloseTo(0.9375, 12);
    expect(rules.leverage[r]).toBeCloseTo(-0.04, 12);
    expect(rules.conviction[r]).toBeCloseTo(0.8, 12);
    expect(rules.zhangsMetric[r]).toBeCloseTo(-0.25, 12);
    expect(rules.jaccard[r]).toBeCloseTo(0.6, 12);
    expect(rules.certainty[r]).toBeCloseTo(-0.25, 12);
    expect(rules.kulczynski[r]).toBeCloseTo(0.75, 12);
    const t = findRule(rules, '0,1 -> 2');
    expect(rules.confidence[t]).toBeCloseTo(2 / 3, 12);
    expect(rules.lift[t]).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(rules.kulczynski[t]).toBeCloseTo((2 / 3 + 2 / 4) / 2, 12);
    expect(side(rules.antecedentStart, rules.antecedentItems, t)).toEqual([0, 1]);
    expect(ruleKey(rules, findRule(rules, '2 -> 0,1'))).toBe('2 -> 0,1');
  });

  it('keeps the rules whose confidence reaches the threshold', () => {
    const rules = associationRules(mine(SHOP, 0.4), { minConfidence: 0.7 });
    expect(Array.from({ length: rules.count }, (_, r) => ruleKey(rules, r)).sort()).toEqual([
      '0 -> 1',
      '0 -> 2',
      '1 -> 0',
      '1 -> 2',
      '2 -> 0',
      '2 -> 1',
    ]);
    expect(associationRules(mine(SHOP, 0.4), { minConfidence: 0.75 }).count).toBe(6);
    expect(associationRules(mine(SHOP, 0.4), { minConfidence: 1 }).count).toBe(0);
  });

  it("follows mlxtend's edge cases: infinite conviction at confidence 1, zero Zhang and certainty on zero denominators", () => {
    // Item 0 is in every basket.
    const rules = associationRules(
      mine(
        basketsOf([
          [0, 1],
          [0, 1],
          [0, 2],
        ]),
        0.1,
      ),
      {
        minConfidence: 0,
      },
    );
    const always = findRule(rules, '1 -> 0');
    expect(rules.confidence[always]).toBe(1);
    expect(rules.conviction[always]).toBe(Infinity);
    // 1 - support(consequent) is 0.
    expect(rules.certainty[always]).toBe(0);
    const fromAll = findRule(rules, '0 -> 1');
    // support(A) is 1 and support(C) = support(A and C): both of Zhang's terms are 0.
    expect(rules.zhangsMetric[fromAll]).toBe(0);
    expect(rules.conviction[fromAll]).toBeCloseTo(1, 12);
    for (const [, field] of RULE_METRICS) {
      for (let r = 0; r < rules.count; r++) expect(Number.isNaN(rules[field][r])).toBe(false);
    }
  });

  it('computes confidence as mlxtend does, which can differ from countAC / countA in the last bit', () => {
    let differs = 0;
    for (let n = 1; n <= 60; n++)
      for (let a = 1; a <= n; a++)
        for (let ac = 0; ac <= a; ac++) if (mlxtendConfidence(ac, a, n) !== ac / a) differs++;
    expect(differs).toBeGreaterThan(0);
    expect(mlxtendConfidence(3, 3, 7)).toBe(1);
  });

  it('has no rule without an itemset of two or more items', () => {
    const rules = associationRules(mine(SHOP, 0.4, 1), { minConfidence: 0 });
    expect(rules.count).toBe(0);
    expect(rules.ruleStart.length).toBe(4);
  });

  it('refuses a minimum confidence outside [0, 1]', () => {
    for (const minConfidence of [-0.1, 1.5, NaN]) {
      let error: unknown;
      try {
        associationRules(mine(SHOP, 0.4), { minConfidence });
      } catch (thrown) {
        error = thrown;
      }
      expect(isUserError(error) && error.code).toBe('bad-option');
    }
  });

  it('splits every frequent itemset every way, as brute force does, with the direct formulas (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(6, 30),
        fc.double({ min: 0.02, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (baskets, minSupport, minConfidence) => {
          const n = baskets.basketCount;
          const itemsets = mine(baskets, minSupport, 4);
          const rules = associationRules(itemsets, { minConfidence });
          // Brute force: every split of every frequent itemset, counted directly.
          const expected = new Set<string>();
          for (const key of bruteForceItemsets(baskets, minSupport, 4).keys()) {
            const items = key.split(',').map(Number);
            for (let mask = 1; mask < (1 << items.length) - 1; mask++) {
              const a = items.filter((_, i) => mask & (1 << i));
              const c = items.filter((_, i) => !(mask & (1 << i)));
              const conf = mlxtendConfidence(countWith(baskets, items), countWith(baskets, a), n);
              if (conf >= minConfidence) expected.add(`${a.join(',')} -> ${c.join(',')}`);
            }
          }
          const keys = Array.from({ length: rules.count }, (_, r) => ruleKey(rules, r));
          expect(new Set(keys)).toEqual(expected);
          expect(keys.length).toBe(expected.size);

          // Each rule against the direct formulas; problems gathered, then one assertion.
          const problems: string[] = [];
          const close = (name: string, r: number, ours: number, direct: number) => {
            if (!(Math.abs(ours - direct) <= 1e-12 * Math.max(1, Math.abs(direct))))
              problems.push(`${ruleKey(rules, r)}: ${name} ${ours} instead of ${direct}`);
          };
          for (let r = 0; r < rules.count; r++) {
            const a = side(rules.antecedentStart, rules.antecedentItems, r);
            const c = side(rules.consequentStart, rules.consequentItems, r);
            const cAC = countWith(baskets, [...a, ...c]);
            const cA = countWith(baskets, a);
            const cC = countWith(baskets, c);
            close('count', r, rules.supportCount[r], cAC);
            close('antecedent count', r, rules.antecedentCount[r], cA);
            close('consequent count', r, rules.consequentCount[r], cC);
            const conf = cAC / cA;
            const sA = cA / n;
            const sC = cC / n;
            const sAC = cAC / n;
            close('support', r, rules.support[r], sAC);
            close('confidence', r, rules.confidence[r], conf);
            close('lift', r, rules.lift[r], (cAC * n) / (cA * cC));
            close('leverage', r, rules.leverage[r], (cAC * n - cA * cC) / (n * n));
            if (cAC === cA) close('conviction', r, rules.conviction[r] === Infinity ? 1 : 0, 1);
            else close('conviction', r, rules.conviction[r], ((n - cC) * cA) / (n * (cA - cAC)));
            close('jaccard', r, rules.jaccard[r], cAC / (cA + cC - cAC));
            close('certainty', r, rules.certainty[r], cC === n ? 0 : (conf - sC) / (1 - sC));
            close('kulczynski', r, rules.kulczynski[r], (cAC / cA + cAC / cC) / 2);
            const zhangDenominator = Math.max(sAC * (1 - sA), sA * (sC - sAC));
            const zhang = zhangDenominator === 0 ? 0 : (sAC - sA * sC) / zhangDenominator;
            close('zhang', r, rules.zhangsMetric[r], zhang);
            // Rules are grouped by their itemset, whose items the two sides share out.
            const s = rules.itemset[r];
            if (!(rules.ruleStart[s] <= r && r < rules.ruleStart[s + 1]))
              problems.push(`${ruleKey(rules, r)}: outside its itemset's rules`);
            const items = Array.from(
              itemsets.items.subarray(itemsets.offsets[s], itemsets.offsets[s + 1]),
            );
            const shared = [...a, ...c].sort((x, y) => x - y).join(',') === items.join(',');
            const masked = items.filter((_, i) => rules.antecedentMask[r] & (1 << i)).join(',');
            if (!shared || masked !== a.join(','))
              problems.push(`${ruleKey(rules, r)}: not a split of itemset ${items.join(',')}`);
          }
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports progress a few dozen times at most, ending at 1', () => {
    const reports: number[] = [];
    associationRules(mine(SHOP, 0.2), { minConfidence: 0 }, (f) => reports.push(f));
    expect(reports.length).toBeLessThanOrEqual(40);
    expect(reports.at(-1)).toBe(1);
  });
});
