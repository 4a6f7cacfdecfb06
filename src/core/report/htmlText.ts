/**
 * Text for an HTML document. Everything the report writes that it did not write itself (column
 * names, cell values, the file's name, segment names, and every rendered sentence quoting them)
 * goes through here: the characters markup gives meaning to become entities, so a name like
 * `"><img onerror=...>` reads as itself and never becomes a tag or an attribute.
 */
export function escapeHtml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // Control characters (NUL among them) are not allowed in an HTML document.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD')
  );
}

/**
 * A user's value inside running text: escaped, and isolated from the text's direction, so that a
 * right-to-left mark in a column name cannot reorder the sentence around it.
 */
export function userText(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}
