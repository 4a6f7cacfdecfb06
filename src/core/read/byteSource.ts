/**
 * Where the bytes of a file come from: a Buffer in node, a File in the browser. Reading is
 * by ranges so that a large file is never held twice.
 */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * The same range, read at once, where the platform can (a file on disk in node, a File in a
   * worker). With it, a table keeps where each record lies in the file instead of its text, and
   * reads the text again when an export or the duplicate check asks for it.
   */
  readSync?(start: number, end: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  const range = (start: number, end: number) => bytes.subarray(start, Math.min(end, bytes.length));
  return {
    size: bytes.length,
    read: (start, end) => Promise.resolve(range(start, end)),
    readSync: range,
  };
}

export function textSource(text: string): ByteSource {
  return bytesSource(new TextEncoder().encode(text));
}
