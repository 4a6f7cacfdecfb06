import { useTranslation } from 'react-i18next';
import type { Stage } from '../core/common/progress';
import { useStore } from '../store/useStore';
import type { ClassifyStep } from '../store/types';
import type { UiKey } from './richText';

const STAGE_NAMES = {
  read: 'ui.progress.stage.read',
  parse: 'ui.progress.stage.read',
  infer: 'ui.progress.stage.infer',
  clean: 'ui.progress.stage.clean',
  scale: 'ui.progress.stage.scale',
  pca: 'ui.progress.stage.pca',
  silhouette: 'ui.progress.stage.silhouette',
  cluster: 'ui.progress.stage.cluster',
  profile: 'ui.progress.stage.profile',
  rfm: 'ui.progress.stage.rfm',
  recommend: 'ui.recommend.progress',
  value: 'ui.value.progress',
} as const satisfies Record<Stage, UiKey>;

const CLASSIFY_STEP_NAMES = {
  explain: 'ui.classify.progress.explain',
  prepare: 'ui.classify.progress.prepare',
  logistic: 'ui.classify.progress.logistic',
  tree: 'ui.classify.progress.tree',
  forest: 'ui.classify.progress.forest',
} as const satisfies Record<ClassifyStep, UiKey>;

/** While work runs: which stage, how far (a labelled progress bar), and a Cancel button. */
export function ProgressPanel() {
  const { t } = useTranslation();
  const progress = useStore((s) => s.progress);
  const phase = useStore((s) => s.phase);
  const cancel = useStore((s) => s.cancel);
  // Customer value and the baskets' rules run beside a ready page, each with its own progress
  // (the same Cancel).
  const valueProgress = useStore((s) => s.valueProgress);
  const baskets = useStore((s) => s.basketsProgress);
  // Applying a saved analysis (#17) too.
  const applying = useStore((s) => s.applyProgress);
  const classifyProgress = useStore((s) => s.classifyProgress);
  const classifying = phase === 'explaining' || phase === 'predicting';
  const working =
    phase === 'loading' ||
    phase === 'analysing' ||
    phase === 'comparing' ||
    phase === 'recommending';
  if (!working && !classifying && valueProgress === null && baskets === null && applying === null)
    return null;
  const stage = classifying
    ? t(CLASSIFY_STEP_NAMES[classifyProgress?.step ?? 'explain'])
    : working
      ? t(STAGE_NAMES[progress?.stage ?? 'parse'])
      : valueProgress !== null
        ? t(STAGE_NAMES.value)
        : baskets !== null
          ? t('ui.baskets.progress')
          : t('ui.model.applying');
  const fraction = classifying
    ? classifyProgress?.fraction
    : working
      ? progress?.fraction
      : (valueProgress ?? baskets ?? applying);
  const percent = Math.round((fraction ?? 0) * 100);
  return (
    <div className="progress-panel">
      <div className="progress-panel__text">
        <span>{t('ui.progress.stageShown', { stage })}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('ui.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('ui.progress.valueText', { stage, percent })}
        className="progress-bar"
      >
        <div className="progress-bar__fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      <button type="button" onClick={cancel}>
        {t('ui.progress.cancel')}
      </button>
    </div>
  );
}
