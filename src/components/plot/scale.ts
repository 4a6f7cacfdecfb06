/**
 * Linear axes for the page's own charts: round tick values (1, 2 or 5 times a power of ten, as
 * d3 and spreadsheets choose them), a domain widened to the ticks around the data, and the map
 * from a value to its pixel. Pure, so it is tested without a browser.
 */

/** How a tick's value is written, given the decimals that tell the ticks apart. */
export type TickFormat = (value: number, digits: number) => string;

/** A linear axis: its domain, the values it labels, and where a value is drawn (px). */
export interface LinearAxis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  at(value: number): number;
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/**
 * The round step between about `count` ticks over [start, stop]: positive, it is the step;
 * negative, the step is its inverse (1 / -inc), so that 0.1 is kept as "divide by 10" and the
 * ticks come out 0.3, not 0.30000000000000004.
 */
export function tickIncrement(start: number, stop: number, count: number): number {
  const step = (stop - start) / Math.max(1, count);
  // log / LN10, not log10: the same power as d3 at every step (they differ at a few powers of 10).
  const power = Math.floor(Math.log(step) / Math.LN10);
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return power >= 0 ? factor * 10 ** power : -(10 ** -power) / factor;
}

/** The round values within [start, stop], about `count` of them. */
export function linearTicks(start: number, stop: number, count: number): number[] {
  if (!(stop > start) || !Number.isFinite(start) || !Number.isFinite(stop)) {
    return Number.isFinite(start) ? [start] : [];
  }
  const increment = tickIncrement(start, stop, count);
  if (!Number.isFinite(increment) || increment === 0) return [];
  const ticks: number[] = [];
  // Rounded, then moved inwards where rounding stepped outside: a product such as
  // 14.999999999 must count as 15.
  if (increment > 0) {
    let first = Math.round(start / increment);
    let last = Math.round(stop / increment);
    if (first * increment < start) first++;
    if (last * increment > stop) last--;
    for (let i = first; i <= last; i++) ticks.push(i * increment + 0); // + 0: no -0 label
  } else {
    const inverse = -increment;
    let first = Math.round(start * inverse);
    let last = Math.round(stop * inverse);
    if (first / inverse < start) first++;
    if (last / inverse > stop) last--;
    for (let i = first; i <= last; i++) ticks.push(i / inverse + 0);
  }
  return ticks;
}

/** [start, stop] widened outwards to the nearest round steps (d3's linear.nice). */
export function niceDomain(start: number, stop: number, count: number): [number, number] {
  let previous = 0;
  for (let round = 0; round < 10; round++) {
    const increment = tickIncrement(start, stop, count);
    if (increment === previous || !Number.isFinite(increment)) break;
    if (increment > 0) {
      start = Math.floor(start / increment) * increment;
      stop = Math.ceil(stop / increment) * increment;
    } else {
      start = Math.ceil(start * increment) / increment;
      stop = Math.floor(stop * increment) / increment;
    }
    previous = increment;
  }
  return [start + 0, stop + 0];
}

/**
 * The decimals that tell an axis's ticks apart: those of the step between them (0.25 needs 2,
 * 0.005 needs 3, 5 needs none), so that 81 % and 81.5 % are not both written "81 %".
 */
export function tickDigits(axis: LinearAxis): number {
  const [first, second] = axis.ticks;
  if (second === undefined) return 0;
  const step = Math.abs(second - first);
  for (let digits = 0; digits < 12; digits++) {
    const scaled = step * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return digits;
  }
  return 12;
}

export interface AxisOptions {
  /** About how many ticks (5 unless told). */
  count?: number;
  /** Keep 0 in the domain (a quantity's axis: inertia, a share). */
  zero?: boolean;
  /** Widen the domain to round values (true unless told). */
  nice?: boolean;
}

/**
 * The axis that spans `values` (non-finite ones left out) drawn from px `from` to px `to` (a
 * vertical axis runs from the bottom up: from > to). A single value, or none, still gets a
 * domain of its own around it, so nothing is divided by zero.
 */
export function linearAxis(
  values: Iterable<number>,
  from: number,
  to: number,
  { count = 5, zero = false, nice = true }: AxisOptions = {},
): LinearAxis {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (zero) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  if (min > max) [min, max] = [0, 1];
  if (min === max) {
    // With `zero`, min === max only when every value is 0.
    if (min === 0) [min, max] = zero ? [0, 1] : [-1, 1];
    else [min, max] = [min - Math.abs(min) / 2, max + Math.abs(max) / 2];
  }
  const domain = nice ? niceDomain(min, max, count) : ([min, max] as [number, number]);
  return fixedAxis(domain, from, to, count);
}

/** The axis over a domain given whole (0 to 100 %, k = 1..10). */
export function fixedAxis(
  domain: readonly [number, number],
  from: number,
  to: number,
  count = 5,
): LinearAxis {
  const [start, stop] = domain;
  const span = stop - start || 1;
  return {
    domain: [start, stop],
    ticks: linearTicks(start, stop, count),
    at: (value: number) => from + ((value - start) / span) * (to - from),
  };
}

/** Categories side by side: each gets an equal band of [from, to], its mark at the centre. */
export interface BandAxis {
  /** The width of one band, in px. */
  readonly band: number;
  centre(index: number): number;
}

export function bandAxis(count: number, from: number, to: number): BandAxis {
  const band = (to - from) / Math.max(1, count);
  return { band, centre: (index: number) => from + band * (index + 0.5) };
}
