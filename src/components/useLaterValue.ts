import { useEffect, useState } from 'react';

/**
 * The value, but taken up `delayMs` after it changes. Recharts renders synchronously (its own
 * store updates cannot be sliced), so when a new analysis arrives the charts take turns: each
 * mounts in its own task, and no task keeps the main thread for long.
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
