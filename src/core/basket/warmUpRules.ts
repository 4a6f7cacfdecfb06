import { createRandom } from '../common/random';
import { associationRules } from './associationRules';
import type { Baskets } from './baskets';
import { mineItemsets } from './fpGrowth';
import { redundantRules } from './redundantRules';

/**
 * Mines made-up baskets (seeded: a few popular items, many rare ones, as shops sell), so that the
 * JavaScript engine has compiled FP-growth and the rules before the first real run: a cold first
 * run is several times slower. The page's worker can call this while the user reads RFM; the
 * benchmark calls it to measure the working speed (and reports the cold run too).
 */
export function warmUpRules(): void {
  const random = createRandom(13);
  const basketCount = 4000;
  const itemCount = 300;
  const start = new Int32Array(basketCount + 1);
  const items: number[] = [];
  const seen = new Uint8Array(itemCount);
  for (let b = 0; b < basketCount; b++) {
    const size = 1 + random.int(25);
    const basket: number[] = [];
    for (let k = 0; k < size; k++) {
      // Squaring skews the choice towards the first items.
      const item = Math.floor(itemCount * random.next() ** 2);
      if (seen[item] === 0) {
        seen[item] = 1;
        basket.push(item);
      }
    }
    basket.sort((x, y) => x - y);
    for (const item of basket) {
      seen[item] = 0;
      items.push(item);
    }
    start[b + 1] = items.length;
  }
  const baskets: Baskets = {
    basketCount,
    itemCount,
    start,
    items: Int32Array.from(items),
    basketOrder: new Int32Array(basketCount),
    basketCustomer: new Int32Array(basketCount),
    linesUsed: items.length,
    linesWithoutItem: 0,
  };
  for (const [minSupport, maxLen] of [
    [0.01, 3],
    [0.02, 4],
  ]) {
    const itemsets = mineItemsets(baskets, { minSupport, maxLen, maxItemsets: 200_000 });
    redundantRules(associationRules(itemsets, { minConfidence: 0.1 }), itemsets);
  }
}
