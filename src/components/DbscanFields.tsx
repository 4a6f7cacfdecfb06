import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { NumberField } from './NumberField';

/** DBSCAN's eps (suggested, or typed) and minimum points. */
export function DbscanFields() {
  const { t } = useTranslation();
  const options = useStore((s) => s.options);
  const suggested = useStore((s) => s.view?.density?.suggestedEps ?? null);
  const setSettings = useStore((s) => s.setClusteringChoice);
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.eps === null}
          onChange={(e) => setSettings({ eps: e.target.checked ? null : (suggested ?? 0.5) })}
        />
        {t('ui.dbscan.suggested')}
      </label>
      <NumberField
        label={t('ui.dbscan.eps')}
        value={options.eps ?? suggested}
        disabled={options.eps === null}
        min={0}
        integer={false}
        onCommit={(eps) => setSettings({ eps })}
      />
      <NumberField
        label={t('ui.dbscan.minPts')}
        value={options.minPts}
        min={1}
        integer
        onCommit={(minPts) => setSettings({ minPts })}
      />
    </>
  );
}
