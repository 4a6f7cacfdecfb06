import { Inflate } from 'fflate';
import { UserError } from '../common/userError';
import type { ByteSource } from './byteSource';

/** One file inside a zip archive, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else we cannot read. */
  method: number;
  compressedSize: number;
  /** As declared; a hostile archive may lie, so inflating counts the bytes it really makes. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface ZipArchive {
  source: ByteSource;
  entries: Map<string, ZipEntry>;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const TAIL_BYTES = 22 + 65_535;
const READ_BYTES = 1 << 20;

/**
 * Lists a zip archive's files from its central directory (at the end of the file), without
 * expanding anything. Returns null when the bytes are not a zip archive we can read.
 */
export async function openZip(source: ByteSource): Promise<ZipArchive | null> {
  const tailStart = Math.max(0, source.size - TAIL_BYTES);
  const tail = await source.read(tailStart, source.size);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // ZIP64 archives (over 4 GB or 65,535 files) mark these fields as 0xFFFF...: far beyond a sheet
  // the page can hold, so they are refused by the caller as too large.
  if (directoryOffset === 0xffffffff || count === 0xffff) return { source, entries: new Map() };
  if (directoryOffset + directorySize > source.size) return null;
  const directory = await source.read(directoryOffset, directoryOffset + directorySize);
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder('utf-8');
  let at = 0;
  for (let i = 0; i < count && at + 46 <= directory.length; i++) {
    if (dir.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const flags = dir.getUint16(at + 8, true);
    const nameLength = dir.getUint16(at + 28, true);
    const extraLength = dir.getUint16(at + 30, true);
    const commentLength = dir.getUint16(at + 32, true);
    const name = utf8.decode(directory.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: dir.getUint16(at + 10, true),
      compressedSize: dir.getUint32(at + 20, true),
      size: dir.getUint32(at + 24, true),
      localHeaderOffset: dir.getUint32(at + 42, true),
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { source, entries };
}

/** Finds an entry by name, ignoring case and a leading slash (some writers vary both). */
export function findEntry(archive: ZipArchive, name: string): ZipEntry | null {
  const exact = archive.entries.get(name);
  if (exact) return exact;
  const wanted = name.replace(/^\//, '').toLowerCase();
  for (const [entryName, entry] of archive.entries) {
    if (entryName.replace(/^\//, '').toLowerCase() === wanted) return entry;
  }
  return null;
}

/**
 * Expands one entry piece by piece, handing each piece of bytes to `onBytes`, and stops with a
 * sentence once more than `maxBytes` come out (whatever the archive declared: a zip bomb lies).
 * `onProgress` gets the share of the compressed bytes read.
 */
export async function inflateEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  maxBytes: number,
  onBytes: (bytes: Uint8Array) => void,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const { source } = archive;
  if (entry.encrypted) {
    throw new UserError(
      'workbook',
      'This workbook is password-protected: open it in Excel or LibreOffice, save it without a password, and try again.',
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new UserError(
      'workbook',
      `This workbook is compressed in a way SegmentLens cannot read (zip method ${entry.method}): open it in Excel or LibreOffice, save it again as .xlsx, and try again.`,
    );
  }
  const header = await source.read(entry.localHeaderOffset, entry.localHeaderOffset + 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER) throw damaged();
  const dataStart =
    entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > source.size) throw damaged();
  let produced = 0;
  const take = (bytes: Uint8Array) => {
    produced += bytes.length;
    if (produced > maxBytes) throw tooLarge(entry.name, maxBytes);
    if (bytes.length > 0) onBytes(bytes);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  for (let at = dataStart; at < dataEnd; at += READ_BYTES) {
    const piece = await source.read(at, Math.min(dataEnd, at + READ_BYTES));
    const final = at + READ_BYTES >= dataEnd;
    if (inflater === null) take(piece);
    else {
      try {
        inflater.push(piece, final);
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw damaged();
      }
    }
    onProgress?.(
      (Math.min(dataEnd, at + READ_BYTES) - dataStart) / Math.max(1, dataEnd - dataStart),
    );
  }
  if (inflater !== null && entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
}

/** The whole entry as text (for the small parts of a workbook: its sheet list, styles, links). */
export async function entryText(
  archive: ZipArchive,
  entry: ZipEntry,
  maxBytes: number,
): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  await inflateEntry(archive, entry, maxBytes, (bytes) =>
    parts.push(decoder.decode(bytes, { stream: true })),
  );
  parts.push(decoder.decode());
  return parts.join('').replace(/^\uFEFF/, '');
}

function damaged(): UserError {
  return new UserError(
    'workbook',
    'This workbook is damaged (its zip data cannot be read): open it in Excel or LibreOffice, save it again, and try again.',
  );
}

export function tooLarge(name: string, maxBytes: number): UserError {
  const what = /sharedStrings/i.test(name) ? 'its text cells' : 'this sheet';
  return new UserError(
    'too-large',
    `This workbook is too large for the page: ${what} would take more than ${Math.round(maxBytes / (1 << 20))} MB once expanded; save the sheet as CSV and use the command line (npx segmentlens analyze FILE).`,
  );
}
