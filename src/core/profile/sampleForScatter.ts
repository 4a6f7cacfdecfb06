import { createRandom } from '../common/random';

/**
 * At most `max` rows for a scatter plot, drawn from every segment in proportion to its size
 * (each segment keeps at least one point, so small segments stay visible; with more segments
 * than `max`, that is one point each). Seeded, so the
 * picture does not change between renders. Returns analysed-row indices, ascending.
 */
export function sampleForScatter(labels: Int32Array, max: number, seed = 0): Int32Array {
  const n = labels.length;
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let group = groups.get(labels[i]);
    if (!group) {
      group = [];
      groups.set(labels[i], group);
    }
    group.push(i);
  }
  const random = createRandom(seed ^ 0x5ca77e5);
  const chosen: number[] = [];
  const quotas = [...groups.entries()].map(([label, members]) => ({
    label,
    members,
    quota: Math.max(1, Math.floor((members.length / n) * max)),
  }));
  // Rounding down leaves a few places; give them to the largest groups. The one point every
  // small group keeps may instead overshoot `max`: take those back from the largest groups.
  let spare = max - quotas.reduce((sum, q) => sum + q.quota, 0);
  const bySize = [...quotas].sort((a, b) => b.members.length - a.members.length);
  while (spare !== 0) {
    let changed = false;
    for (const q of bySize) {
      if (spare > 0 && q.quota < q.members.length) {
        q.quota++;
        spare--;
        changed = true;
      } else if (spare < 0 && q.quota > 1) {
        q.quota--;
        spare++;
        changed = true;
      }
      if (spare === 0) break;
    }
    // More segments than places: the smallest keep their one point, the cap gives.
    if (!changed) break;
  }
  for (const { members, quota } of quotas) {
    // Partial Fisher-Yates: the first `quota` places become a uniform sample.
    const pool = members.slice();
    const take = Math.min(quota, pool.length);
    for (let t = 0; t < take; t++) {
      const pick = t + random.int(pool.length - t);
      [pool[t], pool[pick]] = [pool[pick], pool[t]];
      chosen.push(pool[t]);
    }
  }
  return Int32Array.from(chosen).sort();
}
