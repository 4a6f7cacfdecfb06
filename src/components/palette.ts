import type { SegmentScheme } from '../core/rfm/rfmSegments';

/** Ten distinguishable segment colours (Tableau 10); noise is grey. */
const SEGMENT_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function segmentColour(id: number): string {
  if (id < 0) return '#8a8a8a';
  return SEGMENT_COLOURS[id % SEGMENT_COLOURS.length];
}

/**
 * A background for a mean compared with the population: orange above, blue below, stronger
 * the further away (capped at 2 standard deviations). Text stays dark on every shade.
 */
export function zBackground(z: number): string {
  const strength = Math.min(1, Math.abs(z) / 2);
  const alpha = (0.08 + 0.5 * strength).toFixed(2);
  return z >= 0 ? `rgba(242, 142, 43, ${alpha})` : `rgba(78, 121, 167, ${alpha})`;
}

/**
 * Named RFM segments, light tints so that dark text stays readable on them (the name is always
 * written too). The classic map's order (Champions ... Hibernating): greens for the best, blues
 * for the new, yellow to red for those slipping away, grey for the dormant.
 */
const GRID_SEGMENT_TINTS = [
  '#9fd89a',
  '#c3e6a6',
  '#d7efc4',
  '#a9cdee',
  '#cfe2f5',
  '#fbe7a1',
  '#fcd3a2',
  '#f8b98f',
  '#f29b9b',
  '#d5d8dc',
];

/**
 * The eight segments by R, F and M against the mean, in their map's order (important value,
 * development, retention, win-back, then the same four general ones): green for value, blue
 * for development, yellow for retention, orange for win-back; stronger when M is high
 * (important), paler when it is low, and grey for the general win-back customers.
 */
const MEAN_SEGMENT_TINTS = [
  '#9fd89a',
  '#a9cdee',
  '#fbe08a',
  '#f8b98f',
  '#d7efc4',
  '#d6e6f6',
  '#fdf1c7',
  '#d5d8dc',
];

export function rfmSegmentColour(segment: number, scheme: SegmentScheme = 'rf-grid'): string {
  const tints = scheme === 'rfm-mean' ? MEAN_SEGMENT_TINTS : GRID_SEGMENT_TINTS;
  return tints[segment % tints.length];
}
