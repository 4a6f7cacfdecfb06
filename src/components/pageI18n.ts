import type { i18n } from 'i18next';
import { createPageI18n } from '../i18n/i18next';
import type { Language } from '../i18n/languages';
import { useStore } from '../store/useStore';

/** The language tag of the page's <html lang>: what screen readers and browsers go by. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

/**
 * The page's i18next, made for the store's language and kept in step with it: when the store's
 * language changes, i18next changes language (the components re-render in it), and so do the
 * page's `lang` and title. Returns the instance and a way to stop following the store.
 */
export function connectPageI18n(): { i18n: i18n; disconnect: () => void } {
  const instance = createPageI18n(useStore.getState().language);
  const apply = (language: Language) => {
    document.documentElement.lang = HTML_LANG[language];
    document.title = instance.t('ui.page.title');
  };
  apply(useStore.getState().language);
  const disconnect = useStore.subscribe((state, previous) => {
    if (state.language === previous.language) return;
    void instance.changeLanguage(state.language);
    apply(state.language);
  });
  return { i18n: instance, disconnect };
}
