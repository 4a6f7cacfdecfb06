import { UserError } from '../common/userError';
import { normaliseLineEndings } from './decodeChunks';
import type { Encoding } from './detectEncoding';

/** Bytes read at a time when records are read in order (exports walk the file front to back). */
const BLOCK_BYTES = 1 << 20;

/**
 * The records of a file whose text the table let go, read again from the file by their byte
 * ranges: one block at a time, so that reading every record in order costs one pass. A file that
 * changed or went away since it was read is refused in one sentence.
 */
export class FileText {
  private block: Uint8Array = new Uint8Array(0);
  private blockStart = 0;
  private readonly decoder: TextDecoder;
  /** See decodeChunks: node decodes windows-1252 right only when streaming (it holds nothing). */
  private readonly stream: boolean;

  constructor(
    private readonly readSync: (start: number, end: number) => Uint8Array,
    private readonly size: number,
    encoding: Encoding,
  ) {
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    this.stream = encoding === 'windows-1252';
  }

  /** The text of bytes [start, end), line endings made LF as the reader made them. */
  text(start: number, end: number): string {
    if (start < this.blockStart || end > this.blockStart + this.block.length) {
      const blockEnd = Math.min(this.size, Math.max(end, start + BLOCK_BYTES));
      let block: Uint8Array;
      try {
        block = this.readSync(start, blockEnd);
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError('file-changed', 'readFileChanged');
      }
      if (block.length < end - start) throw new UserError('file-changed', 'readFileChanged');
      this.block = block;
      this.blockStart = start;
    }
    const at = start - this.blockStart;
    const bytes = this.block.subarray(at, at + end - start);
    return normaliseLineEndings(this.decoder.decode(bytes, { stream: this.stream }));
  }
}
