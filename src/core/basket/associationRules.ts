import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { findItemset } from './itemsetIndex';
import type { FrequentItemsets } from './fpGrowth';

export interface RuleOptions {
  /** Rules whose confidence is below this are left out; in [0, 1]. */
  minConfidence: number;
}

/**
 * Association rules antecedent -> consequent, one per split of a frequent itemset, in typed arrays
 * (rule r's antecedent is `antecedentItems[antecedentStart[r]] .. [antecedentStart[r + 1] - 1]`,
 * item ids ascending; likewise its consequent). The metrics are mlxtend 0.25's
 * `association_rules` columns (less `representativity`, which is 1 on complete data), computed
 * with its formulas, in its order of operations, and with its edge cases.
 */
export interface AssociationRules {
  count: number;
  basketCount: number;
  /** The itemset each rule splits (antecedent and consequent together): an index into the itemsets. */
  itemset: Int32Array;
  /** Bit i is set when the itemset's i-th item (ascending) is in the antecedent. */
  antecedentMask: Int32Array;
  antecedentStart: Int32Array;
  antecedentItems: Int32Array;
  consequentStart: Int32Array;
  consequentItems: Int32Array;
  /** Rules come grouped by itemset: itemset s's rules are ruleStart[s] .. ruleStart[s + 1] - 1. */
  ruleStart: Int32Array;
  /** Baskets that hold the whole rule, its antecedent, its consequent. */
  supportCount: Int32Array;
  antecedentCount: Int32Array;
  consequentCount: Int32Array;
  antecedentSupport: Float64Array;
  consequentSupport: Float64Array;
  support: Float64Array;
  confidence: Float64Array;
  lift: Float64Array;
  leverage: Float64Array;
  /** Infinity when the confidence is 1. */
  conviction: Float64Array;
  zhangsMetric: Float64Array;
  jaccard: Float64Array;
  certainty: Float64Array;
  kulczynski: Float64Array;
}

/** The names of the metrics, as mlxtend's DataFrame columns and as this module's arrays. */
export const RULE_METRICS = [
  ['antecedent support', 'antecedentSupport'],
  ['consequent support', 'consequentSupport'],
  ['support', 'support'],
  ['confidence', 'confidence'],
  ['lift', 'lift'],
  ['leverage', 'leverage'],
  ['conviction', 'conviction'],
  ['zhangs_metric', 'zhangsMetric'],
  ['jaccard', 'jaccard'],
  ['certainty', 'certainty'],
  ['kulczynski', 'kulczynski'],
] as const;
export type RuleMetric = (typeof RULE_METRICS)[number][1];

/**
 * mlxtend's confidence: `sAC * n / (sA * n)` with the supports as shares of n baskets (it is
 * called with `num_itemsets = n`). Not `countAC / countA`: the two can differ in the last bit,
 * and a rule at the threshold is kept or dropped on that bit.
 */
export function mlxtendConfidence(countAC: number, countA: number, n: number): number {
  return ((countAC / n) * n) / ((countA / n) * n);
}

/**
 * Every rule A -> C (A, C non-empty, disjoint, A and C together a frequent itemset of two or
 * more items) whose confidence reaches `minConfidence`, as mlxtend's
 * `association_rules(itemsets, num_itemsets=n, metric="confidence", min_threshold=...)`.
 */
export function associationRules(
  itemsets: FrequentItemsets,
  options: RuleOptions,
  onProgress?: StageProgress,
): AssociationRules {
  const { minConfidence } = options;
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new UserError('bad-option', 'basketsMinConfidence', { value: minConfidence });
  }
  const n = itemsets.basketCount;
  const { offsets, items, counts, table } = itemsets;
  const antecedent = new Int32Array(32);
  const consequent = new Int32Array(32);
  // Kept rules: itemset, mask and the two counts; metrics follow once the count is known.
  let kept = 0;
  let ruleItemset = new Int32Array(1024);
  let ruleMask = new Int32Array(1024);
  let ruleCountA = new Int32Array(1024);
  let ruleCountC = new Int32Array(1024);
  const ruleStart = new Int32Array(itemsets.count + 1);
  const keep = (s: number, mask: number, countA: number, countC: number) => {
    if (kept === ruleItemset.length) {
      ruleItemset = grow(ruleItemset);
      ruleMask = grow(ruleMask);
      ruleCountA = grow(ruleCountA);
      ruleCountC = grow(ruleCountC);
    }
    ruleItemset[kept] = s;
    ruleMask[kept] = mask;
    ruleCountA[kept] = countA;
    ruleCountC[kept] = countC;
    kept++;
  };
  const every = Math.max(1, Math.floor(itemsets.count / 20));
  for (let s = 0; s < itemsets.count; s++) {
    if (onProgress && s % every === 0) onProgress((0.8 * s) / itemsets.count);
    ruleStart[s] = kept;
    const from = offsets[s];
    const length = offsets[s + 1] - from;
    if (length < 2) continue;
    const countAC = counts[s];
    const full = (1 << length) - 1;
    // A split and its mirror image need the same two counts: look them up once.
    for (let mask = 1; mask < full; mask++) {
      const mirror = full ^ mask;
      if (mirror < mask) continue;
      let a = 0;
      let c = 0;
      for (let i = 0; i < length; i++) {
        if (mask & (1 << i)) antecedent[a++] = items[from + i];
        else consequent[c++] = items[from + i];
      }
      const indexA = findItemset(itemsets, table, antecedent, 0, a);
      const indexC = findItemset(itemsets, table, consequent, 0, c);
      if (indexA === -1 || indexC === -1) {
        throw new Error('a subset of a frequent itemset is missing from the itemsets');
      }
      const countA = counts[indexA];
      const countC = counts[indexC];
      if (mlxtendConfidence(countAC, countA, n) >= minConfidence) keep(s, mask, countA, countC);
      if (mlxtendConfidence(countAC, countC, n) >= minConfidence) keep(s, mirror, countC, countA);
    }
  }
  ruleStart[itemsets.count] = kept;
  const rules = ruleArrays(itemsets, kept, ruleItemset, ruleMask, ruleCountA, ruleCountC);
  rules.ruleStart = ruleStart;
  onProgress?.(1);
  return rules;
}

function ruleArrays(
  itemsets: FrequentItemsets,
  count: number,
  itemset: Int32Array,
  mask: Int32Array,
  countA: Int32Array,
  countC: Int32Array,
): AssociationRules {
  const n = itemsets.basketCount;
  const { offsets, items, counts } = itemsets;
  let sideItems = 0;
  for (let r = 0; r < count; r++) sideItems += offsets[itemset[r] + 1] - offsets[itemset[r]];
  const rules: AssociationRules = {
    count,
    basketCount: n,
    itemset: itemset.slice(0, count),
    antecedentMask: mask.slice(0, count),
    antecedentStart: new Int32Array(count + 1),
    antecedentItems: new Int32Array(sideItems),
    consequentStart: new Int32Array(count + 1),
    consequentItems: new Int32Array(sideItems),
    ruleStart: new Int32Array(0),
    supportCount: new Int32Array(count),
    antecedentCount: countA.slice(0, count),
    consequentCount: countC.slice(0, count),
    antecedentSupport: new Float64Array(count),
    consequentSupport: new Float64Array(count),
    support: new Float64Array(count),
    confidence: new Float64Array(count),
    lift: new Float64Array(count),
    leverage: new Float64Array(count),
    conviction: new Float64Array(count),
    zhangsMetric: new Float64Array(count),
    jaccard: new Float64Array(count),
    certainty: new Float64Array(count),
    kulczynski: new Float64Array(count),
  };
  let a = 0;
  let c = 0;
  for (let r = 0; r < count; r++) {
    const s = itemset[r];
    for (let j = offsets[s], bit = 1; j < offsets[s + 1]; j++, bit <<= 1) {
      if (mask[r] & bit) rules.antecedentItems[a++] = items[j];
      else rules.consequentItems[c++] = items[j];
    }
    rules.antecedentStart[r + 1] = a;
    rules.consequentStart[r + 1] = c;
    rules.supportCount[r] = counts[s];
    setMetrics(rules, r, counts[s], countA[r], countC[r], n);
  }
  rules.antecedentItems = rules.antecedentItems.slice(0, a);
  rules.consequentItems = rules.consequentItems.slice(0, c);
  return rules;
}

/** mlxtend 0.25's formulas, operation for operation (num_itemsets = n, no null values). */
function setMetrics(
  rules: AssociationRules,
  r: number,
  countAC: number,
  countA: number,
  countC: number,
  n: number,
): void {
  const sAC = countAC / n;
  const sA = countA / n;
  const sC = countC / n;
  const confidence = (sAC * n) / (sA * n);
  const leverage = sAC - sA * sC;
  const zhangDenominator = Math.max(sAC * (1 - sA), sA * (sC - sAC));
  rules.antecedentSupport[r] = sA;
  rules.consequentSupport[r] = sC;
  rules.support[r] = sAC;
  rules.confidence[r] = confidence;
  rules.lift[r] = confidence / sC;
  rules.leverage[r] = leverage;
  rules.conviction[r] = confidence < 1 ? (1 - sC) / (1 - confidence) : Infinity;
  rules.zhangsMetric[r] = zhangDenominator === 0 ? 0 : leverage / zhangDenominator;
  rules.jaccard[r] = sAC / (sA + sC - sAC);
  rules.certainty[r] = 1 - sC === 0 ? 0 : (confidence - sC) / (1 - sC);
  rules.kulczynski[r] = (confidence + (sAC * n) / (sC * n)) / 2;
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
