import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { booleanText, csvField, isoDateText } from '../../../src/core/read/cellText';
import { parseDate } from '../../../src/core/read/parseDate';

describe('isoDateText', () => {
  it('writes dates as ISO text, with the time when there is one or when asked', () => {
    expect(isoDateText(Date.UTC(2010, 11, 1), false)).toBe('2010-12-01');
    expect(isoDateText(Date.UTC(2010, 11, 1), true)).toBe('2010-12-01 00:00:00');
    expect(isoDateText(Date.UTC(2010, 11, 1, 8, 26), false)).toBe('2010-12-01 08:26:00');
    expect(isoDateText(Date.UTC(2010, 11, 1, 8, 26, 5, 250), true)).toBe('2010-12-01 08:26:05.250');
    expect(isoDateText(NaN, true)).toBe('');
  });

  it('writes text the date parser reads back to the same time, whatever the date order', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const time = Math.floor(ms / 1000) * 1000;
        const text = isoDateText(time, true);
        expect(parseDate(text, 'ymd')).toBe(time);
        expect(parseDate(text, 'dmy')).toBe(time);
      }),
    );
  });
});

describe('booleanText', () => {
  it('writes booleans as Excel shows them', () => {
    expect([booleanText(true), booleanText(false)]).toEqual(['TRUE', 'FALSE']);
  });
});

describe('csvField', () => {
  it('quotes only the fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('gives fields that PapaParse reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 6 }), (fields) => {
        const parsed = Papa.parse<string[]>(fields.map(csvField).join(','), {
          delimiter: ',',
          newline: '\n',
        });
        expect(parsed.data[0]).toEqual(fields);
      }),
    );
  });
});
