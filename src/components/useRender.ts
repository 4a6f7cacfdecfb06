import { useCallback } from 'react';
import type { Message } from '../core/common/message';
import { renderMessage } from '../i18n/formatMessage';
import { useStore } from '../store/useStore';

/** Renders what the core says (a message code and its values) in the page's language. */
export function useRender(): (message: Message) => string {
  const language = useStore((s) => s.language);
  return useCallback((message: Message) => renderMessage(language, message), [language]);
}
