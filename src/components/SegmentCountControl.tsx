import { useStore } from '../store/useStore';

/** The number of segments shown; every k is computed already, so a change shows at once. */
export function SegmentCountControl() {
  const view = useStore((s) => s.view);
  const selectedK = useStore((s) => s.selectedK);
  const selectK = useStore((s) => s.selectK);
  if (!view || selectedK === null) return null;
  return (
    <label className="segment-count">
      Number of segments
      <select value={selectedK} onChange={(e) => selectK(Number(e.target.value))}>
        {view.perK.map(({ k }) => (
          <option key={k} value={k}>
            {k}
            {view.algorithm === 'dbscan'
              ? ' (found by DBSCAN)'
              : k === view.recommendation.k
                ? ' (recommended)'
                : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
