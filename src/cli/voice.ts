import type { Message } from '../core/common/message';
import { CATALOGS, formatTemplate, renderMessage } from '../i18n/formatMessage';
import { isLanguage, languageOf, type Language } from '../i18n/languages';
import type { en } from '../i18n/locales/en';
import { UserError } from '../core/common/userError';

export type CliTextKey = keyof (typeof en)['cli'];

/** How the command line speaks: in one language, for its messages and its text reports. */
export interface Voice {
  language: Language;
  /** A core message, worded for the command line (flags instead of the page's controls). */
  say(message: Message): string;
  /** One of the command line's own lines. */
  text(key: CliTextKey, params?: Record<string, string | number>): string;
  /** Items joined as a list in the language. */
  list(items: readonly string[]): string;
  /** A measured number as the text reports give one: six significant digits, grouped. */
  number(value: number): string;
}

export function createVoice(language: Language): Voice {
  const catalog = CATALOGS[language];
  return {
    language,
    say: (message) => renderMessage(language, message, 'cli'),
    text: (key, params = {}) => formatTemplate(language, catalog.cli[key], params),
    list: (items) => items.join(catalog.cli.listSeparator),
    number: (value) => formatTemplate(language, '{value, number, precise}', { value }),
  };
}

/**
 * The language asked for with --lang (anywhere on the command line), or else the environment's
 * locale (LC_ALL, LC_MESSAGES, LANG), or English. Returns the language and the other arguments.
 */
export function languageFromArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { language: Language; rest: string[] } {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') {
      asked = argv[++i] ?? '';
    } else if (arg.startsWith('--lang=')) {
      asked = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  if (asked !== undefined) {
    if (!isLanguage(asked))
      throw new UserError('bad-option', 'cliChoice', {
        name: 'lang',
        choices: 'en, zh',
        value: asked,
      });
    return { language: asked, rest };
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { language: languageOf(locale), rest };
}

/** Pads text to a width in terminal columns (a Chinese character takes two). */
export function padDisplay(text: string, width: number, alignRight = false): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? pad + text : text + pad;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

/** A plain-text table: every column as wide as its widest cell; numbers right-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[],
): string[] {
  const widths = header.map((title, c) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[c] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    '  ' +
    cells
      .map((cell, c) => padDisplay(cell, widths[c], rightAligned[c]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
