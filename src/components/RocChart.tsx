import { useTranslation } from 'react-i18next';
import type { ModelView } from '../core/session/predictViews';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { BottomAxis, GridLines, SideAxis, ticksOf } from './plot/Axes';
import { SeriesLine } from './plot/Marks';
import { PlotFrame } from './plot/PlotFrame';
import { fixedAxis } from './plot/scale';
import { useRender } from './useRender';

const MODEL_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f'];
const CHANCE_COLOUR = '#9aa5b1';
const ROC_MARGIN = { top: 16, right: 16, bottom: 52, left: 64 };

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
      <PlotFrame height={280} margin={ROC_MARGIN}>
        {(box) => {
          const x = fixedAxis([0, 1], box.left, box.right);
          const y = fixedAxis([0, 1], box.bottom, box.top);
          const tick = (v: number) => format.fixed(v, 1);
          return (
            <>
              <GridLines box={box} x={x.ticks.map(x.at)} y={y.ticks.map(y.at)} />
              <BottomAxis
                box={box}
                ticks={ticksOf(x, tick)}
                title={t('ui.classify.predict.rocX')}
              />
              <SideAxis
                box={box}
                ticks={ticksOf(y, tick)}
                title={t('ui.classify.predict.rocY')}
                titleOffset={48}
              />
              <SeriesLine
                points={[
                  [x.at(0), y.at(0)],
                  [x.at(1), y.at(1)],
                ]}
                colour={CHANCE_COLOUR}
                width={1}
                dash="4 4"
              />
              {curves.map((model, m) => {
                const roc = model.roc!;
                return (
                  <SeriesLine
                    key={model.model}
                    points={Array.from(roc.falsePositiveRate, (fpr, i) => [
                      x.at(fpr),
                      y.at(roc.truePositiveRate[i]),
                    ])}
                    colour={MODEL_COLOURS[m % MODEL_COLOURS.length]}
                    width={1.5}
                  />
                );
              })}
            </>
          );
        }}
      </PlotFrame>
      <ChartLegend
        label={t('ui.classify.predict.rocLegend')}
        items={[
          ...curves.map((model, m) => ({
            label: renderText(model.label),
            colour: MODEL_COLOURS[m % MODEL_COLOURS.length],
            mark: 'line' as const,
          })),
          {
            label: t('ui.classify.predict.rocChance'),
            colour: CHANCE_COLOUR,
            mark: 'dashed' as const,
          },
        ]}
      />
    </ChartFigure>
  );
}
