import { useCallback, useState } from 'react';

/**
 * The width of an element, in px, followed as it changes (a chart thins its axis labels to fit).
 * Attach the returned ref; the width is 0 until the element is measured. The first measure comes
 * from the observer, after layout, not from asking the element while React commits (which would
 * force the browser to lay out the whole page inside that task).
 */
export function useElementWidth(): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLElement | null) => {
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
