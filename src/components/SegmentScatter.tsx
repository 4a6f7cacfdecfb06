import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { scatterSeries } from '../store/selectors';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { useFormats } from './format';
import { segmentColour } from './palette';
import { useFeatureNames } from './featureNames';
import { useJoin, useRenderNode, useRich } from './richText';
import { useLaterValue } from './useLaterValue';
import { ColumnName, ColumnOption, shortName } from './ColumnName';
import { fittedAxis } from './plot/chartTicks';
import { BottomAxis, GridLines, SideAxis, ticksOf } from './plot/Axes';
import { crossesPath, dotsPath, type Px } from './plot/paths';
import { PlotFrame, type PlotBox } from './plot/PlotFrame';
import { linearAxis } from './plot/scale';

const RADIUS = 3;
// Room on the left for six-digit values (120,000) and the axis's title beside them.
const SCATTER_MARGIN = { top: 8, right: 16, bottom: 52, left: 100 };

type ScatterData = NonNullable<ReturnType<typeof scatterSeries>>;

/**
 * The points of every segment, one path a segment, and the segments' centres as crosses, on
 * axes that span them all.
 */
function ScatterDrawing({
  box,
  data,
  xTitle,
  yTitle,
}: {
  box: PlotBox;
  data: ScatterData;
  xTitle: string;
  yTitle: string;
}) {
  const format = useFormats();
  const spanned = [...data.extent, ...data.centres];
  const tick = (v: number, digits: number) => format.number(v, digits);
  const x = fittedAxis(
    (count) =>
      linearAxis(
        spanned.map((p) => p.x),
        box.left,
        box.right,
        { count },
      ),
    tick,
  );
  const y = linearAxis(
    spanned.map((p) => p.y),
    box.bottom,
    box.top,
  );
  const place = (points: readonly { x: number; y: number }[]): Px[] =>
    points.map((p) => [x.at(p.x), y.at(p.y)]);
  return (
    <>
      <GridLines box={box} x={x.ticks.map(x.at)} y={y.ticks.map(y.at)} />
      <BottomAxis box={box} ticks={ticksOf(x, tick)} title={xTitle} />
      <SideAxis box={box} ticks={ticksOf(y, tick)} title={yTitle} titleOffset={84} />
      <g className="segment-points">
        {data.series.map((s) => (
          <path
            key={s.id}
            d={dotsPath(place(s.points), RADIUS)}
            fill={segmentColour(s.id)}
            fillOpacity={0.55}
            data-segment={s.id}
            data-points={s.points.length}
          />
        ))}
      </g>
      <path className="segment-centres" d={crossesPath(place(data.centres), 10)} fill="#111" />
    </>
  );
}

/** Customers on two axes (principal components or original features), coloured by segment. */
export function SegmentScatter() {
  // After a new analysis the scatter mounts in a task of its own; a new k shows at once.
  const { t } = useTranslation();
  const rich = useRich();
  const join = useJoin();
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
        <PlotFrame height={380} margin={SCATTER_MARGIN}>
          {(box) => (
            <ScatterDrawing box={box} data={data} xTitle={axisLabel(x)} yTitle={axisLabel(y)} />
          )}
        </PlotFrame>
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
