import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureDistribution } from '../core/profile/segmentDistribution';
import { useFeatureNames } from './featureNames';
import { useFormats } from './format';
import { segmentColour } from './palette';
import { useRich } from './richText';
import { TableScroll } from './TableScroll';
import { ScrollRegion } from './ScrollRegion';

const WIDTH = 640;
const ROW = 46;
const BAR_HEIGHT = 36;
const LEFT = 44;
const RIGHT = 16;
const AXIS = 28;

/**
 * One small histogram per segment on the shared bins the worker computed (equal widths from the
 * smallest value to the largest), each scaled to its own tallest bin so that a small segment's
 * shape shows as clearly as a big one's; the counts themselves are in the table below.
 */
export function SegmentHistogram({
  distribution,
  labelOf,
}: {
  distribution: FeatureDistribution;
  labelOf: (segment: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const rich = useRich();
  const format = useFormats();
  const names = useFeatureNames();
  const { edges } = distribution;
  const bins = Math.max(0, edges.length - 1);
  const plotted = distribution.segments.filter((s) => s.count > 0);
  if (bins === 0 || plotted.length === 0) return null;
  const low = edges[0];
  const high = edges[bins];
  const barWidth = (WIDTH - LEFT - RIGHT) / bins;
  const height = plotted.length * ROW + AXIS;
  const x = (v: number) =>
    LEFT + (high > low ? ((v - low) / (high - low)) * (WIDTH - LEFT - RIGHT) : 0);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => low + f * (high - low));
  return (
    <>
      {/* On a phone the chart keeps a readable size and scrolls sideways. */}
      <ScrollRegion className="histogram__scroll" label={t('ui.distribution.title')}>
        <svg
          className="histogram"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-label={t('ui.distribution.histogramName', { count: plotted.length, bins })}
        >
          {plotted.map((s, i) => {
            const base = i * ROW + ROW - 4;
            const tallest = Math.max(...s.bins);
            const colour = segmentColour(s.segment);
            return (
              <g key={s.segment} className="histogram__segment">
                <text x={4} y={base - BAR_HEIGHT / 2 + 4} fontSize={12}>
                  {s.segment < 0 ? '−1' : String(s.segment)}
                </text>
                <line x1={LEFT} x2={WIDTH - RIGHT} y1={base} y2={base} stroke="currentColor" />
                {s.bins.map((count, b) =>
                  count === 0 ? null : (
                    <rect
                      key={b}
                      className="histogram__bar"
                      x={LEFT + b * barWidth + 0.5}
                      y={base - (count / tallest) * BAR_HEIGHT}
                      width={Math.max(1, barWidth - 1)}
                      height={(count / tallest) * BAR_HEIGHT}
                      fill={colour}
                      fillOpacity={0.75}
                    />
                  ),
                )}
              </g>
            );
          })}
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
          caption={rich('ui.distribution.histogramCaption', {
            feature: <>{names.node(distribution.feature)}</>,
          })}
        >
          <thead>
            <tr>
              <th scope="col">{t('ui.distribution.bin')}</th>
              {distribution.segments.map((s) => (
                <th key={s.segment} scope="col" className="num">
                  {labelOf(s.segment)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: bins }, (_, b) => (
              <tr key={b}>
                <th scope="row">
                  {t('ui.distribution.binRange', {
                    from: format.number(edges[b]),
                    to: format.number(edges[b + 1]),
                  })}
                </th>
                {distribution.segments.map((s) => (
                  <td key={s.segment} className="num">
                    {format.count(s.bins[b])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </TableScroll>
      </details>
    </>
  );
}
