import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canShareMemory,
  isShared,
  shareableFloat64Array,
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
});
