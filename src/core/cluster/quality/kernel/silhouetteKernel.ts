import { SILHOUETTE_WASM } from './silhouetteWasm';

const PAGE = 65536;

/** The kernel's exports (silhouette.as.ts): every array is a byte offset into its memory. */
interface CompiledLoops {
  exactDistances(
    rows: number,
    m: number,
    d: number,
    from: number,
    to: number,
    distances: number,
    at: number,
  ): void;
  quantisedDistances(
    rows: number,
    m: number,
    d: number,
    from: number,
    to: number,
    codes: number,
    at: number,
    scale: number,
  ): void;
  sumsFromDistances(
    distances: number,
    m: number,
    labels: number,
    k: number,
    sums: number,
    rowSums: number,
    noise: number,
  ): void;
  sumsFromCodes(
    codes: number,
    unit: number,
    m: number,
    labels: number,
    k: number,
    sums: number,
    rowSums: number,
    noise: number,
  ): void;
}

const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/**
 * One silhouette sample in WebAssembly: the sample's rows and its condensed distances (doubles,
 * or 16-bit codes) in a memory of its own, which goes when the sample goes, and the loops over
 * its pairs (silhouette.ts has them in JavaScript; the same doubles to the last bit). Views of
 * the memory are made when asked for, since growing the memory detaches the earlier ones.
 */
export class SilhouetteKernel {
  private readonly distancesAt: number;
  private readonly scratchAt: number;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly compiled: CompiledLoops,
    private readonly m: number,
    private readonly d: number,
    private readonly pairs: number,
    readonly quantised: boolean,
  ) {
    this.distancesAt = align(m * d * 8);
    this.scratchAt = this.distancesAt + align(pairs * (quantised ? 2 : 8));
  }

  /**
   * A kernel for a sample of m rows of d columns with its distances in doubles or in 16 bits,
   * the rows copied in; null where WebAssembly is missing or forbidden, the kernel is turned
   * off, or the memory cannot hold the sample (silhouette.ts then works in JavaScript).
   */
  static forSample(rows: Float64Array, m: number, d: number, quantised: boolean) {
    const module = silhouetteModule();
    if (module === null) return null;
    try {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      const pairs = (m * (m - 1)) / 2;
      const kernel = new SilhouetteKernel(
        memory,
        instance.exports as unknown as CompiledLoops,
        m,
        d,
        pairs,
        quantised,
      );
      kernel.reserve(kernel.scratchAt);
      new Float64Array(memory.buffer, 0, m * d).set(rows.subarray(0, m * d));
      return kernel;
    } catch {
      return null;
    }
  }

  /** The condensed distances (doubles, or 16-bit codes), for storing into or reading. */
  distances(): Float64Array | Uint16Array {
    return this.quantised
      ? new Uint16Array(this.memory.buffer, this.distancesAt, this.pairs)
      : new Float64Array(this.memory.buffer, this.distancesAt, this.pairs);
  }

  /**
   * Euclidean distances from rows [from, to) to every row after each, stored from pair `at`
   * (as 16-bit codes at `scale` when quantised).
   */
  euclidean(from: number, to: number, at: number, scale: number): void {
    if (this.quantised)
      this.compiled.quantisedDistances(0, this.m, this.d, from, to, this.distancesAt, at, scale);
    else this.compiled.exactDistances(0, this.m, this.d, from, to, this.distancesAt, at);
  }

  /**
   * Each row's summed distance to the rows of each cluster, sums[c * m + a] (rows labelled below
   * 0 left out when `noise`), from codes worth code * code * unit when quantised. A view of the
   * memory: read it before the next call. Null when the memory cannot grow to hold the sums.
   */
  sums(labels: Int32Array, k: number, noise: boolean, unit: number): Float64Array | null {
    const m = this.m;
    const labelsAt = this.scratchAt;
    const rowSumsAt = labelsAt + align(m * 4);
    const sumsAt = rowSumsAt + align(k * 8);
    try {
      this.reserve(sumsAt + k * m * 8);
    } catch {
      return null;
    }
    const buffer = this.memory.buffer;
    new Int32Array(buffer, labelsAt, m).set(labels);
    new Float64Array(buffer, sumsAt, k * m).fill(0);
    if (this.quantised) {
      this.compiled.sumsFromCodes(
        this.distancesAt,
        unit,
        m,
        labelsAt,
        k,
        sumsAt,
        rowSumsAt,
        noise ? 1 : 0,
      );
    } else {
      this.compiled.sumsFromDistances(
        this.distancesAt,
        m,
        labelsAt,
        k,
        sumsAt,
        rowSumsAt,
        noise ? 1 : 0,
      );
    }
    return new Float64Array(this.memory.buffer, sumsAt, k * m);
  }

  /** Bytes of memory the kernel holds now. */
  get bytes(): number {
    return this.memory.buffer.byteLength;
  }

  private reserve(bytes: number): void {
    const missing = Math.ceil(bytes / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (missing > 0) this.memory.grow(missing);
  }
}

let enabled = true;
let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, once per thread; null where WebAssembly is missing, refused or off. */
function silhouetteModule(): WebAssembly.Module | null {
  if (!enabled) return null;
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(
        Uint8Array.from(atob(SILHOUETTE_WASM), (c) => c.charCodeAt(0)),
      );
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Turns the kernel off or on, to compare it with the JavaScript loops (tests, benchmarks). */
export function useSilhouetteKernel(on: boolean): void {
  enabled = on;
}
