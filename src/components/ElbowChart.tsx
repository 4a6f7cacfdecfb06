import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { MetricName, State } from '../store/types';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { useRenderNode, type UiKey } from './richText';

/** Each quality index's name (a line, a column). */
const INDEX_NAMES = {
  silhouette: 'ui.elbow.index.silhouette',
  daviesBouldin: 'ui.elbow.index.daviesBouldin',
  calinskiHarabasz: 'ui.elbow.index.calinskiHarabasz',
} as const satisfies Record<MetricName, UiKey>;

/** Each quality index with which way is better (the choice, the summary). */
const INDEX_CHOICES = {
  silhouette: 'ui.elbow.indexChoice.silhouette',
  daviesBouldin: 'ui.elbow.indexChoice.daviesBouldin',
  calinskiHarabasz: 'ui.elbow.indexChoice.calinskiHarabasz',
} as const satisfies Record<MetricName, UiKey>;

/**
 * Inertia for every k (the elbow), a quality index beside it, and the recommended k marked.
 * While an analysis runs, the points fill in as each k's clustering comes back (the same chart
 * throughout, so that each new point is an update, not a new chart).
 */
export function ElbowChart() {
  const { t } = useTranslation();
  const format = useFormats();
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
      title={t('ui.elbow.title')}
      busy={view !== currentView || partial !== currentPartial}
      summary={
        live || !view ? (
          t('ui.elbow.computing', { done: points.length, total: kMax })
        ) : (
          <ElbowSummary view={view} metric={metric} />
        )
      }
      controls={
        <label>
          {t('ui.elbow.qualityIndex')}
          <select value={metric} onChange={(e) => setMetric(e.target.value as MetricName)}>
            {(Object.keys(INDEX_CHOICES) as MetricName[]).map((m) => (
              <option key={m} value={m}>
                {t(INDEX_CHOICES[m])}
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
            label={{ value: t('ui.elbow.axisK'), position: 'insideBottom', offset: -4 }}
            height={40}
          />
          <YAxis
            interval={0}
            yAxisId="inertia"
            tickFormatter={(v: number) => format.number(v, 0)}
            width={72}
          />
          <YAxis
            interval={0}
            yAxisId="index"
            orientation="right"
            tickFormatter={(v: number) => format.number(v, 2)}
            width={56}
          />
          <Line
            yAxisId="inertia"
            dataKey="inertia"
            name={t('ui.elbow.inertia')}
            stroke="#4e79a7"
            strokeWidth={2}
            isAnimationActive={false}
            dot={{ r: 3 }}
            connectNulls
          />
          <Line
            yAxisId="index"
            dataKey="index"
            name={t(INDEX_NAMES[metric])}
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
              label={{
                value: t('ui.elbow.recommended'),
                position: 'top',
                fill: '#2f6e2a',
                fontSize: 12,
              }}
            />
          )}
          {recommendation && selectedK !== null && selectedK !== recommendation.k && (
            <ReferenceLine
              yAxisId="inertia"
              x={selectedK}
              stroke="#555"
              label={{ value: t('ui.elbow.shown'), position: 'top', fontSize: 12 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        label={t('ui.elbow.lines')}
        items={[
          { label: t('ui.elbow.inertiaLine'), colour: '#4e79a7', mark: 'line' },
          {
            label: t('ui.elbow.indexLine', { index: t(INDEX_NAMES[metric]) }),
            colour: '#f28e2b',
            mark: 'line',
          },
          ...(recommendation
            ? [{ label: t('ui.elbow.recommendedLine'), colour: '#59a14f', mark: 'dashed' as const }]
            : []),
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.chart.values')}</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('ui.elbow.valuesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col" className="num">
                {t('ui.elbow.inertia')}
              </th>
              <th scope="col" className="num">
                {t(INDEX_NAMES.silhouette)}
              </th>
              <th scope="col" className="num">
                {t(INDEX_NAMES.daviesBouldin)}
              </th>
              <th scope="col" className="num">
                {t(INDEX_NAMES.calinskiHarabasz)}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.k}>
                <th scope="row">{p.k}</th>
                <td className="num">{format.number(p.inertia)}</td>
                <td className="num">{format.number(p.silhouette, 3)}</td>
                <td className="num">{format.number(p.daviesBouldin, 3)}</td>
                <td className="num">{format.number(p.calinskiHarabasz, 1)}</td>
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
  const { t } = useTranslation();
  const format = useFormats();
  const render = useRenderNode();
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
  const gap = t('ui.common.sentenceGap');
  return (
    <>
      {t('ui.elbow.falls', {
        first: format.number(first.inertia),
        firstK: first.k,
        last: format.number(last.inertia),
        lastK: last.k,
      })}
      {best && (
        <>
          {gap}
          {t('ui.elbow.best', {
            index: t(INDEX_CHOICES[metric]),
            k: best.k,
            value: format.number(best[metric], 3),
          })}
        </>
      )}
      {gap}
      {t('ui.elbow.recommendation', { k: recommendation.k })}
      {gap}
      {render(recommendation.reason)}
      {silhouetteSampleSize < analysedRows && (
        <>
          {gap}
          {t('ui.elbow.sampled', { sample: silhouetteSampleSize, rows: analysedRows })}
        </>
      )}
    </>
  );
}
