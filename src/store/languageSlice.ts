import type { StateCreator } from 'zustand';
import { initialLanguage, rememberLanguage } from '../i18n/pageLanguage';
import type { LanguageSlice, State } from './types';

export const createLanguageSlice: StateCreator<State, [], [], LanguageSlice> = (set, get) => ({
  language: initialLanguage(),
  setLanguage(language) {
    if (language === get().language) return;
    rememberLanguage(language);
    // Only the words change: the analysis on show stays as it is. A customer table sorted by
    // segment name is sorted again, since the default names now read differently.
    set({ language });
    if (get().rfmView !== null && get().rfmQuery.sort === 'segment') void get().loadRfmPage();
  },
});
