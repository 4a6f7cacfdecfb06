import { useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { formatPercent } from './format';

/** Variance explained by each principal component, and cumulatively. */
export function ScreeChart() {
  const pca = useStore((s) => s.view?.pca ?? null);
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
    <ChartFigure title="Principal components (scree)" summary={summary}>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={data} margin={{ top: 16, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
          <XAxis dataKey="component" />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={48} />
          <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
          <Legend verticalAlign="bottom" height={24} />
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
    </ChartFigure>
  );
}
