/**
 * Named RFM segments: each cell of the 5 x 5 grid of recency score (R) by frequency score (F)
 * belongs to one named segment. The map below is the classic one; the page lets the user rename
 * segments and move cells between them, and every table and export follows the map it is given.
 */

export const SCORE_LEVELS = 5;
export const GRID_CELLS = SCORE_LEVELS * SCORE_LEVELS;

export interface SegmentMap {
  /** Segment names; a segment is its index in this list. */
  names: string[];
  /** For each cell, cellIndex(r, f), the segment it belongs to. */
  cells: number[];
}

/** The grid cell of scores r and f (each 1..5). */
export function cellIndex(r: number, f: number): number {
  return (r - 1) * SCORE_LEVELS + (f - 1);
}

interface Rule {
  name: string;
  r: [number, number];
  f: [number, number];
}

const DEFAULT_RULES: Rule[] = [
  { name: 'Champions', r: [5, 5], f: [4, 5] },
  { name: 'Loyal Customers', r: [3, 4], f: [4, 5] },
  { name: 'Potential Loyalists', r: [4, 5], f: [2, 3] },
  { name: 'New Customers', r: [5, 5], f: [1, 1] },
  { name: 'Promising', r: [4, 4], f: [1, 1] },
  { name: 'Need Attention', r: [3, 3], f: [3, 3] },
  { name: 'About to Sleep', r: [3, 3], f: [1, 2] },
  { name: 'At Risk', r: [1, 2], f: [3, 4] },
  { name: "Can't Lose Them", r: [1, 2], f: [5, 5] },
  { name: 'Hibernating', r: [1, 2], f: [1, 2] },
];

/** The classic map (every cell covered exactly once; a test checks it). */
export function defaultSegmentMap(): SegmentMap {
  const cells = new Array<number>(GRID_CELLS).fill(-1);
  DEFAULT_RULES.forEach((rule, segment) => {
    for (let r = rule.r[0]; r <= rule.r[1]; r++)
      for (let f = rule.f[0]; f <= rule.f[1]; f++) cells[cellIndex(r, f)] = segment;
  });
  return { names: DEFAULT_RULES.map((rule) => rule.name), cells };
}

/** The segment of each customer, from their scores. */
export function assignSegments(
  r: Uint8Array,
  f: Uint8Array,
  map: SegmentMap,
  out = new Uint8Array(r.length),
): Uint8Array {
  for (let i = 0; i < r.length; i++) out[i] = map.cells[cellIndex(r[i], f[i])];
  return out;
}

/**
 * A map the user edited, checked: names must be non-empty and distinct, and every cell must point
 * at a segment. Returns the first problem as a sentence, or null when the map is usable.
 */
export function segmentMapProblem(map: SegmentMap): string | null {
  if (map.cells.length !== GRID_CELLS) return `The grid needs ${GRID_CELLS} cells.`;
  const seen = new Set<string>();
  for (const name of map.names) {
    const key = name.trim().toLowerCase();
    if (key.length === 0) return 'Every segment needs a name: type one in.';
    if (seen.has(key)) return `Two segments are called "${name.trim()}": give each its own name.`;
    seen.add(key);
  }
  for (const segment of map.cells)
    if (!Number.isInteger(segment) || segment < 0 || segment >= map.names.length)
      return 'Every cell of the grid must belong to a segment.';
  return null;
}

/** The map with one segment renamed. */
export function renameSegment(map: SegmentMap, segment: number, name: string): SegmentMap {
  return { ...map, names: map.names.map((old, s) => (s === segment ? name : old)) };
}

/** The map with one cell moved to another segment. */
export function reassignCell(map: SegmentMap, r: number, f: number, segment: number): SegmentMap {
  const cells = map.cells.slice();
  cells[cellIndex(r, f)] = segment;
  return { ...map, cells };
}
