import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canShareMemory,
  copyPrefix,
  isShared,
  shareableFloat64Array,
  shareableInt32Array,
} from '../../../src/core/common/sharedArrays';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('shareable arrays', () => {
  it('are shared in node, which has no isolation to ask for', () => {
    expect(canShareMemory()).toBe(true);
    const array = shareableFloat64Array(5);
    expect(array).toBeInstanceOf(Float64Array);
    expect(array).toHaveLength(5);
    expect(isShared(array)).toBe(true);
    expect(Array.from(array)).toEqual([0, 0, 0, 0, 0]);
  });

  it('are plain in a page that is not cross-origin isolated', () => {
    vi.stubGlobal('crossOriginIsolated', false);
    expect(canShareMemory()).toBe(false);
    const array = shareableFloat64Array(3);
    expect(isShared(array)).toBe(false);
    expect(array).toHaveLength(3);
  });

  it('are shared in a page that is', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    expect(isShared(shareableFloat64Array(3))).toBe(true);
  });

  it('are plain where there is no shared memory at all', () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    expect(canShareMemory()).toBe(false);
    const array = shareableFloat64Array(2);
    expect(isShared(array)).toBe(false);
  });

  it('come as Int32Array too, shared or plain alike', () => {
    const codes = shareableInt32Array(4);
    expect(codes).toBeInstanceOf(Int32Array);
    expect(isShared(codes)).toBe(true);
    vi.stubGlobal('crossOriginIsolated', false);
    expect(isShared(shareableInt32Array(4))).toBe(false);
  });

  it('keep their sharing when their first items are copied', () => {
    const shared = shareableFloat64Array(6).map((_, i) => i) as Float64Array;
    const source = shareableFloat64Array(6);
    source.set(shared);
    const copy = copyPrefix(source, 4);
    expect(isShared(copy)).toBe(true);
    expect(copy).toBeInstanceOf(Float64Array);
    expect(Array.from(copy)).toEqual([0, 1, 2, 3]);
    copy[0] = 9;
    expect(source[0]).toBe(0);
    const plain = copyPrefix(Int32Array.from([5, 6, 7]), 2);
    expect(isShared(plain)).toBe(false);
    expect(Array.from(plain)).toEqual([5, 6]);
  });
});
