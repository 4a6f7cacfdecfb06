/** The parameters of association rules as the page and the command line start them. */
export const DEFAULT_MIN_CONFIDENCE = 0.3;
export const DEFAULT_MAX_LEN = 3;
/** Past this many frequent itemsets the run stops and asks for a higher minimum support. */
export const DEFAULT_MAX_ITEMSETS = 200_000;
/** The longest itemset a run may ask for (an antecedent is a bit mask of an itemset's items). */
export const MAX_ITEMSET_LENGTH = 30;

/**
 * The default minimum support: 1% of the baskets, but never fewer than 10 baskets, so that a
 * small file still gives rules that rest on more than a handful of orders (capped at 1).
 */
export function defaultMinSupport(basketCount: number): number {
  return Math.min(1, Math.max(0.01, 10 / basketCount));
}
