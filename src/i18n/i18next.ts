import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { MESSAGE_FORMATS } from './formatMessage';
import { LOCALES, type Language } from './languages';
import { en } from './locales/en';
import { zh } from './locales/zh';

/**
 * The page's i18next: react-i18next for the components (they re-render when the language
 * changes), ICU MessageFormat for plurals, numbers and dates, both catalogs bundled (they are
 * small, and the page must work offline).
 */
export function createPageI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(new ICU({ formats: MESSAGE_FORMATS, parseLngForICU: (lng) => LOCALES[lng as Language] }))
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      resources: { en: { translation: en }, zh: { translation: zh } },
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  return instance;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
