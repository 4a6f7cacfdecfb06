/**
 * The least number of baskets that makes an itemset frequent, decided exactly as mlxtend 0.25's
 * `fpgrowth` decides it, floating point included. A single item is frequent when
 * `count / baskets >= minSupport`. A longer itemset must also reach mlxtend's conditional-tree
 * threshold `ceil(minSupport * baskets)`, which can be one more: at 0.07 of 100 baskets,
 * `0.07 * 100` is 7.000000000000001, so single items need 7 baskets and pairs 8. (mlxtend skips
 * that threshold only when the whole tree is one path; `mineItemsets` does the same.)
 */
export interface SupportThreshold {
  single: number;
  longer: number;
}

export function supportThreshold(minSupport: number, basketCount: number): SupportThreshold {
  // The float test is monotone in the count: start just below and step up to the first pass.
  let single = Math.max(1, Math.floor(minSupport * basketCount) - 2);
  while (single / basketCount < minSupport) single++;
  return { single, longer: Math.max(single, Math.ceil(minSupport * basketCount)) };
}
