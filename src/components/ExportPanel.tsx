import { useTranslation } from 'react-i18next';
import { selectSegmentNames } from '../store/modelSlice';
import { ExportDialectChoice } from './ExportDialectChoice';
import { ReportButton } from './ReportButton';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { Data, useRenderNode, useRich } from './richText';
import { SaveAnalysis } from './SaveAnalysis';
import { SegmentNameFields } from './SegmentNameFields';

/**
 * Downloads, made in the worker from the original rows and saved straight from memory: the
 * segments' names (#18), the CSV format (ExportDialectChoice), all rows
 * (every row of the file, the ones set aside with their reason) and each segment's rows.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const kView = useStore(selectShownK);
  const download = useStore((s) => s.downloadSegments);
  const names = useStore(selectSegmentNames);
  if (!kView) return null;
  const nameOf = (id: number) => (id < 0 ? names.noise : names.segments[id])?.trim() || null;
  return (
    <div className="export">
      <SegmentNameFields />
      <ExportDialectChoice />
      <button type="button" className="primary" onClick={() => void download(null)}>
        {t('ui.export.all')}
      </button>
      <span className="hint">
        {' '}
        {rich('ui.exportFile.allHint', {
          // The file's own column names, the same in every language.
          segment: <Data>segment</Data>,
          label: <Data>segment_label</Data>,
          reason: <Data>set_aside_reason</Data>,
        })}
      </span>
      <ul className="export__list">
        {kView.profiles.segments.map((segment) => {
          const name = nameOf(segment.id);
          return (
            <li key={segment.id}>
              <button type="button" onClick={() => void download(segment.id)}>
                {segment.id < 0 && name === null
                  ? t('ui.export.noise', { count: segment.size })
                  : rich('ui.export.segment', {
                      id: segment.id,
                      label: name !== null ? <Data>{name}</Data> : <>{render(segment.label)}</>,
                      count: segment.size,
                    })}
              </button>
            </li>
          );
        })}
      </ul>
      <ReportButton />
      <SaveAnalysis withNames={false} />
    </div>
  );
}
