import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsortFloat32, argsortFloat64 } from '../../../src/core/classify/argsort';

describe('argsortFloat64', () => {
  it('orders negative, zero and positive numbers, ties in index order', () => {
    const values = Float64Array.from([3, -1.5, 0, 3, -1e300, 2.5e-310, -0.25]);
    expect(Array.from(argsortFloat64(values))).toEqual([4, 1, 6, 2, 5, 0, 3]);
  });

  it('reads a strided column', () => {
    // Column 1 of a 3 x 2 row-major matrix: 5, 1, 3.
    const matrix = Float64Array.from([0, 5, 0, 1, 0, 3]);
    expect(Array.from(argsortFloat64(matrix, 3, 1, 2))).toEqual([1, 2, 0]);
  });

  it('is a stable sort', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), (list) => {
        const order = Array.from(argsortFloat64(Float64Array.from(list)));
        const expected = list
          .map((v, i) => [v, i] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .map(([, i]) => i);
        // -0 and 0 compare equal but sort -0 first: compare the values, and indices elsewhere.
        expect(order.map((i) => list[i] + 0)).toEqual(expected.map((i) => list[i] + 0));
        if (!list.some((v) => v === 0)) expect(order).toEqual(expected);
      }),
    );
  });
});

describe('argsortFloat32', () => {
  it('is a stable sort of single-precision values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), (list) => {
        const values = Float32Array.from(list, (v) => v / 8);
        const order = Array.from(argsortFloat32(values));
        const expected = Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
        expect(order.map((i) => values[i] + 0)).toEqual(expected.map((i) => values[i] + 0));
        if (!list.includes(0)) expect(order).toEqual(expected);
      }),
    );
  });
});
