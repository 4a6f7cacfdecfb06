import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from 'recharts';
import type { RuleRow } from '../core/basket/rulesTable';
import type { RulesChart as RulesChartData } from '../core/basket/rulesChart';
import { ChartFigure } from './ChartFigure';
import { useFormats } from './format';
import { useRuleText } from './ruleItems';
import { useRich } from './richText';

/** Lift bands and their colours: below 1 (grey, less than chance), then ever darker blues. */
const BANDS = [1, 2, 5, 10];
const COLOURS = ['#b0b0b0', '#9ecae1', '#4292c6', '#08519c', '#e15759'];

interface Point {
  support: number;
  confidence: number;
  lift: number;
  rank: number | null;
}

function bandOf(lift: number): number {
  let band = 0;
  while (band < BANDS.length && lift >= BANDS[band]) band++;
  return band;
}

function range(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return [min, max];
}

/** Support against confidence, one point per rule (a sample past 2,000), coloured by lift. */
export function RulesChart({ chart, topRules }: { chart: RulesChartData; topRules: RuleRow[] }) {
  const { t } = useTranslation();
  const rich = useRich();
  const format = useFormats();
  const ruleText = useRuleText();
  const bands = useMemo(() => {
    const byBand: Point[][] = COLOURS.map(() => []);
    for (let p = 0; p < chart.rule.length; p++) {
      byBand[bandOf(chart.lift[p])].push({
        support: chart.support[p],
        confidence: chart.confidence[p],
        lift: chart.lift[p],
        rank: p < chart.labelled ? p + 1 : null,
      });
    }
    return byBand;
  }, [chart]);
  const labelled = useMemo(() => bands.flat().filter((point) => point.rank !== null), [bands]);
  const top = topRules.slice(0, chart.labelled);
  if (chart.rule.length === 0)
    return (
      <ChartFigure title={t('ui.baskets.chart.title')} summary={t('ui.baskets.chart.empty')}>
        {null}
      </ChartFigure>
    );
  const [minSupport, maxSupport] = range(chart.support);
  const [minConfidence, maxConfidence] = range(chart.confidence);
  const [minLift, maxLift] = range(chart.lift);
  const summary = t('ui.baskets.chart.summary', {
    shown: chart.rule.length,
    total: chart.total,
    minSupport: format.percent(minSupport, 2),
    maxSupport: format.percent(maxSupport, 2),
    minConfidence: format.percent(minConfidence, 1),
    maxConfidence: format.percent(maxConfidence, 1),
    minLift: format.number(minLift),
    maxLift: format.number(maxLift),
  });
  const bandLabel = (band: number) =>
    band === 0
      ? t('ui.baskets.chart.below', { value: format.number(BANDS[0]) })
      : band === BANDS.length
        ? t('ui.baskets.chart.above', { value: format.number(BANDS[band - 1]) })
        : t('ui.baskets.chart.between', {
            from: format.number(BANDS[band - 1]),
            to: format.number(BANDS[band]),
          });
  return (
    <ChartFigure title={t('ui.baskets.chart.title')} summary={summary}>
      <ResponsiveContainer width="100%" height={320}>
        <ScatterChart margin={{ top: 16, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
          <XAxis
            type="number"
            dataKey="support"
            name={t('ui.baskets.chart.support')}
            tickFormatter={(v: number) => format.percent(v, 1)}
            label={{ value: t('ui.baskets.chart.support'), position: 'insideBottom', offset: -8 }}
            height={44}
            domain={[0, 'auto']}
          />
          <YAxis
            type="number"
            dataKey="confidence"
            name={t('ui.baskets.chart.confidence')}
            tickFormatter={(v: number) => format.percent(v, 0)}
            label={{ value: t('ui.baskets.chart.confidence'), angle: -90, position: 'insideLeft' }}
            width={64}
            domain={['auto', 'auto']}
          />
          {bands.map((points, band) => (
            <Scatter
              key={band}
              data={points}
              fill={COLOURS[band]}
              isAnimationActive={false}
              shape="circle"
            />
          ))}
          {/* The numbered rules: a ring around each point, its rank above. */}
          <Scatter
            data={labelled}
            fill="none"
            stroke="#222"
            isAnimationActive={false}
            shape="circle"
          >
            <LabelList dataKey="rank" position="top" fontSize={11} fill="#222" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
      <ul className="legend" aria-label={t('ui.baskets.chart.lift')}>
        <li className="legend__title">{t('ui.baskets.chart.lift')}</li>
        {COLOURS.map((colour, band) => (
          <li key={colour}>
            <span
              className="swatch swatch--round"
              style={{ background: colour }}
              aria-hidden="true"
            />
            {bandLabel(band)}
          </li>
        ))}
      </ul>
      <h4 className="rules-chart__top">{t('ui.baskets.chart.top')}</h4>
      <ul className="rules-chart__list">
        {top.map((rule, p) => (
          <li key={rule.rule}>
            {rich('ui.baskets.chart.topItem', {
              rank: p + 1,
              rule: <>{ruleText(rule)}</>,
              lift: format.number(rule.lift),
              confidence: format.percent(rule.confidence, 1),
            })}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
