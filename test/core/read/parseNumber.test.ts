import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastNumber, isMissingCell, parseNumberCell } from '../../../src/core/read/parseNumber';

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

  it('agrees with Number() (minus its hex, binary, octal, Infinity and blank) on any text', () => {
    const reference = (text: string) => {
      const value = Number(text);
      if (!Number.isFinite(value) || /[xXbBoO]/.test(text) || text.trim() === '') return NaN;
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
