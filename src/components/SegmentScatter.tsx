import { useMemo } from 'react';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { scatterSeries, selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { formatCount, formatNumber } from './format';
import { segmentColour } from './palette';

/** Customers on two axes (principal components or original features), coloured by segment. */
export function SegmentScatter() {
  const kView = useStore(selectShownK);
  const axes = useStore((s) => s.view?.axes ?? null);
  const total = useStore((s) => s.view?.analysedRows ?? 0);
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
      {sampled
        ? `showing ${formatCount(data.shown)} of ${formatCount(total)} customers`
        : `showing all ${formatCount(total)} customers`}
      {sampled && ', a sample drawn from every segment in proportion to its size'}. Crosses mark the
      segment centres. Segments:{' '}
      {kView.profiles.segments.map((s) => `${s.id} ${s.label} (${formatCount(s.size)})`).join('; ')}
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
            type="number"
            dataKey="x"
            name={label(x)}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            label={{ value: label(x), position: 'insideBottom', offset: -8 }}
            height={44}
            domain={['auto', 'auto']}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={label(y)}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            label={{ value: label(y), angle: -90, position: 'insideLeft' }}
            width={72}
            domain={['auto', 'auto']}
          />
          <Tooltip formatter={(value) => formatNumber(Number(value), 2)} />
          {data.series.map((s) => (
            <Scatter
              key={s.id}
              name={`${s.id < 0 ? 'Noise' : s.id}: ${s.label}`}
              data={s.points}
              fill={segmentColour(s.id)}
              fillOpacity={0.55}
              isAnimationActive={false}
              shape="circle"
            />
          ))}
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
            {s.id < 0 ? 'Noise' : `${s.id}: ${s.label}`}
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
