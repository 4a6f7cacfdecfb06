import type { ByteSource } from './byteSource';
import type { Encoding } from './detectEncoding';
import { LineEndsKernel, type JoinedLineEnds } from './kernel/lineEndsKernel';

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export interface DecodedChunk {
  /** Text with every line ending (CRLF, CR, LF) turned into LF. */
  text: string;
  /** Bytes read so far, for progress. */
  bytesRead: number;
  final: boolean;
  /** Where the text lies in the file, when each character of it can be found there again. */
  origin: ChunkOrigin | null;
  /**
   * The text's bytes, one a character, when it is ASCII decoded whole from them (its line ends
   * LF): the reader's kernel takes them as they are instead of encoding the text again. Good
   * until the next chunk is asked for.
   */
  ascii: Uint8Array | null;
}

/**
 * A chunk's text maps back to its bytes: the text is every byte from `byteStart` on, decoded
 * whole (no character split with a neighbour), in UTF-8 or a one-byte code page, with one kind
 * of line ending throughout.
 */
export interface ChunkOrigin {
  /** File offset of the text's first byte. */
  byteStart: number;
  /** Every character is one byte (ASCII in UTF-8, or a one-byte code page); else UTF-8 lengths. */
  singleByte: boolean;
  /** Each LF of the text was CRLF in the file (two bytes); otherwise every one was LF. */
  crlf: boolean;
}

/** Encodings whose characters can be found again by counting: UTF-8, and one byte each. */
const MAPPABLE_ENCODINGS: ReadonlySet<Encoding> = new Set(['utf-8', 'windows-1252']);

/** Encodings in which the byte 0x0A is always a line end (never part of another character). */
const LINE_END_BYTE_ENCODINGS: ReadonlySet<Encoding> = new Set([
  'utf-8',
  'gb18030',
  'windows-1252',
]);

/**
 * Decodes a file chunk by chunk. The decoder runs in streaming mode, so a multi-byte character
 * split between two chunks is joined again (the bug PapaParse #751/#1132 has when the browser
 * decodes each slice alone). A CR at the end of a chunk waits for the next one, so a CRLF split
 * in two is still one line ending. With `fatal`, invalid bytes throw a TypeError. With
 * `cutAtLineEnds`, each chunk but the last ends at its last line end (its last 0x0A byte, in
 * the encodings where that byte is always one) and the bytes after it open the next chunk: a
 * record then rarely straddles two chunks, so the reader need not join strings (a joined string
 * reads about 60% slower, character by character, than a decoded one).
 */
export async function* decodeChunks(
  source: ByteSource,
  encoding: Encoding,
  options: {
    skipBytes?: number;
    fatal?: boolean;
    chunkBytes?: number;
    cutAtLineEnds?: boolean;
  } = {},
): AsyncGenerator<DecodedChunk> {
  const cutAtLineEnds = (options.cutAtLineEnds ?? false) && LINE_END_BYTE_ENCODINGS.has(encoding);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const fatal = options.fatal ?? false;
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  const lineEndBytes = LINE_END_BYTE_ENCODINGS.has(encoding);
  // Loaded for the first chunk with CRs; null where WebAssembly is refused.
  let joiner: LineEndsKernel | null | undefined;
  const joinLineEnds = (bytes: Uint8Array): JoinedLineEnds | null => {
    if (joiner === undefined) joiner = LineEndsKernel.load();
    return joiner?.join(bytes) ?? null;
  };
  let position = options.skipBytes ?? 0;
  let pendingCr = false;
  // No bytes held back by a streaming call: the next text starts at `position`.
  let decoderEmpty = true;
  if (position >= source.size) {
    yield { text: '', bytesRead: source.size, final: true, origin: null, ascii: null };
    return;
  }
  // The next chunk is read while this one is decoded and read (in the page, a File's bytes come
  // from another process: 50 MB took 130 to 250 ms there against 50 ms in node). A read that
  // fails is reported when its chunk is awaited, not before.
  const readFrom = (start: number) => {
    const reading = source.read(start, Math.min(source.size, start + chunkBytes));
    reading.catch(() => {});
    return reading;
  };
  let next = readFrom(position);
  while (position < source.size) {
    const end = Math.min(source.size, position + chunkBytes);
    let bytes = await next;
    if (cutAtLineEnds && end < source.size) {
      // End at the last line end; the next chunk starts right after it.
      const cut = bytes.lastIndexOf(0x0a);
      if (cut !== -1 && cut < bytes.length - 1) bytes = bytes.subarray(0, cut + 1);
    }
    position += bytes.length;
    const final = position >= source.size;
    if (!final) next = readFrom(position);
    // A chunk cut at a line end ends on a whole character, so it needs no streaming (which
    // takes node's slower decoder: 116 ms against 68 ms for 78 MB); bytes a streaming call
    // kept back are still decoded in front of it.
    const whole = cutAtLineEnds && bytes.length > 0 && bytes[bytes.length - 1] === 0x0a;
    const stream = !final && !whole;
    const byteStart = position - bytes.length;
    // Line ends made LF in the bytes, where a CR near the chunk's start says the file has CRs (a
    // chunk that has none only costs the join). A CR carried from the chunk before, or one that
    // ends this chunk (maybe half of a CRLF), leaves the chunk to the text's checks below.
    const joined =
      lineEndBytes &&
      !pendingCr &&
      bytes.length > 0 &&
      bytes[bytes.length - 1] !== CR &&
      hasCrNearStart(bytes)
        ? joinLineEnds(bytes)
        : null;
    // A one-byte code page holds nothing back, so it always streams: node (20.18.3 and later)
    // decodes windows-1252 without streaming as Latin-1, 0x80 as U+0080 instead of the euro sign.
    let text = decoder.decode(joined?.bytes ?? bytes, {
      stream: stream || encoding === 'windows-1252',
    });
    const startsClean = decoderEmpty && !pendingCr;
    decoderEmpty = !stream;
    if (pendingCr) text = '\r' + text;
    pendingCr = !final && text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    // What line ends the chunk had: all LF (false), all CRLF (true), or mixed (null).
    const lineEnds =
      joined === null
        ? undefined
        : joined.loneCrs > 0 || (joined.crlfs > 0 && joined.crlfs !== joined.lineFeeds)
          ? null
          : joined.crlfs > 0;
    const origin =
      startsClean && !stream && !pendingCr && MAPPABLE_ENCODINGS.has(encoding)
        ? originOf(text, bytes.length - (joined?.crlfs ?? 0), byteStart, encoding, fatal, lineEnds)
        : null;
    // After a join the text has no CR left.
    const normal = lineEnds !== undefined ? text : normaliseLineEndings(text);
    yield {
      text: normal,
      bytesRead: position,
      final,
      origin,
      ascii:
        origin !== null && origin.singleByte && encoding === 'utf-8'
          ? (joined?.bytes ?? (normal === text ? bytes : null))
          : null,
    };
  }
}

const CR = 0x0d;
/** How far into a chunk a CR is looked for (a file with CRLF has one on its first line). */
const CR_LOOKOUT = 1 << 16;

function hasCrNearStart(bytes: Uint8Array): boolean {
  return bytes.subarray(0, CR_LOOKOUT).indexOf(CR) !== -1;
}

/**
 * The chunk's origin, or null when its line endings are mixed or a byte was replaced.
 * `byteLength`: the bytes the text was decoded from; `lineEnds`: what they were, if known.
 */
function originOf(
  text: string,
  byteLength: number,
  byteStart: number,
  encoding: Encoding,
  fatal: boolean,
  lineEnds: boolean | null | undefined,
): ChunkOrigin | null {
  // Without `fatal`, a byte that is not UTF-8 became U+FFFD: three bytes in the text, one in the file.
  if (encoding === 'utf-8' && !fatal && text.indexOf('\uFFFD') !== -1) return null;
  const crlf = lineEnds === undefined ? lineEndsOf(text) : lineEnds;
  if (crlf === null) return null;
  return { byteStart, singleByte: encoding !== 'utf-8' || text.length === byteLength, crlf };
}

/** False when every line ends in LF, true when every one ends in CRLF, null when mixed (or CR). */
function lineEndsOf(text: string): boolean | null {
  let cr = text.indexOf('\r');
  if (cr === -1) return false;
  let crlfs = 0;
  for (; cr !== -1; cr = text.indexOf('\r', cr + 1)) {
    if (text.charCodeAt(cr + 1) !== 10) return null;
    crlfs++;
  }
  let lfs = 0;
  for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', lf + 1)) lfs++;
  return lfs === crlfs ? true : null;
}

export function normaliseLineEndings(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
