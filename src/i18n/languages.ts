/** The languages of the page and the command line. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale each language formats numbers and dates with. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

/** The language names as each language writes its own, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

/** The language for a BCP 47 tag or a POSIX locale ("zh-CN", "zh_TW.UTF-8", "en-US"): Chinese or English. */
export function languageOf(tag: string | null | undefined): Language {
  // zh, then the end, a subtag (-), a territory (_, which \b would not see), a codeset or a modifier.
  return /^zh(?:$|[-_.@])/i.test((tag ?? '').trim()) ? 'zh' : 'en';
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
