import { createRandom } from '../common/random';
import type { SegmentLabels } from '../cluster/segmentLabels';

/**
 * At most `max` rows for a scatter plot, drawn from every segment in proportion to its size
 * (each segment keeps at least one point, so small segments stay visible; with more segments
 * than `max`, that is one point each). Seeded, so the
 * picture does not change between renders. Returns analysed-row indices, ascending. `scratch`
 * (at least labels.length long) saves allocating n indices per call when sampling every k.
 */
export function sampleForScatter(
  labels: SegmentLabels,
  max: number,
  seed = 0,
  scratch?: Int32Array,
): Int32Array {
  const n = labels.length;
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  // Rows grouped by segment with a counting sort into one array (no list per segment: at a
  // million rows, ten k's lists were 100 MB of garbage at the moment the results are shown).
  // Labels are -1..k-1; groups keep the order in which their first row appears, rows ascending.
  let top = -1;
  for (let i = 0; i < n; i++) if (labels[i] > top) top = labels[i];
  const slots = top + 2;
  const sizes = new Int32Array(slots);
  const firstRow = new Int32Array(slots).fill(n);
  for (let i = 0; i < n; i++) {
    const slot = labels[i] + 1;
    if (sizes[slot]++ === 0) firstRow[slot] = i;
  }
  const start = new Int32Array(slots);
  for (let slot = 1; slot < slots; slot++) start[slot] = start[slot - 1] + sizes[slot - 1];
  const grouped =
    scratch !== undefined && scratch.length >= n ? scratch.subarray(0, n) : new Int32Array(n);
  const cursor = start.slice();
  for (let i = 0; i < n; i++) grouped[cursor[labels[i] + 1]++] = i;
  const present = Array.from({ length: slots }, (_, slot) => slot)
    .filter((slot) => sizes[slot] > 0)
    .sort((a, b) => firstRow[a] - firstRow[b]);
  const quotas = present.map((slot) => ({
    slot,
    size: sizes[slot],
    quota: Math.max(1, Math.floor((sizes[slot] / n) * max)),
  }));
  // Rounding down leaves a few places; give them to the largest groups. The one point every
  // small group keeps may instead overshoot `max`: take those back from the largest groups.
  let spare = max - quotas.reduce((sum, q) => sum + q.quota, 0);
  const bySize = [...quotas].sort((a, b) => b.size - a.size);
  while (spare !== 0) {
    let changed = false;
    for (const q of bySize) {
      if (spare > 0 && q.quota < q.size) {
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
  const random = createRandom(seed ^ 0x5ca77e5);
  const chosen: number[] = [];
  for (const { slot, size, quota } of quotas) {
    // Partial Fisher-Yates within the group: its first `quota` places become a uniform sample.
    const from = start[slot];
    const take = Math.min(quota, size);
    for (let t = 0; t < take; t++) {
      const pick = from + t + random.int(size - t);
      const kept = grouped[pick];
      grouped[pick] = grouped[from + t];
      grouped[from + t] = kept;
      chosen.push(kept);
    }
  }
  return Int32Array.from(chosen).sort();
}
