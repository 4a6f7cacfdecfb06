import type { PlotBox } from './PlotFrame';
import { dotsPath, linePath, type Px } from './paths';

/**
 * A series drawn as a line through its points, with a dot at each where asked: two paths,
 * however many points.
 */
export function SeriesLine({
  points,
  colour,
  width = 2,
  dash,
  dots,
}: {
  points: readonly Px[];
  colour: string;
  width?: number;
  dash?: string;
  /** The dots' radius, in px; none when left out. */
  dots?: number;
}) {
  return (
    <>
      <path
        className="plot__line"
        d={linePath(points)}
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash}
        fill="none"
      />
      {dots !== undefined && (
        <path className="plot__dots" d={dotsPath(points, dots)} fill={colour} />
      )}
    </>
  );
}

/**
 * A straight line across the plot marking one value (the recommended k, the eps in use), with an
 * optional label above the plot.
 */
export function MarkLine({
  box,
  x,
  y,
  colour,
  dash,
  label,
  labelColour = colour,
  labelRow = 0,
}: {
  box: PlotBox;
  x?: number;
  y?: number;
  colour: string;
  dash?: string;
  label?: string;
  labelColour?: string;
  /** 0 above the plot; 1 a line lower, inside it (when two labels would meet). */
  labelRow?: number;
}) {
  const d =
    x !== undefined
      ? `M${x.toFixed(1)} ${box.top}V${box.bottom}`
      : `M${box.left} ${(y ?? 0).toFixed(1)}H${box.right}`;
  return (
    <g className="plot__mark">
      <path d={d} stroke={colour} strokeDasharray={dash} strokeWidth={1.5} fill="none" />
      {label !== undefined && x !== undefined && (
        <text x={x} y={box.top - 6 + labelRow * 16} textAnchor="middle" fill={labelColour}>
          {label}
        </text>
      )}
    </g>
  );
}
