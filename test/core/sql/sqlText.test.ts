import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commentText,
  double,
  identifier,
  integer,
  plainDecimal,
  sequentialSum,
  stringLiteral,
  tableName,
  uniqueOutputNames,
} from '../../../src/core/sql/sqlText';

describe('sqlText', () => {
  it('quotes identifiers, doubling double quotes', () => {
    expect(identifier('Annual "Income" $')).toBe('"Annual ""Income"" $"');
    expect(identifier('消费')).toBe('"消费"');
    expect(tableName(['sales', 'my table'])).toBe('"sales"."my table"');
  });

  it('escapes string literals, doubling single quotes', () => {
    expect(stringLiteral("O'Hare \\ x")).toBe("'O''Hare \\ x'");
  });

  it('writes 17 significant digits without an exponent, reading back as the same double', () => {
    expect(plainDecimal(0.1)).toBe('0.10000000000000001');
    expect(plainDecimal(1e-7)).toBe('0.000000099999999999999995');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(plainDecimal(-2)).toBe('-2.0000000000000000');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainDecimal(value);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
    expect(() => plainDecimal(NaN)).toThrow();
    expect(double(0.5)).toBe("CAST('0.50000000000000000' AS DOUBLE PRECISION)");
    expect(() => integer(0.5)).toThrow();
  });

  it('keeps a comment on its line, whatever the text', () => {
    const text = commentText('a\nb */ c /* d\u2028');
    expect(text).not.toMatch(/[\n\u2028]/);
    expect(text).not.toContain('*/');
    expect(text).not.toContain('/*');
  });

  it('names added columns apart from the user’s, case-insensitively', () => {
    expect(uniqueOutputNames(['Segment', 'x'], ['segment', 'distance'])).toEqual([
      'segment_2',
      'distance',
    ]);
  });

  it('adds terms left to right', () => {
    expect(sequentialSum(['a', 'b', 'c'])).toBe('((a + b) + c)');
  });
});
