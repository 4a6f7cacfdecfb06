import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { useFeatureNames } from './featureNames';
import { useJoin, useRich } from './richText';
import { BottomAxis, SideAxis, ticksOf } from './plot/Axes';
import { thinnedTicks } from './plot/chartTicks';
import { SeriesLine } from './plot/Marks';
import { barsPath, type Px } from './plot/paths';
import { PlotFrame, type PlotBox } from './plot/PlotFrame';
import { bandAxis, fixedAxis } from './plot/scale';
import { useLaterValue } from './useLaterValue';
import { TableScroll } from './TableScroll';

// Room on the left for the percentages, and on the right for half the last component's label
// (PC18), centred under its bar.
const SCREE_MARGIN = { top: 16, right: 24, bottom: 32, left: 56 };
const VARIANCE_COLOUR = '#76b7b2';
const CUMULATIVE_COLOUR = '#e15759';

/** Variance explained by each principal component, and cumulatively. */
export function ScreeChart() {
  const { t } = useTranslation();
  const rich = useRich();
  const join = useJoin();
  const format = useFormats();
  const features = useFeatureNames();
  // Charts take turns after a new analysis (see useLaterValue).
  const currentPca = useStore((s) => s.view?.pca ?? null);
  const pca = useLaterValue(currentPca, 100);
  const data = useMemo(
    () =>
      pca?.ratios.map((ratio, c) => ({
        component: `PC${c + 1}`,
        variance: ratio * 100,
        cumulative: pca.cumulative[c] * 100,
      })) ?? [],
    [pca],
  );
  if (!pca || data.length === 0) return null;
  const twoD = pca.cumulative[Math.min(1, pca.cumulative.length - 1)];
  const top = pca.loadings[0]
    .map((loading, j) => ({ name: pca.featureNames[j], loading }))
    .sort((a, b) => Math.abs(b.loading) - Math.abs(a.loading))
    .slice(0, 3)
    .map((f) => <span key={f.name}>{features.node(f.name)}</span>);
  const summary = rich(pca.ratios.length > 1 ? 'ui.scree.two' : 'ui.scree.one', {
    share: format.percent(pca.ratios[0]),
    both: format.percent(twoD),
    features: <>{join(top)}</>,
  });
  return (
    <ChartFigure title={t('ui.scree.title')} summary={summary} busy={pca !== currentPca}>
      <PlotFrame height={240} margin={SCREE_MARGIN}>
        {(box) => <ScreeDrawing box={box} data={data} />}
      </PlotFrame>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          { label: t('ui.scree.variance'), colour: VARIANCE_COLOUR, mark: 'box' },
          { label: t('ui.scree.cumulative'), colour: CUMULATIVE_COLOUR, mark: 'line' },
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.scree.values')}</summary>
        <TableScroll
          className="data-table data-table--compact"
          caption={t('ui.scree.valuesCaption')}
          captionHidden
        >
          <thead>
            <tr>
              <th scope="col">{t('ui.scree.component')}</th>
              <th scope="col" className="num">
                {t('ui.scree.varianceColumn')}
              </th>
              <th scope="col" className="num">
                {t('ui.scree.cumulative')}
              </th>
              {pca.featureNames.map((name) => (
                <th key={name} scope="col" className="num">
                  {features.node(name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pca.ratios.map((ratio, c) => (
              <tr key={c}>
                <th scope="row">{`PC${c + 1}`}</th>
                <td className="num">{format.percent(ratio)}</td>
                <td className="num">{format.percent(pca.cumulative[c])}</td>
                {pca.loadings[c].map((loading, j) => (
                  <td key={j} className="num">
                    {format.fixed(loading, 2)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </TableScroll>
      </details>
    </ChartFigure>
  );
}

/** Each component's share as a bar, and the running total as a line, on one 0-100 % axis. */
function ScreeDrawing({
  box,
  data,
}: {
  box: PlotBox;
  data: readonly { component: string; variance: number; cumulative: number }[];
}) {
  const format = useFormats();
  const y = fixedAxis([0, 100], box.bottom, box.top);
  // The components share the plot's width evenly; each bar takes most of its band.
  const x = bandAxis(data.length, box.left, box.right);
  const shownLabels = new Set(
    thinnedTicks(
      data.map((d) => d.component),
      x.band,
      (c) => c,
    ),
  );
  const ticks = data.flatMap((d, i) =>
    shownLabels.has(d.component) ? [{ at: x.centre(i), label: d.component }] : [],
  );
  const bars = barsPath(
    data.map((d, i) => [x.centre(i), y.at(d.variance)]),
    Math.max(1, x.band * 0.8),
    box.bottom,
  );
  const line: Px[] = data.map((d, i) => [x.centre(i), y.at(d.cumulative)]);
  return (
    <>
      <BottomAxis box={box} ticks={ticks} />
      <SideAxis box={box} ticks={ticksOf(y, (v) => format.percent(v / 100, 0))} />
      <path className="scree-bars" d={bars} fill={VARIANCE_COLOUR} />
      <SeriesLine points={line} colour={CUMULATIVE_COLOUR} dots={3} />
    </>
  );
}
