import type { Stage } from '../core/common/progress';

export type ProgressListener = (stage: Stage, fraction: number) => void;

/**
 * Passes progress on at most every `intervalMs` (about 10 a second by default): every call
 * crosses the thread boundary, so a hot loop must not flood it. A new stage always passes,
 * and so does the end of one.
 */
export function throttleProgress<S = Stage>(
  listener: ((stage: S, fraction: number) => void) | undefined,
  intervalMs = 100,
): (stage: S, fraction: number) => void {
  if (!listener) return () => {};
  let lastTime = -Infinity;
  let lastStage: S | null = null;
  return (stage, fraction) => {
    const now = Date.now();
    // A stage's end always passes too, so the bar is never left short of full.
    if (stage !== lastStage || fraction >= 1 || now - lastTime >= intervalMs) {
      lastStage = stage;
      lastTime = now;
      listener(stage, fraction);
    }
  };
}
