/**
 * SVG path data for a chart's marks, each series as one path: a line, its dots, a cloud of
 * points, crosses. One element a series, not one a point, keeps a redraw cheap (2,000 circles as
 * 2,000 elements would hold the main thread for hundreds of milliseconds).
 */

/** A point in px. */
export type Px = readonly [number, number];

const px = (value: number) => value.toFixed(1);

/** A line through the points in order; a point that cannot be placed is passed over. */
export function linePath(points: Iterable<Px>): string {
  let d = '';
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d += `${d === '' ? 'M' : 'L'}${px(x)} ${px(y)}`;
  }
  return d;
}

/** A filled circle of `radius` at each point (two arcs each). */
export function dotsPath(points: Iterable<Px>, radius: number): string {
  let d = '';
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d += `M${px(x - radius)} ${px(y)}a${radius} ${radius} 0 1 0 ${2 * radius} 0a${radius} ${radius} 0 1 0 ${-2 * radius} 0`;
  }
  return d;
}

/** A filled plus sign `size` px across at each point (a segment's centre). */
export function crossesPath(points: Iterable<Px>, size: number): string {
  const half = size / 2;
  const arm = size / 6;
  let d = '';
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d +=
      `M${px(x - arm)} ${px(y - half)}h${px(2 * arm)}v${px(half - arm)}h${px(half - arm)}` +
      `v${px(2 * arm)}h${px(arm - half)}v${px(half - arm)}h${px(-2 * arm)}v${px(arm - half)}` +
      `h${px(arm - half)}v${px(-2 * arm)}h${px(half - arm)}Z`;
  }
  return d;
}

/** A bar `width` px wide centred at each x, from the baseline up (or down) to its y. */
export function barsPath(bars: Iterable<Px>, width: number, baseline: number): string {
  let d = '';
  for (const [x, y] of bars) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d += `M${px(x - width / 2)} ${px(baseline)}V${px(y)}h${px(width)}V${px(baseline)}Z`;
  }
  return d;
}
