/** What the recommend analysis says (part of `message`). */
export const messageRecommend = {
  recommendNoMethod: 'Choose at least one method: popularity, item or user.',
  recommendNoRepeat:
    'No customer ordered twice, so there is no later order to check recommendations against: use a file with a longer period of orders.',
  recommendNothingNew:
    'No customer’s last order has a product they had not bought before, so there is nothing to check recommendations against: use a file with a longer period of orders.',
  recommendBlankItems:
    'The item column is blank on every order line that can be used: choose the column that holds the product codes.',
  recommendNeedItem:
    'Recommendations need to know what was bought: choose the item column (the product code of each line).',
  recommendBadMethod: 'The method must be popularity, item, user or all, not {value}.',
  recommendBadSimilarity: 'The similarity must be cosine or pearson, not {value}.',
  recommendBadCount: '{what} must be a whole number from 1 to {most}: {value} is not.',
  recommendNeighboursItem: 'The number of neighbours per item',
  recommendNeighboursUser: 'The number of neighbours per customer',
  recommendTop: 'The number of recommendations per customer',
} as const;
