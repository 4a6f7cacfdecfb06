import { useRender } from './useRender';
import { ALGORITHM_LABELS, METRIC_LABELS } from '../store/vocabulary';

import { useStore } from '../store/useStore';
import { formatCount, formatNumber, formatPercent } from './format';

/**
 * k-means, hierarchical and DBSCAN on the same rows, side by side: how many clusters, how much
 * noise, the quality indices, the sizes, and how much any two agree (adjusted Rand index).
 */
export function AlgorithmComparison() {
  const comparison = useStore((s) => s.comparison);
  const render = useRender();
  const compare = useStore((s) => s.compareAlgorithms);
  const busy = useStore((s) => s.phase !== 'ready');
  const stale = useStore((s) => s.comparison !== null && s.comparison.options !== s.viewOptions);
  const result = comparison?.result ?? null;
  return (
    <div className="comparison">
      <p>
        <button type="button" onClick={() => void compare()} disabled={busy}>
          Compare algorithms
        </button>{' '}
        <span className="hint">
          Runs k-means, hierarchical clustering and DBSCAN on the rows analysed here, with the
          settings above, and scores them alike.
        </span>
      </p>
      {result && comparison && (
        <>
          {stale && (
            <p className="hint">
              This comparison is of earlier settings: compare again to update it.
            </p>
          )}
          <table className="data-table">
            <caption>
              Algorithm comparison on {formatCount(result.analysedRows)} rows (silhouette on{' '}
              {formatCount(result.silhouetteSampleSize)} of them, {METRIC_LABELS[result.metric]}{' '}
              distance; noise left out of the indices)
            </caption>
            <thead>
              <tr>
                <th scope="col">Algorithm</th>
                <th scope="col">Settings</th>
                <th scope="col" className="num">
                  Segments
                </th>
                <th scope="col" className="num">
                  Noise
                </th>
                <th scope="col" className="num">
                  Silhouette
                </th>
                <th scope="col" className="num">
                  Davies-Bouldin
                </th>
                <th scope="col" className="num">
                  Calinski-Harabasz
                </th>
                <th scope="col">Sizes</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.algorithm}>
                  <th scope="row">{ALGORITHM_LABELS[row.algorithm]}</th>
                  <td>{render(row.settings)}</td>
                  <td className="num">{row.clusters}</td>
                  <td className="num">{formatPercent(row.noiseShare)}</td>
                  <td className="num">{formatNumber(row.silhouette, 3)}</td>
                  <td className="num">{formatNumber(row.daviesBouldin, 3)}</td>
                  <td className="num">{formatNumber(row.calinskiHarabasz, 1)}</td>
                  <td>
                    {row.sizes.slice(0, 8).map(formatCount).join(', ')}
                    {row.sizes.length > 8 ? `, … (${row.sizes.length - 8} more)` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table data-table--compact">
            <caption>
              Agreement between algorithms (adjusted Rand index: 1 is the same segments, 0 is
              chance)
            </caption>
            <thead>
              <tr>
                <td />
                {result.rows.map((row) => (
                  <th key={row.algorithm} scope="col" className="num">
                    {ALGORITHM_LABELS[row.algorithm]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, a) => (
                <tr key={row.algorithm}>
                  <th scope="row">{ALGORITHM_LABELS[row.algorithm]}</th>
                  {result.agreement[a].map((value, b) => (
                    <td key={b} className="num">
                      {formatNumber(value, 3)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
