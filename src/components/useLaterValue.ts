import { useEffect, useState } from 'react';

/**
 * The value, but taken up `delayMs` after it changes. When a new analysis arrives the profiles,
 * tables and charts all change at once; the charts take turns instead, each mounting in a task of
 * its own, so that no task keeps the main thread for long.
 */
export function useLaterValue<T>(value: T, delayMs: number): T {
  const [later, setLater] = useState(value);
  useEffect(() => {
    if (delayMs === 0) {
      setLater(() => value);
      return;
    }
    const timer = setTimeout(() => setLater(() => value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return later;
}
