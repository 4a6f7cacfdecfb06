import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricName, State } from '../store/types';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { thinnedTicks } from './plot/chartTicks';
import { BottomAxis, SideAxis, ticksOf } from './plot/Axes';
import { MarkLine, SeriesLine } from './plot/Marks';
import type { Px } from './plot/paths';
import { PlotFrame, type PlotBox } from './plot/PlotFrame';
import { fixedAxis, linearAxis } from './plot/scale';
import { useRenderNode, type UiKey } from './richText';
import { TableScroll } from './TableScroll';

const ELBOW_HEIGHT = 280;
// Room on the left for an inertia of eight digits (10,000,000).
const ELBOW_MARGIN = { top: 24, right: 64, bottom: 48, left: 96 };
const INERTIA_COLOUR = '#4e79a7';
const INDEX_COLOUR = '#f28e2b';

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
  // Deferred, so a new chart renders in the background where it can; from null when the chart
  // mounts, so that its first drawing is not part of the page's update that mounted it.
  const currentView = useStore((s) => s.view);
  const currentPartial = useStore((s) => (s.phase === 'analysing' ? s.partialElbow : null));
  const view = useDeferredValue(currentView, null);
  const partial = useDeferredValue(currentPartial, null);
  const kMax = useStore((s) => s.options.kMax);
  const metric = useStore((s) => s.metric);
  const setMetric = useStore((s) => s.setMetric);
  const selectedK = useStore((s) => s.selectedK);
  const live = partial !== null && partial.length > 0;
  const points = pointsShown(partial, view);
  const data = useMemo(
    () => points?.map((p) => ({ k: p.k, inertia: p.inertia, index: p[metric] })) ?? [],
    [points, metric],
  );
  if (!points || points.length === 0) {
    // Mounted with points that its first, deferred drawing has not reached yet: the figure
    // holds its place and says it is busy (what the tests and assistive technology wait on).
    const coming = pointsShown(currentPartial, currentView);
    return coming && coming.length > 0 ? (
      <ChartFigure title={t('ui.elbow.title')} busy summary="">
        <div className="plot" style={{ height: ELBOW_HEIGHT }} />
      </ChartFigure>
    ) : null;
  }
  // While it fills in, the axis runs to the k asked for (or further, if that was lowered meanwhile).
  const lastK = live ? Math.max(kMax, ...points.map((p) => p.k)) : points[points.length - 1].k;
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
      <PlotFrame height={ELBOW_HEIGHT} margin={ELBOW_MARGIN}>
        {(box) => (
          <ElbowDrawing
            box={box}
            data={data}
            lastK={lastK}
            recommended={recommendation?.k ?? null}
            shown={recommendation && selectedK !== recommendation.k ? selectedK : null}
            labels={{
              k: t('ui.elbow.axisK'),
              recommended: t('ui.elbow.recommended'),
              shown: t('ui.elbow.shown'),
            }}
          />
        )}
      </PlotFrame>
      <ChartLegend
        label={t('ui.elbow.lines')}
        items={[
          { label: t('ui.elbow.inertiaLine'), colour: INERTIA_COLOUR, mark: 'line' },
          {
            label: t('ui.elbow.indexLine', { index: t(INDEX_NAMES[metric]) }),
            colour: INDEX_COLOUR,
            mark: 'line',
          },
          ...(recommendation
            ? [{ label: t('ui.elbow.recommendedLine'), colour: '#59a14f', mark: 'dashed' as const }]
            : []),
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.chart.values')}</summary>
        <TableScroll
          className="data-table data-table--compact"
          caption={t('ui.elbow.valuesCaption')}
          captionHidden
        >
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
                <td className="num">{format.amount(p.inertia)}</td>
                <td className="num">{format.number(p.silhouette, 3)}</td>
                <td className="num">{format.number(p.daviesBouldin, 3)}</td>
                <td className="num">{format.number(p.calinskiHarabasz, 1)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      </details>
    </ChartFigure>
  );
}

/**
 * The points the elbow draws: the partial elbow while it fills in, else the finished one. DBSCAN
 * has one result, not a curve: its k-distance plot takes this place.
 */
function pointsShown(
  partial: State['partialElbow'] | null,
  view: State['view'],
): State['partialElbow'] | undefined {
  if (partial !== null && partial.length > 0) return partial;
  return view?.algorithm === 'dbscan' ? undefined : view?.elbow;
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
        first: format.amount(first.inertia),
        firstK: first.k,
        last: format.amount(last.inertia),
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

/**
 * The elbow's drawing: inertia on the left axis, the quality index on the right, both against k,
 * and the recommended k (and the k on show, when another) marked across.
 */
function ElbowDrawing({
  box,
  data,
  lastK,
  recommended,
  shown,
  labels,
}: {
  box: PlotBox;
  data: readonly { k: number; inertia: number; index: number | null }[];
  lastK: number;
  recommended: number | null;
  shown: number | null;
  labels: { k: string; recommended: string; shown: string };
}) {
  const format = useFormats();
  const x = fixedAxis([1, Math.max(2, lastK)], box.left, box.right);
  // Every k is labelled where the labels fit (k = 1..20 on a phone keeps every other one).
  const ks = Array.from({ length: lastK }, (_, i) => i + 1);
  const kTicks = thinnedTicks(ks, x.at(2) - x.at(1), String).map((k) => ({
    at: x.at(k),
    label: String(k),
  }));
  const inertia = linearAxis(
    data.map((p) => p.inertia),
    box.bottom,
    box.top,
    { zero: true },
  );
  const index = linearAxis(
    data.map((p) => p.index ?? NaN),
    box.bottom,
    box.top,
    { zero: true },
  );
  const inertiaPoints: Px[] = data.map((p) => [x.at(p.k), inertia.at(p.inertia)]);
  const indexPoints: Px[] = data.map((p) => [
    x.at(p.k),
    p.index === null ? NaN : index.at(p.index),
  ]);
  // Two labels closer than a word's width take two rows.
  const near =
    recommended !== null && shown !== null && Math.abs(x.at(recommended) - x.at(shown)) < 80;
  return (
    <>
      <BottomAxis box={box} ticks={kTicks} title={labels.k} />
      <SideAxis box={box} ticks={ticksOf(inertia, (v, digits) => format.amount(v, digits))} />
      <SideAxis
        box={box}
        side="right"
        ticks={ticksOf(index, (v, digits) => format.number(v, digits))}
      />
      <g className="elbow-lines">
        <SeriesLine points={inertiaPoints} colour={INERTIA_COLOUR} dots={3} />
        <SeriesLine points={indexPoints} colour={INDEX_COLOUR} dots={3} />
      </g>
      {recommended !== null && (
        <MarkLine
          box={box}
          x={x.at(recommended)}
          colour="#59a14f"
          dash="5 4"
          label={labels.recommended}
          labelColour="#2f6e2a"
        />
      )}
      {shown !== null && (
        <MarkLine
          box={box}
          x={x.at(shown)}
          colour="#555"
          label={labels.shown}
          labelRow={near ? 1 : 0}
        />
      )}
    </>
  );
}
