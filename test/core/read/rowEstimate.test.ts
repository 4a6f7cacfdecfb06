import { describe, expect, it } from 'vitest';
import { estimateRows } from '../../../src/core/read/rowEstimate';

describe('estimateRows', () => {
  it('scales the sample lines to the file, with a tenth more', () => {
    // 10 lines of 10 characters: a 1,000-byte file holds about 100 rows.
    const sample = '123456789\n'.repeat(10);
    expect(estimateRows(1000, sample)).toBe(Math.ceil(100 * 1.1) + 16);
  });

  it('takes lines of at least 8 characters, and a sample without a line end as one line', () => {
    expect(estimateRows(800, 'a\nb\nc\n')).toBe(Math.ceil(100 * 1.1) + 16);
    expect(estimateRows(1000, 'x'.repeat(100))).toBe(Math.ceil(10 * 1.1) + 16);
  });

  it('never asks for more than 50 million rows', () => {
    expect(estimateRows(1e12, 'a\nb\n')).toBe(50_000_000);
  });
});
