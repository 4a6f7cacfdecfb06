import { message, type Message } from '../../common/message';
/** One point of the elbow chart: k and how good the best k-means with that k is. */
export interface ElbowPoint {
  k: number;
  inertia: number;
  /** On the silhouette sample; null for k = 1 (undefined there). Higher is better. */
  silhouette: number | null;
  /** Lower is better; null for k = 1. */
  daviesBouldin: number | null;
  /** Higher is better; null for k = 1. */
  calinskiHarabasz: number | null;
}

export interface Recommendation {
  k: number;
  /** The k where the elbow bends, and where the silhouette peaks (null when undefined). */
  elbowK: number | null;
  silhouetteK: number | null;
  /** One or two sentences a marketer can read. */
  reason: Message;
}

/**
 * The knee of the elbow curve: the k farthest from the straight line between the first and last
 * points, once both axes are scaled to [0, 1] (the Kneedle idea for a decreasing convex curve).
 */
export function elbowKnee(points: readonly ElbowPoint[]): number | null {
  if (points.length < 3) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const spanK = last.k - first.k;
  const spanInertia = first.inertia - last.inertia;
  if (spanK <= 0 || !(spanInertia > 0)) return null;
  let best: number | null = null;
  let bestDistance = 0;
  for (const point of points) {
    const x = (point.k - first.k) / spanK;
    const y = (first.inertia - point.inertia) / spanInertia;
    // Distance above the diagonal y = x: how much more was gained than a straight line would.
    const distance = y - x;
    if (distance > bestDistance + 1e-12) {
      bestDistance = distance;
      best = point.k;
    }
  }
  return best;
}

/**
 * Recommends a number of segments from the elbow and the silhouette. When they agree (or are
 * neighbours), that k; otherwise the elbow's k unless the silhouette there is clearly worse
 * (below 90% of its best), in which case the silhouette's k.
 */
export function recommendK(points: readonly ElbowPoint[]): Recommendation {
  const elbowK = elbowKnee(points);
  let silhouetteK: number | null = null;
  let bestSilhouette = -Infinity;
  for (const point of points) {
    if (point.silhouette !== null && point.silhouette > bestSilhouette) {
      bestSilhouette = point.silhouette;
      silhouetteK = point.k;
    }
  }
  const silhouetteAt = (k: number) => points.find((p) => p.k === k)?.silhouette ?? null;
  const fmt = (value: number | null) => (value === null ? '–' : value.toFixed(2));
  if (elbowK === null && silhouetteK === null) {
    const k = points.length > 0 ? points[points.length - 1].k : 1;
    return {
      k,
      elbowK,
      silhouetteK,
      reason: message('reasonTooFewRows'),
    };
  }
  if (elbowK === null) {
    return {
      k: silhouetteK as number,
      elbowK,
      silhouetteK,
      reason: message('reasonNoBend', { silhouetteK: silhouetteK!, best: fmt(bestSilhouette) }),
    };
  }
  if (silhouetteK === null) {
    return { k: elbowK, elbowK, silhouetteK, reason: message('reasonBend', { elbowK }) };
  }
  if (elbowK === silhouetteK) {
    return {
      k: elbowK,
      elbowK,
      silhouetteK,
      reason: message('reasonAgree', { elbowK, best: fmt(bestSilhouette) }),
    };
  }
  const atElbow = silhouetteAt(elbowK);
  if (Math.abs(elbowK - silhouetteK) === 1) {
    const k = atElbow !== null && atElbow >= bestSilhouette * 0.97 ? elbowK : silhouetteK;
    return {
      k,
      elbowK,
      silhouetteK,
      reason: message('reasonNearlyAgree', { elbowK, silhouetteK, k, best: fmt(bestSilhouette) }),
    };
  }
  if (atElbow !== null && atElbow >= bestSilhouette * 0.9) {
    return {
      k: elbowK,
      elbowK,
      silhouetteK,
      reason: message('reasonElbowGoodEnough', {
        elbowK,
        silhouetteK,
        best: fmt(bestSilhouette),
        atElbow: fmt(atElbow),
      }),
    };
  }
  return {
    k: silhouetteK,
    elbowK,
    silhouetteK,
    reason: message('reasonSilhouetteWins', {
      elbowK,
      silhouetteK,
      best: fmt(bestSilhouette),
      atElbow: fmt(atElbow),
    }),
  };
}
