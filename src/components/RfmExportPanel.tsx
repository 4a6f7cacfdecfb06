import { useTranslation } from 'react-i18next';
import { ExportDialectChoice } from './ExportDialectChoice';
import { SaveAnalysis } from './SaveAnalysis';
import { ReportButton } from './ReportButton';
import { selectIsStale, selectRfmSegmentSummary, selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { Data, useJoin, useRenderNode, useRich } from './richText';
import { useSegmentNames } from './segmentNames';
import { selectSegmentNames } from '../store/modelSlice';

/** The RFM table's columns (the file's own names, the same in every language). */
const COLUMNS = ['customer', 'recency', 'frequency', 'monetary', 'R', 'F', 'M', 'segment'];

/** The per-customer RFM table: everyone, one named segment, or one cluster. */
export function RfmExportPanel() {
  const { t } = useTranslation();
  const rich = useRich();
  const join = useJoin();
  const render = useRenderNode();
  const names = useSegmentNames();
  const clusterNames = useStore(selectSegmentNames);
  const rfmView = useStore((s) => s.rfmView);
  const kView = useStore(selectShownK);
  const stale = useStore(selectIsStale);
  const download = useStore((s) => s.downloadRfm);
  const summary = useStore(selectRfmSegmentSummary);
  if (!rfmView) return null;
  const segments = (summary ?? []).filter((row) => row.customers > 0);
  const clusters = kView && !stale && kView.rfmCells !== null ? kView.profiles.segments : [];
  const columns = clusters.length > 0 ? [...COLUMNS, 'cluster', 'cluster_label'] : COLUMNS;
  return (
    <div className="export">
      <ExportDialectChoice />
      <button type="button" className="primary" onClick={() => void download({})}>
        {t('ui.rfmExport.table')}
      </button>
      <span className="hint">
        {' '}
        {rich('ui.rfmExport.tableHint', {
          columns: <>{join(columns.map((column) => <Data key={column}>{column}</Data>))}</>,
        })}
      </span>
      <h3>{t('ui.rfmExport.bySegment')}</h3>
      <ul className="export__list">
        {segments.map((row) => (
          <li key={row.segment}>
            <button type="button" onClick={() => void download({ segment: row.segment })}>
              {rich('ui.rfmExport.segment', {
                name: <>{names.node(row.segment)}</>,
                count: row.customers,
              })}
            </button>
          </li>
        ))}
      </ul>
      {clusters.length > 0 && (
        <>
          <h3>{t('ui.rfmExport.byCluster')}</h3>
          <ul className="export__list">
            {clusters.map((cluster) => {
              const name = clusterNames.segments[cluster.id]?.trim() || null;
              return (
                <li key={cluster.id}>
                  <button type="button" onClick={() => void download({ cluster: cluster.id })}>
                    {rich('ui.rfmExport.cluster', {
                      id: cluster.id,
                      label: name !== null ? <Data>{name}</Data> : <>{render(cluster.label)}</>,
                      count: cluster.size,
                    })}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <ReportButton />
      <SaveAnalysis />
    </div>
  );
}
