import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { ALGORITHM_NAMES, METRIC_NAMES } from './clusteringNames';
import { useFormats } from './format';
import { useRenderNode } from './richText';
import { TableScroll } from './TableScroll';

/** Sizes listed in the comparison; the rest are counted. */
const LISTED_SIZES = 8;

/**
 * k-means, hierarchical and DBSCAN on the same rows, side by side: how many clusters, how much
 * noise, the quality indices, the sizes, and how much any two agree (adjusted Rand index).
 */
export function AlgorithmComparison() {
  const { t } = useTranslation();
  const render = useRenderNode();
  const format = useFormats();
  const comparison = useStore((s) => s.comparison);
  const compare = useStore((s) => s.compareAlgorithms);
  const busy = useStore((s) => s.phase !== 'ready');
  const stale = useStore((s) => s.comparison !== null && s.comparison.options !== s.viewOptions);
  const result = comparison?.result ?? null;
  return (
    <div className="comparison">
      <p>
        <button type="button" onClick={() => void compare()} disabled={busy}>
          {t('ui.compare.run')}
        </button>{' '}
        <span className="hint">{t('ui.compare.hint')}</span>
      </p>
      {result && comparison && (
        <>
          {stale && <p className="hint">{t('ui.compare.stale')}</p>}
          <TableScroll
            className="data-table comparison__table"
            caption={t('ui.compare.caption', {
              rows: result.analysedRows,
              sample: result.silhouetteSampleSize,
              distance: t(METRIC_NAMES[result.metric]),
            })}
          >
            <thead>
              <tr>
                <th scope="col">{t('ui.compare.algorithm')}</th>
                <th scope="col">{t('ui.compare.settings')}</th>
                <th scope="col" className="num">
                  {t('ui.compare.segments')}
                </th>
                <th scope="col" className="num">
                  {t('ui.compare.noise')}
                </th>
                <th scope="col" className="num">
                  {t('ui.elbow.index.silhouette')}
                </th>
                <th scope="col" className="num">
                  {t('ui.elbow.index.daviesBouldin')}
                </th>
                <th scope="col" className="num">
                  {t('ui.elbow.index.calinskiHarabasz')}
                </th>
                <th scope="col">{t('ui.compare.sizes')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => {
                const sizes = row.sizes
                  .slice(0, LISTED_SIZES)
                  .map(format.count)
                  .join(t('ui.common.comma'));
                return (
                  <tr key={row.algorithm}>
                    <th scope="row" className="nowrap">
                      {t(ALGORITHM_NAMES[row.algorithm])}
                    </th>
                    <td className="comparison__settings">{render(row.settings)}</td>
                    <td className="num">{format.count(row.clusters)}</td>
                    <td className="num">{format.percent(row.noiseShare)}</td>
                    <td className="num">{format.number(row.silhouette, 3)}</td>
                    <td className="num">{format.number(row.daviesBouldin, 3)}</td>
                    <td className="num">{format.number(row.calinskiHarabasz, 1)}</td>
                    <td>
                      {row.sizes.length > LISTED_SIZES
                        ? t('ui.compare.moreSizes', {
                            sizes,
                            count: row.sizes.length - LISTED_SIZES,
                          })
                        : sizes}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </TableScroll>
          <TableScroll
            className="data-table data-table--compact"
            caption={t('ui.compare.agreement')}
          >
            <thead>
              <tr>
                <td />
                {result.rows.map((row) => (
                  <th key={row.algorithm} scope="col" className="num">
                    {t(ALGORITHM_NAMES[row.algorithm])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, a) => (
                <tr key={row.algorithm}>
                  <th scope="row">{t(ALGORITHM_NAMES[row.algorithm])}</th>
                  {result.agreement[a].map((value, b) => (
                    <td key={b} className="num">
                      {format.number(value, 3)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </>
      )}
    </div>
  );
}
