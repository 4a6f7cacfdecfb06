/**
 * Each analysed row's segment (0 is the largest, -1 noise), in the narrowest signed type that
 * holds every segment: the elbow keeps one labelling per k, so at a million rows Int8 rather
 * than Int32 is 30 MB less for k = 1..10. Readers index it (`labels[i]`) whatever the type.
 */
export type SegmentLabels = Int8Array | Int16Array | Int32Array;

/** An array of n labels wide enough for segments 0..k-1 and -1. */
export function segmentLabelsFor(n: number, k: number): SegmentLabels {
  if (k <= 0x7f) return new Int8Array(n);
  if (k <= 0x7fff) return new Int16Array(n);
  return new Int32Array(n);
}
