import { describe, expect, it } from 'vitest';
import {
  formatCodeKind,
  formatKind,
  FORMAT_DATE,
  FORMAT_DATE_TIME,
  FORMAT_NUMBER,
  FORMAT_TIME,
  serialToTime,
  timeOfDayText,
} from '../../../src/core/read/excelDates';

describe('formatKind', () => {
  it('knows the built-in date and time formats, Chinese ones included', () => {
    expect(formatKind(14, undefined)).toBe(FORMAT_DATE);
    expect(formatKind(22, undefined)).toBe(FORMAT_DATE_TIME);
    expect(formatKind(20, undefined)).toBe(FORMAT_TIME);
    expect(formatKind(31, undefined)).toBe(FORMAT_DATE); // yyyy"年"m"月"d"日"
    expect(formatKind(0, undefined)).toBe(FORMAT_NUMBER);
    expect(formatKind(4, undefined)).toBe(FORMAT_NUMBER); // #,##0.00
    expect(formatKind(49, undefined)).toBe(FORMAT_NUMBER); // @ (text)
  });

  it('reads custom format codes, ignoring quoted text, escapes, colours and locales', () => {
    expect(formatCodeKind('yyyy-mm-dd')).toBe(FORMAT_DATE);
    expect(formatCodeKind('dd/mm/yyyy hh:mm')).toBe(FORMAT_DATE_TIME);
    expect(formatCodeKind('yyyy"年"m"月"d"日"')).toBe(FORMAT_DATE);
    expect(formatCodeKind('[$-409]mmmm d, yyyy;@')).toBe(FORMAT_DATE);
    expect(formatCodeKind('h:mm AM/PM')).toBe(FORMAT_TIME);
    expect(formatCodeKind('General')).toBe(FORMAT_NUMBER);
    expect(formatCodeKind('0.00 "days"')).toBe(FORMAT_NUMBER);
    expect(formatCodeKind('#,##0.00_);[Red](#,##0.00)')).toBe(FORMAT_NUMBER);
    expect(formatCodeKind('0.00E+00')).toBe(FORMAT_NUMBER);
    expect(formatCodeKind('\\d\\a\\y 0')).toBe(FORMAT_NUMBER);
    // Elapsed hours are a duration, not a date.
    expect(formatCodeKind('[h]:mm:ss')).toBe(FORMAT_NUMBER);
  });
});

describe('serialToTime', () => {
  it('turns serials of the 1900 system into times, across the leap day that never was', () => {
    expect(serialToTime(40513, false)).toBe(Date.UTC(2010, 11, 1));
    expect(serialToTime(40513.35138888889, false)).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(serialToTime(1, false)).toBe(Date.UTC(1900, 0, 1));
    expect(serialToTime(59, false)).toBe(Date.UTC(1900, 1, 28));
    expect(serialToTime(61, false)).toBe(Date.UTC(1900, 2, 1));
  });

  it('turns serials of the 1904 system into times', () => {
    expect(serialToTime(0, true)).toBe(Date.UTC(1904, 0, 1));
    expect(serialToTime(39051, true)).toBe(Date.UTC(2010, 11, 1));
  });

  it('rounds to the second and refuses numbers that cannot be dates', () => {
    expect(serialToTime(40513 + 0.5 / 86400 - 1e-9, false)).toBe(Date.UTC(2010, 11, 1));
    expect(serialToTime(-1, false)).toBeNaN();
    expect(serialToTime(3e6, false)).toBeNaN();
    expect(serialToTime(NaN, false)).toBeNaN();
  });

  it('writes the time of day of a serial', () => {
    expect(timeOfDayText(0.35138888889)).toBe('08:26:00');
    expect(timeOfDayText(40513.75)).toBe('18:00:00');
    expect(timeOfDayText(0.99999999)).toBe('00:00:00');
  });
});
