import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `stages` parts of the page to show: none while `active` is false, then one more
 * per task once it turns true. The results of a large file arrive at once, and mounting every
 * panel in one render would hold the main thread for more than 50 ms; in stages, each render is
 * a task of its own and the page answers in between. Each stage renders as a transition, so
 * React also yields to the browser every few milliseconds within a stage.
 */
export function useStagedCount(active: boolean, stages: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!active) {
      setShown(0);
      return;
    }
    if (shown >= stages) return;
    const handle = window.setTimeout(
      () => startTransition(() => setShown((count) => Math.min(stages, count + 1))),
      0,
    );
    return () => window.clearTimeout(handle);
  }, [active, shown, stages]);
  return active ? shown : 0;
}
