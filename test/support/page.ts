import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Waits until the page shows the results of the last change: nothing on it is busy. The main
 * region is busy from a change (while the analysis waits for the user to pause, then runs) until
 * its results are in the store, and each chart until it has drawn them. Never a fixed wait.
 */
export async function settled(timeout = 120_000): Promise<void> {
  await waitFor(
    () => {
      expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
      expect(document.querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
    },
    { timeout },
  );
}

/** What a page says in words, gathered by `readPage` (in jsdom, or in a browser). */
export interface PageWords {
  /** Each text node and each accessible name outside user data, with where it was found. */
  said: { text: string; where: string; name: boolean }[];
  /** The texts marked as user data (translate="no"): column names, values, file names. */
  data: string[];
}

/**
 * Every text node and every accessible name of the page that is not marked as user data, and
 * the texts that are. Self-contained (no imports, no helpers), so that browser tests can send it
 * to the page to run there. Left out: scripts and styles, and what is never shown (elements
 * hidden by their own style).
 */
export function readPage(root: Document = document): PageWords {
  const said: { text: string; where: string; name: boolean }[] = [];
  const data: string[] = [];
  const unseen = (element: Element | null): boolean =>
    element !== null &&
    (element.closest('script, style, noscript, template') !== null ||
      element.closest('[style*="visibility: hidden"], [style*="display: none"]') !== null);
  const describe = (element: Element): string => {
    const tag = element.tagName.toLowerCase();
    const label = element.getAttribute('aria-label') ?? element.id;
    return label ? `${tag} (${label})` : tag;
  };
  const walker = root.createTreeWalker(root.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (text === '' || unseen(parent)) continue;
    if (parent?.closest('[translate="no"]')) data.push(text);
    else said.push({ text, where: parent ? describe(parent) : 'text', name: false });
  }
  const names = ['aria-label', 'aria-valuetext', 'aria-description', 'title', 'alt', 'placeholder'];
  for (const element of root.body.querySelectorAll('*')) {
    if (unseen(element) || element.closest('[translate="no"]')) continue;
    for (const name of names) {
      const value = element.getAttribute(name)?.trim();
      if (value) said.push({ text: value, where: `${describe(element)} [${name}]`, name: true });
    }
  }
  said.push({ text: root.title, where: 'title', name: false });
  return { said, data };
}

/**
 * Technical terms and units a Chinese page writes in Latin letters, as Chinese analytics tools
 * do: the product's name, file formats and encodings, the methods and indices known by their
 * English names (k-means, DBSCAN, Ward, Davies-Bouldin), and units (KB) and symbols (eps, log).
 * Single letters (k, x, z, R, F, M) are symbols, not words, and pass too. Anything else in Latin
 * letters is English left untranslated.
 */
export const LATIN_TERMS: ReadonlySet<string> = new Set([
  // The product, and the formats and encodings it reads or names
  'SegmentLens',
  'CSV',
  'Excel',
  'xlsx',
  'xls',
  'Parquet',
  'zip',
  'ods',
  'OpenDocument',
  'LibreOffice',
  'JSON',
  // The report's format (#18)
  'HTML',
  'json',
  // Saved analyses as SQL: the language, its keyword and the two databases
  'SQL',
  'SELECT',
  'DuckDB',
  'PostgreSQL',
  'UTF-8',
  'UTF-16',
  'LE',
  'BE',
  'GB18030',
  'Windows-1252',
  'BOM',
  // Methods and indices known by these names
  // Explaining and predicting: the F1 score, the ROC curve and its AUC, the IMM algorithm
  'F1',
  'ROC',
  'AUC',
  'IMM',
  // Ranking metrics of recommendations, known by these names
  'NDCG',
  'MAP',
  'RFM',
  'k-means',
  'DBSCAN',
  'Ward',
  'Davies-Bouldin',
  'Calinski-Harabasz',
  // Customer value: the models' names
  'BG',
  'NBD',
  'Gamma-Gamma',
  // The Online Retail convention for a cancelled invoice, quoted as an example (#18)
  'C536379',
  // Symbols and units
  'eps',
  'log',
  // RFM's log features, named log1p(消费金额) as numpy and pandas name the function
  'log1p',
  'KB',
  'MB',
  'GB',
]);

/** A Latin word: letters and digits, joined by hyphens, underscores, points or apostrophes. */
const WORD = /[A-Za-z][A-Za-z0-9]*(?:[-_.'][A-Za-z0-9]+)*/g;

/** A word a Chinese page may write: a technical term, a symbol, a component (PC1, PC2, ...). */
export function isLatinTerm(word: string): boolean {
  return LATIN_TERMS.has(word) || word.length === 1 || /^PC\d+$/.test(word);
}

/**
 * The Latin words the page says outside user data that are not technical terms: English left
 * in a page that should be all Chinese. An accessible name may quote user data ("customer_id
 * 的类型"): its words that the page shows marked as user data elsewhere pass.
 */
export function untranslated(words: PageWords): string[] {
  const data = new Set(words.data.flatMap((text) => text.match(WORD) ?? []));
  const found = new Set<string>();
  for (const { text, where, name } of words.said)
    for (const word of text.match(WORD) ?? [])
      if (!isLatinTerm(word) && !(name && data.has(word)))
        found.add(`${word} in ${where}: ${text}`);
  return [...found];
}

/** What the page says in Chinese characters outside user data (an English page says none). */
export function untranslatedChinese(words: PageWords): string[] {
  return words.said
    .filter(({ text }) => /\p{Script=Han}/u.test(text))
    .map(({ text, where }) => `${where}: ${text}`);
}
