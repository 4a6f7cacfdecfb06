/**
 * Similarities of two binary vectors from three counts: how many ones each has (`a`, `b`) and
 * how many they share (`common`). Computed from exact integers with one square root and one
 * division, so that mathematically equal similarities are equal floats (ties stay ties) and any
 * implementation that follows the same formula gets the same bits.
 */

export type UserSimilarity = 'cosine' | 'pearson';

export const USER_SIMILARITIES: readonly UserSimilarity[] = ['cosine', 'pearson'];

/** |A ∩ B| / sqrt(|A| |B|); 0 when either vector is empty. */
export function binaryCosine(common: number, a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : common / Math.sqrt(a * b);
}

/**
 * The Pearson correlation of two 0/1 vectors of `length` entries (numpy's corrcoef over them):
 * (length common - a b) / sqrt((length a - a²)(length b - b²)). A constant vector (all zeros or
 * all ones) has no correlation: 0, never NaN.
 */
export function binaryPearson(common: number, a: number, b: number, length: number): number {
  const varianceA = length * a - a * a;
  const varianceB = length * b - b * b;
  if (varianceA <= 0 || varianceB <= 0) return 0;
  return (length * common - a * b) / Math.sqrt(varianceA * varianceB);
}
