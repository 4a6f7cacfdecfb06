/** What the baskets analysis says (part of `message`). */
export const messageBaskets = {
  basketsNeedItem:
    'Choose the item column (the product code of each line, such as StockCode or SKU) to see what sells together.',
  basketsMinSupport:
    'The minimum support must be a share of baskets above 0 and at most 1 (such as 0.01 for 1%), not {value}.',
  basketsMaxLen: 'The maximum itemset length must be a whole number from 1 to {most}, not {value}.',
  basketsMaxItemsets:
    'The cap on frequent itemsets must be a whole number of at least 1, not {value}.',
  basketsNone:
    'No basket in this scope names an item: choose another scope, or check the item column.',
  basketsTooMany:
    'More than {most, number} itemsets are frequent at a minimum support of {support}: raise the minimum support (or lower the maximum itemset length).',
  basketsMinConfidence:
    'The minimum confidence must be a share from 0 to 1 (such as 0.3 for 30%), not {value}.',
} as const;
