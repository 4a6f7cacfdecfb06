import { useEffect } from 'react';
import {
  CATALOGS,
  formatTemplate,
  MEASUREMENT_GROUPING,
  MESSAGE_FORMATS,
} from '../i18n/formatMessage';
import { LOCALES, type Language } from '../i18n/languages';
import { useStore } from '../store/useStore';

/**
 * Numbers and dates as people read them in the page's language: grouped thousands (a
 * measurement from five digits, so a year reads 2015, as in messages), a sensible
 * number of digits, dates on a UTC clock (as the core keeps them) so a date reads the same in
 * every time zone. Each language's formatters are made once (toLocaleString builds a new one at
 * every call, and charts call them a lot).
 */
export interface Formats {
  language: Language;
  /** A measurement: fewer digits as it grows, '–' when missing, ∞ when infinite. */
  number(value: number | null | undefined, digits?: number): string;
  /** A number with exactly `digits` decimals (columns of loadings line up). */
  fixed(value: number, digits: number): string;
  /**
   * An amount that is never a year (money, expected purchases, a customer's value): as `number`,
   * but grouped from four digits, so 6,585 stands in the same column as 280,206.
   */
  amount(value: number | null | undefined, digits?: number): string;
  /** An amount with exactly `digits` decimals, grouped from four digits ('–' when missing). */
  fixedAmount(value: number | null | undefined, digits: number): string;
  /** A whole count, grouped. */
  count(value: number): string;
  /** A share (0..1) as a percentage. */
  percent(share: number, digits?: number): string;
  /** A file size: bytes, KB, MB or GB. */
  bytes(bytes: number): string;
  /** A difference in standard deviations, signed (+1.2 SD). */
  z(z: number): string;
  /** A day (ms on a UTC clock): 1 December 2010, 2010年12月1日. */
  date(time: number): string;
  /** A day and time (ms on a UTC clock), to the minute. */
  dateTime(time: number): string;
}

const cache = new Map<Language, Formats>();

/** The formats of a language, made once. */
export function formatsFor(language: Language): Formats {
  let formats = cache.get(language);
  if (formats === undefined) {
    formats = makeFormats(language);
    cache.set(language, formats);
  }
  return formats;
}

/** The formats of the page's language (components re-render when it changes). */
export function useFormats(): Formats {
  return formatsFor(useStore((s) => s.language));
}

function makeFormats(language: Language): Formats {
  const locale = LOCALES[language];
  const numbers = new Map<string, Intl.NumberFormat>();
  // A measurement (a mean, a limit: maybe a year) groups as messages do; a count and an amount
  // (never a year) as usual.
  const numberFormat = (
    style: 'decimal' | 'percent' | 'count' | 'amount',
    min: number,
    max: number,
  ): Intl.NumberFormat => {
    const key = `${style} ${min} ${max}`;
    let found = numbers.get(key);
    if (found === undefined) {
      found = new Intl.NumberFormat(locale, {
        style: style === 'percent' ? 'percent' : 'decimal',
        minimumFractionDigits: min,
        maximumFractionDigits: max,
        useGrouping: style === 'decimal' ? MEASUREMENT_GROUPING : 'auto',
      });
      numbers.set(key, found);
    }
    return found;
  };
  const day = new Intl.DateTimeFormat(locale, MESSAGE_FORMATS.date.day);
  const minute = new Intl.DateTimeFormat(locale, MESSAGE_FORMATS.date.minute);
  const words = CATALOGS[language].ui.format;
  /** '–' for a missing value, ∞ for an infinite one. */
  const notFinite = (value: number | null | undefined): string =>
    value === null || value === undefined || Number.isNaN(value) ? '–' : value > 0 ? '∞' : '−∞';
  const measured =
    (style: 'decimal' | 'amount') =>
    (value: number | null | undefined, digits = 2): string => {
      if (value === null || value === undefined || !Number.isFinite(value)) return notFinite(value);
      const magnitude = Math.abs(value);
      const shown = magnitude >= 1000 ? 0 : magnitude >= 100 ? Math.min(1, digits) : digits;
      return numberFormat(style, 0, shown).format(value);
    };
  const number = measured('decimal');
  const fixed = (value: number, digits: number) =>
    numberFormat('decimal', digits, digits).format(value);
  return {
    language,
    number,
    fixed,
    amount: measured('amount'),
    fixedAmount: (value, digits) =>
      value === null || value === undefined || !Number.isFinite(value)
        ? notFinite(value)
        : numberFormat('amount', digits, digits).format(value),
    count: (value) => numberFormat('count', 0, 0).format(value),
    percent: (share, digits = 1) => numberFormat('percent', digits, digits).format(share),
    bytes(bytes) {
      if (bytes < 1024) return formatTemplate(language, words.bytes, { count: bytes });
      const units: [number, string][] = [
        [1024 ** 3, 'GB'],
        [1024 ** 2, 'MB'],
        [1024, 'KB'],
      ];
      const [size, unit] = units.find(([size]) => bytes >= size) ?? units[2];
      return formatTemplate(language, words.size, { value: fixed(bytes / size, 1), unit });
    },
    z(z) {
      const sign = z > 0 ? '+' : z < 0 ? '−' : '±';
      return formatTemplate(language, words.z, { value: `${sign}${fixed(Math.abs(z), 1)}` });
    },
    date: (time) => day.format(time),
    dateTime: (time) => minute.format(time),
  };
}

/** Builds the formatters ahead of need: the first Intl.NumberFormat costs tens of milliseconds. */
export function warmUpFormatters(language: Language): void {
  const formats = formatsFor(language);
  for (const digits of [0, 1, 2]) formats.number(1234.5, digits);
  formats.count(1234);
  formats.percent(0.5);
}

/**
 * Builds the page language's formatters in idle time, while the page waits for a file, so that
 * their cost falls outside the analysis (and again after the language changes).
 */
export function useFormatterWarmup(): void {
  const language = useStore((s) => s.language);
  useEffect(() => {
    const idle =
      window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => warmUpFormatters(language));
    return () => cancel(handle);
  }, [language]);
}
