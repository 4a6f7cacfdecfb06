import { useTranslation } from 'react-i18next';
import { SaveAnalysis } from './SaveAnalysis';
import { ReportButton } from './ReportButton';
import { useShallow } from 'zustand/react/shallow';
import { selectClusterNames } from '../store/modelSlice';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { Data, useRenderNode, useRich } from './richText';

/** Downloads, made in the worker from the original rows and saved straight from memory. */
export function ExportPanel() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const kView = useStore(selectShownK);
  const download = useStore((s) => s.downloadSegments);
  // The names the user gave the segments (#17), shown instead of their labels.
  const names = useStore(useShallow(selectClusterNames));
  if (!kView) return null;
  return (
    <div className="export">
      <button type="button" className="primary" onClick={() => void download(null)}>
        {t('ui.export.all')}
      </button>
      <span className="hint">
        {' '}
        {rich('ui.export.allHint', {
          // The file's own column names, the same in every language.
          segment: <Data>segment</Data>,
          label: <Data>segment_label</Data>,
        })}
      </span>
      <ul className="export__list">
        {kView.profiles.segments.map((segment) => (
          <li key={segment.id}>
            <button type="button" onClick={() => void download(segment.id)}>
              {segment.id < 0
                ? t('ui.export.noise', { count: segment.size })
                : rich('ui.export.segment', {
                    id: segment.id,
                    label:
                      names[segment.id] != null ? (
                        <Data>{names[segment.id]}</Data>
                      ) : (
                        <>{render(segment.label)}</>
                      ),
                    count: segment.size,
                  })}
            </button>
          </li>
        ))}
      </ul>
      <ReportButton />
      <SaveAnalysis />
    </div>
  );
}
