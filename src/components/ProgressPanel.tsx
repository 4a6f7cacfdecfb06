import type { Stage } from '../core/common/progress';
import { useStore } from '../store/useStore';

const STAGE_NAMES: Record<Stage, string> = {
  read: 'Reading the file',
  parse: 'Reading the file',
  infer: 'Detecting column kinds',
  clean: 'Cleaning',
  scale: 'Scaling',
  pca: 'Principal components',
  silhouette: 'Preparing the silhouette sample',
  cluster: 'Clustering',
  profile: 'Describing segments',
  rfm: 'Computing RFM',
};

/** While work runs: which stage, how far (a labelled progress bar), and a Cancel button. */
export function ProgressPanel() {
  const progress = useStore((s) => s.progress);
  const phase = useStore((s) => s.phase);
  const cancel = useStore((s) => s.cancel);
  if (phase !== 'loading' && phase !== 'analysing' && phase !== 'comparing') return null;
  const stage = progress?.stage ?? 'parse';
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <div className="progress-panel">
      <div className="progress-panel__text">
        <span>{STAGE_NAMES[stage]}…</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Analysis progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${STAGE_NAMES[stage]}: ${percent}%`}
        className="progress-bar"
      >
        <div className="progress-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
