import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** Says when a new version of the page is ready, and switches to it when the user asks. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const pending = useStore((s) => s.pendingUpdate !== null);
  const busy = useStore((s) => s.phase !== 'idle' && s.phase !== 'ready');
  const applyUpdate = useStore((s) => s.applyUpdate);
  return (
    <div role="status" aria-label={t('ui.update.label')} className="update-notice">
      {pending && (
        <p>
          {t('ui.update.ready')}
          {t('ui.common.sentenceGap')}
          <button type="button" onClick={applyUpdate} disabled={busy}>
            {t('ui.update.reload')}
          </button>
        </p>
      )}
    </div>
  );
}
