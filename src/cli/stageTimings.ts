import type { PipelineProgress, Stage } from '../core/common/progress';

/** The stages `analyze --json` times, in the order they run. */
export const TIMED_STAGES = [
  'read',
  'kinds',
  'clean',
  'scale',
  'pca',
  'cluster',
  'silhouette',
  'profiles',
] as const;
/** The stages `rfm --json` times: RFM from the order lines comes between kinds and clean. */
export const RFM_TIMED_STAGES = [
  'read',
  'kinds',
  'rfm',
  'clean',
  'scale',
  'cluster',
  'silhouette',
  'profiles',
] as const;
export type TimedStage = (typeof TIMED_STAGES)[number] | 'rfm';

/** Seconds per stage; null for a stage that did not run (reported no progress). */
export type StageTimings<S extends TimedStage = (typeof TIMED_STAGES)[number]> = Record<
  S,
  number | null
>;

const TIMED: Partial<Record<Stage, TimedStage>> = {
  read: 'read',
  parse: 'read',
  infer: 'kinds',
  clean: 'clean',
  scale: 'scale',
  pca: 'pca',
  cluster: 'cluster',
  silhouette: 'silhouette',
  profile: 'profiles',
  rfm: 'rfm',
};

/**
 * Wall-clock time per stage, from the progress the session reports: the time between two
 * reports belongs to the stage of the first one (performance.now()). Stages the analysis
 * overlaps (k-means' workers run while this thread measures the silhouette sample) are told
 * apart by the reports, so they add up to the wall-clock time, never to more.
 */
export function stageTimer<S extends TimedStage = (typeof TIMED_STAGES)[number]>(
  forward: PipelineProgress,
  stages: readonly S[] = TIMED_STAGES as readonly TimedStage[] as readonly S[],
) {
  const seconds = new Map<TimedStage, number>();
  let current: TimedStage | null = null;
  let since = performance.now();
  const close = () => {
    const now = performance.now();
    if (current !== null) seconds.set(current, (seconds.get(current) ?? 0) + (now - since) / 1000);
    since = now;
  };
  const onProgress: PipelineProgress = (stage, fraction) => {
    const timed = TIMED[stage] ?? null;
    if (timed !== current) {
      close();
      current = timed;
    }
    forward(stage, fraction);
  };
  /** The time so far, the running stage's included; later reports keep adding. */
  const timings = (): StageTimings<S> => {
    close();
    return Object.fromEntries(
      stages.map((stage) => [stage, seconds.get(stage) ?? null]),
    ) as StageTimings<S>;
  };
  return { onProgress, timings };
}
