import { METRIC_LABELS } from '../store/vocabulary';
import { useMemo } from 'react';

import { useStore } from '../store/useStore';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { formatCount, formatNumber } from './format';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 30, left: 60 };

/**
 * The top of the hierarchical clustering's tree (its last merges, over at most 30 clusters):
 * each merge drawn at its height, the leaves' sizes below them, and the cut that gives the
 * segments on show as a dashed line.
 */
export function DendrogramChart() {
  const hierarchy = useStore((s) => s.view?.hierarchy ?? null);
  const metric = useStore((s) => s.view?.metric ?? 'euclidean');
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
      title="Dendrogram"
      summary={
        <>
          The last {layout.merges.length} merges of the {hierarchy.linkage} linkage tree (
          {METRIC_LABELS[metric]} distance) over {formatCount(rows)} rows
          {rows < hierarchy.maxRows ? '' : ' (a seeded sample)'}; each leaf is a cluster, labelled
          with its rows. The highest merge is at {formatNumber(layout.top)}
          {cut !== null && cut !== undefined
            ? `; the dashed line at ${formatNumber(cut)} cuts the tree into the ${selectedK ?? ''} segments on show.`
            : '.'}
        </>
      }
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="dendrogram"
        role="img"
        aria-label={`Dendrogram: ${layout.leaves.length} clusters joined by ${layout.merges.length} merges, highest at ${formatNumber(layout.top)}`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={MARGIN.left - 4}
              x2={WIDTH - MARGIN.right}
              y1={layout.y(t)}
              y2={layout.y(t)}
              stroke="#e5e5e5"
            />
            <text x={MARGIN.left - 8} y={layout.y(t) + 4} textAnchor="end" fontSize={13}>
              {formatNumber(t)}
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
            {leaf.size}
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
        label="Series"
        items={[
          { label: 'Merge (height = linkage distance)', colour: '#4e79a7', mark: 'line' },
          { label: 'Cut for the segments on show', colour: '#e15759', mark: 'dashed' },
        ]}
      />
      <details className="chart__values">
        <summary>Merge heights</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">
            Height of the cut that gives each number of segments
          </caption>
          <thead>
            <tr>
              <th scope="col">Segments</th>
              <th scope="col" className="num">
                Cut height
              </th>
            </tr>
          </thead>
          <tbody>
            {hierarchy.cutHeights.map((height, i) =>
              height === null ? null : (
                <tr key={i}>
                  <th scope="row">{i + 1}</th>
                  <td className="num">{formatNumber(height, 4)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </details>
    </ChartFigure>
  );
}
