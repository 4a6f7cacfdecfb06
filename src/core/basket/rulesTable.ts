import { RULE_METRICS, type AssociationRules, type RuleMetric } from './associationRules';
import type { DistinguishingRules } from './distinguishingRules';
import type { FrequentItemsets } from './fpGrowth';
import { redundantRules } from './redundantRules';
import type { ItemNames } from './rulesCsv';

/** What the rules table sorts by: a metric, the count of baskets, a side's text, or (in a scope) the whole file's lift. */
export type RuleSortKey =
  RuleMetric | 'baskets' | 'antecedents' | 'consequents' | 'wholeLift' | 'liftRatio';

export const RULE_SORT_KEYS: readonly RuleSortKey[] = [
  ...RULE_METRICS.map(([, field]) => field),
  'baskets',
  'antecedents',
  'consequents',
  'wholeLift',
  'liftRatio',
];

/** The rules each item of a side is written with: its id, and its description ('' without one). */
export interface RuleItem {
  id: string;
  description: string;
}

export interface RulesView {
  sort: RuleSortKey;
  descending: boolean;
  /**
   * Only rules with an item, on either side, whose id is this text exactly or whose description
   * contains it in any case (spaces around it ignored); null or blank for every rule.
   */
  contains: string | null;
  /** Leave out redundant rules (see redundantRules). */
  hideRedundant: boolean;
}

export interface RulesQuery extends RulesView {
  offset: number;
  limit: number;
}

/** One rule as the table shows it: mlxtend's metrics, conviction null where infinite. */
export interface RuleRow {
  /** The rule's index in its rule set (stable for the request: a key for the page's rows). */
  rule: number;
  antecedents: RuleItem[];
  consequents: RuleItem[];
  antecedentSupport: number;
  consequentSupport: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  conviction: number | null;
  zhangsMetric: number;
  jaccard: number;
  certainty: number;
  kulczynski: number;
  /** Baskets that hold the whole rule. */
  baskets: number;
  redundant: boolean;
  /** In a scope other than the whole file: the rule's lift over all baskets, and this lift over it. */
  wholeLift: number | null;
  liftRatio: number | null;
}

export interface RulesPage {
  /** Rules that match the query (before paging). */
  total: number;
  offset: number;
  rows: RuleRow[];
}

const ITEM_SEPARATOR = ', ';

/**
 * The rules of one request, sorted, filtered and paged where they are: the page receives only the
 * rows it shows. Orders are computed once per key and direction (ties in rule order either way);
 * the redundant flags once, when first asked for.
 */
export class RulesTable {
  private readonly orders = new Map<string, Int32Array>();
  private redundantFlags: Uint8Array | null = null;
  private lastFilter: { text: string; rules: Uint8Array } | null = null;

  constructor(
    readonly rules: AssociationRules,
    private readonly itemsets: FrequentItemsets,
    private readonly names: ItemNames,
    /** The rules measured over the whole file, for a scope other than the whole file. */
    readonly distinguishing: DistinguishingRules | null,
  ) {
    if (distinguishing !== null && distinguishing.wholeLift.length !== rules.count) {
      throw new Error('the whole-file measures are of other rules');
    }
  }

  /** Per rule, 1 when a rule with a smaller antecedent and the same consequent is as confident. */
  get redundant(): Uint8Array {
    this.redundantFlags ??= redundantRules(this.rules, this.itemsets);
    return this.redundantFlags;
  }

  page(query: RulesQuery): RulesPage {
    if (!Number.isInteger(query.offset) || query.offset < 0) {
      throw new Error(`a page cannot start at ${query.offset}`);
    }
    if (!Number.isInteger(query.limit) || query.limit < 0) {
      throw new Error(`a page cannot hold ${query.limit} rows`);
    }
    const selected = this.selection(query);
    const total = selected.length;
    const offset = Math.max(0, Math.min(query.offset, total - 1));
    const rows: RuleRow[] = [];
    for (let p = offset; p < Math.min(total, offset + query.limit); p++) {
      rows.push(this.row(selected[p]));
    }
    return { total, offset, rows };
  }

  /** Every rule the view selects, in its order (what a download of the table writes). */
  selection(view: RulesView): Int32Array {
    const order = this.order(view.sort, view.descending);
    const wanted = this.rulesWithItem(view.contains);
    const redundant = view.hideRedundant ? this.redundant : null;
    if (wanted === null && redundant === null) return order;
    return order.filter(
      (r) => (wanted === null || wanted[r] === 1) && (redundant === null || redundant[r] === 0),
    );
  }

  /** The rules in order of a sort key; ties in rule order, ascending or descending alike. */
  order(sort: RuleSortKey, descending: boolean): Int32Array {
    if (!RULE_SORT_KEYS.includes(sort)) throw new Error(`rules cannot be sorted by ${sort}`);
    const key = `${sort} ${descending ? 'descending' : 'ascending'}`;
    const known = this.orders.get(key);
    if (known !== undefined) return known;
    const n = this.rules.count;
    const order = new Int32Array(n);
    for (let r = 0; r < n; r++) order[r] = r;
    const sign = descending ? -1 : 1;
    if (sort === 'antecedents' || sort === 'consequents') {
      const texts = this.sideTexts(sort);
      order.sort((a, b) => (texts[a] < texts[b] ? -sign : texts[a] > texts[b] ? sign : a - b));
    } else {
      const values = this.values(sort);
      // Comparisons, not differences: conviction holds Infinity, and Infinity - Infinity is NaN.
      order.sort((a, b) => (values[a] < values[b] ? -sign : values[a] > values[b] ? sign : a - b));
    }
    this.orders.set(key, order);
    return order;
  }

  row(r: number): RuleRow {
    const { rules, distinguishing } = this;
    return {
      rule: r,
      antecedents: this.side(rules.antecedentItems, rules.antecedentStart, r),
      consequents: this.side(rules.consequentItems, rules.consequentStart, r),
      antecedentSupport: rules.antecedentSupport[r],
      consequentSupport: rules.consequentSupport[r],
      support: rules.support[r],
      confidence: rules.confidence[r],
      lift: rules.lift[r],
      leverage: rules.leverage[r],
      conviction: rules.conviction[r] === Infinity ? null : rules.conviction[r],
      zhangsMetric: rules.zhangsMetric[r],
      jaccard: rules.jaccard[r],
      certainty: rules.certainty[r],
      kulczynski: rules.kulczynski[r],
      baskets: rules.supportCount[r],
      redundant: this.redundant[r] === 1,
      wholeLift: distinguishing === null ? null : distinguishing.wholeLift[r],
      liftRatio: distinguishing === null ? null : distinguishing.liftRatio[r],
    };
  }

  private side(items: Int32Array, start: Int32Array, r: number): RuleItem[] {
    const side: RuleItem[] = [];
    for (let j = start[r]; j < start[r + 1]; j++) {
      side.push({ id: this.names.items[items[j]], description: this.names.descriptions[items[j]] });
    }
    return side;
  }

  private values(sort: Exclude<RuleSortKey, 'antecedents' | 'consequents'>): ArrayLike<number> {
    const { rules, distinguishing } = this;
    if (sort === 'baskets') return rules.supportCount;
    // Over the whole file, the whole file's lift is the lift, and every ratio is 1.
    if (sort === 'wholeLift') return distinguishing?.wholeLift ?? rules.lift;
    if (sort === 'liftRatio')
      return distinguishing?.liftRatio ?? new Float64Array(rules.count).fill(1);
    return rules[sort];
  }

  /** Each rule's antecedent (or consequent) as the table writes it: item ids joined. */
  private sideTexts(sort: 'antecedents' | 'consequents'): string[] {
    const { rules, names } = this;
    const items = sort === 'antecedents' ? rules.antecedentItems : rules.consequentItems;
    const start = sort === 'antecedents' ? rules.antecedentStart : rules.consequentStart;
    const texts = new Array<string>(rules.count);
    for (let r = 0; r < rules.count; r++) {
      let text = '';
      for (let j = start[r]; j < start[r + 1]; j++) {
        text += (j === start[r] ? '' : ITEM_SEPARATOR) + names.items[items[j]];
      }
      texts[r] = text;
    }
    return texts;
  }

  /** Per rule, 1 when one of its items matches the filter text; null for no filter. */
  private rulesWithItem(contains: string | null): Uint8Array | null {
    const text = (contains ?? '').trim();
    if (text.length === 0) return null;
    if (this.lastFilter?.text === text) return this.lastFilter.rules;
    const lower = text.toLowerCase();
    const { items, descriptions } = this.names;
    const itemMatches = new Uint8Array(items.length);
    for (let item = 0; item < items.length; item++) {
      if (items[item] === text || descriptions[item].toLowerCase().includes(lower)) {
        itemMatches[item] = 1;
      }
    }
    const { rules } = this;
    const matches = new Uint8Array(rules.count);
    for (let r = 0; r < rules.count; r++) {
      let found = 0;
      for (let j = rules.antecedentStart[r]; j < rules.antecedentStart[r + 1] && !found; j++) {
        found = itemMatches[rules.antecedentItems[j]];
      }
      for (let j = rules.consequentStart[r]; j < rules.consequentStart[r + 1] && !found; j++) {
        found = itemMatches[rules.consequentItems[j]];
      }
      matches[r] = found;
    }
    this.lastFilter = { text, rules: matches };
    return matches;
  }
}
