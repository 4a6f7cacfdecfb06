import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { selectCanSave } from '../store/modelSlice';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { SegmentNameFields } from './SegmentNameFields';

/**
 * Save analysis (#17): the segmentation on show as a model file, with the names the user gave
 * its segments (the fields here, unless the panel around shows them already).
 */
export function SaveAnalysis({ withNames = true }: { withNames?: boolean }) {
  const { t } = useTranslation();
  const kView = useStore(selectShownK);
  const canSave = useStore(selectCanSave);
  const save = useStore((s) => s.saveAnalysis);
  const hintId = useId();
  if (!kView) return null;
  return (
    <div className="save-analysis">
      <h3>{t('ui.model.save')}</h3>
      {withNames ? <SegmentNameFields /> : null}
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
