import type { AssociationRules } from './associationRules';
import type { FrequentItemsets } from './fpGrowth';
import { findItemset } from './itemsetIndex';

/**
 * Per rule, 1 when it is redundant: another rule with the same consequent and an antecedent that
 * is a strict (non-empty) subset of its own has at least its confidence, so the extra antecedent
 * items add nothing. A shorter rule left out for its low confidence cannot make a rule redundant
 * (its confidence is below every kept rule's), so looking among the kept rules is enough.
 */
export function redundantRules(rules: AssociationRules, itemsets: FrequentItemsets): Uint8Array {
  const redundant = new Uint8Array(rules.count);
  const { offsets, items, table } = itemsets;
  const query = new Int32Array(32);
  for (let r = 0; r < rules.count; r++) {
    const mask = rules.antecedentMask[r];
    // Two antecedent items at least, or there is no strict non-empty subset.
    if ((mask & (mask - 1)) === 0) continue;
    const s = rules.itemset[r];
    const from = offsets[s];
    const length = offsets[s + 1] - from;
    const consequentBits = ((1 << length) - 1) ^ mask;
    const confidence = rules.confidence[r];
    for (let sub = (mask - 1) & mask; sub > 0 && redundant[r] === 0; sub = (sub - 1) & mask) {
      // The shorter rule's itemset (sub and the consequent) and its antecedent mask within it.
      let size = 0;
      let subMask = 0;
      for (let i = 0; i < length; i++) {
        const bit = 1 << i;
        if ((sub | consequentBits) & bit) {
          if (sub & bit) subMask |= 1 << size;
          query[size++] = items[from + i];
        }
      }
      const shorter = findItemset(itemsets, table, query, 0, size);
      if (shorter === -1) throw new Error('a subset of a frequent itemset is missing');
      for (let q = rules.ruleStart[shorter]; q < rules.ruleStart[shorter + 1]; q++) {
        if (rules.antecedentMask[q] === subMask) {
          if (rules.confidence[q] >= confidence) redundant[r] = 1;
          break;
        }
      }
    }
  }
  return redundant;
}
