import type { PlotBox } from './PlotFrame';
import { tickDigits, type LinearAxis, type TickFormat } from './scale';

/** A labelled value on an axis: where it is drawn (px) and its text. */
export interface Tick {
  at: number;
  label: string;
}

/** Length of a tick mark, and the room between it and its label, in px. */
const MARK_PX = 5;
const LABEL_GAP_PX = 3;
/** A label's baseline below the axis (the labels are about 12 px high). */
const BELOW_PX = MARK_PX + LABEL_GAP_PX + 11;

/**
 * An axis's ticks, each value where the axis draws it and written by `format`, which is told the
 * decimals that tell the ticks apart.
 */
export function ticksOf(axis: LinearAxis, format: TickFormat): Tick[] {
  const digits = tickDigits(axis);
  return axis.ticks.map((value) => ({ at: axis.at(value), label: format(value, digits) }));
}

/** The horizontal axis under the plot, its labels centred under their ticks, and its title. */
export function BottomAxis({
  box,
  ticks,
  title,
  titleAt = 'middle',
}: {
  box: PlotBox;
  ticks: readonly Tick[];
  title?: string;
  /** Where the title stands: centred under the plot, or at its right end. */
  titleAt?: 'middle' | 'end';
}) {
  return (
    <g className="plot__axis">
      <path d={`M${box.left} ${box.bottom + 0.5}H${box.right}`} />
      {ticks.map((tick, i) => (
        <g key={i}>
          <path d={`M${tick.at.toFixed(1)} ${box.bottom}v${MARK_PX}`} />
          <text x={tick.at} y={box.bottom + BELOW_PX} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      {title !== undefined && (
        <text
          className="plot__title"
          x={titleAt === 'middle' ? (box.left + box.right) / 2 : box.right}
          y={box.bottom + BELOW_PX + 17}
          textAnchor={titleAt}
        >
          {title}
        </text>
      )}
    </g>
  );
}

/** A vertical axis on the plot's left or right, its labels beside their ticks, and its title. */
export function SideAxis({
  box,
  ticks,
  side = 'left',
  title,
  titleOffset = 56,
}: {
  box: PlotBox;
  ticks: readonly Tick[];
  side?: 'left' | 'right';
  /** Written upwards beside the labels. */
  title?: string;
  /** How far from the axis the title stands, in px. */
  titleOffset?: number;
}) {
  const x = side === 'left' ? box.left : box.right;
  const outwards = side === 'left' ? -1 : 1;
  return (
    <g className="plot__axis">
      <path d={`M${x + 0.5 * outwards} ${box.top}V${box.bottom}`} />
      {ticks.map((tick, i) => (
        <g key={i}>
          <path d={`M${x} ${tick.at.toFixed(1)}h${MARK_PX * outwards}`} />
          <text
            x={x + (MARK_PX + LABEL_GAP_PX) * outwards}
            y={tick.at}
            dy="0.32em"
            textAnchor={side === 'left' ? 'end' : 'start'}
          >
            {tick.label}
          </text>
        </g>
      ))}
      {title !== undefined && (
        <text
          className="plot__title"
          transform={`translate(${x + titleOffset * outwards} ${(box.top + box.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {title}
        </text>
      )}
    </g>
  );
}

/** Light dashed lines across the plot at the ticks' places (vertical at `x`, horizontal at `y`). */
export function GridLines({
  box,
  x = [],
  y = [],
}: {
  box: PlotBox;
  x?: readonly number[];
  y?: readonly number[];
}) {
  let d = '';
  for (const at of x) d += `M${at.toFixed(1)} ${box.top}V${box.bottom}`;
  for (const at of y) d += `M${box.left} ${at.toFixed(1)}H${box.right}`;
  return <path className="plot__grid" d={d} />;
}
