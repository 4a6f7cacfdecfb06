import type { Linkage } from '../core/cluster/hierarchy/agglomerative';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { LINKAGES } from '../store/vocabulary';
import { NumberField } from './NumberField';
import type { UiKey } from './richText';

const LINKAGE_OPTIONS = {
  ward: 'ui.hierarchy.linkageOption.ward',
  complete: 'ui.hierarchy.linkageOption.complete',
  average: 'ui.hierarchy.linkageOption.average',
  single: 'ui.hierarchy.linkageOption.single',
} as const satisfies Record<Linkage, UiKey>;

/** Hierarchical clustering's linkage, and a cut by height instead of into k segments. */
export function HierarchyFields() {
  const { t } = useTranslation();
  const options = useStore((s) => s.options);
  const setSettings = useStore((s) => s.setClusteringChoice);
  const cutHeights = useStore((s) => s.view?.hierarchy?.cutHeights ?? null);
  const selectedK = useStore((s) => s.selectedK);
  const byHeight = options.cutHeight !== null;
  const heightNow = selectedK !== null ? (cutHeights?.[selectedK - 1] ?? null) : null;
  return (
    <>
      <label>
        {t('ui.hierarchy.linkage')}
        <select
          value={options.linkage}
          onChange={(e) => {
            const linkage = e.target.value as Linkage;
            setSettings({ linkage });
          }}
        >
          {LINKAGES.map((l) => (
            <option key={l} value={l}>
              {t(LINKAGE_OPTIONS[l])}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={byHeight}
          onChange={(e) =>
            setSettings({
              cutHeight: e.target.checked ? Number((heightNow ?? 1).toPrecision(3)) : null,
            })
          }
        />
        {t('ui.hierarchy.byHeight')}
      </label>
      {byHeight && (
        <NumberField
          label={t('ui.hierarchy.cutHeight')}
          value={options.cutHeight}
          min={0}
          integer={false}
          onCommit={(cutHeight) => setSettings({ cutHeight })}
        />
      )}
    </>
  );
}
