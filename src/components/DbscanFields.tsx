import { useStore } from '../store/useStore';
import { NumberField } from './NumberField';

/** DBSCAN's eps (suggested, or typed) and minimum points. */
export function DbscanFields() {
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
        Use the suggested eps
      </label>
      <NumberField
        label="Neighbourhood radius (eps)"
        value={options.eps ?? suggested}
        disabled={options.eps === null}
        min={0}
        integer={false}
        onCommit={(eps) => setSettings({ eps })}
      />
      <NumberField
        label="Minimum points"
        value={options.minPts}
        min={1}
        integer
        onCommit={(minPts) => setSettings({ minPts })}
      />
    </>
  );
}
