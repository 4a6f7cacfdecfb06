import type { ByteSource } from '../core/read/byteSource';

/**
 * A File (or any Blob) read by ranges. In a worker, ranges can also be read at once
 * (FileReaderSync), so the table keeps where its records lie instead of their text.
 */
export function blobSource(blob: Blob): ByteSource {
  const source: ByteSource = {
    size: blob.size,
    read: (start, end) => readBlob(blob.slice(start, end)),
  };
  // Workers have FileReaderSync; a page's main thread (and jsdom) do not.
  const Sync = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;
  if (typeof Sync === 'function') {
    const reader = new Sync();
    source.readSync = (start, end) =>
      new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
  }
  return source;
}

interface SyncReader {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

/** Blob.arrayBuffer where there is one; FileReader for older engines (and jsdom). */
export function readBlob(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function')
    return blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}
