import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricName } from '../store/types';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { formatNumber } from './format';

const METRICS: Record<MetricName, { label: string; better: string }> = {
  silhouette: { label: 'Silhouette', better: 'higher is better' },
  daviesBouldin: { label: 'Davies-Bouldin', better: 'lower is better' },
  calinskiHarabasz: { label: 'Calinski-Harabasz', better: 'higher is better' },
};

/** Inertia for every k (the elbow), a quality index beside it, and the recommended k marked. */
export function ElbowChart() {
  const view = useStore((s) => s.view);
  const metric = useStore((s) => s.metric);
  const setMetric = useStore((s) => s.setMetric);
  const selectedK = useStore((s) => s.selectedK);
  const data = useMemo(
    () => view?.elbow.map((p) => ({ k: p.k, inertia: p.inertia, index: p[metric] })) ?? [],
    [view, metric],
  );
  if (!view) return null;
  const { recommendation, elbow, silhouetteSampleSize, analysedRows } = view;
  const first = elbow[0];
  const last = elbow[elbow.length - 1];
  const best = elbow
    .filter((p) => p[metric] !== null)
    .reduce<(typeof elbow)[number] | null>((a, p) => {
      if (a === null) return p;
      const better =
        metric === 'daviesBouldin'
          ? (p[metric] as number) < (a[metric] as number)
          : (p[metric] as number) > (a[metric] as number);
      return better ? p : a;
    }, null);
  const summary = (
    <>
      Inertia falls from {formatNumber(first.inertia)} at k = {first.k} to{' '}
      {formatNumber(last.inertia)} at k = {last.k}.
      {best &&
        ` ${METRICS[metric].label} (${METRICS[metric].better}) is best at k = ${best.k} (${formatNumber(best[metric], 3)}).`}{' '}
      Recommended: k = {recommendation.k}. {recommendation.reason}
      {silhouetteSampleSize < analysedRows &&
        ` The silhouette is computed on a sample of ${silhouetteSampleSize.toLocaleString('en-US')} of ${analysedRows.toLocaleString('en-US')} rows.`}
    </>
  );
  return (
    <ChartFigure
      title="Elbow curve"
      summary={summary}
      controls={
        <label>
          Quality index
          <select value={metric} onChange={(e) => setMetric(e.target.value as MetricName)}>
            {(Object.keys(METRICS) as MetricName[]).map((m) => (
              <option key={m} value={m}>
                {METRICS[m].label} ({METRICS[m].better})
              </option>
            ))}
          </select>
        </label>
      }
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 24, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
          <XAxis
            dataKey="k"
            type="number"
            domain={[1, last.k]}
            ticks={elbow.map((p) => p.k)}
            label={{ value: 'number of segments (k)', position: 'insideBottom', offset: -4 }}
            height={40}
          />
          <YAxis yAxisId="inertia" tickFormatter={(v: number) => formatNumber(v, 0)} width={72} />
          <YAxis
            yAxisId="index"
            orientation="right"
            tickFormatter={(v: number) => formatNumber(v, 2)}
            width={56}
          />
          <Tooltip
            formatter={(value) => formatNumber(Number(value), 3)}
            labelFormatter={(k) => `k = ${k}`}
          />
          <Legend verticalAlign="bottom" height={24} wrapperStyle={{ paddingTop: 8 }} />
          <Line
            yAxisId="inertia"
            dataKey="inertia"
            name="Inertia"
            stroke="#4e79a7"
            strokeWidth={2}
            isAnimationActive={false}
            dot={{ r: 3 }}
          />
          <Line
            yAxisId="index"
            dataKey="index"
            name={METRICS[metric].label}
            stroke="#f28e2b"
            strokeWidth={2}
            isAnimationActive={false}
            dot={{ r: 3 }}
            connectNulls
          />
          <ReferenceLine
            yAxisId="inertia"
            x={recommendation.k}
            stroke="#59a14f"
            strokeDasharray="5 4"
            label={{ value: 'recommended', position: 'top', fill: '#2f6e2a', fontSize: 12 }}
          />
          {selectedK !== null && selectedK !== recommendation.k && (
            <ReferenceLine
              yAxisId="inertia"
              x={selectedK}
              stroke="#555"
              label={{ value: 'shown', position: 'top', fontSize: 12 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
