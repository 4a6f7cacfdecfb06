import type { StateCreator } from 'zustand';
import { initialLanguage, rememberLanguage } from '../i18n/pageLanguage';
import type { LanguageSlice, State } from './types';

export const createLanguageSlice: StateCreator<State, [], [], LanguageSlice> = (set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    rememberLanguage(language);
    // Only the words change: the analysis on show stays as it is.
    set({ language });
  },
});
