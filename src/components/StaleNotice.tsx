import { useTranslation } from 'react-i18next';
import { selectBusy, selectIsStale } from '../store/selectors';
import { useStore } from '../store/useStore';

/** When the results on show are older than the options (a cancel, a failure): say so, offer a run. */
export function StaleNotice() {
  const { t } = useTranslation();
  const stale = useStore(selectIsStale);
  const hasView = useStore((s) => s.view !== null);
  const hasData = useStore((s) => s.dataset !== null);
  const busy = useStore(selectBusy);
  const analyse = useStore((s) => s.analyse);
  if (busy || !hasData || (hasView && !stale)) return null;
  return (
    <p className="notice">
      {hasView ? t('ui.stale.older') : t('ui.stale.none')}{' '}
      <button type="button" onClick={() => void analyse()}>
        {t('ui.stale.run')}
      </button>
    </p>
  );
}
