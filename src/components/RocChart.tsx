import { useTranslation } from 'react-i18next';
import { Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ModelView } from '../core/session/predictSession';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { useRender } from './useRender';

const MODEL_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f'];

/** The ROC curve of each model on the held-out rows (yes/no targets), with chance's diagonal. */
export function RocChart({ models }: { models: readonly ModelView[] }) {
  const { t } = useTranslation();
  const format = useFormats();
  const renderText = useRender();
  const curves = models.filter((model) => model.roc !== null && model.rocAuc !== null);
  if (curves.length === 0) return null;
  const summary = t('ui.classify.predict.rocSummary', {
    models: curves
      .map((model) =>
        t('ui.classify.predict.rocModel', {
          model: renderText(model.label),
          auc: format.fixed(model.rocAuc ?? 0, 3),
        }),
      )
      .join(t('ui.common.comma')),
  });
  return (
    <ChartFigure title={t('ui.classify.predict.rocTitle')} summary={summary}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart margin={{ top: 16, right: 16, bottom: 16, left: 8 }}>
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, 1]}
            tickFormatter={(v: number) => format.fixed(v, 1)}
            label={{ value: t('ui.classify.predict.rocX'), position: 'insideBottom', offset: -8 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[0, 1]}
            tickFormatter={(v: number) => format.fixed(v, 1)}
            width={48}
            label={{ value: t('ui.classify.predict.rocY'), angle: -90, position: 'insideLeft' }}
          />
          <Line
            data={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            dataKey="y"
            name={t('ui.classify.predict.rocChance')}
            stroke="#9aa5b1"
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
          {curves.map((model, m) => (
            <Line
              key={model.model}
              data={Array.from(model.roc!.falsePositiveRate, (x, i) => ({
                x,
                y: model.roc!.truePositiveRate[i],
              }))}
              dataKey="y"
              name={renderText(model.label)}
              stroke={MODEL_COLOURS[m % MODEL_COLOURS.length]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        label={t('ui.classify.predict.rocLegend')}
        items={[
          ...curves.map((model, m) => ({
            label: renderText(model.label),
            colour: MODEL_COLOURS[m % MODEL_COLOURS.length],
            mark: 'line' as const,
          })),
          { label: t('ui.classify.predict.rocChance'), colour: '#9aa5b1', mark: 'dashed' as const },
        ]}
      />
    </ChartFigure>
  );
}
