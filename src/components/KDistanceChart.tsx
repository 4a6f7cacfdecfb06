import { useMemo } from 'react';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { formatCount, formatNumber, formatPercent } from './format';

/** At most this many points drawn: the curve is smooth, and fewer points draw faster. */
const DRAWN = 400;

/**
 * DBSCAN's sorted k-distance plot (k = minimum points): each sampled row's distance to its k-th
 * nearest row, ascending. Rows left of where the curve shoots up are in dense regions; eps is
 * read at that knee. The eps in use and the suggested one are marked.
 */
export function KDistanceChart() {
  const density = useStore((s) => s.view?.density ?? null);
  const data = useMemo(() => {
    if (!density) return [];
    const values = density.kDistances;
    const m = values.length;
    const step = Math.max(1, Math.ceil(m / DRAWN));
    const points: { share: number; distance: number }[] = [];
    for (let i = 0; i < m; i += step) points.push({ share: (i / m) * 100, distance: values[i] });
    if ((m - 1) % step !== 0) points.push({ share: ((m - 1) / m) * 100, distance: values[m - 1] });
    return points;
  }, [density]);
  if (!density || data.length === 0) return null;
  const m = density.kDistances.length;
  const within = density.kDistances.filter((v) => v <= density.eps).length;
  return (
    <ChartFigure
      title="k-distance plot"
      summary={
        <>
          Each of {formatCount(m)} sampled rows' distance to its {density.minPts}th nearest row
          (itself included), sorted. The knee suggests eps {density.suggestedEps}; at eps{' '}
          {density.eps}, {formatPercent(within / m)} of them are core rows. DBSCAN found{' '}
          {density.clusters} {density.clusters === 1 ? 'segment' : 'segments'} and{' '}
          {formatCount(density.noise)} noise rows.
        </>
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <XAxis
            dataKey="share"
            type="number"
            domain={[0, 100]}
            tickFormatter={(v: number) => `${v}%`}
            label={{ value: 'rows, sorted', position: 'insideBottomRight', offset: -4 }}
          />
          <YAxis width={56} tickFormatter={(v: number) => formatNumber(v)} />
          <Line
            dataKey="distance"
            stroke="#4e79a7"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <ReferenceLine y={density.suggestedEps} stroke="#59a14f" strokeDasharray="4 3" />
          {density.eps !== density.suggestedEps && (
            <ReferenceLine y={density.eps} stroke="#e15759" strokeDasharray="6 2" />
          )}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        label="Series"
        items={[
          { label: `${density.minPts}th-nearest distance`, colour: '#4e79a7', mark: 'line' },
          { label: `Suggested eps (${density.suggestedEps})`, colour: '#59a14f', mark: 'dashed' },
          ...(density.eps !== density.suggestedEps
            ? [{ label: `eps in use (${density.eps})`, colour: '#e15759', mark: 'dashed' as const }]
            : []),
        ]}
      />
    </ChartFigure>
  );
}
