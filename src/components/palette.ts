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
