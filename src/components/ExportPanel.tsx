import { useRender } from './useRender';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { formatCount } from './format';

/** Downloads, made in the worker from the original rows and saved straight from memory. */
export function ExportPanel() {
  const kView = useStore(selectShownK);
  const render = useRender();
  const download = useStore((s) => s.downloadSegments);
  if (!kView) return null;
  return (
    <div className="export">
      <button type="button" className="primary" onClick={() => void download(null)}>
        Download all segments
      </button>
      <span className="hint">
        {' '}
        every analysed row with its original columns, plus segment and segment_label
      </span>
      <ul className="export__list">
        {kView.profiles.segments.map((segment) => (
          <li key={segment.id}>
            <button type="button" onClick={() => void download(segment.id)}>
              {segment.id < 0
                ? `Download noise (segment -1, ${formatCount(segment.size)} rows)`
                : `Download segment ${segment.id}: ${render(segment.label)} (${formatCount(segment.size)} rows)`}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
