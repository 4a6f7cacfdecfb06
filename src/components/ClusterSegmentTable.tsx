import { useRender } from './useRender';
import { selectClusterSegmentTable, selectNamedSegmentMap, selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { formatCount } from './format';
import { segmentColour } from './palette';

/**
 * Clusters found on RFM against the named segments: how the data's own grouping lines up with
 * the classic rules. Each cell's shade is its share of the cluster.
 */
export function ClusterSegmentTable() {
  const kView = useStore(selectShownK);
  const render = useRender();
  const map = useStore(selectNamedSegmentMap);
  const table = useStore(selectClusterSegmentTable);
  if (!kView || table === null) return null;
  const used = map.names
    .map((name, s) => ({ name, s, total: table.reduce((sum, row) => sum + row[s], 0) }))
    .filter((column) => column.total > 0);
  const labels = new Map(kView.profiles.segments.map((s) => [s.id, render(s.label)]));
  return (
    <div className="table-scroll">
      <table className="data-table cross-table">
        <caption>Clusters by RFM segment</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            {used.map((column) => (
              <th key={column.s} scope="col" className="num">
                {column.name}
              </th>
            ))}
            <th scope="col" className="num">
              All
            </th>
          </tr>
        </thead>
        <tbody>
          {table.map((row, cluster) => {
            const size = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={cluster}>
                <th scope="row">
                  <span
                    className="swatch"
                    style={{ background: segmentColour(cluster) }}
                    aria-hidden="true"
                  />
                  {cluster}: {labels.get(cluster)}
                </th>
                {used.map((column) => (
                  <td
                    key={column.s}
                    className="num"
                    style={{
                      background: `rgba(31, 95, 153, ${(size > 0 ? (0.6 * row[column.s]) / size : 0).toFixed(2)})`,
                    }}
                  >
                    {formatCount(row[column.s])}
                  </td>
                ))}
                <td className="num">{formatCount(size)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
