import { useCallback, type ReactNode } from 'react';
import { selectNamedSegmentMap } from '../store/selectors';
import { useStore } from '../store/useStore';
import { Data } from './richText';

/**
 * The named RFM segments' names in the page's language: a default name is translated, a name the
 * user typed is user data (shown as typed, marked so that no translator rewrites it).
 */
export function useSegmentNames(): {
  /** The segment's name as text. */
  text: (segment: number) => string;
  /** The segment's name as an element (a typed name marked as user data). */
  node: (segment: number) => ReactNode;
  /** Whether the user typed this segment's name. */
  typed: (segment: number) => boolean;
} {
  const names = useStore((s) => s.segmentMap.names);
  const map = useStore(selectNamedSegmentMap);
  const typed = useCallback((segment: number) => typeof names[segment] === 'string', [names]);
  const text = useCallback((segment: number) => map.names[segment] ?? '', [map]);
  const node = useCallback(
    (segment: number) => (typed(segment) ? <Data>{text(segment)}</Data> : text(segment)),
    [typed, text],
  );
  return { text, node, typed };
}
