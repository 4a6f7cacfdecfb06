import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useFormats } from './format';
import { segmentColour } from './palette';
import { useFeatureNames } from './featureNames';
import { useJoin, useRenderNode, useRich } from './richText';
import { useLaterValue } from './useLaterValue';
import { ColumnName, ColumnOption, shortName } from './ColumnName';

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
  const { t } = useTranslation();
  const rich = useRich();
  const join = useJoin();
  const format = useFormats();
  const render = useRenderNode();
  const features = useFeatureNames();
  const currentView = useStore((s) => s.view);
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
  // Original features are named by their column (or, for order lines, by the page); the
  // components by their share of the variance.
  const feature = (id: string) => (id.startsWith('feature:') ? id.slice('feature:'.length) : null);
  const isData = (id: string) => {
    const name = feature(id);
    return name !== null && features.isData(name);
  };
  const label = (id: string) => {
    const name = feature(id);
    return name !== null ? features.text(name) : (axes.find((a) => a.id === id)?.label ?? id);
  };
  // An axis's title is drawn text: a long column name is shortened (the select names it whole).
  const axisLabel = (id: string) => (isData(id) ? shortName(label(id)) : label(id));
  const labelNode = (id: string) => (isData(id) ? <ColumnName name={label(id)} /> : label(id));
  const sampled = data.shown < total;
  const segments = join(
    kView.profiles.segments.map((segment) =>
      rich('ui.scatter.segment', {
        id: segment.id,
        label: <>{render(segment.label)}</>,
        size: segment.size,
      }),
    ),
    'semicolon',
  );
  const summary = rich(sampled ? 'ui.scatter.sampled' : 'ui.scatter.all', {
    x: <>{labelNode(x)}</>,
    y: <>{labelNode(y)}</>,
    shown: data.shown,
    total,
    segments: <>{segments}</>,
  });
  const axisSelect = (name: string, value: string, onChange: (id: string) => void) => (
    <label>
      {name}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {axes.map((a) =>
          // Original features are the user's column names.
          isData(a.id) ? (
            <ColumnOption key={a.id} name={label(a.id)} value={a.id} />
          ) : (
            <option key={a.id} value={a.id}>
              {label(a.id)}
            </option>
          ),
        )}
      </select>
    </label>
  );
  return (
    <ChartFigure
      title={t('ui.scatter.title')}
      wide
      busy={view !== currentView}
      summary={summary}
      controls={
        <>
          {axisSelect(t('ui.scatter.horizontal'), x, (id) => setAxes(id, y))}
          {axisSelect(t('ui.scatter.vertical'), y, (id) => setAxes(x, id))}
        </>
      }
    >
      {/* What is drawn is numbers and the axes' names: the user's, when they are columns. */}
      <div translate={isData(x) || isData(y) ? 'no' : undefined}>
        <ResponsiveContainer width="100%" height={380}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
            <XAxis
              interval={0}
              type="number"
              dataKey="x"
              name={label(x)}
              tickFormatter={(v: number) => format.number(v, 1)}
              label={{ value: axisLabel(x), position: 'insideBottom', offset: -8 }}
              height={44}
              domain={['auto', 'auto']}
            />
            <YAxis
              interval={0}
              type="number"
              dataKey="y"
              name={label(y)}
              tickFormatter={(v: number) => format.number(v, 1)}
              label={{ value: axisLabel(y), angle: -90, position: 'insideLeft' }}
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
              name={t('ui.scatter.centres')}
              data={data.centres}
              fill="#111"
              shape="cross"
              isAnimationActive={false}
              legendType="cross"
            />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <ul className="legend" aria-label={t('ui.scatter.legend')}>
        {data.series.map((s) => (
          <li key={s.id}>
            <span
              className="swatch swatch--round"
              style={{ background: segmentColour(s.id) }}
              aria-hidden="true"
            />
            {s.id < 0
              ? t('ui.segments.noise')
              : rich('ui.segments.named', { id: s.id, label: <>{render(s.label)}</> })}
          </li>
        ))}
        <li>
          <span className="legend__cross" aria-hidden="true">
            ✚
          </span>
          {t('ui.scatter.centre')}
        </li>
      </ul>
    </ChartFigure>
  );
}
