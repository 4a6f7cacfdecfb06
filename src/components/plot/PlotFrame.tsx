import type { ReactNode } from 'react';
import { useElementWidth } from '../useElementWidth';

/** Room around the plotting area for the axes and their labels, in px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plotting area's edges in the drawing's px (y grows downwards). */
export interface PlotBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A chart's drawing: as wide as the figure (followed as it changes), `height` px high, with the
 * plotting area inside `margin`. It draws once it knows its width; the box keeps its height
 * meanwhile, so the page does not jump. The figure's summary and table of values say what the
 * drawing shows, so the drawing itself is hidden from screen readers.
 */
export function PlotFrame({
  height,
  margin,
  children,
}: {
  height: number;
  margin: Margin;
  children: (box: PlotBox, width: number) => ReactNode;
}) {
  const [measure, width] = useElementWidth();
  const box: PlotBox = {
    left: margin.left,
    top: margin.top,
    right: Math.max(margin.left + 1, width - margin.right),
    bottom: Math.max(margin.top + 1, height - margin.bottom),
  };
  return (
    <div ref={measure} className="plot" style={{ height }}>
      {width > 0 && (
        <svg className="plot__drawing" width={width} height={height} aria-hidden="true">
          {children(box, width)}
        </svg>
      )}
    </div>
  );
}
