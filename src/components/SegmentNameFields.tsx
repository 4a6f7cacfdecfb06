import { useTranslation } from 'react-i18next';
import { selectSegmentNames } from '../store/modelSlice';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useRender } from './useRender';

/** Longest name a field takes (the core cuts longer ones too). */
const MAX_NAME = 200;

/**
 * One labelled text field per segment of the segmentation on show (#18), DBSCAN's noise included,
 * each starting with the suggested name (the segment's label in the page's language) and with a
 * button that gives it back. The names are kept for each k and go into every download.
 */
export function SegmentNameFields() {
  const { t } = useTranslation();
  const render = useRender();
  const kView = useStore(selectShownK);
  const names = useStore(selectSegmentNames);
  const rename = useStore((s) => s.renameCluster);
  const reset = useStore((s) => s.resetClusterName);
  // Order lines: the RFM segments have names of their own (the segment map), these are clusters.
  const clusters = useStore((s) => s.mode === 'transactions');
  if (!kView) return null;
  return (
    <fieldset className="segment-names">
      <legend>{clusters ? t('ui.model.renameClusters') : t('ui.model.rename')}</legend>
      <p className="hint">{t('ui.exportFile.namesHint')}</p>
      <ul className="segment-names__list">
        {kView.profiles.segments.map((segment) => {
          const typed = segment.id < 0 ? names.noise : (names.segments[segment.id] ?? null);
          const field =
            segment.id < 0
              ? t('ui.exportFile.noiseField')
              : clusters
                ? t('ui.model.renameClusterField', { id: segment.id })
                : t('ui.model.renameField', { id: segment.id });
          const suggested = render(segment.label);
          return (
            <li key={segment.id} className="segment-names__field">
              <label>
                <span>{field}</span>
                <input
                  type="text"
                  value={typed ?? suggested}
                  placeholder={suggested}
                  translate="no"
                  maxLength={MAX_NAME}
                  onChange={(event) => rename(segment.id, event.target.value)}
                />
              </label>
              <button
                type="button"
                disabled={typed === null}
                aria-label={
                  segment.id < 0
                    ? t('ui.exportFile.resetNoise')
                    : t('ui.exportFile.resetSegment', { id: segment.id })
                }
                onClick={() => reset(segment.id)}
              >
                {t('ui.exportFile.reset')}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
