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
  recommendMethodName:
    '{method, select, popularity {Best sellers} item {Item-based} user {User-based} other {{method}}}',
  recommendSplit:
    '{twoOrders, plural, one {# customer} other {# customers}} of {customers, number} ordered at least twice; their last order is held out, and the {evaluated, plural, one {# customer} other {# customers}} whose last order has products they had not bought before are measured on those {testItems, plural, one {# product} other {# products}}, with models that learn from every other order ({training, plural, one {# customer–product pair} other {# customer–product pairs}} over {catalogue, plural, one {# product} other {# products}}).',
  recommendVerdictWins:
    '{winner, select, popularity {Best sellers} item {Item-based} user {User-based} other {{winner}}} wins on NDCG@{n}: {best, number, ::.000} against {second, number, ::.000} for {runnerUp, select, popularity {best sellers} item {item-based} user {user-based} other {{runnerUp}}} ({gain, number, ::percent .0} higher).',
  recommendVerdictWinsOverBaseline:
    '{winner, select, popularity {Best sellers} item {Item-based} user {User-based} other {{winner}}} wins on NDCG@{n}: {best, number, ::.000} against {second, number, ::.000} for {runnerUp, select, popularity {best sellers} item {item-based} user {user-based} other {{runnerUp}}} ({gain, number, ::percent .0} higher) and {baseline, number, ::.000} for best sellers.',
  recommendVerdictOnlyHits:
    '{winner, select, popularity {Best sellers} item {Item-based} user {User-based} other {{winner}}} wins on NDCG@{n} with {best, number, ::.000}: no other method places a held-out product in the top {n}.',
  recommendVerdictTie:
    '{winner, select, popularity {Best sellers} item {Item-based} user {User-based} other {{winner}}} and {runnerUp, select, popularity {best sellers} item {item-based} user {user-based} other {{runnerUp}}} tie on NDCG@{n} at {best, number, ::.000}.',
  recommendVerdictNoHits: 'No method places a held-out product in the top {n} for these customers.',
  recommendVerdictOne:
    '{winner, select, popularity {Best sellers} item {Item-based} user {User-based} other {{winner}}}: NDCG@{n} {best, number, ::.000} (the only method measured).',
  recommendVerdictNotEvaluated:
    'No customer here can be measured: none has a last order with products they had not bought before.',
  recommendUnknownCustomer:
    'There is no customer "{id}" among the {customers, number} customers of the order lines: type the id as the customer column writes it.',
  recommendNoSuchGroup: 'There is no group {group} to export: choose one from 0 to {last}.',
  recommendNeighboursTwice:
    '--neighbours sets both neighbour counts: give it alone, or --item-neighbours and --user-neighbours instead.',
  recommendExportAll:
    'recommendations ({method, select, popularity {best sellers} item {item-based} user {user-based} other {{method}}})',
  recommendExportSegment:
    'recommendations ({method, select, popularity {best sellers} item {item-based} user {user-based} other {{method}}}) - {segment}',
  recommendExportCluster:
    'recommendations ({method, select, popularity {best sellers} item {item-based} user {user-based} other {{method}}}) - cluster {cluster} of {k}',
} as const;
