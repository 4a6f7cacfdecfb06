/** The command line's lines for its rules command(s) (part of `cli`). */
export const cliRules = {
  rulesSummary:
    '{path}: {read, number} order lines read, {used, number} used; {baskets, plural, one {# basket} other {# baskets}} of {items, plural, one {# item} other {# items}} ({scope})',
  rulesWithoutItem:
    '{count, plural, one {# line names no item and is} other {# lines name no item and are}} left out of the baskets.',
  rulesParameters:
    'Minimum support {support, number, precise} ({count, plural, one {# basket} other {# baskets}}), minimum confidence {confidence, number, precise}, itemsets of at most {maxLen, plural, one {# item} other {# items}}.',
  rulesFound:
    '{itemsets, plural, one {# frequent itemset} other {# frequent itemsets}}, {rules, plural, one {# rule} other {# rules}} ({redundant, number} redundant).',
  rulesTopItems: 'Items in the most baskets:',
  rulesTopRules:
    '{count, plural, one {The rule} other {The # rules}} of highest lift (of {total, number}; --out DIR writes them all):',
  rulesNone:
    'No rule reaches a confidence of {confidence, number, precise}: lower --min-confidence or --min-support.',
  rulesLegend: 'Items in these rules:',
  rulesColumnItem: 'item',
  rulesColumnDescription: 'description',
  rulesColumnBaskets: 'baskets',
  rulesColumnSupport: 'support',
  rulesColumnRule: 'rule',
  rulesColumnConfidence: 'confidence',
  rulesColumnLift: 'lift',
  rulesColumnConviction: 'conviction',
  rulesColumnWholeLift: 'lift, whole file',
  rulesColumnRatio: 'ratio',
  rulesInfinite: 'inf',
  rulesDistinguish:
    "The last two columns: each rule's lift over all baskets, and its lift here over that (above 1: typical of this scope).",
  rulesWrote: 'Wrote rules.csv and itemsets.csv to {out}',
} as const;
