import type { ByteSource } from './byteSource';
import type { Encoding } from './detectEncoding';

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export interface DecodedChunk {
  /** Text with every line ending (CRLF, CR, LF) turned into LF. */
  text: string;
  /** Bytes read so far, for progress. */
  bytesRead: number;
  final: boolean;
}

/**
 * Decodes a file chunk by chunk. The decoder runs in streaming mode, so a multi-byte character
 * split between two chunks is joined again (the bug PapaParse #751/#1132 has when the browser
 * decodes each slice alone). A CR at the end of a chunk waits for the next one, so a CRLF split
 * in two is still one line ending. With `fatal`, invalid bytes throw a TypeError.
 */
export async function* decodeChunks(
  source: ByteSource,
  encoding: Encoding,
  options: { skipBytes?: number; fatal?: boolean; chunkBytes?: number } = {},
): AsyncGenerator<DecodedChunk> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const decoder = new TextDecoder(encoding, { fatal: options.fatal ?? false, ignoreBOM: true });
  let position = options.skipBytes ?? 0;
  let pendingCr = false;
  if (position >= source.size) {
    yield { text: '', bytesRead: source.size, final: true };
    return;
  }
  while (position < source.size) {
    const end = Math.min(source.size, position + chunkBytes);
    const bytes = await source.read(position, end);
    position = end;
    const final = position >= source.size;
    let text = decoder.decode(bytes, { stream: !final });
    if (pendingCr) text = '\r' + text;
    pendingCr = !final && text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    yield { text: normaliseLineEndings(text), bytesRead: position, final };
  }
}

export function normaliseLineEndings(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
