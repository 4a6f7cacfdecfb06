import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { MESSAGE_FORMATS } from '../../src/i18n/formatMessage';
import { LOCALES, type Language } from '../../src/i18n/languages';
import { ui as en } from '../../src/i18n/locales/en/ui';
import { ui as zh } from '../../src/i18n/locales/zh/ui';
import { isLatinTerm } from '../support/page';

type Catalog = { readonly [key: string]: string | Catalog };

/** Every leaf of a catalog by its dotted key. */
function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [inner, text] of leaves(value, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

interface Parsed {
  /** The values the template takes ({count}, {name}, the argument of a plural or select). */
  values: Set<string>;
  /** The words it writes itself, outside its placeholders. */
  literal: string;
}

// The AST's element types (see @formatjs/icu-messageformat-parser): 0 literal, 1 argument,
// 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

function walk(elements: Element[], parsed: Parsed): void {
  for (const element of elements) {
    if (element.type === 0) parsed.literal += ` ${element.value ?? ''}`;
    else if (element.type >= 1 && element.type <= 6) parsed.values.add(element.value ?? '');
    for (const option of Object.values(element.options ?? {})) walk(option.value, parsed);
    if (element.children) walk(element.children, parsed);
  }
}

/** Parses a template as the page will (throws when it is not valid ICU). */
function parse(template: string, language: Language): Parsed {
  const format = new IntlMessageFormat(template, LOCALES[language], MESSAGE_FORMATS, {
    ignoreTag: true,
  });
  const parsed: Parsed = { values: new Set(), literal: '' };
  walk(format.getAst() as Element[], parsed);
  return parsed;
}

const english = leaves(en);
const chinese = leaves(zh);

describe('the page catalogs (src/i18n/locales/*/ui.ts)', () => {
  it('have the same keys in English and Chinese, none empty where English says something', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english)
      if (text.trim() !== '') expect(chinese.get(key)?.trim(), key).not.toBe('');
  });

  it('fails when a key is missing on either side', () => {
    const withExtra = leaves({ ...en, extra: { word: 'word' } });
    expect([...withExtra.keys()].sort()).not.toEqual([...chinese.keys()].sort());
  });

  it('parse as ICU messages and take the same values in both languages', () => {
    for (const [key, text] of english) {
      const inEnglish = parse(text, 'en');
      const inChinese = parse(chinese.get(key) ?? '', 'zh');
      expect([...inChinese.values].sort(), key).toEqual([...inEnglish.values].sort());
    }
  });

  it('write no English in Chinese beyond the technical terms the page allows', () => {
    const english: string[] = [];
    for (const [key, text] of chinese)
      for (const word of parse(text, 'zh').literal.match(
        /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g,
      ) ?? [])
        if (!isLatinTerm(word)) english.push(`${key}: ${word}`);
    expect(english).toEqual([]);
  });

  it('format counts with the language’s plural rules and grouping', () => {
    const rows = (count: number, language: Language) =>
      new IntlMessageFormat(
        (language === 'en' ? en : zh).export.noise,
        LOCALES[language],
        MESSAGE_FORMATS,
      ).format({ count });
    expect(rows(1, 'en')).toBe('Download noise (segment -1, 1 row)');
    expect(rows(1234, 'en')).toBe('Download noise (segment -1, 1,234 rows)');
    expect(rows(1234, 'zh')).toBe('下载噪声（细分群 -1，1,234 行）');
  });
});
