import { useRender } from './useRender';
import { useDeferredValue, useMemo } from 'react';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { MetricName, State } from '../store/types';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { formatCount, formatNumber } from './format';

const METRICS: Record<MetricName, { label: string; better: string }> = {
  silhouette: { label: 'Silhouette', better: 'higher is better' },
  daviesBouldin: { label: 'Davies-Bouldin', better: 'lower is better' },
  calinskiHarabasz: { label: 'Calinski-Harabasz', better: 'higher is better' },
};

/**
 * Inertia for every k (the elbow), a quality index beside it, and the recommended k marked.
 * While an analysis runs, the points fill in as each k's clustering comes back (the same chart
 * throughout, so that each new point is an update, not a new chart).
 */
export function ElbowChart() {
  // Deferred, so a new chart renders in the background where it can.
  const currentView = useStore((s) => s.view);
  const currentPartial = useStore((s) => (s.phase === 'analysing' ? s.partialElbow : null));
  const view = useDeferredValue(currentView);
  const partial = useDeferredValue(currentPartial);
  const kMax = useStore((s) => s.options.kMax);
  const metric = useStore((s) => s.metric);
  const setMetric = useStore((s) => s.setMetric);
  const selectedK = useStore((s) => s.selectedK);
  const live = partial !== null && partial.length > 0;
  const points = live ? partial : view?.elbow;
  const data = useMemo(
    () => points?.map((p) => ({ k: p.k, inertia: p.inertia, index: p[metric] })) ?? [],
    [points, metric],
  );
  if (!points || points.length === 0) return null;
  // DBSCAN has one result, not a curve: its k-distance plot takes this place.
  if (!live && view?.algorithm === 'dbscan') return null;
  const lastK = live ? kMax : points[points.length - 1].k;
  const recommendation = live ? null : (view?.recommendation ?? null);
  return (
    <ChartFigure
      title="Elbow curve"
      busy={view !== currentView || partial !== currentPartial}
      summary={
        live || !view ? (
          `Computing: ${points.length} of ${kMax} values of k done so far.`
        ) : (
          <ElbowSummary view={view} metric={metric} />
        )
      }
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
          <XAxis
            interval={0}
            dataKey="k"
            type="number"
            domain={[1, lastK]}
            ticks={Array.from({ length: lastK }, (_, i) => i + 1)}
            label={{ value: 'number of segments (k)', position: 'insideBottom', offset: -4 }}
            height={40}
          />
          <YAxis
            interval={0}
            yAxisId="inertia"
            tickFormatter={(v: number) => formatNumber(v, 0)}
            width={72}
          />
          <YAxis
            interval={0}
            yAxisId="index"
            orientation="right"
            tickFormatter={(v: number) => formatNumber(v, 2)}
            width={56}
          />
          <Line
            yAxisId="inertia"
            dataKey="inertia"
            name="Inertia"
            stroke="#4e79a7"
            strokeWidth={2}
            isAnimationActive={false}
            dot={{ r: 3 }}
            connectNulls
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
          {recommendation && (
            <ReferenceLine
              yAxisId="inertia"
              x={recommendation.k}
              stroke="#59a14f"
              strokeDasharray="5 4"
              label={{ value: 'recommended', position: 'top', fill: '#2f6e2a', fontSize: 12 }}
            />
          )}
          {recommendation && selectedK !== null && selectedK !== recommendation.k && (
            <ReferenceLine
              yAxisId="inertia"
              x={selectedK}
              stroke="#555"
              label={{ value: 'shown', position: 'top', fontSize: 12 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        label="Lines"
        items={[
          { label: 'Inertia (left axis)', colour: '#4e79a7', mark: 'line' },
          { label: `${METRICS[metric].label} (right axis)`, colour: '#f28e2b', mark: 'line' },
          ...(recommendation
            ? [{ label: 'recommended k', colour: '#59a14f', mark: 'dashed' as const }]
            : []),
        ]}
      />
      <details className="chart__values">
        <summary>Values</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">Elbow curve values</caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col" className="num">
                Inertia
              </th>
              <th scope="col" className="num">
                Silhouette
              </th>
              <th scope="col" className="num">
                Davies-Bouldin
              </th>
              <th scope="col" className="num">
                Calinski-Harabasz
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.k}>
                <th scope="row">{p.k}</th>
                <td className="num">{formatNumber(p.inertia)}</td>
                <td className="num">{formatNumber(p.silhouette, 3)}</td>
                <td className="num">{formatNumber(p.daviesBouldin, 3)}</td>
                <td className="num">{formatNumber(p.calinskiHarabasz, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </ChartFigure>
  );
}

/** What the finished elbow says, in words. */
function ElbowSummary({ view, metric }: { view: NonNullable<State['view']>; metric: MetricName }) {
  const render = useRender();
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
  return (
    <>
      Inertia falls from {formatNumber(first.inertia)} at k = {first.k} to{' '}
      {formatNumber(last.inertia)} at k = {last.k}.
      {best &&
        ` ${METRICS[metric].label} (${METRICS[metric].better}) is best at k = ${best.k} (${formatNumber(best[metric], 3)}).`}{' '}
      Recommended: k = {recommendation.k}. {render(recommendation.reason)}
      {silhouetteSampleSize < analysedRows &&
        ` The silhouette is computed on a sample of ${formatCount(silhouetteSampleSize)} of ${formatCount(analysedRows)} rows.`}
    </>
  );
}
