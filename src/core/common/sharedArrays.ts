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

/** Whether the array's memory is shared (sent as it is, never copied nor transferred). */
export function isShared(array: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer === 'function' && array.buffer instanceof SharedArrayBuffer;
}
