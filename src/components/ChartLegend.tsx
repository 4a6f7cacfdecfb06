export interface LegendItem {
  label: string;
  colour: string;
  mark: 'line' | 'dashed' | 'box' | 'dot' | 'cross';
}

/** A chart's legend as HTML: it wraps on narrow screens, and reads as a list. */
export function ChartLegend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={`legend__mark legend__mark--${item.mark}`}
            style={{ color: item.colour }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
