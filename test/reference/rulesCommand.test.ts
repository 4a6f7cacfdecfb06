import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rulesCommand } from '../../src/cli/rulesCommand';
import { RULE_METRICS } from '../../src/core/basket/associationRules';
import { MAX_ITEMSET_LENGTH } from '../../src/core/basket/rulesDefaults';
import { runCommand } from '../support/runCommand';
import { requireShared, SHARED } from './sharedData';

/** test/reference/data/rules/day.json, as scripts/reference/mlxtend_rules.py writes it. */
interface RulesReference {
  dataset: string;
  rows_read: number;
  lines_used: number;
  baskets: number;
  items: number;
  cases: {
    min_support: number;
    max_len: number | null;
    min_confidence: number;
    default_support: boolean;
    items: string[];
    itemsets: number[][];
    itemset_support: number[];
    rules: Record<string, (number | null)[] | number[][]>;
  }[];
}

interface JsonRules {
  rows: { read: number; used: number };
  baskets: number;
  items: number;
  parameters: { minSupport: number; defaultSupport: boolean; maxLen: number };
  itemsets: { items: string[]; support: number; count: number }[];
  rules: ({ antecedents: string[]; consequents: string[] } & Record<string, unknown>)[];
}

const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, 'data', 'rules', 'day.json'), 'utf8'),
) as RulesReference;

beforeAll(requireShared);

const relativeGap = (a: number, b: number) =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
const key = (names: string[]) => [...names].sort().join('\u0000');

/**
 * segmentlens rules --json on the one-day UCI Online Retail file equals mlxtend 0.25's
 * fpgrowth + association_rules on the same baskets (the committed fixture of
 * test/reference/rules.test.ts): the page's defaults, and the fixture's other parameters given
 * as flags (mlxtend's max_len=None as the longest length the command takes).
 */
describe.each(reference.cases.map((c) => [c.min_support, c.max_len, c.min_confidence, c] as const))(
  'segmentlens rules --json on %s, length %s, confidence %s',
  (_support, _length, _confidence, referenceCase) => {
    const flags = referenceCase.default_support
      ? []
      : [
          '--min-support',
          String(referenceCase.min_support),
          '--max-len',
          String(referenceCase.max_len ?? MAX_ITEMSET_LENGTH),
          '--min-confidence',
          String(referenceCase.min_confidence),
        ];
    let json: JsonRules;
    beforeAll(async () => {
      const path = join(SHARED, 'datasets', reference.dataset);
      const { code, stdout, stderr } = await runCommand(rulesCommand, [path, '--json', ...flags]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      json = JSON.parse(stdout) as JsonRules;
    }, 120_000);

    it('reads the same lines and baskets, at the same minimum support', () => {
      expect(json.rows.read).toBe(reference.rows_read);
      expect(json.rows.used).toBe(reference.lines_used);
      expect(json.baskets).toBe(reference.baskets);
      expect(json.items).toBe(reference.items);
      expect(json.parameters.minSupport).toBe(referenceCase.min_support);
      expect(json.parameters.defaultSupport).toBe(referenceCase.default_support);
    });

    it('gives the same frequent itemsets, each with the same support', () => {
      const longest = Math.max(...referenceCase.itemsets.map((itemset) => itemset.length));
      expect(longest).toBeLessThan(MAX_ITEMSET_LENGTH);
      const theirs = new Map(
        referenceCase.itemsets.map((positions, i) => [
          key(positions.map((p) => referenceCase.items[p])),
          referenceCase.itemset_support[i],
        ]),
      );
      expect(json.itemsets).toHaveLength(theirs.size);
      for (const itemset of json.itemsets) {
        const support = theirs.get(key(itemset.items));
        expect(support, itemset.items.join(', ')).toBeDefined();
        expect(relativeGap(itemset.support, support!)).toBeLessThanOrEqual(1e-12);
        expect(itemset.count).toBe(Math.round(support! * reference.baskets));
      }
    });

    it('gives the same rules, every metric to relative 1e-12 (conviction null where infinite)', () => {
      const names = (positions: number[]) => positions.map((p) => referenceCase.items[p]);
      const antecedents = referenceCase.rules.antecedents as number[][];
      const consequents = referenceCase.rules.consequents as number[][];
      expect(json.rules).toHaveLength(antecedents.length);
      const theirRule = new Map(
        antecedents.map((a, r) => [`${key(names(a))} -> ${key(names(consequents[r]))}`, r]),
      );
      const mismatches: string[] = [];
      for (const rule of json.rules) {
        const ruleKey = `${key(rule.antecedents)} -> ${key(rule.consequents)}`;
        const t = theirRule.get(ruleKey);
        if (t === undefined) {
          mismatches.push(`${ruleKey}: not in mlxtend's rules`);
          continue;
        }
        for (const [column, field] of RULE_METRICS) {
          const theirs = (referenceCase.rules[column] as (number | null)[])[t];
          const ours = rule[field] as number | null;
          const same =
            theirs === null || ours === null ? theirs === ours : relativeGap(ours, theirs) <= 1e-12;
          if (!same) mismatches.push(`${ruleKey}: ${column} ${ours} instead of ${theirs}`);
        }
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  },
);
