import { describe, expect, it } from 'vitest';
import {
  convertNumberCell,
  csvFormatFor,
  numberText,
  STANDARD_CSV,
} from '../../../src/core/export/csvFormat';
import { csvLine } from '../../../src/core/export/exportCsv';

describe('csvFormatFor', () => {
  it('is standard CSV unless the input’s dialect is asked for', () => {
    const european = { delimiter: ';', decimal: ',', hasHeader: true } as const;
    expect(csvFormatFor('standard', european)).toEqual(STANDARD_CSV);
    expect(csvFormatFor('input', european)).toEqual({ delimiter: ';', decimal: ',' });
  });
});

describe('numberText', () => {
  it('writes 1234.5 as 1234,5 with a decimal comma', () => {
    expect(numberText(1234.5, { delimiter: ';', decimal: ',' })).toBe('1234,5');
    expect(numberText(1234.5, STANDARD_CSV)).toBe('1234.5');
    expect(numberText(-2e-7, { delimiter: ';', decimal: ',' })).toBe('-2e-7');
  });
});

describe('convertNumberCell', () => {
  it('moves the decimal separator digit for digit, dropping grouping', () => {
    expect(convertNumberCell('1.234,5', ',', '.')).toBe('1234.5');
    expect(convertNumberCell('-0,125', ',', '.')).toBe('-0.125');
    expect(convertNumberCell('1 234,50', ',', '.')).toBe('1234.50');
    expect(convertNumberCell('1,234.5', '.', ',')).toBe('1234,5');
    expect(convertNumberCell('1.0', '.', ',')).toBe('1,0');
  });

  it('leaves what is not a plain number as the user wrote it', () => {
    for (const cell of ['12 %', '$1,234', 'Köln', '', '1,2,3'])
      expect(convertNumberCell(cell, '.', ',')).toBe(cell);
    expect(convertNumberCell('7', '.', '.')).toBe('7');
  });
});

describe('csvLine with a semicolon', () => {
  it('quotes a field holding the delimiter, not one holding a comma', () => {
    expect(csvLine(['1234,5', 'a;b', 'x'], ';')).toBe('1234,5;"a;b";x\r\n');
    expect(csvLine(['1234,5', 'a;b'])).toBe('"1234,5",a;b\r\n');
  });
});
