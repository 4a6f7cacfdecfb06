import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { BottomAxis, SideAxis, ticksOf } from './plot/Axes';
import { MarkLine, SeriesLine } from './plot/Marks';
import { PlotFrame, type PlotBox } from './plot/PlotFrame';
import { fixedAxis, linearAxis } from './plot/scale';

/** At most this many points drawn: the curve is smooth, and fewer points draw faster. */
const DRAWN = 400;
const K_DISTANCE_MARGIN = { top: 16, right: 24, bottom: 48, left: 64 };
const DISTANCE_COLOUR = '#4e79a7';
const SUGGESTED_COLOUR = '#59a14f';
const IN_USE_COLOUR = '#e15759';

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
      <PlotFrame height={240} margin={K_DISTANCE_MARGIN}>
        {(box) => (
          <KDistanceDrawing
            box={box}
            data={data}
            suggestedEps={density.suggestedEps}
            eps={density.eps}
            title={t('ui.kDistance.axis')}
          />
        )}
      </PlotFrame>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          {
            label: t('ui.kDistance.distanceLine', { minPts: density.minPts }),
            colour: DISTANCE_COLOUR,
            mark: 'line',
          },
          {
            label: t('ui.kDistance.suggestedLine', { eps: density.suggestedEps }),
            colour: SUGGESTED_COLOUR,
            mark: 'dashed',
          },
          ...(density.eps !== density.suggestedEps
            ? [
                {
                  label: t('ui.kDistance.inUseLine', { eps: density.eps }),
                  colour: IN_USE_COLOUR,
                  mark: 'dashed' as const,
                },
              ]
            : []),
        ]}
      />
    </ChartFigure>
  );
}

/** The sorted distances as a line against the share of rows, and eps marked across. */
function KDistanceDrawing({
  box,
  data,
  suggestedEps,
  eps,
  title,
}: {
  box: PlotBox;
  data: readonly { share: number; distance: number }[];
  suggestedEps: number;
  eps: number;
  title: string;
}) {
  const format = useFormats();
  const x = fixedAxis([0, 100], box.left, box.right);
  const y = linearAxis([...data.map((p) => p.distance), suggestedEps, eps], box.bottom, box.top, {
    zero: true,
  });
  return (
    <>
      <BottomAxis
        box={box}
        ticks={ticksOf(x, (v) => format.percent(v / 100, 0))}
        title={title}
        titleAt="end"
      />
      <SideAxis box={box} ticks={ticksOf(y, (v, digits) => format.number(v, digits))} />
      <SeriesLine
        points={data.map((p) => [x.at(p.share), y.at(p.distance)])}
        colour={DISTANCE_COLOUR}
      />
      <MarkLine box={box} y={y.at(suggestedEps)} colour={SUGGESTED_COLOUR} dash="4 3" />
      {eps !== suggestedEps && (
        <MarkLine box={box} y={y.at(eps)} colour={IN_USE_COLOUR} dash="6 2" />
      )}
    </>
  );
}
