import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnOption } from './ColumnName';
import { selectDistribution } from '../store/distributionSlice';
import { useFeatureNames } from './featureNames';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { useFormats } from './format';
import { segmentColour } from './palette';
import { Data, useRenderNode, useRich } from './richText';
import { useElementWidth } from './useElementWidth';
import { SegmentHistogram } from './SegmentHistogram';
import { TableScroll } from './TableScroll';
import { ScrollRegion } from './ScrollRegion';

type ChartKind = 'box' | 'histogram';

/** The plot's width before it is measured (and in jsdom, which measures nothing). */
const WIDTH = 640;
/** Narrower than this, the axis labels would overlap: the plot scrolls instead. */
const MIN_WIDTH = 280;
const ROW = 34;
const LEFT = 44;
const RIGHT = 16;
const AXIS = 28;

/**
 * On demand, one numeric column's spread in each segment: a box plot per segment (minimum,
 * quartiles, median, maximum on one shared axis) or a histogram per segment (SegmentHistogram), a
 * sentence saying from how many rows, and the figures in a table. Computed by the worker from every row, or a seeded sample of big files.
 */
export function SegmentDistribution() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const names = useFeatureNames();
  const kView = useStore(selectShownK);
  const asked = useStore((s) => s.distributionFeature);
  const loading = useStore((s) => s.distributionLoading);
  const problem = useStore((s) => s.distributionError);
  const distribution = useStore(selectDistribution);
  const showDistribution = useStore((s) => s.showDistribution);
  const [chosen, setChosen] = useState<string | null>(null);
  // Drawn at the width it is shown at, so that its labels keep their size on a phone.
  const [measure, measured] = useElementWidth();
  const width = measured > 0 ? Math.max(MIN_WIDTH, Math.floor(measured)) : WIDTH;
  const [chart, setChart] = useState<ChartKind>('box');
  const id = useId();
  if (!kView) return null;
  const features = kView.profiles.population.map((p) => p.feature);
  if (features.length === 0) return null;
  const feature = chosen !== null && features.includes(chosen) ? chosen : (asked ?? features[0]);
  const labelOf = (segment: number) => {
    const found = kView.profiles.segments.find((s) => s.id === segment);
    return segment < 0 || !found
      ? t('ui.segments.noise')
      : rich('ui.segments.named', { id: segment, label: <>{render(found.label)}</> });
  };
  const controls = (
    <>
      {/* Label above its control, as the page's other chart controls. */}
      <label>
        {t('ui.distribution.feature')}
        <select value={feature} onChange={(e) => setChosen(e.target.value)}>
          {features.map((name) =>
            names.isData(name) ? (
              <ColumnOption key={name} name={name} />
            ) : (
              <option key={name} value={name}>
                {names.text(name)}
              </option>
            ),
          )}
        </select>
      </label>
      <button type="button" onClick={() => void showDistribution(feature)} disabled={loading}>
        {t('ui.distribution.show')}
      </button>
      <div role="radiogroup" aria-label={t('ui.distribution.view')} className="chart__view">
        {(['box', 'histogram'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name={`${id}-view`}
              value={kind}
              checked={chart === kind}
              onChange={() => setChart(kind)}
            />
            <span>
              {kind === 'box' ? t('ui.distribution.viewBox') : t('ui.distribution.viewHistogram')}
            </span>
          </label>
        ))}
      </div>
    </>
  );
  const shown = distribution !== null && distribution.feature === feature ? distribution : null;
  const summary = shown
    ? rich(shown.sampled ? 'ui.distribution.summarySampled' : 'ui.distribution.summary', {
        feature: <>{names.node(shown.feature)}</>,
        sample: format.count(shown.sampleSize),
        rows: format.count(shown.rows),
        missing: shown.missing,
      })
    : loading
      ? t('ui.distribution.working')
      : t('ui.distribution.prompt');
  const low = shown?.edges[0] ?? 0;
  const high = shown?.edges[shown.edges.length - 1] ?? 1;
  const x = (v: number) =>
    LEFT + (high > low ? ((v - low) / (high - low)) * (width - LEFT - RIGHT) : 0);
  const plotted = shown?.segments.filter((s) => s.count > 0) ?? [];
  const height = plotted.length * ROW + AXIS;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => low + f * (high - low));
  return (
    <ChartFigure title={t('ui.distribution.title')} summary={summary} controls={controls} wide>
      {problem && <p role="alert">{render(problem)}</p>}
      {shown && plotted.length > 0 && chart === 'histogram' && (
        <SegmentHistogram distribution={shown} labelOf={labelOf} />
      )}
      {shown && plotted.length > 0 && chart === 'box' && (
        <>
          <ScrollRegion className="box-plot-frame" label={t('ui.distribution.title')} ref={measure}>
            <svg
              className="box-plot"
              width={width}
              height={height}
              viewBox={`0 0 ${width} ${height}`}
              role="img"
              aria-label={t('ui.distribution.chartName', { count: plotted.length })}
            >
              {plotted.map((s, i) => {
                const y = i * ROW + ROW / 2;
                const colour = segmentColour(s.segment);
                return (
                  <g key={s.segment}>
                    <text x={4} y={y + 4} fontSize={12}>
                      {s.segment < 0 ? '−1' : String(s.segment)}
                    </text>
                    <line x1={x(s.min)} x2={x(s.max)} y1={y} y2={y} stroke="currentColor" />
                    <line x1={x(s.min)} x2={x(s.min)} y1={y - 6} y2={y + 6} stroke="currentColor" />
                    <line x1={x(s.max)} x2={x(s.max)} y1={y - 6} y2={y + 6} stroke="currentColor" />
                    <rect
                      x={x(s.q1)}
                      y={y - 10}
                      width={Math.max(1, x(s.q3) - x(s.q1))}
                      height={20}
                      fill={colour}
                      fillOpacity={0.55}
                      stroke={colour}
                    />
                    <line
                      x1={x(s.median)}
                      x2={x(s.median)}
                      y1={y - 10}
                      y2={y + 10}
                      stroke="currentColor"
                      strokeWidth={2}
                    />
                  </g>
                );
              })}
              <line
                x1={LEFT}
                x2={width - RIGHT}
                y1={height - AXIS + 4}
                y2={height - AXIS + 4}
                stroke="currentColor"
              />
              {ticks.map((v, i) => (
                <text
                  key={i}
                  x={x(v)}
                  y={height - 6}
                  fontSize={11}
                  textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
                >
                  {format.number(v)}
                </text>
              ))}
            </svg>
          </ScrollRegion>
          <details className="chart__values">
            <summary>{t('ui.chart.values')}</summary>
            <TableScroll
              className="data-table data-table--compact"
              caption={rich('ui.distribution.valuesCaption', {
                feature: <Data>{shown.feature}</Data>,
              })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('ui.rates.segment')}</th>
                  {(['count', 'min', 'q1', 'median', 'q3', 'max'] as const).map((key) => (
                    <th key={key} scope="col" className="num">
                      {t(`ui.distribution.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.segments.map((s) => (
                  <tr key={s.segment}>
                    <th scope="row">{labelOf(s.segment)}</th>
                    <td className="num">{format.count(s.count)}</td>
                    {[s.min, s.q1, s.median, s.q3, s.max].map((v, i) => (
                      <td key={i} className="num">
                        {format.number(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </TableScroll>
          </details>
        </>
      )}
    </ChartFigure>
  );
}
