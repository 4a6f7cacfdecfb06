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
 * Where an entry's data starts (after its local header), or -1 when the local header is not
 * where the directory says (a damaged archive).
 */
export async function entryDataStart(archive: ZipArchive, entry: ZipEntry): Promise<number> {
  const { source } = archive;
  const header = await source.read(entry.localHeaderOffset, entry.localHeaderOffset + 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER) return -1;
  const start = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  return start + entry.compressedSize > source.size ? -1 : start;
}

/**
 * A small stored (not compressed) entry as text, such as an OpenDocument file's `mimetype`,
 * read without any decompression library; null when it is compressed, too long or damaged.
 */
export async function storedEntryText(
  archive: ZipArchive,
  entry: ZipEntry,
  maxBytes: number,
): Promise<string | null> {
  if (entry.method !== 0 || entry.compressedSize > maxBytes) return null;
  const start = await entryDataStart(archive, entry);
  if (start === -1) return null;
  const bytes = await archive.source.read(start, start + entry.compressedSize);
  return new TextDecoder('utf-8').decode(bytes);
}
