import { afterEach, describe, expect, it } from 'vitest';
import {
  releaseReusableArrays,
  reusableFloat64,
  reusableInt32,
} from '../../../src/core/common/reusableArrays';

afterEach(() => releaseReusableArrays());

describe('reusableFloat64 and reusableInt32', () => {
  it('hand out the same array for the same key and length', () => {
    const a = reusableFloat64('test.a', 10);
    expect(a).toBeInstanceOf(Float64Array);
    expect(a).toHaveLength(10);
    expect(reusableFloat64('test.a', 10)).toBe(a);
    const b = reusableInt32('test.a', 10);
    expect(b).toBeInstanceOf(Int32Array);
    expect(reusableInt32('test.a', 10)).toBe(b);
  });

  it('hand out a view of the same memory for a shorter length (contents are not cleared)', () => {
    const long = reusableFloat64('test.view', 8);
    long[2] = 42;
    const short = reusableFloat64('test.view', 3);
    expect(short).toHaveLength(3);
    expect(short.buffer).toBe(long.buffer);
    expect(short[2]).toBe(42);
    const longInts = reusableInt32('test.view', 8);
    longInts[1] = -7;
    const shortInts = reusableInt32('test.view', 2);
    expect(shortInts.buffer).toBe(longInts.buffer);
    expect(shortInts[1]).toBe(-7);
  });

  it('grow to a new, zeroed array when a longer one is asked for, and keep that one', () => {
    const small = reusableFloat64('test.grow', 4);
    small.fill(3);
    const large = reusableFloat64('test.grow', 9);
    expect(large).toHaveLength(9);
    expect(large.buffer).not.toBe(small.buffer);
    expect(Array.from(large)).toEqual(new Array(9).fill(0));
    expect(reusableFloat64('test.grow', 9)).toBe(large);
    expect(reusableFloat64('test.grow', 4).buffer).toBe(large.buffer);
  });

  it('keep different keys, and the two element types, apart', () => {
    const x = reusableFloat64('test.x', 5);
    const y = reusableFloat64('test.y', 5);
    expect(y).not.toBe(x);
    x[0] = 1;
    expect(y[0]).toBe(0);
    const ints = reusableInt32('test.x', 5);
    expect(ints.buffer).not.toBe(x.buffer);
  });

  it('hand out an empty array for length 0', () => {
    expect(reusableFloat64('test.empty', 0)).toHaveLength(0);
    expect(reusableInt32('test.empty', 0)).toHaveLength(0);
  });
});

describe('releaseReusableArrays', () => {
  it('lets every array go: the next call allocates afresh', () => {
    const floats = reusableFloat64('test.release', 6);
    const ints = reusableInt32('test.release', 6);
    releaseReusableArrays();
    expect(reusableFloat64('test.release', 6)).not.toBe(floats);
    expect(reusableInt32('test.release', 6)).not.toBe(ints);
  });
});
