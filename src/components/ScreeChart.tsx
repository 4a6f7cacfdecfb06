import { useMemo } from 'react';
import { Bar, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { formatPercent } from './format';
import { useLaterValue } from './useLaterValue';

/** Variance explained by each principal component, and cumulatively. */
export function ScreeChart() {
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
    .map((f) => f.name);
  const summary = `PC1 explains ${formatPercent(pca.ratios[0])} of the variance${pca.ratios.length > 1 ? `; PC1 and PC2 together ${formatPercent(twoD)}` : ''}. PC1 is mostly ${top.join(', ')}.`;
  return (
    <ChartFigure title="Principal components (scree)" summary={summary} busy={pca !== currentPca}>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={data} margin={{ top: 16, right: 8, bottom: 8, left: 8 }}>
          <XAxis dataKey="component" interval={0} />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={48} />
          <Bar
            dataKey="variance"
            name="Variance explained"
            fill="#76b7b2"
            isAnimationActive={false}
          />
          <Line
            dataKey="cumulative"
            name="Cumulative"
            stroke="#e15759"
            strokeWidth={2}
            isAnimationActive={false}
            dot={{ r: 3 }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ChartLegend
        label="Series"
        items={[
          { label: 'Variance explained', colour: '#76b7b2', mark: 'box' },
          { label: 'Cumulative', colour: '#e15759', mark: 'line' },
        ]}
      />
      <details className="chart__values">
        <summary>Values and loadings</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">
            Variance explained and loadings of each component
          </caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" className="num">
                Variance
              </th>
              <th scope="col" className="num">
                Cumulative
              </th>
              {pca.featureNames.map((name) => (
                <th key={name} scope="col" className="num">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pca.ratios.map((ratio, c) => (
              <tr key={c}>
                <th scope="row">PC{c + 1}</th>
                <td className="num">{formatPercent(ratio)}</td>
                <td className="num">{formatPercent(pca.cumulative[c])}</td>
                {pca.loadings[c].map((loading, j) => (
                  <td key={j} className="num">
                    {loading.toFixed(2)}
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
