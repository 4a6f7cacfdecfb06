import { releaseAlongWithReusableArrays } from '../../../common/reusableArrays';
import { KMEANS_WASM } from './kmeansWasm';
import { withReassignAndSum, type LloydArrays, type LloydLoops } from '../lloydLoops';

const PAGE = 65536;

type ViewKind = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor;

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
  [Name in Exclude<keyof (LloydLoops & SeedingLoops), 'reassignAndSum'>]: Compiled<
    (LloydLoops & SeedingLoops)[Name]
  >;
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
    const at = (view: ArrayBufferView) => this.offsetOf(view);
    this.lloyd = withReassignAndSum({
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
    });
    this.seeding = {
      distancesTo: (matrix, n, d, centre, out) =>
        compiled.distancesTo(at(matrix), n, d, at(centre), at(out)),
      trialDistances: (matrix, n, d, candidate, closest, out) =>
        compiled.trialDistances(at(matrix), n, d, at(candidate), at(closest), at(out)),
      cumulate: (values, n, sums) => compiled.cumulate(at(values), n, at(sums)),
    };
  }

  /**
   * Where a view of the kernel's memory (from `arrays()` and the like) starts in it: what the
   * compiled loops take for an array.
   */
  private offsetOf(view: ArrayBufferView): number {
    if (view.buffer !== this.memory.buffer)
      throw new Error('An array outside the kernel’s memory.');
    return view.byteOffset;
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
    return this.lloydLayout(matrix, n * d, n, d, k);
  }

  /**
   * Lloyd's arrays after room for `cells` of rows at the start of the memory (where the first
   * `cells` of `matrix` are copied, as place() does); null as for arrays().
   */
  private lloydLayout(
    matrix: Float64Array,
    cells: number,
    n: number,
    d: number,
    k: number,
  ): LloydArrays | null {
    const views = this.place(matrix, cells, [
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
   * One Lloyd run on a matrix too large to copy whole (past KERNEL_MAX_CELLS): the labels, the
   * bounds and the per-centre arrays in the kernel's memory, and room for one block of rows. The
   * matrix stays where it is (it is `arrays.matrix`); `loops` copy its rows in a block at a time,
   * in row order, and run the kernel on each block. The sums and the inertia carry from block to
   * block, so every double is the one the JavaScript loops give. A block's rows are copied once
   * per iteration: reassignAndSum moves a block's rows and adds them to their centres' sums while
   * they are in the cache. Null if the memory cannot grow that far. (`blockCells`: tests make
   * blocks of a few rows.)
   */
  blockArrays(
    matrix: Float64Array,
    n: number,
    d: number,
    k: number,
    blockCells = BLOCK_CELLS,
  ): { arrays: LloydArrays; loops: LloydLoops } | null {
    const blockRows = Math.max(1, Math.floor(blockCells / d));
    const laid = this.lloydLayout(new Float64Array(0), blockRows * d, n, d, k);
    if (laid === null) return null;
    // The room for rows holds one block.
    const block = laid.matrix;
    const compiled = this.compiled;
    const at = (view: ArrayBufferView) => this.offsetOf(view);
    // Each block of `rows` in turn, copied in: `run` gets its first row and its length.
    const eachBlock = (
      rows: Float64Array,
      count: number,
      run: (start: number, length: number) => void,
    ) => {
      for (let start = 0; start < count; start += blockRows) {
        const length = Math.min(blockRows, count - start);
        block.set(rows.subarray(start * d, (start + length) * d));
        run(start, length);
      }
    };
    const rowsAt = at(block);
    const reassignBlock = (
      start: number,
      length: number,
      [centresAt, labelsAt, upperAt, lowerAt, halfAt, movedAt, dropAt]: number[],
    ) =>
      compiled.reassign(
        rowsAt,
        length,
        d,
        k,
        centresAt,
        labelsAt + start * 4,
        upperAt + start * 4,
        lowerAt + start * 4,
        halfAt,
        movedAt,
        dropAt,
      );
    const loops: LloydLoops = {
      assignWithBounds: (rows, count, _d, _k, centresIn, labelsIn, upperIn, lowerIn) => {
        const centresAt = at(centresIn);
        const [labelsAt, upperAt, lowerAt] = [at(labelsIn), at(upperIn), at(lowerIn)];
        eachBlock(rows, count, (start, length) =>
          compiled.assignWithBounds(
            rowsAt,
            length,
            d,
            k,
            centresAt,
            labelsAt + start * 4,
            upperAt + start * 4,
            lowerAt + start * 4,
          ),
        );
      },
      reassign: (rows, count, _d, _k, ...perRun) => {
        const offsets = perRun.map(at);
        let changed = 0;
        eachBlock(
          rows,
          count,
          (start, length) => (changed += reassignBlock(start, length, offsets)),
        );
        return changed;
      },
      sumByLabel: (rows, count, _d, _k, labelsIn, sums, countsIn) => {
        sums.fill(0);
        countsIn.fill(0);
        const [labelsAt, sumsAt, countsAt] = [at(labelsIn), at(sums), at(countsIn)];
        eachBlock(rows, count, (start, length) =>
          compiled.addByLabel(rowsAt, length, d, labelsAt + start * 4, sumsAt, countsAt),
        );
      },
      reassignAndSum: (
        rows,
        count,
        _d,
        _k,
        centresIn,
        labelsIn,
        upperIn,
        lowerIn,
        halfIn,
        movedIn,
        dropIn,
        sums,
        countsIn,
      ) => {
        const offsets = [centresIn, labelsIn, upperIn, lowerIn, halfIn, movedIn, dropIn].map(at);
        const labelsAt = offsets[1];
        sums.fill(0);
        countsIn.fill(0);
        const [sumsAt, countsAt] = [at(sums), at(countsIn)];
        let changed = 0;
        eachBlock(rows, count, (start, length) => {
          changed += reassignBlock(start, length, offsets);
          compiled.addByLabel(rowsAt, length, d, labelsAt + start * 4, sumsAt, countsAt);
        });
        return changed;
      },
      inertia: (rows, count, _d, centresIn, labelsIn) => {
        const [centresAt, labelsAt] = [at(centresIn), at(labelsIn)];
        let total = 0;
        eachBlock(rows, count, (start, length) => {
          total = compiled.addInertia(rowsAt, length, d, centresAt, labelsAt + start * 4, total);
        });
        return total;
      },
    };
    return { arrays: { ...laid, matrix }, loops };
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
 * file) goes through it a block at a time (blockArrays), so that no thread holds a copy of a large
 * file's matrix.
 */
export const KERNEL_MAX_CELLS = 2 ** 20;

let enabled = true;
let shared: KMeansKernel | null | undefined;

/**
 * The thread's kernel, to copy a matrix of this size into whole, or null where the loops run in
 * JavaScript: WebAssembly missing or forbidden, the matrix too large to copy, or the kernel turned
 * off. (k-means++ asks for it; Lloyd takes a larger matrix through the kernel in blocks.)
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
