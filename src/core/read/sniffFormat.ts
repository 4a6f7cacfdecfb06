import { message, type Message, type MessageKey } from '../common/message';
import { UserError } from '../common/userError';
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
  /** A container we recognise but do not read: `refusal` says what it is. */
  | 'refused';

/** Why a file is refused: what it really is, and what the user can do instead. */
export interface Refusal {
  /** A locked workbook, another kind of spreadsheet, or a file of another kind altogether. */
  code: 'workbook' | 'spreadsheet' | 'binary';
  /** What the file is, e.g. `fileOds` (an OpenDocument spreadsheet). */
  what: Message;
  /** What the user can do, ending the sentence. */
  action: Message;
}

export interface SniffedFormat {
  format: FileFormat;
  /** For xlsx: the archive, already listed. */
  archive: ZipArchive | null;
  /** For refused files: what they are and what to do. */
  refusal: Refusal | null;
}

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
const SAVE_AS_XLSX = message('actionSaveAsXlsx');
const CHOOSE_TABLE = message('actionChooseTable');

const OPEN_DOCUMENT_KINDS: [string, Refusal][] = [
  [
    'application/vnd.oasis.opendocument.spreadsheet',
    { code: 'spreadsheet', what: message('fileOds'), action: SAVE_AS_XLSX },
  ],
  [
    'application/vnd.oasis.opendocument.text',
    { code: 'binary', what: message('fileOdt'), action: SAVE_AS_XLSX },
  ],
  [
    'application/vnd.oasis.opendocument.presentation',
    { code: 'binary', what: message('fileOdp'), action: SAVE_AS_XLSX },
  ],
];

const OFFICE_PARTS: [string, Refusal][] = [
  ['xl/workbook.bin', { code: 'spreadsheet', what: message('fileXlsb'), action: SAVE_AS_XLSX }],
  ['word/document.xml', { code: 'binary', what: message('fileDocx'), action: CHOOSE_TABLE }],
  ['ppt/presentation.xml', { code: 'binary', what: message('filePptx'), action: CHOOSE_TABLE }],
];

/**
 * Tells the file's format from its first and last bytes and, for containers, from the names
 * inside: an xlsx is a zip with `[Content_Types].xml` and `xl/workbook.xml`; an OpenDocument
 * file is a zip whose `mimetype` says which; an xls is an OLE2 compound file with a `Workbook`
 * (or `Book`) stream, while an OLE2 file with `EncryptionInfo` is a password-protected xlsx;
 * Parquet has `PAR1` at both ends (at the start only, before binary, it was cut short and is
 * refused). Everything else goes to the CSV reader.
 */
export async function sniffFormat(source: ByteSource, name: string): Promise<SniffedFormat> {
  const result = (
    format: FileFormat,
    archive: ZipArchive | null = null,
    refusal: Refusal | null = null,
  ): SniffedFormat => ({ format, archive, refusal });
  const refuse = (code: Refusal['code'], what: MessageKey, action: Message) =>
    result('refused', null, { code, what: message(what), action });
  // Four bytes tell a zip; a shorter file is text (or nothing), which the CSV reader judges.
  if (source.size < 4) return result('csv');
  const head = await source.read(0, Math.min(source.size, 8));
  const startsWith = (signature: number[]) => signature.every((b, i) => head[i] === b);

  if (startsWith(PARQUET_MAGIC)) {
    if (source.size >= 12) {
      const tail = await source.read(source.size - 4, source.size);
      if (PARQUET_MAGIC.every((b, i) => tail[i] === b)) return result('parquet');
    }
    // PAR1 and then a control byte (a page header) is Parquet without its end: a copy or
    // download cut short. PAR1 followed by text is a CSV whose first cell starts so.
    const next = head.length > 4 ? head[4] : -1;
    if (next >= 0 && (next < 9 || (next > 13 && next < 32))) {
      throw new UserError('parquet', 'parquetIncomplete');
    }
  }

  if (ZIP_SIGNATURES.some(startsWith)) {
    const archive = await openZip(source);
    if (archive === null) return refuse('binary', 'fileDamagedZip', CHOOSE_TABLE);
    if (findEntry(archive, '[Content_Types].xml') && findEntry(archive, 'xl/workbook.xml')) {
      return result('xlsx', archive);
    }
    const mimetype = findEntry(archive, 'mimetype');
    if (mimetype !== null && mimetype.size < 200) {
      const type = ((await storedEntryText(archive, mimetype, 200)) ?? '').trim();
      const kind = OPEN_DOCUMENT_KINDS.find(([mime]) => mime === type);
      if (kind) return result('refused', null, kind[1]);
    }
    for (const [part, refusal] of OFFICE_PARTS) {
      if (findEntry(archive, part)) return result('refused', null, refusal);
    }
    const inside = [...archive.entries.keys()].find((entry) => /\.(csv|tsv|txt)$/i.test(entry));
    return refuse(
      'binary',
      'fileZip',
      inside === undefined ? message('actionUnzip') : message('actionUnzipFile', { file: inside }),
    );
  }

  if (startsWith(OLE2_SIGNATURE)) {
    const names = new Set((await oleStreamNames(source)).map((entry) => entry.toLowerCase()));
    if (names.has('encryptioninfo') || names.has('encryptedpackage'))
      return refuse('workbook', 'fileLockedWorkbook', message('actionRemovePassword'));
    if (names.has('workbook') || names.has('book')) return result('xls');
    if (names.has('worddocument')) return refuse('binary', 'fileDoc', CHOOSE_TABLE);
    if (names.has('powerpoint document')) return refuse('binary', 'filePpt', CHOOSE_TABLE);
    // A directory that cannot be read is a damaged file; of compound files, most such are .xls.
    return names.size === 0 || /\.xl[sst]$/i.test(name)
      ? refuse('spreadsheet', 'fileDamagedXls', SAVE_AS_XLSX)
      : refuse('binary', 'fileOfficeOther', CHOOSE_TABLE);
  }
  return result('csv');
}
