import { Fragment, useCallback, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import type { Message } from '../core/common/message';
import { CATALOGS, formatTemplate } from '../i18n/formatMessage';
import type { Language } from '../i18n/languages';
import { useStore } from '../store/useStore';
import { ColumnName } from './ColumnName';

/** A key of the page's catalog ('ui.load.title'), checked by the type system. */
export type UiKey = Extract<ParseKeys, `ui.${string}`>;

/**
 * What the user brought (a column name, a cell value, a file name, a customer id, a segment name
 * they typed): shown as it is, and marked so that browser translators leave it alone.
 */
export function Data({ children }: { children: ReactNode }) {
  return <span translate="no">{children}</span>;
}

/** The value of a placeholder in a rich sentence: text, a number, or an element. */
export type RichValue = string | number | ReactElement;

// Private-use characters never occur in a catalog: they mark where an element goes.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/** Values for the formatter, with each element replaced by a marker (kept in `elements`). */
function marked(
  values: Readonly<Record<string, RichValue>>,
  elements: ReactNode[],
): Record<string, string | number> {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
    else {
      plain[name] = `${OPEN}${elements.length}${CLOSE}`;
      elements.push(value);
    }
  }
  return plain;
}

/** A formatted sentence with its markers replaced by their elements. */
function unmark(text: string, elements: ReactNode[]): ReactNode {
  const parts = text.split(MARK);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 0 ? part : <Fragment key={i}>{elements[Number(part)]}</Fragment>,
  );
}

/**
 * The page's words with elements among the values (`<Data>` around user data, a `<time>`): one
 * sentence per key, formatted whole (ICU plurals and numbers), the elements put where their
 * placeholders were.
 */
export function useRich(): (key: UiKey, values: Readonly<Record<string, RichValue>>) => ReactNode {
  const { t } = useTranslation();
  return useCallback(
    (key, values) => {
      const elements: ReactNode[] = [];
      // The key is checked by this function's type; t's overloads do not take a union of keys.
      const translate = t as (key: string, values: Record<string, string | number>) => string;
      return unmark(translate(key, marked(values, elements)), elements);
    },
    [t],
  );
}

/** The arguments of `select` in a template: they choose a branch, so they stay as they are. */
function selectArguments(template: string): Set<string> {
  return new Set([...template.matchAll(/\{\s*(\w+)\s*,\s*select\s*,/g)].map((m) => m[1]));
}

function renderMarked(language: Language, message: Message, elements: ReactNode[]): string {
  const template = CATALOGS[language].message[message.key];
  const selects = selectArguments(template);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    if (typeof value === 'number' || (typeof value === 'string' && selects.has(name)))
      values[name] = value;
    else if (typeof value === 'string') {
      values[name] = `${OPEN}${elements.length}${CLOSE}`;
      elements.push(<ColumnName name={value} />);
    } else values[name] = renderMarked(language, value, elements);
  }
  return formatTemplate(language, template, values);
}

/** What the core says, as elements: every text it quotes (user data) marked as such. */
export function renderMessageNode(language: Language, message: Message): ReactNode {
  const elements: ReactNode[] = [];
  return unmark(renderMarked(language, message, elements), elements);
}

/** Renders what the core says in the page's language, its quoted texts marked as user data. */
export function useRenderNode(): (message: Message) => ReactNode {
  const language = useStore((s) => s.language);
  return useCallback((message: Message) => renderMessageNode(language, message), [language]);
}

/** Items (elements or texts) in a list, separated as the language separates them. */
export function useJoin(): (items: ReactNode[], separator?: 'comma' | 'semicolon') => ReactNode {
  const { t } = useTranslation();
  return useCallback(
    (items, separator = 'comma') => {
      const between = t(separator === 'comma' ? 'ui.common.comma' : 'ui.common.semicolon');
      return items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && between}
          {item}
        </Fragment>
      ));
    },
    [t],
  );
}
