import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSize } from '../../../src/core/common/byteSize';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

describe('describeSize', () => {
  it('counts bytes below one kilobyte as whole bytes', () => {
    expect(describeSize(0)).toBe('0 bytes');
    expect(describeSize(2)).toBe('2 bytes');
    expect(describeSize(1023)).toBe('1023 bytes');
  });

  // The sentence reads "not valid UTF-8 after 1 bytes": the unit is always plural.
  it.fails('says "1 byte" for a single byte', () => {
    expect(describeSize(1)).toBe('1 byte');
  });

  it('switches unit at each power of 1024, with one decimal (two for gigabytes)', () => {
    expect(describeSize(KB)).toBe('1.0 KB');
    expect(describeSize(1536)).toBe('1.5 KB');
    expect(describeSize(MB)).toBe('1.0 MB');
    expect(describeSize(12.3 * MB)).toBe('12.3 MB');
    // The page's limit, as readCsv quotes it when it refuses a larger file.
    expect(describeSize(400 * MB)).toBe('400.0 MB');
    expect(describeSize(GB)).toBe('1.00 GB');
    expect(describeSize(2.5 * GB)).toBe('2.50 GB');
    expect(describeSize(3 * 1024 * GB)).toBe('3072.00 GB');
  });

  it('always names one unit, and the number it writes is the size in that unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), (bytes) => {
        const text = describeSize(bytes);
        const match = /^(\d+(?:\.\d+)?) (bytes|KB|MB|GB)$/.exec(text);
        expect(match, text).not.toBeNull();
        const unit = { bytes: 1, KB, MB, GB }[match![2] as 'bytes' | 'KB' | 'MB' | 'GB'];
        const expectedUnit = bytes < KB ? 1 : bytes < MB ? KB : bytes < GB ? MB : GB;
        expect(unit).toBe(expectedUnit);
        // Rounded to the digits shown: within half of the last digit.
        const digits = match![1].split('.')[1]?.length ?? 0;
        expect(Math.abs(Number(match![1]) - bytes / unit)).toBeLessThanOrEqual(
          0.5 * 10 ** -digits + 1e-9,
        );
      }),
    );
  });
});
