import { message, type Message, type MessageKey } from '../common/message';

/**
 * Named RFM segments. A scheme divides the customers into cells, and a segment map gives each
 * cell a named segment; the page lets the user rename segments and move cells between them, and
 * every table and export follows the map it is given. Two schemes:
 * - 'rf-grid': the 5 x 5 grid of recency score (R) by frequency score (F), with the classic ten
 *   segments (Champions, Loyal Customers, ... Hibernating);
 * - 'rfm-mean': R, F and M each above or below the customers' mean, 2 x 2 x 2 cells, with the
 *   eight segments Chinese analytics teams use (重要价值客户 ... 一般挽留客户).
 */
export type SegmentScheme = 'rf-grid' | 'rfm-mean';
export const SEGMENT_SCHEMES: readonly SegmentScheme[] = ['rf-grid', 'rfm-mean'];

export const SCORE_LEVELS = 5;
export const GRID_CELLS = SCORE_LEVELS * SCORE_LEVELS;
/** Cells of the 'rfm-mean' scheme: R, F, M each high or low (see meanCell). */
export const MEAN_CELLS = 8;

export const SCHEME_CELLS: Record<SegmentScheme, number> = {
  'rf-grid': GRID_CELLS,
  'rfm-mean': MEAN_CELLS,
};

/** A default segment's name (in the user's language), or one the user typed. */
export type SegmentName = string | Message;

export interface SegmentMap {
  scheme: SegmentScheme;
  /** Segment names; a segment is its index in this list. */
  names: SegmentName[];
  /** For each cell of the scheme, the segment it belongs to. */
  cells: number[];
}

/** A map whose names are texts (rendered in the user's language): what tables and exports use. */
export interface NamedSegmentMap {
  scheme: SegmentScheme;
  names: string[];
  cells: number[];
}

/** The grid cell of scores r and f (each 1..5). */
export function cellIndex(r: number, f: number): number {
  return (r - 1) * SCORE_LEVELS + (f - 1);
}

/**
 * The 'rfm-mean' cell of a customer: bit 2 set when R is low (recency above the mean: longer
 * ago), bit 1 when F is low (frequency at or below the mean), bit 0 when M is low. Cell 0 is R, F
 * and M all high. "High" is strictly better than the mean: fewer days, more orders, more money.
 */
export function meanCell(rHigh: boolean, fHigh: boolean, mHigh: boolean): number {
  return (rHigh ? 0 : 4) + (fHigh ? 0 : 2) + (mHigh ? 0 : 1);
}

/** The eight 'rfm-mean' cells with whether R, F and M are high, in the order the page lists them. */
export const MEAN_CELL_SCORES: readonly { cell: number; r: boolean; f: boolean; m: boolean }[] = [
  true,
  false,
].flatMap((r) =>
  [true, false].flatMap((f) => [true, false].map((m) => ({ cell: meanCell(r, f, m), r, f, m }))),
);

interface GridRule {
  name: MessageKey;
  r: [number, number];
  f: [number, number];
}

const GRID_RULES: GridRule[] = [
  { name: 'rfmChampions', r: [5, 5], f: [4, 5] },
  { name: 'rfmLoyalCustomers', r: [3, 4], f: [4, 5] },
  { name: 'rfmPotentialLoyalists', r: [4, 5], f: [2, 3] },
  { name: 'rfmNewCustomers', r: [5, 5], f: [1, 1] },
  { name: 'rfmPromising', r: [4, 4], f: [1, 1] },
  { name: 'rfmNeedAttention', r: [3, 3], f: [3, 3] },
  { name: 'rfmAboutToSleep', r: [3, 3], f: [1, 2] },
  { name: 'rfmAtRisk', r: [1, 2], f: [3, 4] },
  { name: 'rfmCantLoseThem', r: [1, 2], f: [5, 5] },
  { name: 'rfmHibernating', r: [1, 2], f: [1, 2] },
];

/** The eight segments, each with whether its R, F and M are high. */
const MEAN_RULES: { name: MessageKey; r: boolean; f: boolean; m: boolean }[] = [
  { name: 'rfmImportantValue', r: true, f: true, m: true },
  { name: 'rfmImportantDevelopment', r: true, f: false, m: true },
  { name: 'rfmImportantRetention', r: false, f: true, m: true },
  { name: 'rfmImportantWinBack', r: false, f: false, m: true },
  { name: 'rfmGeneralValue', r: true, f: true, m: false },
  { name: 'rfmGeneralDevelopment', r: true, f: false, m: false },
  { name: 'rfmGeneralRetention', r: false, f: true, m: false },
  { name: 'rfmGeneralWinBack', r: false, f: false, m: false },
];

/** A scheme's default map (every cell covered exactly once; a test checks it). */
export function defaultSegmentMap(scheme: SegmentScheme = 'rf-grid'): SegmentMap {
  if (scheme === 'rfm-mean') {
    const cells = new Array<number>(MEAN_CELLS).fill(-1);
    MEAN_RULES.forEach((rule, segment) => (cells[meanCell(rule.r, rule.f, rule.m)] = segment));
    return { scheme, names: MEAN_RULES.map((rule) => message(rule.name)), cells };
  }
  const cells = new Array<number>(GRID_CELLS).fill(-1);
  GRID_RULES.forEach((rule, segment) => {
    for (let r = rule.r[0]; r <= rule.r[1]; r++)
      for (let f = rule.f[0]; f <= rule.f[1]; f++) cells[cellIndex(r, f)] = segment;
  });
  return { scheme, names: GRID_RULES.map((rule) => message(rule.name)), cells };
}

/** The map with its names as texts, rendered by `render` (the user's language). */
export function nameSegments(
  map: SegmentMap,
  render: (message: Message) => string,
): NamedSegmentMap {
  return {
    scheme: map.scheme,
    names: map.names.map((name) => (typeof name === 'string' ? name : render(name))),
    cells: map.cells,
  };
}

/**
 * A map the user edited, checked: names must be non-empty and distinct, and every cell must point
 * at a segment. Returns the first problem, or null when the map is usable.
 */
export function segmentMapProblem(map: NamedSegmentMap): Message | null {
  const cells = SCHEME_CELLS[map.scheme];
  if (map.cells.length !== cells) return message('segmentMapCells', { count: cells });
  const seen = new Set<string>();
  for (const name of map.names) {
    const key = name.trim().toLowerCase();
    if (key.length === 0) return message('segmentMapBlank');
    if (seen.has(key)) return message('segmentMapTwice', { name: name.trim() });
    seen.add(key);
  }
  for (const segment of map.cells)
    if (!Number.isInteger(segment) || segment < 0 || segment >= map.names.length)
      return message('segmentMapUnassigned');
  return null;
}

/** The map with one segment renamed. */
export function renameSegment(map: SegmentMap, segment: number, name: string): SegmentMap {
  return { ...map, names: map.names.map((old, s) => (s === segment ? name : old)) };
}

/** The map with one cell moved to another segment. */
export function reassignCell(map: SegmentMap, cell: number, segment: number): SegmentMap {
  const cells = map.cells.slice();
  cells[cell] = segment;
  return { ...map, cells };
}
