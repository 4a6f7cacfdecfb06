import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fastCommaNumber,
  fastNumber,
  isMissingCell,
  parseNumberCell,
  slowNumber,
} from '../../../src/core/read/parseNumber';

describe('isMissingCell', () => {
  it('knows every missing marker', () => {
    for (const cell of ['', '   ', 'NA', 'N/A', 'null', 'NULL', 'NaN', '?', '-', ' NA ', '#N/A']) {
      expect(isMissingCell(cell), JSON.stringify(cell)).toBe(true);
    }
  });
  it('does not take values for missing', () => {
    for (const cell of ['0', 'None', 'Nantes', 'n', '--', 'na na']) {
      expect(isMissingCell(cell), cell).toBe(false);
    }
  });
});

describe('fastNumber', () => {
  it('reads plain numbers with surrounding spaces', () => {
    expect(fastNumber('12.5')).toBe(12.5);
    expect(fastNumber(' -3 ')).toBe(-3);
    expect(fastNumber('1e3')).toBe(1000);
    expect(fastNumber('.5')).toBe(0.5);
  });
  it('refuses what Number() would wrongly accept', () => {
    for (const cell of ['', ' ', '0x1F', '0b101', '0o17', 'Infinity', '-Infinity', '12abc']) {
      expect(fastNumber(cell), cell).toBeNaN();
    }
  });
});

describe('parseNumberCell', () => {
  it('strips currency symbols, codes and percent, keeping the unit', () => {
    expect(parseNumberCell('$1,234.50', '.')).toEqual({ value: 1234.5, unit: '$' });
    expect(parseNumberCell('12 €', '.')).toEqual({ value: 12, unit: '€' });
    expect(parseNumberCell('£7', '.')).toEqual({ value: 7, unit: '£' });
    expect(parseNumberCell('¥3000', '.')).toEqual({ value: 3000, unit: '¥' });
    expect(parseNumberCell('CNY 88.5', '.')).toEqual({ value: 88.5, unit: 'CNY' });
    expect(parseNumberCell('45%', '.')).toEqual({ value: 45, unit: '%' });
    expect(parseNumberCell('-$12', '.')).toEqual({ value: -12, unit: '$' });
  });
  it('reads accounting negatives and thousands separators', () => {
    expect(parseNumberCell('(1,200.00)', '.').value).toBe(-1200);
    expect(parseNumberCell('1,234,567', '.').value).toBe(1234567);
  });
  it('reads decimal commas with dot, space or apostrophe grouping', () => {
    expect(parseNumberCell('12,5', ',').value).toBe(12.5);
    expect(parseNumberCell('1.234,56', ',').value).toBe(1234.56);
    expect(parseNumberCell('1 234,56 €', ',')).toEqual({ value: 1234.56, unit: '€' });
    expect(parseNumberCell('1.234', ',').value).toBe(1234);
    expect(parseNumberCell('-0,5', ',').value).toBe(-0.5);
  });
  it('refuses text and malformed groupings', () => {
    for (const cell of ['abc', '1,2', '12.5.6', '$', '%', 'A12', '1-2']) {
      expect(parseNumberCell(cell, '.').value, cell).toBeNaN();
    }
  });
});

describe('fastNumber against Number()', () => {
  it('gives exactly the same double for plain decimals', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200_000; i++) {
      const digits = 1 + Math.floor(next() * 10);
      const text = ((next() - 0.5) * 10 ** (1 + Math.floor(next() * 8))).toFixed(digits);
      expect(fastNumber(text)).toBe(Number(text));
    }
    for (const text of [
      '0',
      '-0',
      '007',
      '1.',
      '.5',
      '-.5',
      '+3',
      '999999999999999',
      '1234567890123456789',
      '0.1',
      '2.675',
      '1e-7',
      ' 4 ',
    ]) {
      expect(Object.is(fastNumber(text), Number(text)), text).toBe(true);
    }
  });

  it('agrees with Number() (minus its hex, binary, octal, Infinity, blank and magnitudes out of range) on any text', () => {
    const reference = (text: string) => {
      const value = Number(text);
      if (!Number.isFinite(value) || /[xXbBoO]/.test(text) || text.trim() === '') return NaN;
      const size = Math.abs(value);
      if (size > 1e100 || (size !== 0 && size < 1e-100)) return NaN;
      return value;
    };
    const alphabet = fc.constantFrom(
      ...'0123456789.eE+- \t\u00a0\u3000\ufeffAxbo,:_/'.split(''),
      'Infinity',
      'NaN',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(Object.is(fastNumber(text), reference(text)), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('magnitudes the analysis can take (#20: one extreme number crashed the analysis)', () => {
  it('reads numbers beyond 1e100, or below 1e-100 other than zero, as not numbers', () => {
    for (const cell of ['1e+308', '1e200', '-1.7e308', '1e101', '1e-320', '-1e-101', '5e-324'])
      expect(parseNumberCell(cell, '.').value, cell).toBeNaN();
    for (const cell of ['1e100', '-1e100', '1e-100', '0', '0e5', '-0.0'])
      expect(Number.isNaN(parseNumberCell(cell, '.').value), cell).toBe(false);
    expect(parseNumberCell('1,0e200', ',').value).toBeNaN();
    expect(fastNumber('1' + '0'.repeat(120))).toBeNaN();
  });

  it('takes one sign only', () => {
    for (const cell of ['+-3', '-+3', '--3', '-$-3', '+ -3', '−-3'])
      expect(parseNumberCell(cell, '.').value, cell).toBeNaN();
    expect(parseNumberCell('-$3', '.').value).toBe(-3);
    expect(parseNumberCell('$-3', '.').value).toBe(-3);
  });
});

describe('fastCommaNumber: the fast path of decimal-comma files (#21)', () => {
  it('takes every plain decimal-comma number, giving the double the general path gives', () => {
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100_000; i++) {
      const digits = Math.floor(next() * 7);
      const text = ((next() - 0.5) * 10 ** (1 + Math.floor(next() * 8)))
        .toFixed(digits)
        .replace('.', ',');
      const fast = fastCommaNumber(text);
      expect(fast, text).toBe(Number(text.replace(',', '.')));
      expect(Object.is(fast, slowNumber(text, ',').value), text).toBe(true);
    }
  });

  it('on any text, either declines (NaN) or agrees with the general path exactly', () => {
    const alphabet = fc.constantFrom(...'0123456789,.+- $€%eE'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const fast = fastCommaNumber(text);
        if (fast === fast)
          expect(Object.is(fast, slowNumber(text, ',').value), JSON.stringify(text)).toBe(true);
        // The cell's value is the same whichever path reads it.
        expect(
          Object.is(parseNumberCell(text, ',').value, slowNumber(text, ',').value),
          JSON.stringify(text),
        ).toBe(true);
      }),
      { numRuns: 30_000 },
    );
  });
});

describe('slowNumber without units to strip (#21)', () => {
  it('reads grouped numbers whose ends are digits as before, and units at either end still', () => {
    expect(slowNumber('1,234.56', '.')).toEqual({ value: 1234.56, unit: null });
    expect(slowNumber('-1,234,567.5', '.')).toEqual({ value: -1234567.5, unit: null });
    expect(slowNumber('$1,234.56', '.')).toEqual({ value: 1234.56, unit: '$' });
    expect(slowNumber('1,234.56 €', '.')).toEqual({ value: 1234.56, unit: '€' });
    expect(slowNumber('1.234,5', ',')).toEqual({ value: 1234.5, unit: null });
    expect(slowNumber('12,5%', ',')).toEqual({ value: 12.5, unit: '%' });
  });
});
