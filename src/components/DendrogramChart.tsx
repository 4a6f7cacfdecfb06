import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { METRIC_NAMES } from './clusteringNames';
import { LINKAGE_NAMES } from './ClusteringSummary';
import { useFormats } from './format';
import { leafLabels, tickLabelWidth, turnedLabelSpacing } from './plot/chartTicks';
import { useElementWidth } from './useElementWidth';
import { TableScroll } from './TableScroll';
import { ScrollRegion } from './ScrollRegion';

/** The drawing's width before it is measured (and in jsdom, which measures nothing). */
const WIDTH = 640;
/** The merges' part of the drawing, in px high. */
const PLOT_HEIGHT = 218;
const TOP = 12;
const RIGHT = 12;
/** The heights' labels on the left, and the leaves' sizes below, in px. */
const TICK_FONT = 13;
const LEAF_FONT = 12;
/** From the lowest merge's line to its leaf's label, and below the labels, in px. */
const LEAF_GAP = 6;
const BOTTOM_GAP = 4;

/**
 * The top of the hierarchical clustering's tree (its last merges, over at most 30 clusters):
 * each merge drawn at its height, the leaves' sizes below them, and the cut that gives the
 * segments on show as a dashed line. Drawn at the width it is shown at, so that its text keeps its
 * size: each leaf's size is written upright where it fits, else turned on its side; narrower than
 * the leaves need then (a phone), the drawing keeps that width and scrolls sideways.
 */
export function DendrogramChart() {
  const { t } = useTranslation();
  const format = useFormats();
  const hierarchy = useStore((s) => s.view?.hierarchy ?? null);
  const metric = useStore((s) => s.view?.metric ?? 'euclidean');
  const analysedRows = useStore((s) => s.view?.analysedRows ?? 0);
  const selectedK = useStore((s) => s.selectedK);
  const [measure, measured] = useElementWidth();
  const layout = useMemo(() => {
    if (!hierarchy) return null;
    const { leaves, merges } = hierarchy.dendrogram;
    const top = merges.length > 0 ? merges[merges.length - 1].height : 1;
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
      height: f * top,
      label: format.number(f * top),
    }));
    const left =
      Math.ceil(Math.max(...ticks.map((tick) => tickLabelWidth(tick.label, TICK_FONT)))) + 12;
    // Every leaf keeps the room its label needs on its side.
    const narrowest = left + RIGHT + leaves.length * turnedLabelSpacing(LEAF_FONT);
    const width = measured > 0 ? Math.max(narrowest, Math.floor(measured)) : WIDTH;
    const spacing = (width - left - RIGHT) / Math.max(1, leaves.length);
    const labels = leaves.map((leaf) => format.count(leaf.size));
    const { turned, depth } = leafLabels(labels, spacing, LEAF_FONT);
    const bottom = TOP + PLOT_HEIGHT;
    const y = (height: number) => TOP + PLOT_HEIGHT * (1 - height / (top || 1));
    const x: number[] = leaves.map((_, i) => left + spacing * (i + 0.5));
    const heights: number[] = leaves.map(() => 0);
    const paths = merges.map((merge) => {
      const xl = x[merge.left];
      const xr = x[merge.right];
      const path = `M${xl},${y(heights[merge.left])}V${y(merge.height)}H${xr}V${y(heights[merge.right])}`;
      x.push((xl + xr) / 2);
      heights.push(merge.height);
      return path;
    });
    return {
      leaves,
      merges,
      paths,
      x,
      y,
      top,
      ticks,
      left,
      width,
      bottom,
      height: bottom + LEAF_GAP + depth + BOTTOM_GAP,
      labels,
      turned,
    };
  }, [hierarchy, measured, format]);
  if (!hierarchy || !layout) return null;
  const cut =
    hierarchy.cutHeight ?? (selectedK !== null ? hierarchy.cutHeights[selectedK - 1] : null);
  const { rows } = hierarchy.dendrogram;
  return (
    <ChartFigure
      title={t('ui.dendrogram.title')}
      summary={[
        t(rows < analysedRows ? 'ui.dendrogram.mergesSampled' : 'ui.dendrogram.merges', {
          merges: layout.merges.length,
          linkage: t(LINKAGE_NAMES[hierarchy.linkage]),
          distance: t(METRIC_NAMES[metric]),
          rows,
        }),
        cut !== null && cut !== undefined
          ? t('ui.dendrogram.highestCut', {
              top: format.number(layout.top),
              cut: format.number(cut),
              k: selectedK ?? '',
            })
          : t('ui.dendrogram.highest', { top: format.number(layout.top) }),
      ].join(t('ui.common.sentenceGap'))}
    >
      <ScrollRegion className="dendrogram-frame" label={t('ui.dendrogram.title')} ref={measure}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="dendrogram"
          role="img"
          aria-label={t('ui.dendrogram.image', {
            leaves: layout.leaves.length,
            merges: layout.merges.length,
            top: format.number(layout.top),
          })}
        >
          {layout.ticks.map((tick) => (
            <g key={tick.height}>
              <line
                x1={layout.left - 4}
                x2={layout.width - RIGHT}
                y1={layout.y(tick.height)}
                y2={layout.y(tick.height)}
                stroke="#e5e5e5"
              />
              <text
                x={layout.left - 8}
                y={layout.y(tick.height) + 4}
                textAnchor="end"
                fontSize={TICK_FONT}
              >
                {tick.label}
              </text>
            </g>
          ))}
          {layout.paths.map((d, i) => (
            <path key={i} d={d} fill="none" stroke="#4e79a7" strokeWidth={1.5} />
          ))}
          <g className="dendrogram__leaves" fontSize={LEAF_FONT}>
            {layout.labels.map((label, i) =>
              layout.turned ? (
                // On its side, reading upwards, its end at the leaf.
                <text
                  key={i}
                  transform={`translate(${layout.x[i]},${layout.bottom + LEAF_GAP}) rotate(-90)`}
                  textAnchor="end"
                  dy="0.35em"
                >
                  {label}
                </text>
              ) : (
                <text
                  key={i}
                  x={layout.x[i]}
                  y={layout.bottom + LEAF_GAP + LEAF_FONT}
                  textAnchor="middle"
                >
                  {label}
                </text>
              ),
            )}
          </g>
          {cut !== null && cut !== undefined && cut <= layout.top && (
            <line
              x1={layout.left}
              x2={layout.width - RIGHT}
              y1={layout.y(cut)}
              y2={layout.y(cut)}
              stroke="#e15759"
              strokeDasharray="6 3"
              strokeWidth={1.5}
            />
          )}
        </svg>
      </ScrollRegion>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          { label: t('ui.dendrogram.mergeLine'), colour: '#4e79a7', mark: 'line' },
          { label: t('ui.dendrogram.cutLine'), colour: '#e15759', mark: 'dashed' },
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.dendrogram.heights')}</summary>
        <TableScroll
          className="data-table data-table--compact"
          caption={t('ui.dendrogram.heightsCaption')}
          captionHidden
        >
          <thead>
            <tr>
              <th scope="col">{t('ui.dendrogram.segments')}</th>
              <th scope="col" className="num">
                {t('ui.dendrogram.cutHeight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {hierarchy.cutHeights.map((height, i) =>
              height === null ? null : (
                <tr key={i}>
                  <th scope="row">{i + 1}</th>
                  <td className="num">{format.number(height, 4)}</td>
                </tr>
              ),
            )}
          </tbody>
        </TableScroll>
      </details>
    </ChartFigure>
  );
}
