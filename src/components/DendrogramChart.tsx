import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { METRIC_NAMES } from './clusteringNames';
import { LINKAGE_NAMES } from './ClusteringSummary';
import { useFormats } from './format';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 30, left: 60 };

/**
 * The top of the hierarchical clustering's tree (its last merges, over at most 30 clusters):
 * each merge drawn at its height, the leaves' sizes below them, and the cut that gives the
 * segments on show as a dashed line.
 */
export function DendrogramChart() {
  const { t } = useTranslation();
  const format = useFormats();
  const hierarchy = useStore((s) => s.view?.hierarchy ?? null);
  const metric = useStore((s) => s.view?.metric ?? 'euclidean');
  const analysedRows = useStore((s) => s.view?.analysedRows ?? 0);
  const selectedK = useStore((s) => s.selectedK);
  const layout = useMemo(() => {
    if (!hierarchy) return null;
    const { leaves, merges } = hierarchy.dendrogram;
    const top = merges.length > 0 ? merges[merges.length - 1].height : 1;
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const y = (height: number) => MARGIN.top + plotHeight * (1 - height / (top || 1));
    const x: number[] = leaves.map(
      (_, i) => MARGIN.left + (plotWidth * (i + 0.5)) / Math.max(1, leaves.length),
    );
    const heights: number[] = leaves.map(() => 0);
    const paths = merges.map((merge) => {
      const xl = x[merge.left];
      const xr = x[merge.right];
      const path = `M${xl},${y(heights[merge.left])}V${y(merge.height)}H${xr}V${y(heights[merge.right])}`;
      x.push((xl + xr) / 2);
      heights.push(merge.height);
      return path;
    });
    return { leaves, merges, paths, x, y, top };
  }, [hierarchy]);
  if (!hierarchy || !layout) return null;
  const cut =
    hierarchy.cutHeight ?? (selectedK !== null ? hierarchy.cutHeights[selectedK - 1] : null);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * layout.top);
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
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="dendrogram"
        role="img"
        aria-label={t('ui.dendrogram.image', {
          leaves: layout.leaves.length,
          merges: layout.merges.length,
          top: format.number(layout.top),
        })}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left - 4}
              x2={WIDTH - MARGIN.right}
              y1={layout.y(tick)}
              y2={layout.y(tick)}
              stroke="#e5e5e5"
            />
            <text x={MARGIN.left - 8} y={layout.y(tick) + 4} textAnchor="end" fontSize={13}>
              {format.number(tick)}
            </text>
          </g>
        ))}
        {layout.paths.map((d, i) => (
          <path key={i} d={d} fill="none" stroke="#4e79a7" strokeWidth={1.5} />
        ))}
        {layout.leaves.map((leaf, i) => (
          <text
            key={i}
            x={layout.x[i]}
            y={HEIGHT - MARGIN.bottom + 14}
            textAnchor="middle"
            fontSize={layout.leaves.length > 20 ? 10 : 12}
          >
            {format.count(leaf.size)}
          </text>
        ))}
        {cut !== null && cut !== undefined && cut <= layout.top && (
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={layout.y(cut)}
            y2={layout.y(cut)}
            stroke="#e15759"
            strokeDasharray="6 3"
            strokeWidth={1.5}
          />
        )}
      </svg>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          { label: t('ui.dendrogram.mergeLine'), colour: '#4e79a7', mark: 'line' },
          { label: t('ui.dendrogram.cutLine'), colour: '#e15759', mark: 'dashed' },
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.dendrogram.heights')}</summary>
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">{t('ui.dendrogram.heightsCaption')}</caption>
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
          </table>
        </div>
      </details>
    </ChartFigure>
  );
}
