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
 * Named RFM segments in the classic map's order (Champions ... Hibernating): greens for the best,
 * blues for the new, yellow to red for those slipping away, grey for the dormant. Light tints,
 * so dark text stays readable on them; the name is always written too.
 */
const RFM_SEGMENT_TINTS = [
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

export function rfmSegmentColour(segment: number): string {
  return RFM_SEGMENT_TINTS[segment % RFM_SEGMENT_TINTS.length];
}
