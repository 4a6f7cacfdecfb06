import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/components/format';
import { formatTemplate } from '../../src/i18n/formatMessage';
import { LANGUAGES } from '../../src/i18n/languages';

const en = formatsFor('en');
const zh = formatsFor('zh');
const december = Date.UTC(2010, 11, 1, 8, 26, 0);

describe('formatsFor', () => {
  it('groups thousands and keeps a point for decimals in both languages', () => {
    expect(en.number(12345.5, 1)).toBe('12,346');
    expect(en.number(123.45)).toBe('123.5');
    expect(en.number(12.345)).toBe('12.35');
    expect(zh.number(12345.5, 1)).toBe('12,346');
    expect(zh.count(1234567)).toBe('1,234,567');
    expect(en.fixed(0.5, 2)).toBe('0.50');
  });

  it('writes dates on a UTC clock as each language does', () => {
    expect(zh.date(december)).toBe('2010年12月1日');
    expect(en.date(december)).toBe('1 December 2010');
    expect(zh.dateTime(december)).toBe('2010年12月1日 08:26');
    expect(en.dateTime(december)).toBe('1 December 2010 at 08:26');
    // One minute before midnight UTC is still the 1st, whatever the machine's time zone.
    expect(zh.date(Date.UTC(2010, 11, 1, 23, 59))).toBe('2010年12月1日');
  });

  it('writes a measurement of four digits as a year reads (2015), grouping from five digits, as messages do', () => {
    for (const formats of [en, zh]) {
      expect(formats.number(2015)).toBe('2015');
      expect(formats.number(1999.5, 0)).toBe('2000');
      expect(formats.number(-2015)).toBe('-2015');
      expect(formats.number(12345)).toBe('12,345');
      expect(formats.number(1234567.8)).toBe('1,234,568');
      expect(formats.fixed(2015.25, 2)).toBe('2015.25');
      expect(formats.fixed(12345.25, 1)).toBe('12,345.3');
      // The one rule: a year in a message reads as it does in a table.
      expect(formats.number(2015)).toBe(
        formatTemplate(formats.language, '{year, number, precise}', { year: 2015 }),
      );
    }
    // Counts stay grouped: 1,234 rows.
    expect(en.count(1234)).toBe('1,234');
    expect(zh.count(1234)).toBe('1,234');
  });

  it('groups an amount (money, expected purchases) from four digits, so a column of them reads alike', () => {
    for (const formats of [en, zh]) {
      expect(formats.amount(6585.2)).toBe('6,585');
      expect(formats.amount(280206.4)).toBe('280,206');
      expect(formats.amount(4643.499, 1)).toBe('4,643');
      expect(formats.amount(377.55)).toBe('377.6');
      expect(formats.amount(12.345)).toBe('12.35');
      expect(formats.fixedAmount(6167.449, 2)).toBe('6,167.45');
      expect(formats.fixedAmount(221383.18, 2)).toBe('221,383.18');
      expect(formats.fixedAmount(0.5, 2)).toBe('0.50');
      expect(formats.amount(null)).toBe('–');
      expect(formats.fixedAmount(null, 2)).toBe('–');
      expect(formats.amount(Infinity)).toBe('∞');
    }
  });

  it('says missing and infinite values plainly', () => {
    for (const formats of [en, zh]) {
      expect(formats.number(null)).toBe('–');
      expect(formats.number(undefined)).toBe('–');
      expect(formats.number(Number.NaN)).toBe('–');
      expect(formats.number(Infinity)).toBe('∞');
      expect(formats.number(-Infinity)).toBe('−∞');
    }
  });

  it('writes shares, sizes and standard deviations', () => {
    expect(en.percent(0.1234)).toBe('12.3%');
    expect(zh.percent(0.1234)).toBe('12.3%');
    expect(en.percent(1, 0)).toBe('100%');
    expect(en.bytes(1)).toBe('1 byte');
    expect(en.bytes(512)).toBe('512 bytes');
    expect(zh.bytes(512)).toBe('512 字节');
    expect(en.bytes(2048)).toBe('2.0 KB');
    expect(zh.bytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(en.bytes(2 * 1024 ** 3)).toBe('2.0 GB');
    expect(en.z(1.23)).toBe('+1.2 SD');
    expect(en.z(-0.04)).toBe('−0.0 SD');
    expect(en.z(0)).toBe('±0.0 SD');
    expect(zh.z(1.23)).toBe('+1.2σ');
  });

  it('makes each language’s formats once', () => {
    expect(formatsFor('zh')).toBe(zh);
    expect(formatsFor('en')).not.toBe(zh);
  });

  it('writes every whole count so that it reads back as the same number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.integer({ min: -1e12, max: 1e12 }),
        (language, n) => {
          const text = formatsFor(language).count(n);
          expect(Number(text.replace(/,/g, '').replace('−', '-'))).toBe(n);
        },
      ),
    );
  });
});
