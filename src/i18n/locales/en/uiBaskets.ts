/** The page's words for the baskets panel (spread into ui). */
export const uiBaskets = {
  baskets: {
    heading: 'What sells together',
    intro:
      'Items bought in the same order, as rules: a basket that holds the items on the left also holds the items on the right. Support is the share of baskets that hold all of them, confidence the share of baskets with the left side that also hold the right, lift how many times more often than by chance.',
    progress: 'Finding what sells together',
    mapping: {
      item: 'Item column',
      description: 'Item description column',
      none: '— none —',
    },
    needItem:
      'Choose the item column under Order lines (the product code of each line) to see what sells together.',
    form: {
      label: 'Rules to find',
      scope: 'Whose baskets',
      everyone: 'Everyone ({count, plural, one {# customer} other {# customers}})',
      segments: 'RFM segments',
      segment: '{name} ({count, plural, one {# customer} other {# customers}})',
      clusters: 'Clusters on RFM',
      cluster: 'Cluster {id}: {label}',
      minSupport: 'Minimum support (share of baskets)',
      minSupportHint: 'Empty: the larger of 1% and 10 baskets.',
      minConfidence: 'Minimum confidence',
      maxLen: 'Most items in a rule',
      find: 'Find rules',
    },
    stale: 'These rules are from before your last change: find them again to follow it.',
    scopeAll: 'everyone',
    summary: {
      baskets:
        '{baskets, plural, one {# basket} other {# baskets}} of {customers, plural, one {# customer} other {# customers}} ({scope}), with {items, plural, one {# item} other {# items}}.',
      rules:
        '{rules, plural, one {# rule} other {# rules}} ({redundant, plural, one {# redundant} other {# redundant}}) from {itemsets, plural, one {# frequent itemset} other {# frequent itemsets}}, at a minimum support of {support} ({minBaskets, plural, one {# basket} other {# baskets}}), a minimum confidence of {confidence} and at most {maxLen, plural, one {# item} other {# items}} a rule.',
      withoutItem:
        '{count, plural, one {# order line names no item and is left out} other {# order lines name no item and are left out}}.',
    },
    rule: '{antecedents} → {consequents}',
    table: {
      caption: 'Rules',
      antecedents: 'If a basket holds',
      consequents: 'it also holds',
      support: 'Support',
      confidence: 'Confidence',
      lift: 'Lift',
      conviction: 'Conviction',
      baskets: 'Baskets',
      wholeLift: 'Lift, everyone',
      liftRatio: 'Lift ratio',
      contains: 'Rules that contain item',
      containsHint: 'an item code, or words of its description',
      hideRedundant: 'Hide redundant rules',
      redundantHint:
        'A rule is redundant when a rule with fewer items on the left and the same items on the right is at least as confident.',
      pageSize: 'Rules per page',
      pages: 'Pages of rules',
      previous: 'Previous',
      next: 'Next',
      page: 'Page {page} of {pages} ({total, plural, one {# rule} other {# rules}})',
      none: 'No rule matches.',
      distinguishing:
        'Lift, everyone: the rule’s lift over every customer’s baskets; lift ratio: this scope’s lift over it (above 1, the rule is stronger here than in the whole file).',
    },
    chart: {
      title: 'Rules by support and confidence',
      summary:
        '{shown, plural, one {# rule} other {# rules}} of {total, number}: support from {minSupport} to {maxSupport}, confidence from {minConfidence} to {maxConfidence}, lift from {minLift} to {maxLift}. The numbered points are the rules of highest lift.',
      empty: 'No rule to draw.',
      support: 'Support',
      confidence: 'Confidence',
      lift: 'Lift',
      below: 'below {value}',
      between: '{from} to {to}',
      above: '{value} or more',
      top: 'Highest lift',
      topItem: '{rank}. {rule}: lift {lift}, confidence {confidence}',
    },
    items: {
      title: 'Most frequent items',
      caption: 'Most frequent items',
      item: 'Item',
      baskets: 'Baskets',
      support: 'Support',
    },
    download: {
      rules: 'Download these {count, plural, one {# rule} other {# rules}} (CSV)',
      rulesHint: 'in the table’s order and filter, with every measure of each rule',
      itemsets:
        'Download the {count, plural, one {# frequent itemset} other {# frequent itemsets}} (CSV)',
    },
    overview: {
      title: 'Each segment side by side',
      hint: 'Each named RFM segment’s most frequent items and its rules of highest lift, at the default parameters for its own baskets.',
      compare: 'Compare the segments',
      baskets:
        '{baskets, plural, one {# basket} other {# baskets}} of {customers, plural, one {# customer} other {# customers}}; {rules, plural, one {# rule} other {# rules}}',
      topItems: 'Top items',
      topRules: 'Top rules',
      item: '{item}: {share}',
      rule: '{rule} (lift {lift})',
      noRules: 'No rule at the default parameters.',
    },
  },
} as const;
