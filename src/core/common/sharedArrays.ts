/**
 * Arrays that the elbow's helpers (the page's workers, the command line's threads) can read
 * without a copy of their own: on a SharedArrayBuffer where the platform allows one (node always;
 * a page only when it is cross-origin isolated, which its headers ask for), on a plain buffer
 * elsewhere. Every helper then shares the one scaled matrix instead of holding its own.
 */

/** Whether shared memory can be made and sent to another worker or thread here. */
export function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  // Pages and their workers say whether they are isolated; node has no such flag and shares freely.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return isolated !== false;
}

/** A zeroed Float64Array of `length`, shared where it can be. */
export function shareableFloat64Array(length: number): Float64Array {
  return canShareMemory()
    ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(length);
}

/** A zeroed Int32Array of `length`, shared where it can be. */
export function shareableInt32Array(length: number): Int32Array {
  return canShareMemory()
    ? new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT))
    : new Int32Array(length);
}

/** The first `length` items in a new array, on shared memory when the source's is shared. */
export function copyPrefix<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  array: T,
  length: number,
): T {
  if (!isShared(array)) return array.slice(0, length) as T;
  const Kind = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(length * array.BYTES_PER_ELEMENT));
  copy.set(array.subarray(0, length) as never);
  return copy;
}

/** Whether the array's memory is shared (sent as it is, never copied nor transferred). */
export function isShared(array: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer === 'function' && array.buffer instanceof SharedArrayBuffer;
}
