import { useId, type ReactNode } from 'react';

/** A chart with a visible title and a text summary that says what the chart shows. */
export function ChartFigure({
  title,
  summary,
  children,
  controls,
  wide,
  busy = false,
}: {
  title: string;
  summary: ReactNode;
  children: ReactNode;
  controls?: ReactNode;
  /** Spans the whole row of charts. */
  wide?: boolean;
  /** The chart still shows older results than the page (it catches up in a moment). */
  busy?: boolean;
}) {
  // Titles are in the page's language: ids must not depend on them.
  const id = useId();
  return (
    <figure
      className={wide ? 'chart chart--wide' : 'chart'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      aria-busy={busy}
    >
      <h3 id={`${id}-title`} className="chart__title">
        {title}
      </h3>
      {controls && <div className="controls chart__controls">{controls}</div>}
      <div className="chart__body">{children}</div>
      <figcaption id={`${id}-summary`} className="chart__summary">
        {summary}
      </figcaption>
    </figure>
  );
}
