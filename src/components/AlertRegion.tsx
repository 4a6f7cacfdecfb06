import { useTranslation } from 'react-i18next';
import { useRenderNode } from './richText';
import { useStore } from '../store/useStore';

/** Errors the user can act on (role alert), and quieter status news for screen readers. */
export function AlertRegion() {
  const { t } = useTranslation();
  const error = useStore((s) => s.error);
  const warning = useStore((s) => s.warning);
  const status = useStore((s) => s.status);
  const dismissError = useStore((s) => s.dismissError);
  const render = useRenderNode();
  return (
    <>
      <div
        role="alert"
        className={error ? 'alert' : warning ? 'alert alert--warning' : 'alert alert--empty'}
      >
        {error && (
          <>
            <p>{render(error)}</p>
            <button type="button" className="link-button" onClick={dismissError}>
              {t('ui.alert.dismiss')}
            </button>
          </>
        )}
        {!error && warning && <p>{render(warning)}</p>}
      </div>
      <p role="status" className="visually-hidden">
        {status && render(status)}
      </p>
    </>
  );
}
