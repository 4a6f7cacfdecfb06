import { Inflate } from 'fflate';
import { describeSize } from '../common/byteSize';
import { UserError } from '../common/userError';
import { entryDataStart, type ZipArchive, type ZipEntry } from './zipDirectory';

const READ_BYTES = 1 << 20;
/** A few dozen progress reports at most, however large the entry. */
const PROGRESS_STEP = 1 / 32;

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
    throw new UserError('workbook', 'workbookLocked');
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new UserError('workbook', 'workbookZipMethod', { method: entry.method });
  }
  const dataStart = await entryDataStart(archive, entry);
  if (dataStart === -1) throw damaged();
  const dataEnd = dataStart + entry.compressedSize;
  let produced = 0;
  const take = (bytes: Uint8Array) => {
    produced += bytes.length;
    if (produced > maxBytes) throw tooLarge(entry.name, maxBytes);
    if (bytes.length > 0) onBytes(bytes);
  };
  let nextReport = 0;
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
    const fraction =
      (Math.min(dataEnd, at + READ_BYTES) - dataStart) / Math.max(1, dataEnd - dataStart);
    // A few dozen reports at most, however large the entry.
    if (fraction >= nextReport || final) {
      onProgress?.(fraction);
      nextReport = fraction + PROGRESS_STEP;
    }
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
  return new UserError('workbook', 'workbookDamaged');
}

export function tooLarge(name: string, maxBytes: number): UserError {
  return new UserError('too-large', 'workbookTooLarge', {
    part: /sharedStrings/i.test(name) ? 'strings' : 'sheet',
    size: describeSize(maxBytes),
  });
}
