/** Reports how far one stage has come, from 0 to 1. */
export type StageProgress = (fraction: number) => void;

/** The stages of an analysis, in the order they run. */
export type Stage =
  | 'read'
  | 'parse'
  | 'infer'
  | 'clean'
  | 'scale'
  | 'pca'
  | 'cluster'
  | 'silhouette'
  | 'profile'
  | 'rfm'
  | 'value'
  | 'recommend';

/** Reports progress of a whole analysis: which stage runs and how far it has come. */
export type PipelineProgress = (stage: Stage, fraction: number) => void;

export const noProgress: StageProgress = () => {};

/** Calls `report` at most every `everyRows` rows, so hot loops stay cheap. */
export function rowProgress(
  report: StageProgress | undefined,
  total: number,
  parts = 20,
): (done: number) => void {
  if (!report || total <= 0) return () => {};
  const step = Math.max(1, Math.floor(total / parts));
  let next = step;
  return (done: number) => {
    if (done >= next) {
      next = done + step;
      report(Math.min(1, done / total));
    }
  };
}
