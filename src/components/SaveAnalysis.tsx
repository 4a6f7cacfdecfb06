import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectCanSave, selectClusterNames } from '../store/modelSlice';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useRender } from './useRender';

/**
 * Save analysis (#17): the segmentation on show as a model file, with the names the user gives
 * its segments here (one labelled field per segment; empty keeps the analysis' label).
 */
export function SaveAnalysis() {
  const { t } = useTranslation();
  const render = useRender();
  const kView = useStore(selectShownK);
  const canSave = useStore(selectCanSave);
  // A new list at each call: compared entry by entry, so that the page does not draw in a loop.
  const names = useStore(useShallow(selectClusterNames));
  const rename = useStore((s) => s.renameCluster);
  const save = useStore((s) => s.saveAnalysis);
  // Order lines: the RFM segments have names of their own (the segment map), these are clusters.
  const clusters = useStore((s) => s.mode === 'transactions');
  const hintId = useId();
  if (!kView) return null;
  const segments = kView.profiles.segments.filter((segment) => segment.id >= 0);
  return (
    <div className="save-analysis">
      <h3>{t('ui.model.save')}</h3>
      <fieldset className="save-analysis__names">
        <legend>{clusters ? t('ui.model.renameClusters') : t('ui.model.rename')}</legend>
        <p className="hint">{t('ui.model.renameHint')}</p>
        <div className="save-analysis__fields">
          {segments.map((segment) => (
            <label key={segment.id} className="save-analysis__field">
              <span>
                {clusters
                  ? t('ui.model.renameClusterField', { id: segment.id })
                  : t('ui.model.renameField', { id: segment.id })}
              </span>
              <input
                type="text"
                value={names[segment.id] ?? ''}
                placeholder={render(segment.label)}
                translate="no"
                maxLength={200}
                onChange={(event) => rename(segment.id, event.target.value)}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <button
        type="button"
        className="primary"
        disabled={!canSave}
        aria-describedby={hintId}
        onClick={() => void save()}
      >
        {t('ui.model.save')}
      </button>
      <p id={hintId} className="hint">
        {t('ui.model.saveHint')}
      </p>
    </div>
  );
}
