import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BLOCK_CELLS,
  KERNEL_MAX_CELLS,
  KMeansKernel,
  kmeansKernelFor,
  releaseKMeansKernel,
  type SeedingArrays,
} from '../../../../../src/core/cluster/kmeans/kernel/kmeansKernel';
import {
  JS_LLOYD_LOOPS,
  type LloydArrays,
  type LloydLoops,
} from '../../../../../src/core/cluster/kmeans/lloydLoops';
import { JS_SEEDING_LOOPS } from '../../../../../src/core/cluster/kmeans/seeding';
import { releaseReusableArrays } from '../../../../../src/core/common/reusableArrays';

/**
 * Values that test the kernel's arithmetic where it could differ from JavaScript's: zeros of both
 * signs, single precision's edges (where the bounds stop rounding relatively), huge and tiny
 * doubles, and NaN or Infinity (a centre that lost its rows, a bound not yet known).
 */
const edgy = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.double({ noDefaultInfinity: true, noNaN: true }),
  fc.constantFrom(0, -0, 2 ** -126, 2 ** -127, 1e-40, 3.4028234663852886e38, 3.5e38, 1e-300),
  fc.constantFrom(NaN, Infinity),
);

/**
 * A cell: mostly ordinary doubles (where the order of additions shows in the last bit), some
 * small whole numbers (ties between centres), now and then an edge.
 */
const cell = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 2) },
  { weight: 1, arbitrary: edgy },
);

/** One Lloyd state: the rows, centres, labels, bounds and per-centre moves. */
const state = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    d: fc.integer({ min: 1, max: 9 }),
    k: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ n, d, k }) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      k: fc.constant(k),
      // Rows drawn from a few values, so that ties between centres happen.
      matrix: fc.array(cell, {
        minLength: n * d,
        maxLength: n * d,
      }),
      centres: fc.array(cell, {
        minLength: k * d,
        maxLength: k * d,
      }),
      labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      upper: fc.array(fc.oneof(edgy, fc.double({ min: 0, max: 5, noNaN: true })), {
        minLength: n,
        maxLength: n,
      }),
      lower: fc.array(fc.oneof(edgy, fc.double({ min: 0, max: 5, noNaN: true })), {
        minLength: n,
        maxLength: n,
      }),
      perCentre: fc.array(fc.oneof(edgy, fc.double({ min: 0, max: 3, noNaN: true })), {
        minLength: 3 * k,
        maxLength: 3 * k,
      }),
    }),
  );

type State = typeof state extends fc.Arbitrary<infer T> ? T : never;

/** The state in the kernel's memory, and the same state in plain arrays for JavaScript. */
function placed(kernel: KMeansKernel, s: State): { inKernel: LloydArrays; inJs: LloydArrays } {
  const { n, d, k } = s;
  const inKernel = kernel.arrays(Float64Array.from(s.matrix), n, d, k) as LloydArrays;
  inKernel.centres.set(s.centres);
  inKernel.labels.set(s.labels);
  inKernel.upper.set(s.upper);
  inKernel.lower.set(s.lower);
  inKernel.half.set(s.perCentre.slice(0, k));
  inKernel.moved.set(s.perCentre.slice(k, 2 * k));
  inKernel.drop.set(s.perCentre.slice(2 * k));
  inKernel.next.fill(7);
  inKernel.counts.fill(7);
  const copy = <T extends Float64Array | Float32Array | Int32Array>(array: T) => array.slice() as T;
  const inJs = {
    matrix: copy(inKernel.matrix),
    centres: copy(inKernel.centres),
    next: copy(inKernel.next),
    labels: copy(inKernel.labels),
    upper: copy(inKernel.upper),
    lower: copy(inKernel.lower),
    counts: copy(inKernel.counts),
    moved: copy(inKernel.moved),
    drop: copy(inKernel.drop),
    half: copy(inKernel.half),
  };
  return { inKernel, inJs };
}

/** Every array, element by element (NaN equals NaN, 0 is not -0). */
function expectSame(a: LloydArrays, b: LloydArrays) {
  for (const key of Object.keys(a) as (keyof LloydArrays)[])
    expect({ [key]: Array.from(a[key]) }).toEqual({ [key]: Array.from(b[key]) });
}

describe('the Lloyd kernel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    releaseKMeansKernel();
  });

  const kernel = () => kmeansKernelFor(1) as KMeansKernel;

  it('loads here, as it does in the page and the command line', () => {
    expect(kernel()).toBeInstanceOf(KMeansKernel);
  });

  it("assigns every row as JavaScript's loop does, bounds and all, on any values", () => {
    fc.assert(
      fc.property(state, (s) => {
        const { inKernel, inJs } = placed(kernel(), s);
        const { n, d, k } = s;
        kernel().lloyd.assignWithBounds(
          inKernel.matrix,
          n,
          d,
          k,
          inKernel.centres,
          inKernel.labels,
          inKernel.upper,
          inKernel.lower,
        );
        JS_LLOYD_LOOPS.assignWithBounds(
          inJs.matrix,
          n,
          d,
          k,
          inJs.centres,
          inJs.labels,
          inJs.upper,
          inJs.lower,
        );
        expectSame(inKernel, inJs);
      }),
      { numRuns: 300 },
    );
  });

  it("moves the bounds and reassigns as JavaScript's loop does, counting the same changes", () => {
    fc.assert(
      fc.property(state, (s) => {
        const { inKernel: a, inJs: b } = placed(kernel(), s);
        const { n, d, k } = s;
        const changed = kernel().lloyd.reassign(
          a.matrix,
          n,
          d,
          k,
          a.centres,
          a.labels,
          a.upper,
          a.lower,
          a.half,
          a.moved,
          a.drop,
        );
        const expected = JS_LLOYD_LOOPS.reassign(
          b.matrix,
          n,
          d,
          k,
          b.centres,
          b.labels,
          b.upper,
          b.lower,
          b.half,
          b.moved,
          b.drop,
        );
        expect(changed).toBe(expected);
        expectSame(a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('sums rows by label and measures the inertia to the same doubles', () => {
    fc.assert(
      fc.property(state, (s) => {
        const { inKernel: a, inJs: b } = placed(kernel(), s);
        const { n, d, k } = s;
        kernel().lloyd.sumByLabel(a.matrix, n, d, k, a.labels, a.next, a.counts);
        JS_LLOYD_LOOPS.sumByLabel(b.matrix, n, d, k, b.labels, b.next, b.counts);
        expectSame(a, b);
        // Row by row too, since a total can hide a last bit that differs in one of its terms.
        const inertia = (loops: LloydLoops, x: LloydArrays, from: number, to: number) =>
          loops.inertia(
            x.matrix.subarray(from * d, to * d),
            to - from,
            d,
            x.centres,
            x.labels.subarray(from, to),
          );
        for (let i = 0; i < n; i++)
          expect(inertia(kernel().lloyd, a, i, i + 1)).toBe(inertia(JS_LLOYD_LOOPS, b, i, i + 1));
        expect(inertia(kernel().lloyd, a, 0, n)).toBe(inertia(JS_LLOYD_LOOPS, b, 0, n));
      }),
      { numRuns: 300 },
    );
  });

  it("measures k-means++'s distances and sums as JavaScript's loops do", () => {
    fc.assert(
      fc.property(state, fc.nat(), fc.nat(), (s, first, second) => {
        const { n, d } = s;
        const trials = 2;
        const placed = kernel().seedingArrays(
          Float64Array.from(s.matrix),
          n,
          d,
          trials,
        ) as SeedingArrays;
        const rows = Float64Array.from(s.matrix);
        const row = (x: Float64Array, i: number) => x.subarray((i % n) * d, (i % n) * d + d);
        const inJs = {
          closest: new Float64Array(n),
          cumulative: new Float64Array(n),
          trial: new Float64Array(n),
        };
        const sums = [
          kernel().seeding.distancesTo(
            placed.matrix,
            n,
            d,
            row(placed.matrix, first),
            placed.closest,
          ),
          JS_SEEDING_LOOPS.distancesTo(rows, n, d, row(rows, first), inJs.closest),
        ];
        expect(sums[0]).toBe(sums[1]);
        const trialSums = [
          kernel().seeding.trialDistances(
            placed.matrix,
            n,
            d,
            row(placed.matrix, second),
            placed.closest,
            placed.trials[1],
          ),
          JS_SEEDING_LOOPS.trialDistances(rows, n, d, row(rows, second), inJs.closest, inJs.trial),
        ];
        expect(trialSums[0]).toBe(trialSums[1]);
        kernel().seeding.cumulate(placed.trials[1], n, placed.cumulative);
        JS_SEEDING_LOOPS.cumulate(inJs.trial, n, inJs.cumulative);
        for (const [key, a, b] of [
          ['closest', placed.closest, inJs.closest],
          ['trial', placed.trials[1], inJs.trial],
          ['cumulative', placed.cumulative, inJs.cumulative],
        ] as const)
          expect({ [key]: Array.from(a) }).toEqual({ [key]: Array.from(b) });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one memory and grows it for a larger matrix, with every array in its place', () => {
    const small = kernel().arrays(new Float64Array([1, 2, 3, 4]), 2, 2, 1) as LloydArrays;
    const n = 20_000;
    const matrix = Float64Array.from({ length: n * 8 }, (_, i) => i);
    const large = kernel().arrays(matrix, n, 8, 5) as LloydArrays;
    expect(large.matrix.buffer).not.toBe(small.matrix.buffer);
    expect(Array.from(large.matrix)).toEqual(Array.from(matrix));
    // No two arrays overlap, and each is aligned for its type.
    const spans = Object.values(large)
      .map((array) => [
        array.byteOffset,
        array.byteOffset + array.byteLength,
        array.BYTES_PER_ELEMENT,
      ])
      .sort((x, y) => x[0] - y[0]);
    for (let i = 0; i < spans.length; i++) {
      expect(spans[i][0] % spans[i][2]).toBe(0);
      if (i > 0) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    }
  });

  it('refuses an array outside its memory, or left behind when the memory grew', () => {
    const placed = kernel().arrays(new Float64Array([1, 2, 3, 4]), 2, 2, 1) as LloydArrays;
    const outside = new Float64Array(4);
    expect(() => kernel().lloyd.inertia(outside, 2, 2, placed.centres, placed.labels)).toThrow(
      /outside the kernel/,
    );
    kernel().arrays(new Float64Array(200_000), 100_000, 2, 1);
    expect(() =>
      kernel().lloyd.inertia(placed.matrix, 2, 2, placed.centres, placed.labels),
    ).toThrow(/outside the kernel/);
  });

  it('copies matrices up to 8 MB of doubles whole; larger ones go through it in blocks', () => {
    expect(kmeansKernelFor(KERNEL_MAX_CELLS)).not.toBeNull();
    expect(kmeansKernelFor(KERNEL_MAX_CELLS + 1)).toBeNull();
  });

  it('runs the loops a block at a time on a matrix left in JavaScript, to the same doubles', () => {
    // Blocks of 1 to 60 cells: many blocks, the last one short, and rows wider than a block.
    fc.assert(
      fc.property(state, fc.integer({ min: 1, max: 60 }), (s, blockCells) => {
        const { n, d, k } = s;
        const { inJs: b } = placed(kernel(), s);
        const { arrays: a, loops } = kernel().blockArrays(b.matrix.slice(), n, d, k, blockCells)!;
        expect(a.matrix.buffer).not.toBe(a.labels.buffer);
        for (const key of Object.keys(b) as (keyof LloydArrays)[])
          if (key !== 'matrix') a[key].set(b[key] as never);
        const args = (x: LloydArrays) =>
          [
            x.matrix,
            n,
            d,
            k,
            x.centres,
            x.labels,
            x.upper,
            x.lower,
            x.half,
            x.moved,
            x.drop,
          ] as const;
        expect(loops.reassignAndSum(...args(a), a.next, a.counts)).toBe(
          JS_LLOYD_LOOPS.reassignAndSum(...args(b), b.next, b.counts),
        );
        expectSame(a, b);
        expect(loops.reassign(...args(a))).toBe(JS_LLOYD_LOOPS.reassign(...args(b)));
        expectSame(a, b);
        loops.sumByLabel(a.matrix, n, d, k, a.labels, a.next, a.counts);
        JS_LLOYD_LOOPS.sumByLabel(b.matrix, n, d, k, b.labels, b.next, b.counts);
        expectSame(a, b);
        expect(loops.inertia(a.matrix, n, d, a.centres, a.labels)).toBe(
          JS_LLOYD_LOOPS.inertia(b.matrix, n, d, b.centres, b.labels),
        );
        loops.assignWithBounds(a.matrix, n, d, k, a.centres, a.labels, a.upper, a.lower);
        JS_LLOYD_LOOPS.assignWithBounds(b.matrix, n, d, k, b.centres, b.labels, b.upper, b.lower);
        expectSame(a, b);
      }),
      { numRuns: 400 },
    );
  });

  it('holds one block of a large matrix, and its labels and bounds, never the matrix', () => {
    const n = 200_000;
    const matrix = new Float64Array(n * 8);
    releaseKMeansKernel();
    const blocks = kernel().blockArrays(matrix, n, 8, 10);
    expect(blocks?.arrays.matrix).toBe(matrix);
    expect(kernel().bytes).toBeGreaterThanOrEqual(BLOCK_CELLS * 8 + n * 12);
    expect(kernel().bytes).toBeLessThan(BLOCK_CELLS * 8 + n * 12 + 65536 * 2);
  });

  it('is let go with the reusable arrays, and loaded afresh after', () => {
    const first = kernel();
    expect(kernel()).toBe(first);
    releaseReusableArrays();
    expect(kernel()).not.toBe(first);
  });

  it('is null where WebAssembly is missing or refused (a security policy without wasm)', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(KMeansKernel.load()).toBeNull();
    vi.stubGlobal('WebAssembly', {
      ...WebAssembly,
      Module: function refused() {
        throw new EvalError('WebAssembly.Module(): Refused to compile or instantiate WebAssembly');
      },
    });
    expect(KMeansKernel.load()).toBeNull();
  });
});
