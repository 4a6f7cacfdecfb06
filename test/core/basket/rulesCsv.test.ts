import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { associationRules } from '../../../src/core/basket/associationRules';
import { mineItemsets } from '../../../src/core/basket/fpGrowth';
import { itemsetsCsvParts, rulesCsvParts } from '../../../src/core/basket/rulesCsv';
import { BOM } from '../../../src/core/export/exportCsv';
import { basketsOf } from './bruteForce';

// Item 0 always comes with item 1: 0 -> 1 has confidence 1 and infinite conviction.
const baskets = basketsOf([[0, 1], [0, 1, 2], [1, 2], [1], [2]]);
const itemsets = mineItemsets(baskets, { minSupport: 0.2, maxLen: 3, maxItemsets: 1e5 });
const rules = associationRules(itemsets, { minConfidence: 0 });
const names = {
  items: ['=HYPERLINK("x")', '85123A', 'BAG, RED'],
  descriptions: ['formula-like', 'WHITE HANGING HEART', '+ RED BAG'],
};

const parse = (parts: string[]) => {
  const text = parts.join('');
  expect(text.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
};

describe('rulesCsvParts', () => {
  it("writes mlxtend's columns, descriptions beside the items, and the baskets", () => {
    const [header, ...rows] = parse(rulesCsvParts(rules, names));
    expect(header).toEqual([
      'antecedents',
      'antecedent descriptions',
      'consequents',
      'consequent descriptions',
      'antecedent support',
      'consequent support',
      'support',
      'confidence',
      'lift',
      'leverage',
      'conviction',
      'zhangs_metric',
      'jaccard',
      'certainty',
      'kulczynski',
      'baskets',
    ]);
    expect(rows.length).toBe(rules.count);
    const column = (name: string) => header.indexOf(name);
    const always = rows.find((row) => row[0] === `'=HYPERLINK("x")` && row[2] === '85123A')!;
    expect(always[column('conviction')]).toBe('inf');
    expect(always[column('confidence')]).toBe('1');
    expect(always[column('baskets')]).toBe('2');
    expect(always[column('antecedent descriptions')]).toBe('formula-like');
    const pair = rows.find((row) => row[0] === '85123A, BAG, RED')!;
    expect(pair[column('antecedent descriptions')]).toBe('WHITE HANGING HEART, + RED BAG');
    // Every metric reads back as the very same number.
    rows.forEach((row, r) => {
      expect(Number(row[column('lift')])).toBe(rules.lift[r]);
      expect(Number(row[column('leverage')])).toBe(rules.leverage[r]);
    });
  });

  it('neutralises a description that would start a formula, and writes only the rules asked for', () => {
    const [, ...rows] = parse(rulesCsvParts(rules, names, [rules.count - 1]));
    expect(rows.length).toBe(1);
    const [, ...all] = parse(rulesCsvParts(rules, names));
    expect(rows[0]).toEqual(all[rules.count - 1]);
    const startsWithRed = all.find((row) => row[2] === 'BAG, RED')!;
    expect(startsWithRed[3]).toBe("'+ RED BAG");
  });

  it('leaves out the description columns when the file has none', () => {
    const [header] = parse(
      rulesCsvParts(rules, { items: names.items, descriptions: ['', '', ''] }),
    );
    expect(header.slice(0, 3)).toEqual(['antecedents', 'consequents', 'antecedent support']);
  });
});

describe('itemsetsCsvParts', () => {
  it('writes support and itemsets as mlxtend does, then descriptions, baskets and length', () => {
    const [header, ...rows] = parse(itemsetsCsvParts(itemsets, names));
    expect(header).toEqual(['support', 'itemsets', 'descriptions', 'baskets', 'length']);
    expect(rows.length).toBe(itemsets.count);
    const bag = rows.find((row) => row[1] === 'BAG, RED')!;
    expect(bag).toEqual(['0.6', 'BAG, RED', "'+ RED BAG", '3', '1']);
    expect(rows.find((row) => row[1] === '85123A, BAG, RED')).toEqual([
      '0.4',
      '85123A, BAG, RED',
      'WHITE HANGING HEART, + RED BAG',
      '2',
      '2',
    ]);
  });
});
