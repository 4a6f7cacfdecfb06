import { releaseAlongWithReusableArrays } from '../../../common/reusableArrays';
import { LLOYD_WASM } from './lloydWasm';

const PAGE = 65536;

/**
 * Lloyd's arrays for one run, all in the kernel's memory: the matrix (copied in), both centre
 * buffers, the labels and bounds, and the per-centre scratch.
 */
export interface LloydArrays {
  matrix: Float64Array;
  centres: Float64Array;
  next: Float64Array;
  labels: Int32Array;
  upper: Float32Array;
  lower: Float32Array;
  counts: Float64Array;
  moved: Float64Array;
  drop: Float64Array;
  half: Float64Array;
}

/**
 * Lloyd's loops over all rows (lloyd.ts has them in JavaScript; the kernel in WebAssembly). Same
 * arguments, same results to the last bit.
 */
export interface LloydLoops {
  /** Nearest centre of every row, with its distance to it and to the second nearest. */
  assignWithBounds(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    centres: Float64Array,
    labels: Int32Array,
    upper: Float32Array,
    lower: Float32Array,
  ): void;
  /** Hamerly's step after the centres moved; returns how many rows changed centre. */
  reassign(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    centres: Float64Array,
    labels: Int32Array,
    upper: Float32Array,
    lower: Float32Array,
    half: Float64Array,
    moved: Float64Array,
    drop: Float64Array,
  ): number;
  /** Each centre's sum of rows and count of rows. */
  sumByLabel(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    labels: Int32Array,
    sums: Float64Array,
    counts: Float64Array,
  ): void;
  /** Sum of the rows' squared distances to their centres, added in row order. */
  inertia(
    matrix: Float64Array,
    n: number,
    d: number,
    centres: Float64Array,
    labels: Int32Array,
  ): number;
}

/** A loop as the compiled kernel exports it: every array is a byte offset into its memory. */
type Compiled<Loop> = Loop extends (...args: infer Args) => infer Result
  ? (...args: { [At in keyof Args]: number }) => Result
  : never;

/** The kernel's exports (lloyd.as.ts). */
type CompiledLoops = { [Name in keyof LloydLoops]: Compiled<LloydLoops[Name]> };

export class LloydKernel {
  readonly loops: LloydLoops;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    compiled: CompiledLoops,
  ) {
    // The typed arrays must be views of the kernel's memory (from `arrays()`): each is passed as
    // where it starts there.
    const at = (view: ArrayBufferView) => {
      if (view.buffer !== memory.buffer) throw new Error('An array outside the kernel’s memory.');
      return view.byteOffset;
    };
    this.loops = {
      assignWithBounds: (matrix, n, d, k, centres, labels, upper, lower) =>
        compiled.assignWithBounds(
          at(matrix),
          n,
          d,
          k,
          at(centres),
          at(labels),
          at(upper),
          at(lower),
        ),
      reassign: (matrix, n, d, k, centres, labels, upper, lower, half, moved, drop) =>
        compiled.reassign(
          at(matrix),
          n,
          d,
          k,
          at(centres),
          at(labels),
          at(upper),
          at(lower),
          at(half),
          at(moved),
          at(drop),
        ),
      sumByLabel: (matrix, n, d, k, labels, sums, counts) =>
        compiled.sumByLabel(at(matrix), n, d, k, at(labels), at(sums), at(counts)),
      inertia: (matrix, n, d, centres, labels) =>
        compiled.inertia(at(matrix), n, d, at(centres), at(labels)),
    };
  }

  /** Bytes of memory the kernel holds now. */
  get bytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** The kernel, or null where WebAssembly is missing or forbidden (a policy without wasm). */
  static load(): LloydKernel | null {
    try {
      const bytes = Uint8Array.from(atob(LLOYD_WASM), (c) => c.charCodeAt(0));
      const memory = new WebAssembly.Memory({ initial: 1 });
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
      return new LloydKernel(memory, instance.exports as unknown as CompiledLoops);
    } catch {
      return null;
    }
  }

  /**
   * Lays out one run's arrays, growing the memory if it must, and copies the matrix in; null if
   * the memory cannot grow that far (then Lloyd runs in JavaScript).
   */
  arrays(matrix: Float64Array, n: number, d: number, k: number): LloydArrays | null {
    const sizes = [
      n * d * 8,
      k * d * 8,
      k * d * 8,
      n * 4,
      n * 4,
      n * 4,
      k * 8,
      k * 8,
      k * 8,
      k * 8,
    ];
    const offsets: number[] = [];
    let end = 0;
    for (const size of sizes) {
      offsets.push(end);
      end += Math.ceil(size / 8) * 8;
    }
    const missing = Math.ceil(end / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (missing > 0) {
      try {
        this.memory.grow(missing);
      } catch {
        return null;
      }
    }
    const buffer = this.memory.buffer;
    const f64 = (at: number, length: number) => new Float64Array(buffer, offsets[at], length);
    const arrays: LloydArrays = {
      matrix: f64(0, n * d),
      centres: f64(1, k * d),
      next: f64(2, k * d),
      labels: new Int32Array(buffer, offsets[3], n),
      upper: new Float32Array(buffer, offsets[4], n),
      lower: new Float32Array(buffer, offsets[5], n),
      counts: f64(6, k),
      moved: f64(7, k),
      drop: f64(8, k),
      half: f64(9, k),
    };
    arrays.matrix.set(matrix.subarray(0, n * d));
    return arrays;
  }
}

/**
 * The largest matrix the kernel takes, in cells: 8 MB of doubles, 131,072 rows of eight columns.
 * It works on a copy in its own memory, which cannot shrink until it is let go (after each
 * analysis); k-means on a larger matrix stays in JavaScript throughout, on its samples and then
 * on every row. At a million rows the kernel saved no measurable time in the page, and would hold
 * a copy of each thread's 50,000-row sample (3.2 MB at eight columns) for nothing.
 */
export const KERNEL_MAX_CELLS = 2 ** 20;

let enabled = true;
let shared: LloydKernel | null | undefined;

/**
 * The thread's kernel for a matrix of this size (loaded once), or null where Lloyd runs in
 * JavaScript: WebAssembly missing or forbidden, the matrix too large, or the kernel turned off.
 */
export function lloydKernelFor(cells: number): LloydKernel | null {
  if (!enabled || cells > KERNEL_MAX_CELLS) return null;
  if (shared === undefined) shared = LloydKernel.load();
  return shared;
}

/** Turns the kernel off or on, to compare it with the JavaScript loops (tests, benchmarks). */
export function useLloydKernel(on: boolean): void {
  enabled = on;
}

/** Lets the kernel and its memory go (with the reusable arrays); the next run loads it afresh. */
export function releaseLloydKernel(): void {
  shared = undefined;
}
releaseAlongWithReusableArrays(releaseLloydKernel);
