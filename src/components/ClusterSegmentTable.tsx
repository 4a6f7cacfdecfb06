import { useTranslation } from 'react-i18next';
import { selectClusterSegmentTable, selectNamedSegmentMap, selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { segmentColour } from './palette';
import { useRenderNode, useRich } from './richText';
import { useSegmentNames } from './segmentNames';
import { TableScroll } from './TableScroll';

/**
 * Clusters found on RFM against the named segments: how the data's own grouping lines up with
 * the classic rules. Each cell's shade is its share of the cluster.
 */
export function ClusterSegmentTable() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const names = useSegmentNames();
  const kView = useStore(selectShownK);
  const map = useStore(selectNamedSegmentMap);
  const table = useStore(selectClusterSegmentTable);
  if (!kView || table === null) return null;
  const used = map.names
    .map((_, s) => ({ s, total: table.reduce((sum, row) => sum + row[s], 0) }))
    .filter((column) => column.total > 0);
  const labels = new Map(kView.profiles.segments.map((s) => [s.id, s.label]));
  return (
    <TableScroll className="data-table cross-table" caption={t('ui.crossTable.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('ui.crossTable.cluster')}</th>
          {used.map((column) => (
            <th key={column.s} scope="col" className="num">
              {names.node(column.s)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('ui.crossTable.all')}
          </th>
        </tr>
      </thead>
      <tbody>
        {table.map((row, cluster) => {
          const size = row.reduce((a, b) => a + b, 0);
          const label = labels.get(cluster);
          return (
            <tr key={cluster}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: segmentColour(cluster) }}
                  aria-hidden="true"
                />
                {rich('ui.segments.named', {
                  id: cluster,
                  label: <>{label && render(label)}</>,
                })}
              </th>
              {used.map((column) => (
                <td
                  key={column.s}
                  className="num"
                  style={{
                    background: `rgba(31, 95, 153, ${(size > 0 ? (0.6 * row[column.s]) / size : 0).toFixed(2)})`,
                  }}
                >
                  {format.count(row[column.s])}
                </td>
              ))}
              <td className="num">{format.count(size)}</td>
            </tr>
          );
        })}
      </tbody>
    </TableScroll>
  );
}
