import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../i18n/languages';
import { useStore } from '../store/useStore';
import { HTML_LANG } from './pageI18n';

/**
 * The page's language, switchable at any time: only the words change, the analysis on show
 * stays. Its label is in both languages and each language is named as it writes itself, so it
 * reads the same whatever language the page is in (and no translator rewrites it).
 */
export function LanguageSwitch() {
  const language = useStore((s) => s.language);
  const setLanguage = useStore((s) => s.setLanguage);
  return (
    <label className="language-switch" translate="no">
      <span>
        <span lang="en">Language</span> / <span lang="zh-CN">语言</span>
      </span>
      <select
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((choice) => (
          <option key={choice} value={choice} lang={HTML_LANG[choice]}>
            {LANGUAGE_NAMES[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
