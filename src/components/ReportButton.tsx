import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** The HTML report of what is on show (#18): one file a marketer can mail or print. */
export function ReportButton() {
  const { t } = useTranslation();
  const download = useStore((s) => s.downloadReport);
  return (
    <p className="export__report">
      <button type="button" onClick={() => void download()}>
        {t('ui.htmlReport.download')}
      </button>
      <span className="hint"> {t('ui.htmlReport.hint')}</span>
    </p>
  );
}
