import { isLanguage, languageOf, type Language } from './languages';

const STORAGE_KEY = 'segmentlens.language';

/**
 * The page's language on this visit: the one chosen before on this device, or else the
 * browser's (Chinese for any zh-* tag, English otherwise).
 */
export function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private windows, policies): fall back to the browser's language.
  }
  return languageOf(globalThis.navigator?.language);
}

/** Remembers the language on this device (nothing leaves it). */
export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered where storage is blocked; the page still switches.
  }
}
