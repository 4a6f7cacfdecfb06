import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** The number of segments shown; every k is computed already, so a change shows at once. */
export function SegmentCountControl() {
  const { t } = useTranslation();
  const view = useStore((s) => s.view);
  const selectedK = useStore((s) => s.selectedK);
  const selectK = useStore((s) => s.selectK);
  if (!view || selectedK === null) return null;
  return (
    <label className="segment-count">
      {t('ui.count.label')}
      <select value={selectedK} onChange={(e) => selectK(Number(e.target.value))}>
        {view.perK.map(({ k }) => (
          <option key={k} value={k}>
            {view.algorithm === 'dbscan'
              ? t('ui.count.found', { k })
              : k === view.recommendation.k
                ? t('ui.count.recommended', { k })
                : t('ui.count.plain', { k })}
          </option>
        ))}
      </select>
    </label>
  );
}
