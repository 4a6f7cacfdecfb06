import type { en } from '../../i18n/locales/en';

/** The key of a sentence the core says (its text, in each language, is in src/i18n/locales/). */
export type MessageKey = keyof (typeof en)['message'];

/**
 * Values a sentence quotes: numbers (formatted for the language), texts (column names and cell
 * values among them, always as values), dates as ms on a UTC clock, or another message.
 */
export type MessageParams = Readonly<Record<string, string | number | Message>>;

/**
 * Something the core says to the user, as a code and its values: the page and the command line
 * render it in the user's language.
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function message(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}
