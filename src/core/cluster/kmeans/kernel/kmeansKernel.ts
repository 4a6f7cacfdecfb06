import { releaseAlongWithReusableArrays } from '../../../common/reusableArrays';
import { KMEANS_WASM } from './kmeansWasm';

const PAGE = 65536;

type ViewKind = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor;

/**
 * Lloyd's arrays for one run: the matrix, both centre buffers, the labels and bounds, and the
 * per-centre scratch; all in the kernel's memory (arrays(), the matrix copied in), or in
 * JavaScript (lloyd.ts).
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

/**
 * k-means++'s arrays for one seeding: the matrix, and per row the nearest centre's distance, their
 * running sums and each trial's distances; in the kernel's memory (seedingArrays(), the matrix
 * copied in), or in JavaScript (seeding.ts).
 */
export interface SeedingArrays {
  matrix: Float64Array;
  closest: Float64Array;
  cumulative: Float64Array;
  /** One per trial. */
  trials: Float64Array[];
}

/** k-means++'s loops over all rows (seeding.ts has them in JavaScript). Same results to the bit. */
export interface SeedingLoops {
  /** Each row's squared distance to `centre` (one row) into `out`; returns their sum. */
  distancesTo(
    matrix: Float64Array,
    n: number,
    d: number,
    centre: Float64Array,
    out: Float64Array,
  ): number;
  /** Each row's squared distance to the nearer of `candidate` and `closest`; returns the sum. */
  trialDistances(
    matrix: Float64Array,
    n: number,
    d: number,
    candidate: Float64Array,
    closest: Float64Array,
    out: Float64Array,
  ): number;
  /** Running sums of `values` into `sums`. */
  cumulate(values: Float64Array, n: number, sums: Float64Array): void;
}

/** A loop as the compiled kernel exports it: every array is a byte offset into its memory. */
type Compiled<Loop> = Loop extends (...args: infer Args) => infer Result
  ? (...args: { [At in keyof Args]: number }) => Result
  : never;

/** The kernel's exports (kmeans.as.ts). */
type CompiledLoops = {
  [Name in keyof (LloydLoops & SeedingLoops)]: Compiled<(LloydLoops & SeedingLoops)[Name]>;
} & {
  /** sumByLabel onto the sums and counts already there. */
  addByLabel(
    matrix: number,
    n: number,
    d: number,
    labels: number,
    sums: number,
    counts: number,
  ): void;
  /** inertia added to `total`. */
  addInertia(
    matrix: number,
    n: number,
    d: number,
    centres: number,
    labels: number,
    total: number,
  ): number;
};

/**
 * Cells of a large matrix that go through the kernel at a time: 256 KB of doubles, which stay in
 * the cache from their copy to the loop that reads them.
 */
export const BLOCK_CELLS = 2 ** 15;

export class KMeansKernel {
  readonly lloyd: LloydLoops;
  readonly seeding: SeedingLoops;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly compiled: CompiledLoops,
  ) {
    // The typed arrays must be views of the kernel's memory (from `arrays()`): each is passed as
    // where it starts there.
    const at = (view: ArrayBufferView) => {
      if (view.buffer !== memory.buffer) throw new Error('An array outside the kernel’s memory.');
      return view.byteOffset;
    };
    this.lloyd = {
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
    this.seeding = {
      distancesTo: (matrix, n, d, centre, out) =>
        compiled.distancesTo(at(matrix), n, d, at(centre), at(out)),
      trialDistances: (matrix, n, d, candidate, closest, out) =>
        compiled.trialDistances(at(matrix), n, d, at(candidate), at(closest), at(out)),
      cumulate: (values, n, sums) => compiled.cumulate(at(values), n, at(sums)),
    };
  }

  /** Bytes of memory the kernel holds now. */
  get bytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** The kernel, or null where WebAssembly is missing or forbidden (a policy without wasm). */
  static load(): KMeansKernel | null {
    try {
      const bytes = Uint8Array.from(atob(KMEANS_WASM), (c) => c.charCodeAt(0));
      const memory = new WebAssembly.Memory({ initial: 1 });
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
      return new KMeansKernel(memory, instance.exports as unknown as CompiledLoops);
    } catch {
      return null;
    }
  }

  /**
   * Lays out one Lloyd run's arrays and copies the matrix in; null if the memory cannot grow that
   * far (then Lloyd runs in JavaScript).
   */
  arrays(matrix: Float64Array, n: number, d: number, k: number): LloydArrays | null {
    const views = this.place(matrix, n * d, [
      [Float64Array, k * d],
      [Float64Array, k * d],
      [Int32Array, n],
      [Float32Array, n],
      [Float32Array, n],
      [Float64Array, k],
      [Float64Array, k],
      [Float64Array, k],
      [Float64Array, k],
    ]);
    if (views === null) return null;
    const [rows, centres, next, labels, upper, lower, counts, moved, drop, half] = views;
    return {
      matrix: rows as Float64Array,
      centres: centres as Float64Array,
      next: next as Float64Array,
      labels: labels as Int32Array,
      upper: upper as Float32Array,
      lower: lower as Float32Array,
      counts: counts as Float64Array,
      moved: moved as Float64Array,
      drop: drop as Float64Array,
      half: half as Float64Array,
    };
  }

  /** Lays out one seeding's arrays and copies the matrix in; null as for arrays(). */
  seedingArrays(matrix: Float64Array, n: number, d: number, trials: number): SeedingArrays | null {
    const perRow = Array.from({ length: trials + 2 }, () => [Float64Array, n] as const);
    const views = this.place(matrix, n * d, perRow) as Float64Array[] | null;
    if (views === null) return null;
    const [rows, closest, cumulative, ...perTrial] = views;
    return { matrix: rows, closest, cumulative, trials: perTrial };
  }

  /**
   * Lloyd's loops for a matrix too large to copy whole (past KERNEL_MAX_CELLS), on arrays that
   * stay in JavaScript: each loop copies the rows into the kernel's memory a block at a time, in
   * row order, with the block's labels and bounds, runs the kernel on the block, and copies back
   * what it changed. The sums and the inertia carry from block to block, so every double is the
   * one the JavaScript loops give. Null if the memory cannot grow for one block. (`blockCells`:
   * tests make blocks of a few rows.)
   */
  blockLoops(d: number, k: number, blockCells = BLOCK_CELLS): LloydLoops | null {
    const blockRows = Math.max(1, Math.floor(blockCells / d));
    const views = this.place(new Float64Array(0), blockRows * d, [
      [Float64Array, k * d],
      [Float64Array, k * d],
      [Float64Array, k],
      [Float64Array, k],
      [Float64Array, k],
      [Float64Array, k],
      [Int32Array, blockRows],
      [Float32Array, blockRows],
      [Float32Array, blockRows],
    ]);
    if (views === null) return null;
    const [rows, centres, sums, counts, moved, drop, half] = views as Float64Array[];
    const labels = views[7] as Int32Array;
    const upper = views[8] as Float32Array;
    const lower = views[9] as Float32Array;
    const compiled = this.compiled;
    // Each block in turn: its rows (and, with `bounds`, its labels and bounds) copied in.
    const eachBlock = (
      matrix: Float64Array,
      n: number,
      from: { labels: Int32Array; upper?: Float32Array; lower?: Float32Array } | null,
      run: (start: number, count: number) => void,
    ) => {
      for (let start = 0; start < n; start += blockRows) {
        const count = Math.min(blockRows, n - start);
        rows.set(matrix.subarray(start * d, (start + count) * d));
        if (from) {
          labels.set(from.labels.subarray(start, start + count));
          if (from.upper) upper.set(from.upper.subarray(start, start + count));
          if (from.lower) lower.set(from.lower.subarray(start, start + count));
        }
        run(start, count);
      }
    };
    const copyOut = (into: Int32Array, upperInto: Float32Array, lowerInto: Float32Array) => {
      return (start: number, count: number) => {
        into.set(labels.subarray(0, count), start);
        upperInto.set(upper.subarray(0, count), start);
        lowerInto.set(lower.subarray(0, count), start);
      };
    };
    return {
      assignWithBounds: (matrix, n, _d, _k, jsCentres, jsLabels, jsUpper, jsLower) => {
        centres.set(jsCentres.subarray(0, k * d));
        const out = copyOut(jsLabels, jsUpper, jsLower);
        eachBlock(matrix, n, null, (start, count) => {
          compiled.assignWithBounds(
            rows.byteOffset,
            count,
            d,
            k,
            centres.byteOffset,
            labels.byteOffset,
            upper.byteOffset,
            lower.byteOffset,
          );
          out(start, count);
        });
      },
      reassign: (
        matrix,
        n,
        _d,
        _k,
        jsCentres,
        jsLabels,
        jsUpper,
        jsLower,
        jsHalf,
        jsMoved,
        jsDrop,
      ) => {
        centres.set(jsCentres.subarray(0, k * d));
        half.set(jsHalf.subarray(0, k));
        moved.set(jsMoved.subarray(0, k));
        drop.set(jsDrop.subarray(0, k));
        const out = copyOut(jsLabels, jsUpper, jsLower);
        let changed = 0;
        const from = { labels: jsLabels, upper: jsUpper, lower: jsLower };
        eachBlock(matrix, n, from, (start, count) => {
          changed += compiled.reassign(
            rows.byteOffset,
            count,
            d,
            k,
            centres.byteOffset,
            labels.byteOffset,
            upper.byteOffset,
            lower.byteOffset,
            half.byteOffset,
            moved.byteOffset,
            drop.byteOffset,
          );
          out(start, count);
        });
        return changed;
      },
      sumByLabel: (matrix, n, _d, _k, jsLabels, jsSums, jsCounts) => {
        sums.fill(0);
        counts.fill(0);
        eachBlock(matrix, n, { labels: jsLabels }, (_start, count) =>
          compiled.addByLabel(
            rows.byteOffset,
            count,
            d,
            labels.byteOffset,
            sums.byteOffset,
            counts.byteOffset,
          ),
        );
        jsSums.set(sums);
        jsCounts.set(counts);
      },
      inertia: (matrix, n, _d, jsCentres, jsLabels) => {
        centres.set(jsCentres.subarray(0, k * d));
        let total = 0;
        eachBlock(matrix, n, { labels: jsLabels }, (_start, count) => {
          total = compiled.addInertia(
            rows.byteOffset,
            count,
            d,
            centres.byteOffset,
            labels.byteOffset,
            total,
          );
        });
        return total;
      },
    };
  }

  /**
   * The first `cells` of `matrix` copied to the start of the memory (room for `cells` whatever
   * the matrix holds), then an array of each kind and length after it, each aligned to 8 bytes;
   * the memory grows if it must.
   */
  private place(
    matrix: Float64Array,
    cells: number,
    arrays: readonly (readonly [ViewKind, number])[],
  ): (Float64Array | Float32Array | Int32Array)[] | null {
    const offsets: number[] = [];
    let end = cells * 8;
    for (const [kind, length] of arrays) {
      offsets.push(end);
      end += Math.ceil((length * kind.BYTES_PER_ELEMENT) / 8) * 8;
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
    const rows = new Float64Array(buffer, 0, cells);
    rows.set(matrix.subarray(0, Math.min(cells, matrix.length)));
    return [rows, ...arrays.map(([kind, length], i) => new kind(buffer, offsets[i], length))];
  }
}

/**
 * The largest matrix the kernel copies whole, in cells: 8 MB of doubles, k-means' 50,000-row
 * samples of up to twenty columns. It works on a copy in its own memory, which cannot shrink until
 * it is let go (after each analysis); a larger matrix (Lloyd's last run on every row of a large
 * file) goes through it a block at a time (blockLoops), so that no thread holds a copy of a large
 * file's matrix.
 */
export const KERNEL_MAX_CELLS = 2 ** 20;

let enabled = true;
let shared: KMeansKernel | null | undefined;

/**
 * The thread's kernel for a matrix of this size (loaded once), or null where k-means' loops run
 * in JavaScript: WebAssembly missing or forbidden, the matrix too large, or the kernel turned off.
 */
export function kmeansKernelFor(cells: number): KMeansKernel | null {
  return cells > KERNEL_MAX_CELLS ? null : kmeansKernel();
}

/** The thread's kernel (loaded once), or null: WebAssembly missing or forbidden, or turned off. */
export function kmeansKernel(): KMeansKernel | null {
  if (!enabled) return null;
  if (shared === undefined) shared = KMeansKernel.load();
  return shared;
}

/** Turns the kernel off or on, to compare it with the JavaScript loops (tests, benchmarks). */
export function useKMeansKernel(on: boolean): void {
  enabled = on;
}

/** Lets the kernel and its memory go (with the reusable arrays); the next run loads it afresh. */
export function releaseKMeansKernel(): void {
  shared = undefined;
}
releaseAlongWithReusableArrays(releaseKMeansKernel);
