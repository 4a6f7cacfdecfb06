import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { useFeatureNames } from './featureNames';
import { useJoin, useRich } from './richText';
import { thinnedTicks } from './chartTicks';
import { useElementWidth } from './useElementWidth';
import { useLaterValue } from './useLaterValue';

/** The width of the percentage axis, and with the margins what the bars do not get. */
const SCREE_AXIS_PX = 48;
// Room on the right for half the last component's label (PC18), centred under its bar.
const SCREE_RIGHT_PX = 24;
const SCREE_SIDES_PX = SCREE_AXIS_PX + 8 + SCREE_RIGHT_PX;

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
  const [measure, width] = useElementWidth();
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
  // Bars share the plot (the width less the margins and the percentage axis) evenly.
  const ticks = thinnedTicks(
    data.map((d) => d.component),
    (width - SCREE_SIDES_PX) / data.length,
    (component) => component,
  );
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
      <div ref={measure}>
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart
            data={data}
            margin={{ top: 16, right: SCREE_RIGHT_PX, bottom: 8, left: 8 }}
          >
            <XAxis dataKey="component" interval={0} ticks={ticks} />
            <YAxis
              domain={[0, 100]}
              tickFormatter={(v: number) => format.percent(v / 100, 0)}
              width={SCREE_AXIS_PX}
            />
            <Bar
              dataKey="variance"
              name={t('ui.scree.variance')}
              fill="#76b7b2"
              isAnimationActive={false}
            />
            <Line
              dataKey="cumulative"
              name={t('ui.scree.cumulative')}
              stroke="#e15759"
              strokeWidth={2}
              isAnimationActive={false}
              dot={{ r: 3 }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          { label: t('ui.scree.variance'), colour: '#76b7b2', mark: 'box' },
          { label: t('ui.scree.cumulative'), colour: '#e15759', mark: 'line' },
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.scree.values')}</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('ui.scree.valuesCaption')}</caption>
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
        </table>
      </details>
    </ChartFigure>
  );
}
