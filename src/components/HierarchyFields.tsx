import type { Linkage } from '../core/cluster/hierarchy/agglomerative';
import { useStore } from '../store/useStore';
import { LINKAGES } from '../store/vocabulary';
import { NumberField } from './NumberField';

const LINKAGE_LABELS: Record<Linkage, string> = {
  ward: 'Ward (builds its tree with Euclidean distances)',
  complete: 'Complete',
  average: 'Average',
  single: 'Single',
};

/** Hierarchical clustering's linkage, and a cut by height instead of into k segments. */
export function HierarchyFields() {
  const options = useStore((s) => s.options);
  const setSettings = useStore((s) => s.setClusteringChoice);
  const cutHeights = useStore((s) => s.view?.hierarchy?.cutHeights ?? null);
  const selectedK = useStore((s) => s.selectedK);
  const byHeight = options.cutHeight !== null;
  const heightNow = selectedK !== null ? (cutHeights?.[selectedK - 1] ?? null) : null;
  return (
    <>
      <label>
        Linkage
        <select
          value={options.linkage}
          onChange={(e) => {
            const linkage = e.target.value as Linkage;
            setSettings({ linkage });
          }}
        >
          {LINKAGES.map((l) => (
            <option key={l} value={l}>
              {LINKAGE_LABELS[l]}
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
        Cut the tree at a height
      </label>
      {byHeight && (
        <NumberField
          label="Cut height"
          value={options.cutHeight}
          min={0}
          integer={false}
          onCommit={(cutHeight) => setSettings({ cutHeight })}
        />
      )}
    </>
  );
}
