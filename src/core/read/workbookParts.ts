import { UserError } from '../common/userError';
import { formatKind, FORMAT_NUMBER, type FormatKind } from './excelDates';
import { attribute, attributes, stringItemText } from './xmlText';
import { entryText, inflateEntry } from './zipArchive';
import { findEntry, type ZipArchive } from './zipDirectory';

/** The parts of an xlsx around its sheets: which sheets, where, and how cells are shown. */
export interface WorkbookParts {
  /** Worksheets in workbook order (chart sheets have no cells and are left out). */
  sheets: { name: string; path: string }[];
  /** Dates count from 1904-01-01 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
  /** Per cell style (the `s` of a cell): how its number is shown. */
  styleKinds: Uint8Array;
}

/** The workbook's list of sheets, styles and links are small; a bigger one is not a workbook. */
const MAX_PART_BYTES = 64 << 20;

export async function readWorkbookParts(archive: ZipArchive): Promise<WorkbookParts> {
  const workbook = await partText(archive, 'xl/workbook.xml');
  const rels = (await partText(archive, 'xl/_rels/workbook.xml.rels')) ?? '';
  if (workbook === null) throw notAWorkbook();
  const targets = new Map<string, { target: string; type: string }>();
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const attrs = attributes(tag);
    const id = attrs.get('Id');
    if (id !== undefined) {
      targets.set(id, { target: attrs.get('Target') ?? '', type: attrs.get('Type') ?? '' });
    }
  }
  const sheets: { name: string; path: string }[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'id');
    const link = id === undefined ? undefined : targets.get(id);
    if (name === undefined || link === undefined || !/\/worksheet$/.test(link.type)) continue;
    sheets.push({ name, path: resolvePath(link.target) });
  }
  if (sheets.length === 0) {
    throw new UserError('workbook', 'workbookNoWorksheets');
  }
  const properties = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook);
  const date1904 =
    properties !== null && /^(1|true)$/i.test(attribute(properties[0], 'date1904') ?? '');
  const styles = (await partText(archive, 'xl/styles.xml')) ?? '';
  return { sheets, date1904, styleKinds: readStyleKinds(styles) };
}

/** Sheet paths are relative to `xl/` unless they start with `/`. */
function resolvePath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** Per entry of `cellXfs`: does its number format show a date, a time, or a number? */
export function readStyleKinds(styles: string): Uint8Array {
  const codes = new Map<number, string>();
  for (const tag of styles.match(/<(?:\w+:)?numFmt\b[^>]*>/g) ?? []) {
    const id = Number(attribute(tag, 'numFmtId'));
    const code = attribute(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles);
  if (cellXfs === null) return new Uint8Array(0);
  const formats = cellXfs[1].match(/<(?:\w+:)?xf\b[^>]*>/g) ?? [];
  const kinds = new Uint8Array(formats.length);
  const known = new Map<number, FormatKind>();
  formats.forEach((tag, i) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    let kind = known.get(id);
    if (kind === undefined) {
      kind = Number.isInteger(id) ? formatKind(id, codes.get(id)) : FORMAT_NUMBER;
      known.set(id, kind);
    }
    kinds[i] = kind;
  });
  return kinds;
}

/**
 * The shared strings (most text cells point into this list), read piece by piece so that a
 * large list is never one giant string. Stops with a sentence past `maxBytes` of XML.
 */
export async function readSharedStrings(archive: ZipArchive, maxBytes: number): Promise<string[]> {
  const entry = findEntry(archive, 'xl/sharedStrings.xml');
  if (entry === null) return [];
  const strings: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let prefix: string | null = null;
  const consume = (text: string, final: boolean) => {
    const buffer = carry + text;
    prefix ??= /<(\w+:)?sst\b/.exec(buffer)?.[1] ?? (buffer.length > 4096 ? '' : null);
    if (prefix === null && !final) {
      carry = buffer;
      return;
    }
    const p = prefix ?? '';
    const open = `<${p}si`;
    const close = `</${p}si>`;
    let at = 0;
    for (;;) {
      const start = buffer.indexOf(open, at);
      if (start === -1) {
        // Keep a tag cut at the end of this piece for the next one.
        at = Math.max(at, buffer.lastIndexOf('<'));
        break;
      }
      const tagEnd = buffer.indexOf('>', start);
      if (tagEnd === -1) {
        at = start;
        break;
      }
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        strings.push('');
        at = tagEnd + 1;
        continue;
      }
      const end = buffer.indexOf(close, tagEnd);
      if (end === -1) {
        at = start;
        break;
      }
      strings.push(stringItemText(buffer.slice(tagEnd + 1, end), p));
      at = end + close.length;
    }
    carry = buffer.slice(at);
  };
  await inflateEntry(archive, entry, maxBytes, (bytes) =>
    consume(decoder.decode(bytes, { stream: true }), false),
  );
  consume(decoder.decode(), true);
  return strings;
}

async function partText(archive: ZipArchive, path: string): Promise<string | null> {
  const entry = findEntry(archive, path);
  return entry === null ? null : entryText(archive, entry, MAX_PART_BYTES);
}

function notAWorkbook(): UserError {
  return new UserError('workbook', 'workbookNoSheetList');
}
