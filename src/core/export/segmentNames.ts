import type { Message } from '../common/message';

/**
 * The names a user gave the segments of one segmentation (#18): k-means, DBSCAN (its noise
 * included), hierarchical clustering, or the clusters of RFM customers. Every export of that
 * segmentation writes them instead of the segments' labels; the HTML report reads them from the
 * store's `selectSegmentNames`. A name is user data: written as a value (Excel-safe in a CSV),
 * never used as a key or as markup.
 */
export interface SegmentNames {
  /** By segment id (0..k-1); null or blank: the segment's label. */
  segments: readonly (string | null)[];
  /** DBSCAN's noise (segment -1); null or blank: its label. */
  noise: string | null;
}

export const NO_SEGMENT_NAMES: SegmentNames = { segments: [], noise: null };

/** The user's name for a segment (trimmed), or null when the label stands. */
export function segmentNameOf(names: SegmentNames, id: number): string | null {
  const name = (id < 0 ? names.noise : names.segments[id])?.trim() ?? '';
  return name.length > 0 ? name : null;
}

/**
 * Each segment's text in an export, by id: the user's name for it, or else its label in the
 * reader's language.
 */
export function segmentTexts(
  segments: readonly { id: number; label: Message }[],
  names: SegmentNames,
  render: (message: Message) => string,
): Map<number, string> {
  return new Map(segments.map((s) => [s.id, segmentNameOf(names, s.id) ?? render(s.label)]));
}

/** Names longer than this are cut (a name is a label in a column, not a text). */
export const MAX_SEGMENT_NAME = 200;

/**
 * Names given on the command line, each `ID=NAME` (`noise=NAME` or `-1=NAME` for DBSCAN's noise),
 * or the first entry that is not one (`bad`), for the command to refuse.
 */
export function parseSegmentNames(
  entries: readonly string[],
): { names: SegmentNames } | { bad: string } {
  const segments: (string | null)[] = [];
  let noise: string | null = null;
  for (const entry of entries) {
    const match = /^\s*(noise|-1|\d{1,4})\s*=(.*)$/s.exec(entry);
    const name = match?.[2].trim() ?? '';
    if (match === null || name.length === 0 || name.length > MAX_SEGMENT_NAME)
      return { bad: entry };
    if (match[1] === 'noise' || match[1] === '-1') noise = name;
    else segments[Number(match[1])] = name;
  }
  return { names: { segments: Array.from(segments, (name) => name ?? null), noise } };
}
