import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** Says when a new version of the page is ready, and switches to it when the user asks. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const pending = useStore((s) => s.pendingUpdate !== null);
  const busy = useStore((s) => s.phase !== 'idle' && s.phase !== 'ready');
  const applyUpdate = useStore((s) => s.applyUpdate);
  // Nothing at all until a version waits: the page's one status region stays the alert region's.
  if (!pending) return null;
  return (
    <div role="status" aria-label={t('ui.update.label')} className="update-notice">
      <p>
        {t('ui.update.ready')}
        {t('ui.common.sentenceGap')}
        <button type="button" onClick={applyUpdate} disabled={busy}>
          {t('ui.update.reload')}
        </button>
      </p>
    </div>
  );
}
