import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  guessDateOrder,
  parseDate,
  parseDates,
  wholeDaysBetween,
} from '../../../src/core/read/parseDate';

describe('parseDate', () => {
  it('reads ISO dates and times', () => {
    expect(formatDateTime(parseDate('2010-12-01 08:26:00', 'ymd'))).toBe('2010-12-01 08:26:00');
    expect(formatDateTime(parseDate('2011-01-09T17:05', 'ymd'))).toBe('2011-01-09 17:05:00');
    expect(formatDateTime(parseDate('2011/1/9', 'ymd'))).toBe('2011-01-09 00:00:00');
  });
  it('reads month-first and day-first dates', () => {
    expect(formatDateTime(parseDate('12/1/2010 8:26', 'mdy'))).toBe('2010-12-01 08:26:00');
    expect(formatDateTime(parseDate('01/12/2010 08:26', 'dmy'))).toBe('2010-12-01 08:26:00');
    expect(formatDateTime(parseDate('01.12.2010', 'dmy'))).toBe('2010-12-01 00:00:00');
    expect(formatDateTime(parseDate('04-09-12', 'dmy'))).toBe('2012-09-04 00:00:00');
    expect(formatDateTime(parseDate('3/5/2011 1:15 PM', 'mdy'))).toBe('2011-03-05 13:15:00');
  });
  it('refuses a day past its month and a leap second at a day’s end, as rolling Date.UTC over tells', () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 60 }),
        (year, month, day, hour, minute, second) => {
          const time = Date.UTC(year, month - 1, day, hour, minute, second);
          const expected = new Date(time).getUTCDate() === day ? time : NaN;
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
          expect(parseDate(text, 'ymd')).toBe(expected);
          const slashed = `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)} ${hour}:${pad(minute, 2)}:${pad(second, 2)}`;
          expect(parseDate(slashed, 'dmy')).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
    expect(parseDate('2012-02-29', 'ymd')).toBe(Date.UTC(2012, 1, 29));
    expect(parseDate('1900-02-29', 'ymd')).toBeNaN();
    expect(parseDate('2000-02-29', 'ymd')).toBe(Date.UTC(2000, 1, 29));
    expect(parseDate('2011-12-31 23:59:60', 'ymd')).toBeNaN();
  });

  it('refuses impossible dates', () => {
    expect(parseDate('31/02/2011', 'dmy')).toBeNaN();
    expect(parseDate('13/13/2011', 'dmy')).toBeNaN();
    expect(parseDate('2011-02-30', 'ymd')).toBeNaN();
    expect(parseDate('hello', 'mdy')).toBeNaN();
  });
});

describe('guessDateOrder', () => {
  it('settles day-first from a first part above 12', () => {
    expect(guessDateOrder(['01/12/2010', '25/12/2010'])).toMatchObject({
      order: 'dmy',
      ambiguous: false,
      share: 1,
    });
  });
  it('settles month-first from a second part above 12', () => {
    expect(guessDateOrder(['12/1/2010 8:26', '12/25/2010 9:00'])).toMatchObject({
      order: 'mdy',
      ambiguous: false,
    });
  });
  it('says when the whole column is ambiguous', () => {
    expect(guessDateOrder(['01/02/2010', '03/04/2010'])).toMatchObject({ ambiguous: true });
  });
  it('recognises ISO columns and refuses text', () => {
    expect(guessDateOrder(['2010-12-01 08:26:00'])).toMatchObject({ order: 'ymd', share: 1 });
    expect(guessDateOrder(['red', 'blue']).share).toBe(0);
  });
});

describe('parseDates', () => {
  it('gives parseDate of every value, made once per array and order', () => {
    const values = ['12/1/2010 8:26', '', ' 3/5/2011 1:15 PM ', 'hello', '31/02/2011'];
    const mdy = parseDates(values, 'mdy');
    expect(Array.from(mdy)).toEqual(values.map((value) => parseDate(value, 'mdy')));
    expect(parseDates(values, 'mdy')).toBe(mdy);
    const dmy = parseDates(values, 'dmy');
    expect(dmy).not.toBe(mdy);
    expect(Array.from(dmy)).toEqual(values.map((value) => parseDate(value, 'dmy')));
    // An array that grew since is read again.
    values.push('12/31/2011');
    const grown = parseDates(values, 'mdy');
    expect(grown).toHaveLength(6);
    expect(formatDateTime(grown[5])).toBe('2011-12-31 00:00:00');
  });

  it('lets guessDateOrder count what parses from the same times, blanks left out', () => {
    const values = ['12/1/2010 8:26', '12/25/2010 9:00', '  ', '12/40/2010'];
    expect(guessDateOrder(values)).toEqual({ order: 'mdy', ambiguous: false, share: 2 / 3 });
    // Asked again, the same answer (made once).
    expect(guessDateOrder(values)).toBe(guessDateOrder(values));
    values.push('1/1/2011');
    expect(guessDateOrder(values).share).toBe(3 / 4);
  });
});

describe('wholeDaysBetween', () => {
  it('rounds down', () => {
    const a = parseDate('2011-12-09 12:50', 'ymd');
    expect(wholeDaysBetween(a, parseDate('2011-12-10 12:50', 'ymd'))).toBe(1);
    expect(wholeDaysBetween(a, parseDate('2011-12-10 12:49', 'ymd'))).toBe(0);
  });
});
