import { IntlMessageFormat } from 'intl-messageformat';
import type { Message, MessageParams } from '../core/common/message';
import { en } from './locales/en';
import { zh } from './locales/zh';
import { LOCALES, type Language } from './languages';

/** Every language's catalog. */
export const CATALOGS = { en, zh } as const;

/**
 * How a measurement groups its digits, in messages and on the page alike: from five digits, so a
 * year reads 2015 (not 2,015) while 12,345 keeps its separator. Counts keep the usual grouping.
 */
export const MEASUREMENT_GROUPING = 'min2';

/**
 * The named formats messages use: dates are kept on a UTC clock (as the core keeps them), so a
 * date reads the same in every time zone.
 */
export const MESSAGE_FORMATS = {
  date: {
    day: { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' },
    minute: {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    },
  },
  number: {
    share: { style: 'percent', maximumFractionDigits: 1 },
    // Limits and thresholds may be years.
    precise: { maximumSignificantDigits: 6, useGrouping: MEASUREMENT_GROUPING },
    /** Every digit a threshold has (up to 20 decimals), grouped as `precise`. */
    exact: { maximumFractionDigits: 20, useGrouping: MEASUREMENT_GROUPING },
  },
} as const;

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Whether ICU would give the template back as it is: it has no argument (no brace) and no
 * apostrophe that quotes (one before another apostrophe, an angle bracket or a brace; at the top
 * level `'#` is literal). Most sentences are so ("Champions", "Can't Lose Them"), and the first
 * one compiled costs the Intl set-up, 25 ms on the command line (2026-12-05).
 */
export function isPlainTemplate(template: string): boolean {
  return !/[{}]|'['<>]/.test(template);
}

/** Formats one ICU template in a language (compiled once per template and language). */
export function formatTemplate(
  language: Language,
  template: string,
  values: Record<string, string | number> = {},
): string {
  if (isPlainTemplate(template)) return template;
  const cacheKey = `${language}\u0000${template}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(template, LOCALES[language], MESSAGE_FORMATS, {
      ignoreTag: true,
    });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** Where a message is shown: some sentences name the page's controls or the command's flags. */
export type Surface = 'page' | 'cli';

/** A core message in a language (a message quoted inside another is rendered first). */
export function renderMessage(
  language: Language,
  message: Message,
  surface: Surface = 'page',
): string {
  const catalog = CATALOGS[language];
  const overrides: Partial<Record<string, string>> = catalog.cliMessage;
  const template =
    (surface === 'cli' ? overrides[message.key] : undefined) ?? catalog.message[message.key];
  return formatTemplate(language, template, renderParams(language, message.params, surface));
}

function renderParams(
  language: Language,
  params: MessageParams | undefined,
  surface: Surface,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (params === undefined) return values;
  for (const [name, value] of Object.entries(params))
    values[name] = typeof value === 'object' ? renderMessage(language, value, surface) : value;
  return values;
}

/** The English text of a message: what an Error's `message` says in logs and tests. */
export function englishText(message: Message): string {
  return renderMessage('en', message);
}
