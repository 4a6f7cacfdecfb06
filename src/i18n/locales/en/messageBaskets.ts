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
  basketsDefaultSupport:
    'The minimum support is the default, the larger of 1% and 10 baskets: {support, number, precise} of {baskets, plural, one {# basket} other {# baskets}}.',
  basketsNoSegment:
    'There is no segment {segment} in the segment map: choose one of its {count, plural, one {# segment} other {# segments}}.',
  basketsNoCluster:
    'There is no cluster {cluster} among {k} clusters: choose a cluster from 0 to {last}.',
  basketsScopeAll: 'all baskets',
  basketsScopeCluster: 'cluster {cluster} of {k}',
  exportRulesAll: 'rules (all baskets)',
  exportRulesOf: 'rules - {scope}',
  exportItemsetsAll: 'frequent itemsets',
  exportItemsetsOf: 'frequent itemsets - {scope}',
  // The command line's refusals (segmentlens rules)
  rulesNeedItemFlag:
    'No item column was recognised: name it with --item COL (the product code of each line, such as StockCode or SKU).',
  rulesBadScope:
    '--scope must be all, rfm:NAME (a named RFM segment) or cluster:N (a cluster number), not "{value}".',
  rulesUnknownSegment: 'There is no RFM segment named "{name}": choose among {names}.',
  rulesMisplacedK: '--k applies to clusters: add --scope cluster:N, or leave out --k.',
  rulesMisplacedSegmentMap:
    '--segment-map applies to RFM segments: add --scope rfm:NAME, or leave out --segment-map.',
} as const;
