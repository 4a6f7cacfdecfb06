import { LINE_ENDS_WASM } from './lineEndsWasm';

const PAGE = 65536;
/** Where the kernel writes its counts; the bytes follow them. */
const COUNTS = 0;
const BYTES = 16;

/** A chunk's bytes with every line end made LF, and what line ends it had. */
export interface JoinedLineEnds {
  /**
   * The bytes with the CR of each CRLF taken out and every other CR made LF: a view of the
   * kernel's memory, good until its next join.
   */
  bytes: Uint8Array;
  /** CRLFs joined. */
  crlfs: number;
  /** CRs with no LF after them, made LF. */
  loneCrs: number;
  /** The LFs there were, the CRLFs' included. */
  lineFeeds: number;
}

interface CompiledLineEnds {
  joinCrlf(bytes: number, length: number, counts: number): number;
}

let compiledModule: WebAssembly.Module | undefined;

/**
 * Line ends made LF in a chunk's bytes, before it is decoded (lineEnds.as.ts), as
 * normaliseLineEndings makes them in its text: in one-byte text, UTF-8 and GB18030, where the
 * bytes 0x0D and 0x0A are always CR and LF. Joining 4 MB of bytes this way and decoding them took
 * 5 to 6 ms where decoding them and replacing CRLF in the text took 10 to 11, and the counts say
 * at once whether every line ended in CRLF.
 */
export class LineEndsKernel {
  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly compiled: CompiledLineEnds,
  ) {}

  /** A kernel for one read, or null where WebAssembly is missing or forbidden. */
  static load(): LineEndsKernel | null {
    try {
      compiledModule ??= new WebAssembly.Module(
        Uint8Array.from(atob(LINE_ENDS_WASM), (c) => c.charCodeAt(0)),
      );
      const memory = new WebAssembly.Memory({ initial: 1 });
      const instance = new WebAssembly.Instance(compiledModule, { env: { memory } });
      return new LineEndsKernel(memory, instance.exports as unknown as CompiledLineEnds);
    } catch {
      return null;
    }
  }

  /** `bytes` with their line ends made LF (`bytes` itself is left as it is); null if the memory cannot grow. */
  join(bytes: Uint8Array): JoinedLineEnds | null {
    const missing = Math.ceil((BYTES + bytes.length) / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (missing > 0) {
      try {
        this.memory.grow(missing);
      } catch {
        return null;
      }
    }
    new Uint8Array(this.memory.buffer, BYTES, bytes.length).set(bytes);
    const length = this.compiled.joinCrlf(BYTES, bytes.length, COUNTS);
    const [crlfs, loneCrs, lineFeeds] = new Uint32Array(this.memory.buffer, COUNTS, 3);
    return { bytes: new Uint8Array(this.memory.buffer, BYTES, length), crlfs, loneCrs, lineFeeds };
  }
}
