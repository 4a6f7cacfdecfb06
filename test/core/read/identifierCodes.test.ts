import { describe, expect, it } from 'vitest';
import { looksLikeCodes, type NumberEvidence } from '../../../src/core/read/identifierCodes';

function evidence(numbers: number[], filled = numbers.length): NumberEvidence {
  const values = Float64Array.from(numbers);
  return {
    values,
    readable: null,
    filled,
    numbers: numbers.length,
    distinct: new Set(numbers).size,
    min: Math.min(...numbers),
    max: Math.max(...numbers),
  };
}

const spread = (count: number, from: number, step: number) =>
  Array.from({ length: count }, (_, i) => from + ((i * 7919) % count) * step);

describe('looksLikeCodes', () => {
  it('takes near-unique codes of one width and six or more digits on content alone', () => {
    expect(looksLikeCodes(evidence(spread(50, 708_082_083, 1_000_003)), null)).toBe(true);
    expect(looksLikeCodes(evidence(spread(50, 15_634_602, 1_013)), null)).toBe(true);
  });

  it('takes repeating codes, as a customer number on order lines', () => {
    const customers = spread(25, 500_000, 17_001);
    expect(looksLikeCodes(evidence([...customers, ...customers, ...customers]), null)).toBe(true);
  });

  it('leaves measurements as they are on content alone', () => {
    // Incomes from four to six digits, ages, years, counts, amounts with decimals.
    expect(looksLikeCodes(evidence(spread(60, 1730, 2711)), null)).toBe(false);
    expect(looksLikeCodes(evidence(spread(60, 18, 1)), null)).toBe(false);
    expect(looksLikeCodes(evidence(spread(57, 1940, 1)), null)).toBe(false);
    expect(looksLikeCodes(evidence(spread(60, 100_000.5, 1_000)), null)).toBe(false);
    // Five-digit whole numbers of one width could be salaries: not enough on their own.
    expect(looksLikeCodes(evidence(spread(60, 20_000, 1_000)), null)).toBe(false);
    // Negative numbers are not codes; neither are dates written as numbers.
    expect(looksLikeCodes(evidence(spread(60, -900_000, 1_000)), null)).toBe(false);
    const days = Array.from({ length: 40 }, (_, i) => 20240101 + (i % 12) * 100 + (i % 28));
    expect(looksLikeCodes(evidence(days), null)).toBe(false);
    // Too few rows or distinct values to tell.
    expect(looksLikeCodes(evidence(spread(10, 708_082_083, 1_000_003)), null)).toBe(false);
  });

  it('needs a column of numbers only', () => {
    expect(looksLikeCodes(evidence(spread(50, 708_082_083, 1_000_003), 51), null)).toBe(false);
  });

  it('with a name hint, takes whole numbers from 100 up, or one per row', () => {
    const members = spread(40, 1000, 100);
    expect(looksLikeCodes(evidence([...members, ...members]), 'hint')).toBe(true);
    expect(looksLikeCodes(evidence(spread(30, 1, 1)), 'hint')).toBe(true);
    // A count called order_num: small numbers that repeat.
    const counts = Array.from({ length: 60 }, (_, i) => i % 15);
    expect(looksLikeCodes(evidence(counts), 'hint')).toBe(false);
  });
});
