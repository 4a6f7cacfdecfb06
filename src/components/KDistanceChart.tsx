import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';

/** At most this many points drawn: the curve is smooth, and fewer points draw faster. */
const DRAWN = 400;

/**
 * DBSCAN's sorted k-distance plot (k = minimum points): each sampled row's distance to its k-th
 * nearest row, ascending. Rows left of where the curve shoots up are in dense regions; eps is
 * read at that knee. The eps in use and the suggested one are marked.
 */
export function KDistanceChart() {
  const { t } = useTranslation();
  const format = useFormats();
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
      title={t('ui.kDistance.title')}
      summary={[
        t('ui.kDistance.sorted', { rows: m, minPts: density.minPts }),
        t('ui.kDistance.knee', {
          suggested: density.suggestedEps,
          eps: density.eps,
          share: format.percent(within / m),
        }),
        t('ui.kDistance.found', { clusters: density.clusters, noise: density.noise }),
      ].join(t('ui.common.sentenceGap'))}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <XAxis
            dataKey="share"
            type="number"
            domain={[0, 100]}
            tickFormatter={(v: number) => format.percent(v / 100, 0)}
            label={{ value: t('ui.kDistance.axis'), position: 'insideBottomRight', offset: -4 }}
          />
          <YAxis width={56} tickFormatter={(v: number) => format.number(v)} />
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
        label={t('ui.chart.series')}
        items={[
          {
            label: t('ui.kDistance.distanceLine', { minPts: density.minPts }),
            colour: '#4e79a7',
            mark: 'line',
          },
          {
            label: t('ui.kDistance.suggestedLine', { eps: density.suggestedEps }),
            colour: '#59a14f',
            mark: 'dashed',
          },
          ...(density.eps !== density.suggestedEps
            ? [
                {
                  label: t('ui.kDistance.inUseLine', { eps: density.eps }),
                  colour: '#e15759',
                  mark: 'dashed' as const,
                },
              ]
            : []),
        ]}
      />
    </ChartFigure>
  );
}
