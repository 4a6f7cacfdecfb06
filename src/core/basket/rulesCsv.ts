import { BOM, csvLine, neutraliseCell, PartWriter } from '../export/exportCsv';
import { RULE_METRICS, type AssociationRules } from './associationRules';
import type { FrequentItemsets } from './fpGrowth';

/** What an item id stands for: `OrderLines.items` and `OrderLines.descriptions`. */
export interface ItemNames {
  items: readonly string[];
  descriptions: readonly string[];
}

const ITEM_SEPARATOR = ', ';

/**
 * The rules as CSV, in parts of about a megabyte: mlxtend's columns (antecedents, consequents,
 * then the metrics, less representativity), each side's descriptions beside it when the file has
 * any, and the count of baskets that hold the rule. Items are joined with ", "; numbers are
 * written in full (shortest text that reads back as the same double), conviction as `inf` where
 * it is infinite. Item text that a spreadsheet would run as a formula is neutralised.
 * `order` lists the rules to write (a sorted or filtered view); all, in order, by default.
 */
export function rulesCsvParts(
  rules: AssociationRules,
  names: ItemNames,
  order?: ArrayLike<number>,
): string[] {
  const described = names.descriptions.some((text) => text.length > 0);
  const header = [
    'antecedents',
    ...(described ? ['antecedent descriptions'] : []),
    'consequents',
    ...(described ? ['consequent descriptions'] : []),
    ...RULE_METRICS.map(([column]) => column),
    'baskets',
  ];
  const out = new PartWriter();
  out.write(BOM + csvLine(header));
  const count = order === undefined ? rules.count : order.length;
  for (let k = 0; k < count; k++) {
    const r = order === undefined ? k : order[k];
    const antecedent = rules.antecedentItems.subarray(
      rules.antecedentStart[r],
      rules.antecedentStart[r + 1],
    );
    const consequent = rules.consequentItems.subarray(
      rules.consequentStart[r],
      rules.consequentStart[r + 1],
    );
    const cells = [joined(antecedent, names.items)];
    if (described) cells.push(joined(antecedent, names.descriptions));
    cells.push(joined(consequent, names.items));
    if (described) cells.push(joined(consequent, names.descriptions));
    for (const [, field] of RULE_METRICS) cells.push(numberCell(rules[field][r]));
    cells.push(String(rules.supportCount[r]));
    out.write(csvLine(cells));
  }
  return out.finish();
}

/**
 * The frequent itemsets as CSV, in parts: mlxtend's columns (support, itemsets), the
 * descriptions when the file has any, the count of baskets and the itemset's length.
 */
export function itemsetsCsvParts(itemsets: FrequentItemsets, names: ItemNames): string[] {
  const described = names.descriptions.some((text) => text.length > 0);
  const header = [
    'support',
    'itemsets',
    ...(described ? ['descriptions'] : []),
    'baskets',
    'length',
  ];
  const out = new PartWriter();
  out.write(BOM + csvLine(header));
  for (let i = 0; i < itemsets.count; i++) {
    const items = itemsets.items.subarray(itemsets.offsets[i], itemsets.offsets[i + 1]);
    const cells = [
      numberCell(itemsets.counts[i] / itemsets.basketCount),
      joined(items, names.items),
    ];
    if (described) cells.push(joined(items, names.descriptions));
    cells.push(String(itemsets.counts[i]), String(items.length));
    out.write(csvLine(cells));
  }
  return out.finish();
}

function joined(ids: Int32Array, texts: readonly string[]): string {
  let text = '';
  for (let k = 0; k < ids.length; k++) text += (k === 0 ? '' : ITEM_SEPARATOR) + texts[ids[k]];
  return neutraliseCell(text, false);
}

/** A metric as its shortest exact text; conviction's infinity as mlxtend's `inf`. */
function numberCell(value: number): string {
  return value === Infinity ? 'inf' : String(value);
}
