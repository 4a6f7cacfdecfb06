/**
 * The little XML a workbook needs, without a DOM: attributes of one tag, text with its entities
 * decoded, and the `_x000D_` escapes SpreadsheetML uses for characters XML cannot hold.
 */

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag (`<sheet name="A" r:id="rId1"/>`), by their full names. */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    found.set(m[1], decodeXml(m[2] ?? m[3]));
  }
  return found;
}

/** One attribute by its local name (with or without a namespace prefix), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const attrs = attributes(tag);
  const exact = attrs.get(name);
  if (exact !== undefined) return exact;
  for (const [key, value] of attrs) if (key.endsWith(`:${name}`)) return value;
  return undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;
const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);
const ESCAPED_CHARACTER = /_x([0-9a-fA-F]{4})_/g;

/** Text content or an attribute value with its character references decoded. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, (whole, entity: string) => {
    if (entity.charCodeAt(0) !== 35) return NAMED.get(entity) ?? whole;
    const code =
      entity.charCodeAt(1) === 120 ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A SpreadsheetML string: XML entities, then `_xHHHH_` escapes (`_x005F_` is the underscore). */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  if (decoded.indexOf('_x') === -1) return decoded;
  return decoded.replace(ESCAPED_CHARACTER, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>` elements joined, leaving out the
 * phonetic runs (`<rPh>`, the furigana of Japanese workbooks). `prefix` is the namespace prefix
 * of the part (`x:` in some writers), usually empty.
 */
export function stringItemText(item: string, prefix = ''): string {
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  const phonetic = `<${prefix}rPh`;
  const phoneticEnd = `</${prefix}rPh>`;
  let text = '';
  let at = 0;
  for (;;) {
    const start = item.indexOf(open, at);
    if (start === -1) break;
    const next = item.charCodeAt(start + open.length);
    // <t>, <t xml:space="preserve">, <t/>; not <tc...> or other tags starting with t.
    if (next !== 62 && next !== 32 && next !== 47) {
      at = start + open.length;
      continue;
    }
    const skip = item.indexOf(phonetic, at);
    if (skip !== -1 && skip < start) {
      const after = item.indexOf(phoneticEnd, skip);
      if (after !== -1 && after > start) {
        at = after + phoneticEnd.length;
        continue;
      }
    }
    const tagEnd = item.indexOf('>', start);
    if (tagEnd === -1) break;
    if (item.charCodeAt(tagEnd - 1) === 47) {
      at = tagEnd + 1;
      continue;
    }
    const end = item.indexOf(close, tagEnd);
    if (end === -1) break;
    text += item.slice(tagEnd + 1, end);
    at = end + close.length;
  }
  return decodeCellText(text);
}
