import { message, type Message, type MessageKey } from '../common/message';
import { UserError } from '../common/userError';

/** The encodings we read: UTF-8 and UTF-16 (by BOM), and the two code pages Excel writes most. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

export const ENCODINGS: readonly Encoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'windows-1252',
];

export const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 (Chinese)',
  'windows-1252': 'Windows-1252 (Western)',
};

export interface EncodingGuess {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Why this encoding was chosen, as a whole sentence (the page shows it under the encoding). */
  reason: Message;
}

/**
 * Refuses files that are not text at all (a workbook, an image, a PDF) with a sentence that
 * says what to do, then picks the encoding: a BOM first, then strict UTF-8, then a legacy code
 * page chosen from the bytes. `head` is the start of the file.
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  refuseBinary(head);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, reason: message('encodingBom') };
  }
  if (head[0] === 0xff && head[1] === 0xfe) {
    return { encoding: 'utf-16le', bomLength: 2, reason: message('encodingBom') };
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    return { encoding: 'utf-16be', bomLength: 2, reason: message('encodingBom') };
  }
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: message('encodingUtf16') };
  if (isStrictUtf8(head))
    return { encoding: 'utf-8', bomLength: 0, reason: message('encodingValidUtf8') };
  const legacy = guessLegacyEncoding(head);
  return {
    encoding: legacy,
    bomLength: 0,
    reason: message('encodingNotUtf8', { codePage: codePageOf(legacy) }),
  };
}

/**
 * The code page a message names (`{codePage, select, ...}`): a select's branches cannot be
 * spelled with the hyphen of 'windows-1252'.
 */
export function codePageOf(encoding: Encoding): 'gb18030' | 'windows1252' {
  return encoding === 'gb18030' ? 'gb18030' : 'windows1252';
}

/** True when the bytes decode as UTF-8 without error (a character cut at the end is fine). */
export function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses between GB18030 and Windows-1252 by the evidence each leaves. Chinese text is mostly
 * the 3,755 common hanzi of GB2312 level 1 (lead byte 0xB0-0xD7, trail 0xA1-0xFE) and full-width
 * punctuation (lead 0xA1-0xA9). Western text has accented letters next to ASCII letters (é, ü,
 * £): a high byte followed by an ASCII byte. Two accented letters in a row (`ção`, `öß`) also
 * form a valid GBK pair, but one of the rare level-2 hanzi or extension characters, so such
 * pairs count for neither side; so does a lone pair of capitals between plain letters (`ÇÃ` in
 * `PROMOÇÃO`), which falls among the common hanzi. Real Chinese text without a single common
 * hanzi outside such pairs does not occur.
 */
export function guessLegacyEncoding(bytes: Uint8Array): Encoding {
  let chinese = 0;
  let western = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const next = i + 1 < bytes.length ? bytes[i + 1] : 0;
    if (b >= 0x81 && b <= 0xfe && next >= 0xa1 && next <= 0xfe) {
      const common = (b >= 0xb0 && b <= 0xd7) || (b >= 0xa1 && b <= 0xa9);
      const before = i === 0 ? 0 : bytes[i - 1];
      const after = i + 2 < bytes.length ? bytes[i + 2] : 0;
      const loneCapitals =
        isWesternCapital(b) && isWesternCapital(next) && before < 0x80 && after < 0x80;
      if (common && !loneCapitals) chinese++;
      i++;
    } else if (b >= 0x81 && b <= 0xfe && next >= 0x80 && next !== 0xff) {
      // A GBK extension character (trail 0x80-0xA0): rare in Chinese, common in neither.
      i++;
    } else {
      western++;
    }
  }
  return chinese > western ? 'gb18030' : 'windows-1252';
}

/** À..Þ in Windows-1252, without the multiplication sign. */
function isWesternCapital(byte: number): boolean {
  return byte >= 0xc0 && byte <= 0xde && byte !== 0xd7;
}

function utf16WithoutBom(head: Uint8Array): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const SIGNATURES: { bytes: number[]; code: 'spreadsheet' | 'binary'; what: MessageKey }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], code: 'spreadsheet', what: 'fileXls' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'binary', what: 'filePng' },
  { bytes: [0xff, 0xd8, 0xff], code: 'binary', what: 'fileJpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], code: 'binary', what: 'fileGif' },
  { bytes: [0x25, 0x50, 0x44, 0x46], code: 'binary', what: 'filePdf' },
  { bytes: [0x1f, 0x8b], code: 'binary', what: 'fileGzip' },
];

/** What a zip archive is: a spreadsheet (then `what` names which) or another kind of file. */
export interface ZipKind {
  code: 'spreadsheet' | 'binary';
  what: MessageKey;
}

/**
 * What a zip archive is, from the names of the files at its start (a zip is not always a
 * workbook: OpenDocument files, Word documents and plain archives are zips too).
 */
export function describeZip(head: Uint8Array): ZipKind {
  const latin1 = new TextDecoder('latin1').decode(head.subarray(0, 65536));
  const mimetype = /mimetype(application\/vnd\.oasis\.opendocument\.[a-z]+)/.exec(latin1);
  if (mimetype !== null) {
    if (mimetype[1].endsWith('.spreadsheet')) return { code: 'spreadsheet', what: 'fileOds' };
    return { code: 'binary', what: 'fileOpenDocument' };
  }
  // File names stand 30 bytes after each local header's signature (PK 3 4).
  const names = new Set<string>();
  for (
    let at = latin1.indexOf('PK\u0003\u0004');
    at !== -1;
    at = latin1.indexOf('PK\u0003\u0004', at + 4)
  )
    names.add(latin1.slice(at + 30, at + 35).split('/')[0] + '/');
  if (names.has('xl/')) return { code: 'spreadsheet', what: 'fileXlsx' };
  if (names.has('word/')) return { code: 'binary', what: 'fileDocx' };
  if (names.has('ppt/')) return { code: 'binary', what: 'filePptx' };
  return { code: 'binary', what: 'fileZip' };
}

function refuseBinary(head: Uint8Array): void {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const zip = describeZip(head);
    const key: MessageKey =
      zip.what === 'fileOds'
        ? 'readOpenDocumentSpreadsheet'
        : zip.code === 'spreadsheet'
          ? 'readWorkbook'
          : 'readBinaryKind';
    throw new UserError(zip.code, key, { what: message(zip.what) });
  }
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => head[i] === b)) {
      throw new UserError(
        signature.code,
        signature.code === 'spreadsheet' ? 'readWorkbook' : 'readBinaryKind',
        { what: message(signature.what) },
      );
    }
  }
  // Text has few control characters, NUL bytes among them (UTF-16 aside, which has NULs in a
  // regular pattern). A text file with a stray NUL or two is still text: the rows that hold one
  // are set aside (see TableBuilder), wherever they are in the file.
  const n = Math.min(head.length, 65536);
  if (n === 0) return;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return;
  if (utf16WithoutBom(head)) return;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  if (controls > n * 0.01) {
    throw new UserError('binary', 'readBinary');
  }
}
