import { tickDigits, type LinearAxis, type TickFormat } from './scale';

/**
 * Which labels a chart's category axis can show without them running into each other
 * ("PC1PC2PC3..." with 17 components on a phone): every step-th from the first, and the last,
 * the step the smallest that leaves room for the widest label. A pure rule, so it is tested
 * without a browser; the chart measures its own width (useElementWidth).
 */

/** The size of a tick label, in px (the charts' text is about 0.9rem). */
export const TICK_FONT_PX = 14;

/** The room left between two labels, in px. */
const TICK_GAP_PX = 8;

/**
 * About how wide a tick label is drawn, in px, without a browser to measure it: Latin letters and
 * digits about 0.62 em (generous for the page's sans-serif), Chinese and other wide characters
 * one em.
 */
export function tickLabelWidth(label: string, fontPx = TICK_FONT_PX): number {
  let ems = 0;
  for (const character of label) ems += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62;
  return ems * fontPx;
}

/**
 * The values whose labels to show on an axis where consecutive values are `spacing` px apart:
 * all of them when they fit; otherwise the first, every step-th after it and the last (which
 * replaces the one before it when that one would be too close).
 */
export function thinnedTicks<T>(
  values: readonly T[],
  spacing: number,
  labelOf: (value: T) => string,
  fontPx = TICK_FONT_PX,
): T[] {
  if (values.length <= 1) return [...values];
  const widest = Math.max(...values.map((value) => tickLabelWidth(labelOf(value), fontPx)));
  const step = Math.max(1, Math.ceil((widest + TICK_GAP_PX) / Math.max(spacing, 1e-9)));
  if (step === 1) return [...values];
  const kept: number[] = [];
  for (let i = 0; i < values.length; i += step) kept.push(i);
  const last = values.length - 1;
  if (kept.at(-1) !== last) {
    if (kept.length > 1 && last - (kept.at(-1) as number) < step) kept.pop();
    kept.push(last);
  }
  return kept.map((i) => values[i]);
}

/**
 * The axis with the most ticks, from about `count` down, whose labels fit side by side without
 * meeting (a horizontal axis of six-digit incomes on a phone keeps two or three).
 */
export function fittedAxis(
  make: (count: number) => LinearAxis,
  format: TickFormat,
  count = 5,
  fontPx = TICK_FONT_PX,
): LinearAxis {
  for (let c = count; c > 2; c--) {
    const axis = make(c);
    if (axis.ticks.length < 2) return axis;
    const digits = tickDigits(axis);
    const widest = Math.max(
      ...axis.ticks.map((value) => tickLabelWidth(format(value, digits), fontPx)),
    );
    const spacing = Math.abs(axis.at(axis.ticks[1]) - axis.at(axis.ticks[0]));
    if (spacing >= widest + TICK_GAP_PX) return axis;
  }
  return make(2);
}

/** A line of text's height, as a share of its font size (a label on its side takes that across). */
const LINE_EMS = 1.25;

/**
 * The room each of a row of labels turned a quarter turn needs across, in px: its line's height
 * (a chart with more marks than that allows is drawn wider, and scrolls sideways).
 */
export function turnedLabelSpacing(fontPx = TICK_FONT_PX): number {
  return Math.ceil(fontPx * LINE_EMS);
}

/**
 * How every one of a row of labels under marks `spacing` px apart is written without meeting
 * (a dendrogram's leaves, each of which means something on its own, so none is left out):
 * upright when the widest fits between its neighbours, else turned a quarter turn to read
 * upwards. `depth` is the room below the marks they take, in px.
 */
export function leafLabels(
  labels: readonly string[],
  spacing: number,
  fontPx = TICK_FONT_PX,
): { turned: boolean; depth: number } {
  const widest = Math.max(0, ...labels.map((label) => tickLabelWidth(label, fontPx)));
  return widest + TICK_GAP_PX <= spacing
    ? { turned: false, depth: Math.ceil(fontPx * LINE_EMS) }
    : { turned: true, depth: Math.ceil(widest) };
}
