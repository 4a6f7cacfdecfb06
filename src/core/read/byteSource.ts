/**
 * Where the bytes of a file come from: a Buffer in node, a File in the browser. Reading is
 * by ranges so that a large file is never held twice.
 */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (start, end) => Promise.resolve(bytes.subarray(start, Math.min(end, bytes.length))),
  };
}

export function textSource(text: string): ByteSource {
  return bytesSource(new TextEncoder().encode(text));
}
