import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { associationRules, mlxtendConfidence } from '../../../src/core/basket/associationRules';
import { buildBaskets, customerMask } from '../../../src/core/basket/baskets';
import { distinguishingRules } from '../../../src/core/basket/distinguishingRules';
import { itemsetCount, mineItemsets } from '../../../src/core/basket/fpGrowth';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { basketSets, basketsOf, countWith } from './bruteForce';

const mine = (baskets: ReturnType<typeof basketsOf>, minSupport: number) =>
  mineItemsets(baskets, { minSupport, maxLen: 3, maxItemsets: 1e5 });

describe('distinguishingRules', () => {
  it("measures a segment's rules over the whole file: bread -> butter is the segment's own", async () => {
    // Customers a and b buy bread with butter; c and d buy bread alone or butter alone.
    const rows = ['order,customer,date,amount,item'];
    let order = 0;
    const buy = (customer: string, items: string[]) => {
      order++;
      for (const item of items)
        rows.push(`${order},${customer},2024-01-0${1 + (order % 9)},1,${item}`);
    };
    for (let k = 0; k < 3; k++) {
      buy('a', ['bread', 'butter']);
      buy('b', ['bread', 'butter', 'jam']);
      buy('c', ['bread']);
      buy('c', ['butter', 'jam']);
      buy('d', ['bread', 'jam']);
      buy('d', ['butter']);
    }
    const lines = selectOrderLines(await readCsv(textSource(rows.join('\n'))), {
      mapping: {
        ...EMPTY_MAPPING,
        customer: 'customer',
        date: 'date',
        order: 'order',
        amount: 'amount',
        item: 'item',
      },
      dateOrder: null,
    });
    const whole = buildBaskets(lines);
    const segment = buildBaskets(
      lines,
      customerMask(
        lines.customers.map((id) => (id === 'a' || id === 'b' ? 7 : 0)),
        7,
      ),
    );
    expect(segment.basketCount).toBe(6);
    const scopeRules = associationRules(mine(segment, 0.1), { minConfidence: 0 });
    const wholeItemsets = mine(whole, 0.1);
    const result = distinguishingRules(scopeRules, wholeItemsets, whole);
    const bread = lines.items.indexOf('bread');
    const butter = lines.items.indexOf('butter');
    let r = 0;
    while (!(
      scopeRules.antecedentItems[scopeRules.antecedentStart[r]] === bread &&
      scopeRules.antecedentStart[r + 1] - scopeRules.antecedentStart[r] === 1 &&
      scopeRules.consequentItems[scopeRules.consequentStart[r]] === butter &&
      scopeRules.consequentStart[r + 1] - scopeRules.consequentStart[r] === 1
    ))
      r++;
    // In the segment every basket has both: lift 1. In the whole file: 6 of 18 baskets have
    // both, 12 have bread, 12 butter: lift (6/12) / (12/18) = 0.75.
    expect(scopeRules.lift[r]).toBe(1);
    expect(result.wholeSupportCount[r]).toBe(6);
    expect(result.wholeAntecedentCount[r]).toBe(12);
    expect(result.wholeConsequentCount[r]).toBe(12);
    expect(result.wholeLift[r]).toBeCloseTo(0.75, 12);
    expect(result.wholeConfidence[r]).toBeCloseTo(0.5, 12);
    expect(result.wholeSupport[r]).toBeCloseTo(1 / 3, 12);
    expect(result.liftRatio[r]).toBeCloseTo(1 / 0.75, 12);
    expect(result.frequentInWhole[r]).toBe(1);
  });

  it('counts what is not frequent in the whole file over its baskets, so every rule gets a lift (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.nat(6), { minLength: 1, maxLength: 5 }), {
          minLength: 2,
          maxLength: 50,
        }),
        fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }),
        fc.double({ min: 0.05, max: 0.8, noNaN: true }),
        (sets, inScope, wholeSupport) => {
          const whole = basketsOf(sets, 7);
          const scopeSets = basketSets(whole).filter((_, b) => inScope[b] || b === 0);
          const scope = basketsOf(scopeSets, 7);
          const scopeRules = associationRules(mine(scope, 0.1), { minConfidence: 0 });
          const wholeItemsets = mine(whole, wholeSupport);
          const result = distinguishingRules(scopeRules, wholeItemsets, whole);
          const counted = distinguishingRules(scopeRules, null, whole);
          const n = whole.basketCount;
          for (let r = 0; r < scopeRules.count; r++) {
            const a = Array.from(
              scopeRules.antecedentItems.subarray(
                scopeRules.antecedentStart[r],
                scopeRules.antecedentStart[r + 1],
              ),
            );
            const c = Array.from(
              scopeRules.consequentItems.subarray(
                scopeRules.consequentStart[r],
                scopeRules.consequentStart[r + 1],
              ),
            );
            const ac = [...a, ...c].sort((x, y) => x - y);
            const [cAC, cA, cC] = [countWith(whole, ac), countWith(whole, a), countWith(whole, c)];
            expect([
              result.wholeSupportCount[r],
              result.wholeAntecedentCount[r],
              result.wholeConsequentCount[r],
            ]).toEqual([cAC, cA, cC]);
            const lift = mlxtendConfidence(cAC, cA, n) / (cC / n);
            expect(result.wholeLift[r]).toBe(lift);
            expect(counted.wholeLift[r]).toBe(lift);
            expect(Number.isFinite(result.liftRatio[r])).toBe(true);
            expect(result.liftRatio[r]).toBe(scopeRules.lift[r] / lift);
            const frequent = [ac, a, c].every((set) => itemsetCount(wholeItemsets, set) !== -1);
            expect(result.frequentInWhole[r]).toBe(frequent ? 1 : 0);
            expect(counted.frequentInWhole[r]).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('treats itemsets or baskets that do not belong together as a bug', () => {
    const whole = basketsOf([[0, 1], [0, 1], [2]]);
    const scopeRules = associationRules(mine(basketsOf([[0, 1]]), 0.5), { minConfidence: 0 });
    expect(() => distinguishingRules(scopeRules, mine(basketsOf([[0, 1]]), 0.5), whole)).toThrow(
      /other baskets/,
    );
    expect(() => distinguishingRules(scopeRules, null, basketsOf([[0], [1]]))).toThrow(
      /not among the whole file/,
    );
  });
});
