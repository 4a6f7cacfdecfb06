import { useRender } from './useRender';
import { useMemo } from 'react';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import { scatterSeries, type ScatterSeries } from '../store/selectors';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { formatCount, formatNumber } from './format';
import { segmentColour } from './palette';
import { useLaterValue } from './useLaterValue';

const RADIUS = 3;

/**
 * The points of every segment, drawn as one SVG path per segment (2,000 circles as 2,000
 * elements would keep the main thread busy for hundreds of milliseconds at each change).
 */
function SegmentPoints({ series }: { series: ScatterSeries[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  return (
    <g className="segment-points">
      {series.map((s) => {
        let d = '';
        for (const point of s.points) {
          const px = xScale(point.x) as number;
          const py = yScale(point.y) as number;
          if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
          d += `M${(px - RADIUS).toFixed(1)} ${py.toFixed(1)}a${RADIUS} ${RADIUS} 0 1 0 ${2 * RADIUS} 0a${RADIUS} ${RADIUS} 0 1 0 ${-2 * RADIUS} 0`;
        }
        return (
          <path
            key={s.id}
            d={d}
            fill={segmentColour(s.id)}
            fillOpacity={0.55}
            data-segment={s.id}
            data-points={s.points.length}
          />
        );
      })}
    </g>
  );
}

/** Customers on two axes (principal components or original features), coloured by segment. */
export function SegmentScatter() {
  // After a new analysis the scatter mounts in a task of its own; a new k shows at once.
  const currentView = useStore((s) => s.view);
  const render = useRender();
  const view = useLaterValue(currentView, 40);
  const selectedK = useStore((s) => s.selectedK);
  const kView =
    view && selectedK !== null ? (view.perK.find((p) => p.k === selectedK) ?? null) : null;
  const axes = view?.axes ?? null;
  const total = view?.analysedRows ?? 0;
  const [x, y] = useStore((s) => s.scatterAxes);
  const setAxes = useStore((s) => s.setScatterAxes);
  const data = useMemo(
    () =>
      kView && axes
        ? scatterSeries(
            kView,
            axes.map((a) => a.id),
            x,
            y,
          )
        : null,
    [kView, axes, x, y],
  );
  if (!kView || !axes || !data) return null;
  const label = (id: string) => axes.find((a) => a.id === id)?.label ?? id;
  const sampled = data.shown < total;
  const summary = (
    <>
      {label(x)} across, {label(y)} up,{' '}
      {sampled
        ? `showing ${formatCount(data.shown)} of ${formatCount(total)} customers`
        : `showing all ${formatCount(total)} customers`}
      {sampled && ', a sample drawn from every segment in proportion to its size'}. Crosses mark the
      segment centres. Segments:{' '}
      {kView.profiles.segments
        .map((s) => `${s.id} ${render(s.label)} (${formatCount(s.size)})`)
        .join('; ')}
      .
    </>
  );
  const axisSelect = (name: string, value: string, onChange: (id: string) => void) => (
    <label>
      {name}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {axes.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <ChartFigure
      title="Segment scatter"
      wide
      busy={view !== currentView}
      summary={summary}
      controls={
        <>
          {axisSelect('Horizontal axis', x, (id) => setAxes(id, y))}
          {axisSelect('Vertical axis', y, (id) => setAxes(x, id))}
        </>
      }
    >
      <ResponsiveContainer width="100%" height={380}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
          <XAxis
            interval={0}
            type="number"
            dataKey="x"
            name={label(x)}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            label={{ value: label(x), position: 'insideBottom', offset: -8 }}
            height={44}
            domain={['auto', 'auto']}
          />
          <YAxis
            interval={0}
            type="number"
            dataKey="y"
            name={label(y)}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            label={{ value: label(y), angle: -90, position: 'insideLeft' }}
            width={72}
            domain={['auto', 'auto']}
          />
          {/* The corners of the points, invisible, so that the axes span them all. */}
          <Scatter
            data={data.extent}
            fill="none"
            isAnimationActive={false}
            legendType="none"
            shape={() => <g />}
            tooltipType="none"
          />
          <SegmentPoints series={data.series} />
          <Scatter
            name="Segment centres"
            data={data.centres}
            fill="#111"
            shape="cross"
            isAnimationActive={false}
            legendType="cross"
          />
        </ScatterChart>
      </ResponsiveContainer>
      <ul className="legend" aria-label="Segments">
        {data.series.map((s) => (
          <li key={s.id}>
            <span
              className="swatch swatch--round"
              style={{ background: segmentColour(s.id) }}
              aria-hidden="true"
            />
            {s.id < 0 ? 'Noise' : `${s.id}: ${render(s.label)}`}
          </li>
        ))}
        <li>
          <span className="legend__cross" aria-hidden="true">
            ✚
          </span>
          segment centre
        </li>
      </ul>
    </ChartFigure>
  );
}
