import { escapeHtml } from './htmlText';

/**
 * The report's charts as inline SVG drawn from the data: no script, no external reference, a
 * viewBox that scales to the width of a phone or a printed page. Each chart names itself
 * (`<title>`, `<desc>`) for screen readers and mail clients that show no images; the report puts
 * the chart's figures in a table next to it. Every text passed in is escaped here.
 */

/** What every chart says about itself, already in the reader's language. */
export interface ChartText {
  /** Unique in the document: the ids of its title and description derive from it. */
  id: string;
  title: string;
  description: string;
}

/** Ten distinguishable segment colours (Tableau 10, as on the page); noise is grey. */
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
  return id < 0 ? '#8a8a8a' : SEGMENT_COLOURS[id % SEGMENT_COLOURS.length];
}

const WIDTH = 640;
const FONT = 12;
/** Tick labels shown along a category axis at most (the others are in the table). */
const MAX_CATEGORY_TICKS = 12;
/** Characters of a bar's label drawn before an ellipsis (the whole name is in the table). */
const LABEL_CHARACTERS = 24;

function open(text: ChartText, height: number): string {
  const id = escapeHtml(text.id);
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(text.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(text.description)}</desc>`
  );
}

function label(x: number, y: number, text: string, anchor: string, extra = ''): string {
  return `<text x="${fix(x)}" y="${fix(y)}" text-anchor="${anchor}" font-size="${FONT}"${extra}>${escapeHtml(text)}</text>`;
}

function fix(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** A name cut to fit beside a bar (its full text is in the chart's table). */
export function shortLabel(text: string, characters = LABEL_CHARACTERS): string {
  const chars = Array.from(text);
  return chars.length <= characters ? text : `${chars.slice(0, characters - 1).join('')}…`;
}

/** Round tick values spanning [low, high]: about `count` of them, at 1, 2 or 5 times a power of ten. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  // Whole multiples of the step, rounded, so that 3 x 0.2 reads 0.6 and not 0.6000000000000001.
  for (let i = Math.floor(low / step + 1e-9); i <= Math.ceil(high / step - 1e-9); i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Which of `count` categories get a tick label: all of a few, an even spread of many. */
export function thinnedTicks(count: number, most = MAX_CATEGORY_TICKS): number[] {
  const every = Math.max(1, Math.ceil(count / most));
  const shown: number[] = [];
  for (let i = 0; i < count; i += every) shown.push(i);
  return shown;
}

export interface BarItem {
  label: string;
  value: number;
  /** The value as the reader reads it, written at the end of the bar. */
  valueText: string;
  colour?: string;
}

/** Horizontal bars, one per item, each labelled with its name and value (segment sizes). */
export function barChart(text: ChartText, items: readonly BarItem[]): string {
  const row = 24;
  const top = 8;
  const left = 190;
  const right = 90;
  const height = top * 2 + row * Math.max(1, items.length);
  const most = Math.max(0, ...items.map((item) => item.value));
  const scale = most > 0 ? (WIDTH - left - right) / most : 0;
  const bars = items.map((item, i) => {
    const y = top + i * row;
    const width = Math.max(0, item.value * scale);
    return (
      label(left - 8, y + row / 2 + 4, shortLabel(item.label), 'end') +
      `<rect x="${left}" y="${fix(y + 3)}" width="${fix(width)}" height="${row - 6}" fill="${item.colour ?? '#4e79a7'}"/>` +
      label(left + width + 6, y + row / 2 + 4, item.valueText, 'start')
    );
  });
  return `${open(text, height)}${bars.join('')}</svg>`;
}

export interface ColumnItem {
  /** The category under the column (a number or a short name). */
  label: string;
  value: number;
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  height: number;
}

const FRAME: Frame = { left: 64, right: 16, top: 12, bottom: 44, height: 260 };

function yAxis(frame: Frame, low: number, high: number, format: (v: number) => string) {
  const ticks = niceTicks(low, high);
  const min = Math.min(low, ticks[0]);
  const max = Math.max(high, ticks[ticks.length - 1]);
  const plotHeight = frame.height - frame.top - frame.bottom;
  const y = (v: number) =>
    frame.top + plotHeight - (max > min ? ((v - min) / (max - min)) * plotHeight : plotHeight / 2);
  const lines = ticks.map(
    (t) =>
      `<line x1="${frame.left}" x2="${WIDTH - frame.right}" y1="${fix(y(t))}" y2="${fix(y(t))}" stroke="#e3e3e3"/>` +
      label(frame.left - 6, y(t) + 4, format(t), 'end'),
  );
  return { y, svg: lines.join('') };
}

function axisTitle(frame: Frame, xTitle: string): string {
  return label((frame.left + WIDTH - frame.right) / 2, frame.height - 6, xTitle, 'middle');
}

/** Vertical columns over categories (the scree chart), tick labels thinned when there are many. */
export function columnChart(
  text: ChartText,
  items: readonly ColumnItem[],
  axes: { x: string; format: (v: number) => string },
): string {
  const frame = FRAME;
  const { y, svg: grid } = yAxis(frame, 0, Math.max(0, ...items.map((i) => i.value)), axes.format);
  const slot = (WIDTH - frame.left - frame.right) / Math.max(1, items.length);
  const ticks = new Set(thinnedTicks(items.length));
  const columns = items.map((item, i) => {
    const x = frame.left + i * slot;
    const top = y(item.value);
    const bar = `<rect x="${fix(x + slot * 0.15)}" y="${fix(top)}" width="${fix(slot * 0.7)}" height="${fix(y(0) - top)}" fill="#4e79a7"/>`;
    return ticks.has(i)
      ? bar + label(x + slot / 2, frame.height - frame.bottom + 16, item.label, 'middle')
      : bar;
  });
  return `${open(text, frame.height)}${grid}${columns.join('')}${axisTitle(frame, axes.x)}</svg>`;
}

/** A line over whole numbers (k), with one x marked (the chosen k). Missing values break the line. */
export function lineChart(
  text: ChartText,
  points: readonly { x: number; y: number | null }[],
  axes: { x: string; format: (v: number) => string; marked: number | null },
): string {
  const frame = FRAME;
  const values = points.flatMap((p) => (p.y === null || !Number.isFinite(p.y) ? [] : [p.y]));
  const low = values.length > 0 ? Math.min(0, ...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 1;
  const { y, svg: grid } = yAxis(frame, low, high, axes.format);
  const xs = points.map((p) => p.x);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const plotWidth = WIDTH - frame.left - frame.right;
  const x = (v: number) =>
    frame.left + (xMax > xMin ? ((v - xMin) / (xMax - xMin)) * plotWidth : plotWidth / 2);
  const segments: string[] = [];
  let path = '';
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      if (path) segments.push(path);
      path = '';
      continue;
    }
    path += `${path ? 'L' : 'M'}${fix(x(p.x))} ${fix(y(p.y))}`;
  }
  if (path) segments.push(path);
  const lines = segments
    .map((d) => `<path d="${d}" fill="none" stroke="#4e79a7" stroke-width="2"/>`)
    .join('');
  const dots = points
    .filter((p) => p.y !== null && Number.isFinite(p.y))
    .map((p) => {
      const chosen = p.x === axes.marked;
      return `<circle cx="${fix(x(p.x))}" cy="${fix(y(p.y!))}" r="${chosen ? 6 : 3}" fill="${chosen ? '#e15759' : '#4e79a7'}"/>`;
    })
    .join('');
  const marker =
    axes.marked === null || axes.marked < xMin || axes.marked > xMax
      ? ''
      : `<line x1="${fix(x(axes.marked))}" x2="${fix(x(axes.marked))}" y1="${frame.top}" y2="${frame.height - frame.bottom}" stroke="#e15759" stroke-dasharray="4 3"/>`;
  const ticks = thinnedTicks(points.length)
    .map((i) =>
      label(x(points[i].x), frame.height - frame.bottom + 16, String(points[i].x), 'middle'),
    )
    .join('');
  return `${open(text, frame.height)}${grid}${marker}${lines}${dots}${ticks}${axisTitle(frame, axes.x)}</svg>`;
}

export interface ScatterSeries {
  /** The segment (colour); -1 is noise. */
  segment: number;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  centre: { x: number; y: number } | null;
}

/** Dots of the sampled rows on two axes, coloured by segment, each segment's centre ringed. */
export function scatterChart(
  text: ChartText,
  series: readonly ScatterSeries[],
  axes: { x: string; y: string; format: (v: number) => string },
): string {
  const frame: Frame = { ...FRAME, height: 380, left: 64 };
  const all = (pick: (s: ScatterSeries) => ArrayLike<number>, centre: 'x' | 'y') =>
    series.flatMap((s) => [
      ...Array.from(pick(s)).filter(Number.isFinite),
      ...(s.centre && Number.isFinite(s.centre[centre]) ? [s.centre[centre]] : []),
    ]);
  const xValues = all((s) => s.xs, 'x');
  const yValues = all((s) => s.ys, 'y');
  const range = (values: number[]) =>
    values.length === 0 ? [0, 1] : [Math.min(...values), Math.max(...values)];
  const [yLow, yHigh] = range(yValues);
  const { y, svg: grid } = yAxis(frame, yLow, yHigh, axes.format);
  const [xLow, xHigh] = range(xValues);
  const xTicks = niceTicks(xLow, xHigh);
  const xMin = Math.min(xLow, xTicks[0]);
  const xMax = Math.max(xHigh, xTicks[xTicks.length - 1]);
  const plotWidth = WIDTH - frame.left - frame.right;
  const x = (v: number) =>
    frame.left + (xMax > xMin ? ((v - xMin) / (xMax - xMin)) * plotWidth : plotWidth / 2);
  const xGrid = xTicks
    .map(
      (t) =>
        `<line x1="${fix(x(t))}" x2="${fix(x(t))}" y1="${frame.top}" y2="${frame.height - frame.bottom}" stroke="#efefef"/>` +
        label(x(t), frame.height - frame.bottom + 16, axes.format(t), 'middle'),
    )
    .join('');
  const dots = series
    .map((s) => {
      const colour = segmentColour(s.segment);
      let out = `<g fill="${colour}" fill-opacity="0.55">`;
      for (let i = 0; i < s.xs.length; i++) {
        if (!Number.isFinite(s.xs[i]) || !Number.isFinite(s.ys[i])) continue;
        out += `<circle cx="${fix(x(s.xs[i]))}" cy="${fix(y(s.ys[i]))}" r="2.5"/>`;
      }
      return `${out}</g>`;
    })
    .join('');
  const centres = series
    .filter((s) => s.centre !== null && Number.isFinite(s.centre.x) && Number.isFinite(s.centre.y))
    .map(
      (s) =>
        `<circle cx="${fix(x(s.centre!.x))}" cy="${fix(y(s.centre!.y))}" r="7" fill="${segmentColour(s.segment)}" stroke="#222" stroke-width="2"/>`,
    )
    .join('');
  const yTitle = `<text transform="translate(14 ${fix((frame.top + frame.height - frame.bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="${FONT}">${escapeHtml(axes.y)}</text>`;
  return `${open(text, frame.height)}${grid}${xGrid}${dots}${centres}${axisTitle(frame, axes.x)}${yTitle}</svg>`;
}
