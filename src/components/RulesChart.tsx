import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleRow } from '../core/basket/rulesTable';
import type { RulesChart as RulesChartData } from '../core/basket/rulesChart';
import { ChartFigure } from './ChartFigure';
import { useFormats } from './format';
import { fittedAxis } from './plot/chartTicks';
import { BottomAxis, GridLines, SideAxis, ticksOf } from './plot/Axes';
import { dotsPath, type Px } from './plot/paths';
import { PlotFrame, type PlotBox } from './plot/PlotFrame';
import { fixedAxis, linearAxis, type LinearAxis } from './plot/scale';
import { useRuleText } from './ruleItems';
import { useRich } from './richText';

/** Lift bands and their colours: below 1 (grey, less than chance), then ever darker blues. */
const BANDS = [1, 2, 5, 10];
const COLOURS = ['#b0b0b0', '#9ecae1', '#4292c6', '#08519c', '#e15759'];
const RULES_MARGIN = { top: 16, right: 16, bottom: 52, left: 72 };
const RADIUS = 4.5;

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
      <PlotFrame height={320} margin={RULES_MARGIN}>
        {(box) => (
          <RulesDrawing
            box={box}
            bands={bands}
            labelled={labelled}
            titles={{
              support: t('ui.baskets.chart.support'),
              confidence: t('ui.baskets.chart.confidence'),
            }}
          />
        )}
      </PlotFrame>
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
              // Two decimals, as the rules table writes a lift (61.90, not 61.9 beside 53.85).
              lift: format.fixed(rule.lift, 2),
              confidence: format.percent(rule.confidence, 1),
            })}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

/** The axis cut to 0..1 where its round domain ran past a share's bounds. */
function withinShares(axis: LinearAxis, from: number, to: number, count = 5): LinearAxis {
  const [low, high] = axis.domain;
  if (low >= 0 && high <= 1) return axis;
  return fixedAxis([Math.max(0, low), Math.min(1, high)], from, to, count);
}

/**
 * The rules' points, one path for each lift band, the highest lift drawn last; the numbered rules
 * ringed, their rank above them.
 */
function RulesDrawing({
  box,
  bands,
  labelled,
  titles,
}: {
  box: PlotBox;
  bands: readonly Point[][];
  labelled: readonly Point[];
  titles: { support: string; confidence: string };
}) {
  const format = useFormats();
  const all = bands.flat();
  // Percentages: two of a fraction's decimals are taken by the per cent.
  const supportTick = (v: number, digits: number) => format.percent(v, Math.max(0, digits - 2));
  // Support and confidence are shares: their axes never run past 100 %.
  const x = fittedAxis(
    (count) =>
      withinShares(
        linearAxis(
          all.map((p) => p.support),
          box.left,
          box.right,
          { count, zero: true },
        ),
        box.left,
        box.right,
        count,
      ),
    supportTick,
  );
  const y = withinShares(
    linearAxis(
      all.map((p) => p.confidence),
      box.bottom,
      box.top,
    ),
    box.bottom,
    box.top,
  );
  const place = (p: Point): Px => [x.at(p.support), y.at(p.confidence)];
  return (
    <>
      <GridLines box={box} x={x.ticks.map(x.at)} y={y.ticks.map(y.at)} />
      <BottomAxis box={box} ticks={ticksOf(x, supportTick)} title={titles.support} />
      <SideAxis
        box={box}
        ticks={ticksOf(y, (v, digits) => format.percent(v, Math.max(0, digits - 2)))}
        title={titles.confidence}
        titleOffset={56}
      />
      {bands.map((points, band) => (
        <path
          key={band}
          className="rule-points"
          d={dotsPath(points.map(place), RADIUS)}
          fill={COLOURS[band]}
          data-points={points.length}
        />
      ))}
      <g className="rule-ranks">
        {labelled.map((point) => {
          const [cx, cy] = place(point);
          return (
            <g key={point.rank}>
              <circle cx={cx} cy={cy} r={RADIUS + 1} fill="none" stroke="#222" />
              <text x={cx} y={cy - RADIUS - 4} textAnchor="middle" fontSize={11} fill="#222">
                {point.rank}
              </text>
            </g>
          );
        })}
      </g>
    </>
  );
}
