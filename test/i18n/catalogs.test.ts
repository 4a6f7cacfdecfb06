import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGE_FORMATS } from '../../src/i18n/formatMessage';
import { LANGUAGES, LOCALES } from '../../src/i18n/languages';
import { en } from '../../src/i18n/locales/en';
import { argumentsOf, leavesOf, type ArgumentUse } from '../support/icu';

const OTHERS = LANGUAGES.filter((language) => language !== 'en');
const ENGLISH = leavesOf(en);

/** Where two catalogs differ in shape: keys missing, extra, or a text where an object is. */
function shapeDifferences(english: object, other: object, path = ''): string[] {
  const differences: string[] = [];
  const keys = new Set([...Object.keys(english), ...Object.keys(other)]);
  for (const key of keys) {
    const here = `${path}${key}`;
    const a: unknown = Object.getOwnPropertyDescriptor(english, key)?.value;
    const b: unknown = Object.getOwnPropertyDescriptor(other, key)?.value;
    if (a === undefined) differences.push(`${here} is extra`);
    else if (b === undefined) differences.push(`${here} is missing`);
    else if (typeof a !== typeof b) differences.push(`${here} is a ${typeof b}, not a ${typeof a}`);
    else if (typeof a === 'object' && a !== null)
      differences.push(...shapeDifferences(a, b as object, `${here}.`));
  }
  return differences;
}

/**
 * How a language's template may use an argument of the English one. A value that is shown must
 * be shown in every language; a select (on a code) has the same cases everywhere; a date or a
 * number keeps its named format. A plural may become a number in a language without plural
 * forms (Chinese), and a plural that only chooses words ("was"/"were") may be left out there. A
 * count the plural shows must stay a number (`{count, number}`), not a plain `{count}`: ICU writes
 * a plain argument as String(value), 8905 where the English plural's # reads 8,905.
 */
function argumentProblem(
  name: string,
  english: ArgumentUse | undefined,
  other: ArgumentUse | undefined,
): string | null {
  if (english === undefined) return `{${name}} is not in English`;
  if (other === undefined)
    return english.kind === 'plural' && !english.shown ? null : `{${name}} is missing`;
  if (english.kind === 'plural') {
    if (other.kind === 'plural')
      return other.options.includes('other') ? null : `{${name}} has no "other" case`;
    if (other.kind === 'number') return null;
    if (other.kind === 'argument' && !english.shown) return null;
    return other.kind === 'argument'
      ? `{${name}} is a plain argument, not {${name}, number}: its digits would not be grouped`
      : `{${name}} is a ${other.kind}, not a plural or a number`;
  }
  const same =
    english.kind === other.kind &&
    english.style === other.style &&
    english.options.join() === other.options.join();
  return same ? null : `{${name}} is ${JSON.stringify(other)}, not ${JSON.stringify(english)}`;
}

/** Values to format a template with: a number, a date, a text, or the first case of a select. */
function sampleValues(template: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, use] of argumentsOf(template))
    values[name] =
      use.kind === 'select'
        ? (use.options.find((option) => option !== 'other') ?? 'other')
        : use.kind === 'argument'
          ? `‹${name}›`
          : use.kind === 'date' || use.kind === 'time'
            ? Date.UTC(2010, 11, 1, 8, 26)
            : 2;
  return values;
}

/** Every source file of the page, the core, the worker and the command line. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path.endsWith(join('i18n', 'locales')) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the catalogs', () => {
  it('have exactly the English keys at every level, in every language', () => {
    for (const language of OTHERS)
      expect(shapeDifferences(en, CATALOGS[language]), language).toEqual([]);
    // The check itself finds a missing key, an extra one and a text where an object should be.
    expect(
      shapeDifferences({ a: { b: 'x', c: 'y' }, d: 'z' }, { a: { b: 'x', e: 'y' }, d: {} }),
    ).toEqual(['a.c is missing', 'a.e is extra', 'd is a object, not a string']);
  });

  it('have no empty text', () => {
    for (const language of LANGUAGES)
      for (const [key, text] of leavesOf(CATALOGS[language]))
        // The gap between two sentences is a space in English and nothing in Chinese.
        if (key !== 'ui.common.sentenceGap') expect(text.trim(), `${language} ${key}`).not.toBe('');
  });

  it('use the same placeholders, plurals and selects in every language', () => {
    expect(ENGLISH.size).toBeGreaterThan(300);
    for (const language of OTHERS) {
      const other = leavesOf(CATALOGS[language]);
      const problems: string[] = [];
      for (const [key, template] of ENGLISH) {
        const english = argumentsOf(template);
        const theirs = argumentsOf(other.get(key)!);
        for (const name of new Set([...english.keys(), ...theirs.keys()])) {
          const problem = argumentProblem(name, english.get(name), theirs.get(name));
          if (problem !== null) problems.push(`${language} ${key}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    }
  });

  it('tell a placeholder problem apart from a difference of grammar', () => {
    const problems = (english: string, other: string) => {
      const a = argumentsOf(english);
      const b = argumentsOf(other);
      return [...new Set([...a.keys(), ...b.keys()])].flatMap(
        (name) => argumentProblem(name, a.get(name), b.get(name)) ?? [],
      );
    };
    const rows = '{count, plural, one {# row} other {# rows}}';
    expect(problems(rows, '{count, number} 行')).toEqual([]);
    expect(problems(rows, '{count} 行')).toEqual([
      '{count} is a plain argument, not {count, number}: its digits would not be grouped',
    ]);
    expect(problems(rows, '{count, plural, other {# 行}}')).toEqual([]);
    expect(problems('{count, plural, one {was} other {were}} read', '已读取')).toEqual([]);
    expect(problems(rows, '行')).toEqual(['{count} is missing']);
    expect(problems('{name} left', '{nom} 离开')).toEqual([
      '{name} is missing',
      '{nom} is not in English',
    ]);
    expect(
      problems('{kind, select, text {a text} other {x}}', '{kind, select, other {x}}'),
    ).toHaveLength(1);
    expect(problems('{when, date, day}', '{when, date, minute}')).toHaveLength(1);
    expect(problems('{share, number, share}', '{share}')).toHaveLength(1);
    expect(problems(rows, '{count, select, other {行}}')).toHaveLength(1);
  });

  it('compile and format in every language, with values of the kind each template takes', () => {
    for (const language of LANGUAGES) {
      for (const [key, template] of leavesOf(CATALOGS[language])) {
        const format = new IntlMessageFormat(template, LOCALES[language], MESSAGE_FORMATS, {
          ignoreTag: true,
        });
        const text = String(format.format(sampleValues(ENGLISH.get(key)!)));
        if (key !== 'ui.common.sentenceGap') expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(text, `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('reword on the command line only messages the core says, with the same values', () => {
    for (const language of LANGUAGES) {
      const { message, cliMessage } = CATALOGS[language];
      for (const [key, template] of Object.entries(cliMessage)) {
        const original = Object.getOwnPropertyDescriptor(message, key)?.value as string;
        expect(original, `${language} ${key}`).toBeDefined();
        expect([...argumentsOf(template).keys()].sort(), `${language} ${key}`).toEqual(
          [...argumentsOf(original).keys()].sort(),
        );
      }
    }
  });

  it('carry no dead text: every key of the core’s messages is said somewhere in src/', () => {
    const source = sourceFiles('src')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en.message).filter(
      (key) => !source.includes(`'${key}'`) && !source.includes(`"${key}"`),
    );
    expect(unused).toEqual([]);
  });

  it('carry no dead command-line text: every line of its own is used in src/cli', () => {
    const source = sourceFiles(join('src', 'cli'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en.cli).filter(
      (key) => !source.includes(`'${key}'`) && !source.includes(`.${key}`),
    );
    expect(unused).toEqual([]);
  });
});
