import type { StageProgress } from '../common/progress';
import { mlxtendConfidence, type AssociationRules } from './associationRules';
import { BasketCounter } from './basketCounter';
import type { Baskets } from './baskets';
import { itemsetCount, type FrequentItemsets } from './fpGrowth';

/**
 * What distinguishes a scope (an RFM segment, a cluster): each of its rules measured again over
 * the whole file's baskets, with the same formulas. A rule whose lift in the scope is well above
 * its lift in the whole file is typical of the scope.
 */
export interface DistinguishingRules {
  /** Per scope rule, its support, confidence and lift over the whole file's baskets. */
  wholeSupport: Float64Array;
  wholeConfidence: Float64Array;
  wholeLift: Float64Array;
  /** Per scope rule, the whole file's baskets that hold the rule, its antecedent, its consequent. */
  wholeSupportCount: Int32Array;
  wholeAntecedentCount: Int32Array;
  wholeConsequentCount: Int32Array;
  /**
   * Per scope rule, 1 when the rule and both its sides are frequent itemsets of the whole file
   * (the counts come from there), 0 when they were counted over the whole file's baskets.
   */
  frequentInWhole: Uint8Array;
  /** Per scope rule, its lift in the scope over its lift in the whole file. */
  liftRatio: Float64Array;
}

/**
 * Measures every rule of a scope over the whole file. `wholeItemsets` (mined from `wholeBaskets`;
 * null when the whole file was not mined) gives the counts of what is frequent there; the rest is
 * counted exactly over `wholeBaskets`, so every scope rule gets a whole-file lift. The scope's
 * baskets must be among `wholeBaskets` (built from the same order lines).
 */
export function distinguishingRules(
  scopeRules: AssociationRules,
  wholeItemsets: FrequentItemsets | null,
  wholeBaskets: Baskets,
  onProgress?: StageProgress,
): DistinguishingRules {
  const count = scopeRules.count;
  const n = wholeBaskets.basketCount;
  if (wholeItemsets !== null && wholeItemsets.basketCount !== n) {
    throw new Error('the whole-file itemsets were mined from other baskets');
  }
  const result: DistinguishingRules = {
    wholeSupport: new Float64Array(count),
    wholeConfidence: new Float64Array(count),
    wholeLift: new Float64Array(count),
    wholeSupportCount: new Int32Array(count),
    wholeAntecedentCount: new Int32Array(count),
    wholeConsequentCount: new Int32Array(count),
    frequentInWhole: new Uint8Array(count),
    liftRatio: new Float64Array(count),
  };
  let counter: BasketCounter | null = null;
  // Itemsets counted over the baskets, by their item ids (numbers, never user text).
  const counted = new Map<string, number>();
  const frequentCount = (items: Int32Array, from: number, to: number): number =>
    wholeItemsets === null ? -1 : itemsetCount(wholeItemsets, items, from, to);
  const exactCount = (items: Int32Array, from: number, to: number): number => {
    const key = items.subarray(from, to).join(',');
    let exact = counted.get(key);
    if (exact === undefined) {
      counter ??= new BasketCounter(wholeBaskets);
      exact = counter.count(items, from, to);
      counted.set(key, exact);
    }
    return exact;
  };
  const both = new Int32Array(64);
  const every = Math.max(1, Math.floor(count / 20));
  for (let r = 0; r < count; r++) {
    if (onProgress && r % every === 0) onProgress(r / count);
    const aFrom = scopeRules.antecedentStart[r];
    const aTo = scopeRules.antecedentStart[r + 1];
    const cFrom = scopeRules.consequentStart[r];
    const cTo = scopeRules.consequentStart[r + 1];
    const size = mergeSorted(
      scopeRules.antecedentItems,
      aFrom,
      aTo,
      scopeRules.consequentItems,
      cFrom,
      cTo,
      both,
    );
    let countAC = frequentCount(both, 0, size);
    let countA = frequentCount(scopeRules.antecedentItems, aFrom, aTo);
    let countC = frequentCount(scopeRules.consequentItems, cFrom, cTo);
    result.frequentInWhole[r] = countAC !== -1 && countA !== -1 && countC !== -1 ? 1 : 0;
    if (countAC === -1) countAC = exactCount(both, 0, size);
    if (countA === -1) countA = exactCount(scopeRules.antecedentItems, aFrom, aTo);
    if (countC === -1) countC = exactCount(scopeRules.consequentItems, cFrom, cTo);
    if (countAC === 0) throw new Error("a scope rule's baskets are not among the whole file's");
    // mlxtend's formulas, as for the scope's own rules.
    const confidence = mlxtendConfidence(countAC, countA, n);
    const lift = confidence / (countC / n);
    result.wholeSupport[r] = countAC / n;
    result.wholeConfidence[r] = confidence;
    result.wholeLift[r] = lift;
    result.wholeSupportCount[r] = countAC;
    result.wholeAntecedentCount[r] = countA;
    result.wholeConsequentCount[r] = countC;
    result.liftRatio[r] = scopeRules.lift[r] / lift;
  }
  onProgress?.(1);
  return result;
}

/** Merges two ascending runs of item ids into `out`; returns the merged length. */
function mergeSorted(
  a: Int32Array,
  aFrom: number,
  aTo: number,
  b: Int32Array,
  bFrom: number,
  bTo: number,
  out: Int32Array,
): number {
  let i = aFrom;
  let j = bFrom;
  let k = 0;
  while (i < aTo || j < bTo) {
    if (j >= bTo || (i < aTo && a[i] < b[j])) out[k++] = a[i++];
    else out[k++] = b[j++];
  }
  return k;
}
