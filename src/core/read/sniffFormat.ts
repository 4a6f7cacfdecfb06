import type { ByteSource } from './byteSource';
import { OLE2_SIGNATURE, oleStreamNames } from './oleDirectory';
import { findEntry, openZip, storedEntryText, type ZipArchive } from './zipDirectory';

/** What a file is, told from its bytes (its name only adds words to a refusal). */
export type FileFormat =
  /** Text (or anything else not recognised below: the CSV reader refuses binaries itself). */
  | 'csv'
  | 'xlsx'
  | 'xls'
  | 'parquet'
  /** A container we recognise but do not read: `what` says what it is. */
  | 'refused';

export interface SniffedFormat {
  format: FileFormat;
  /** For xlsx: the archive, already listed. */
  archive: ZipArchive | null;
  /** For refused files: what the file really is, e.g. `an OpenDocument spreadsheet (.ods)`. */
  what: string | null;
  /** For refused files: what the user can do, ending the sentence. */
  action: string | null;
}

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
const SAVE_AS_XLSX =
  'open it in Excel or LibreOffice and save it as .xlsx or CSV, then choose that file';

const OPEN_DOCUMENT_KINDS: [string, string][] = [
  ['application/vnd.oasis.opendocument.spreadsheet', 'an OpenDocument spreadsheet (.ods)'],
  ['application/vnd.oasis.opendocument.text', 'an OpenDocument text document (.odt)'],
  ['application/vnd.oasis.opendocument.presentation', 'an OpenDocument presentation (.odp)'],
];

const OFFICE_PARTS: [string, string][] = [
  ['xl/workbook.bin', 'an Excel binary workbook (.xlsb)'],
  ['word/document.xml', 'a Word document (.docx)'],
  ['ppt/presentation.xml', 'a PowerPoint presentation (.pptx)'],
];

/**
 * Tells the file's format from its first and last bytes and, for containers, from the names
 * inside: an xlsx is a zip with `[Content_Types].xml` and `xl/workbook.xml`; an OpenDocument
 * file is a zip whose `mimetype` says which; an xls is an OLE2 compound file with a `Workbook`
 * (or `Book`) stream, while an OLE2 file with `EncryptionInfo` is a password-protected xlsx;
 * Parquet has `PAR1` at both ends. Everything else goes to the CSV reader.
 */
export async function sniffFormat(source: ByteSource, name: string): Promise<SniffedFormat> {
  const result = (
    format: FileFormat,
    archive: ZipArchive | null = null,
    what: string | null = null,
    action: string | null = null,
  ): SniffedFormat => ({ format, archive, what, action });
  if (source.size < 8) return result('csv');
  const head = await source.read(0, 8);
  const startsWith = (signature: number[]) => signature.every((b, i) => head[i] === b);

  if (startsWith(PARQUET_MAGIC) && source.size >= 12) {
    const tail = await source.read(source.size - 4, source.size);
    if (PARQUET_MAGIC.every((b, i) => tail[i] === b)) return result('parquet');
  }

  if (ZIP_SIGNATURES.some(startsWith)) {
    const archive = await openZip(source);
    if (archive === null) {
      return result(
        'refused',
        null,
        'a damaged zip archive',
        'choose a CSV, .xlsx or Parquet file',
      );
    }
    if (findEntry(archive, '[Content_Types].xml') && findEntry(archive, 'xl/workbook.xml')) {
      return result('xlsx', archive);
    }
    const mimetype = findEntry(archive, 'mimetype');
    if (mimetype !== null && mimetype.size < 200) {
      const type = ((await storedEntryText(archive, mimetype, 200)) ?? '').trim();
      const kind = OPEN_DOCUMENT_KINDS.find(([mime]) => mime === type);
      if (kind) return result('refused', null, kind[1], SAVE_AS_XLSX);
    }
    for (const [part, what] of OFFICE_PARTS) {
      if (findEntry(archive, part)) {
        return result(
          'refused',
          null,
          what,
          part.startsWith('xl/') ? SAVE_AS_XLSX : 'choose a CSV, .xlsx or Parquet file',
        );
      }
    }
    const inside = [...archive.entries.keys()].find((entry) => /\.(csv|tsv|txt)$/i.test(entry));
    return result(
      'refused',
      null,
      'a zip archive',
      inside === undefined
        ? 'unzip it and choose the CSV, .xlsx or Parquet file inside'
        : `unzip it and choose the file inside (${inside})`,
    );
  }

  if (startsWith(OLE2_SIGNATURE)) {
    const names = new Set((await oleStreamNames(source)).map((entry) => entry.toLowerCase()));
    if (names.has('encryptioninfo') || names.has('encryptedpackage')) {
      return result(
        'refused',
        null,
        'a password-protected workbook',
        'open it in Excel or LibreOffice, save it without a password, and try again',
      );
    }
    if (names.has('workbook') || names.has('book')) return result('xls');
    if (names.has('worddocument'))
      return result(
        'refused',
        null,
        'a Word document (.doc)',
        'choose a CSV, .xlsx or Parquet file',
      );
    if (names.has('powerpoint document')) {
      return result(
        'refused',
        null,
        'a PowerPoint presentation (.ppt)',
        'choose a CSV, .xlsx or Parquet file',
      );
    }
    const looksLikeXls = /\.xl[sst]$/i.test(name);
    return result(
      'refused',
      null,
      looksLikeXls
        ? 'a damaged Excel workbook (.xls)'
        : 'an Office compound file that is not a workbook',
      looksLikeXls ? SAVE_AS_XLSX : 'choose a CSV, .xlsx or Parquet file',
    );
  }
  return result('csv');
}
