import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableNumber } from '../../../src/core/common/readableNumber';

describe('readableNumber', () => {
  it('writes whole numbers whole', () => {
    expect(readableNumber(0)).toBe('0');
    expect(readableNumber(-0)).toBe('0');
    expect(readableNumber(16)).toBe('16');
    expect(readableNumber(-2000000)).toBe('-2000000');
  });

  it('writes other numbers to six significant digits, without trailing zeros', () => {
    expect(readableNumber(1 / 3)).toBe('0.333333');
    expect(readableNumber(2.5)).toBe('2.5');
    expect(readableNumber(-3.75)).toBe('-3.75');
    expect(readableNumber(0.1 + 0.2)).toBe('0.3');
    expect(readableNumber(1234567.891)).toBe('1234570');
    expect(readableNumber(1.23456789e-7)).toBe('1.23457e-7');
  });

  it('says what a number that is not finite is', () => {
    expect(readableNumber(NaN)).toBe('NaN');
    expect(readableNumber(Infinity)).toBe('Infinity');
    expect(readableNumber(-Infinity)).toBe('-Infinity');
  });

  it('reads back as the number, to six significant digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = readableNumber(value);
        // + 0: -0 is written "0", as String writes it.
        if (Number.isInteger(value)) expect(Number(text)).toBe(value + 0);
        else expect(Number(text)).toBe(Number(value.toPrecision(6)));
      }),
    );
  });
});
