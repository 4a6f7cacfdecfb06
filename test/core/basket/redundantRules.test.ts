import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { associationRules, type AssociationRules } from '../../../src/core/basket/associationRules';
import { mineItemsets } from '../../../src/core/basket/fpGrowth';
import { redundantRules } from '../../../src/core/basket/redundantRules';
import { arbitraryBaskets, basketsOf } from './bruteForce';

const side = (starts: Int32Array, items: Int32Array, r: number) =>
  Array.from(items.subarray(starts[r], starts[r + 1]));

const ruleKey = (rules: AssociationRules, r: number) =>
  `${side(rules.antecedentStart, rules.antecedentItems, r).join(',')} -> ${side(rules.consequentStart, rules.consequentItems, r).join(',')}`;

function rulesOf(sets: number[][], minSupport: number, minConfidence: number) {
  const itemsets = mineItemsets(basketsOf(sets), { minSupport, maxLen: 4, maxItemsets: 1e5 });
  return { itemsets, rules: associationRules(itemsets, { minConfidence }) };
}

describe('redundantRules', () => {
  it('flags a rule whose extra antecedent item adds no confidence', () => {
    // Item 2 always comes with item 0, so {0, 1} -> 2 is no better than 0 -> 2 (both 1).
    // {0, 3} -> 1 (1 of 1) beats 0 -> 1 (2 of 4) and 3 -> 1 (1 of 2): not redundant.
    const { itemsets, rules } = rulesOf(
      [
        [0, 1, 2],
        [0, 2],
        [0, 1, 2, 3],
        [0, 2, 4],
        [3, 4],
      ],
      0.1,
      0,
    );
    const flags = redundantRules(rules, itemsets);
    const flagged = (key: string) => {
      for (let r = 0; r < rules.count; r++) if (ruleKey(rules, r) === key) return flags[r];
      throw new Error(`no rule ${key}`);
    };
    expect(flagged('0,1 -> 2')).toBe(1);
    expect(flagged('0 -> 2')).toBe(0);
    expect(flagged('0,3 -> 1')).toBe(0);
    expect(flagged('0,1,3 -> 2')).toBe(1);
    // One-item antecedents are never redundant.
    for (let r = 0; r < rules.count; r++)
      if (rules.antecedentStart[r + 1] - rules.antecedentStart[r] === 1) expect(flags[r]).toBe(0);
  });

  it('equals the definition checked pair by pair on random baskets (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(6, 30),
        fc.double({ min: 0.03, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (baskets, minSupport, minConfidence) => {
          const itemsets = mineItemsets(baskets, { minSupport, maxLen: 4, maxItemsets: 1e5 });
          const rules = associationRules(itemsets, { minConfidence });
          const flags = redundantRules(rules, itemsets);
          const expected = new Uint8Array(rules.count);
          for (let r = 0; r < rules.count; r++) {
            const a = side(rules.antecedentStart, rules.antecedentItems, r);
            const c = side(rules.consequentStart, rules.consequentItems, r).join(',');
            for (let q = 0; q < rules.count; q++) {
              const shorter = side(rules.antecedentStart, rules.antecedentItems, q);
              const sameConsequent =
                side(rules.consequentStart, rules.consequentItems, q).join(',') === c;
              const strictSubset =
                shorter.length < a.length && shorter.every((item) => a.includes(item));
              if (sameConsequent && strictSubset && rules.confidence[q] >= rules.confidence[r])
                expected[r] = 1;
            }
          }
          expect(flags).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives an empty flag array for no rules', () => {
    const { itemsets, rules } = rulesOf([[0], [1]], 0.5, 0);
    expect(redundantRules(rules, itemsets)).toEqual(new Uint8Array(0));
  });
});
