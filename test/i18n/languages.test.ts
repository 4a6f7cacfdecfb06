import { describe, expect, it } from 'vitest';
import {
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  languageOf,
  LOCALES,
} from '../../src/i18n/languages';

describe('languageOf', () => {
  it('reads Chinese from a BCP 47 tag, whatever the region or script', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans', 'zh-Hant-HK', 'ZH-cn', ' zh-CN '])
      expect(languageOf(tag), tag).toBe('zh');
  });

  it('reads Chinese from a POSIX locale, as LANG and LC_ALL write it', () => {
    for (const locale of [
      'zh_CN.UTF-8',
      'zh_TW.UTF-8',
      'zh_CN',
      'zh_HK.Big5',
      'zh.UTF-8',
      'zh@pinyin',
    ])
      expect(languageOf(locale), locale).toBe('zh');
  });

  it('takes English for every other language, and for no language at all', () => {
    for (const tag of [
      'en-US',
      'en_GB.UTF-8',
      'en',
      'fr-FR',
      'de_DE.UTF-8',
      'C',
      'C.UTF-8',
      'POSIX',
    ])
      expect(languageOf(tag), tag).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf('   ')).toBe('en');
    expect(languageOf(null)).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('does not take a language that merely starts with the letters zh', () => {
    expect(languageOf('zha')).toBe('en');
    expect(languageOf('zhx-CN')).toBe('en');
  });
});

describe('the languages', () => {
  it('are English and Chinese, each with a locale and its own name', () => {
    expect(LANGUAGES).toEqual(['en', 'zh']);
    expect(LOCALES).toEqual({ en: 'en-GB', zh: 'zh-CN' });
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', zh: '中文' });
  });

  it('are recognised by isLanguage, and nothing else is', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('zh')).toBe(true);
    for (const value of ['EN', 'zh-CN', 'fr', '', null, undefined, 0, {}])
      expect(isLanguage(value), String(value)).toBe(false);
  });
});
