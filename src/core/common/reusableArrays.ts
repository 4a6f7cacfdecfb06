/**
 * Reusable scratch arrays for work that runs once per k on all rows. At a million rows each such
 * array is megabytes; allocating them afresh for every k leaves the garbage collector behind and
 * the browser's memory high. Callers must not keep a scratch array past their own call.
 */
const float64 = new Map<string, Float64Array>();
const float32 = new Map<string, Float32Array>();
const int32 = new Map<string, Int32Array>();

export function reusableFloat64(key: string, length: number): Float64Array {
  let array = float64.get(key);
  if (!array || array.length < length) {
    array = new Float64Array(length);
    float64.set(key, array);
  }
  return array.length === length ? array : array.subarray(0, length);
}

export function reusableFloat32(key: string, length: number): Float32Array {
  let array = float32.get(key);
  if (!array || array.length < length) {
    array = new Float32Array(length);
    float32.set(key, array);
  }
  return array.length === length ? array : array.subarray(0, length);
}

export function reusableInt32(key: string, length: number): Int32Array {
  let array = int32.get(key);
  if (!array || array.length < length) {
    array = new Int32Array(length);
    int32.set(key, array);
  }
  return array.length === length ? array : array.subarray(0, length);
}

const alsoReleased = new Set<() => void>();

/** Scratch kept elsewhere (the k-means kernel's memory) that goes when these arrays go. */
export function releaseAlongWithReusableArrays(release: () => void): void {
  alsoReleased.add(release);
}

/** Lets the scratch arrays go (between analyses). */
export function releaseReusableArrays(): void {
  float64.clear();
  float32.clear();
  int32.clear();
  for (const release of alsoReleased) release();
}
