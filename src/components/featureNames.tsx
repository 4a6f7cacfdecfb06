import { useCallback, type ReactNode } from 'react';
import { useStore } from '../store/useStore';
import { rfmFeatureLabel } from '../store/vocabulary';
import { ColumnName } from './ColumnName';
import { useRender } from './useRender';

/**
 * A feature's name as the page shows it. For a file of customers it is the user's column name
 * (user data, marked as such); for order lines the features are recency, frequency and
 * monetary (and the logs of the last two), which the page names in its language.
 */
export function useFeatureNames(): {
  text: (feature: string) => string;
  node: (feature: string) => ReactNode;
  /** Whether the name is the user's own (to be marked, never translated). */
  isData: (feature: string) => boolean;
} {
  const say = useRender();
  const transactions = useStore((s) => s.mode === 'transactions');
  const isData = useCallback(
    (feature: string) => !(transactions && rfmFeatureLabel(feature) !== undefined),
    [transactions],
  );
  const text = useCallback(
    (feature: string) => {
      // The words the rules and the report use for them too (one place: the core's labels).
      const label = transactions ? rfmFeatureLabel(feature) : undefined;
      return label === undefined ? feature : say(label);
    },
    [say, transactions],
  );
  const node = useCallback(
    (feature: string) => (isData(feature) ? <ColumnName name={feature} /> : text(feature)),
    [isData, text],
  );
  return { text, node, isData };
}
