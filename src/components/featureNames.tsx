import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { ColumnName } from './ColumnName';
import { type UiKey } from './richText';

/** The features clustering on RFM runs on: the page's words, not the user's columns. */
const RFM_FEATURES = new Map<string, UiKey>([
  ['recency', 'ui.features.recency'],
  ['frequency', 'ui.features.frequency'],
  ['monetary', 'ui.features.monetary'],
]);

/**
 * A feature's name as the page shows it. For a file of customers it is the user's column name
 * (user data, marked as such); for order lines the features are recency, frequency and
 * monetary, which the page names in its language.
 */
export function useFeatureNames(): {
  text: (feature: string) => string;
  node: (feature: string) => ReactNode;
  /** Whether the name is the user's own (to be marked, never translated). */
  isData: (feature: string) => boolean;
} {
  const { t } = useTranslation();
  const transactions = useStore((s) => s.mode === 'transactions');
  const isData = useCallback(
    (feature: string) => !(transactions && RFM_FEATURES.has(feature)),
    [transactions],
  );
  const text = useCallback(
    (feature: string) => {
      const key = transactions ? RFM_FEATURES.get(feature) : undefined;
      return key === undefined ? feature : t(key);
    },
    [t, transactions],
  );
  const node = useCallback(
    (feature: string) => (isData(feature) ? <ColumnName name={feature} /> : text(feature)),
    [isData, text],
  );
  return { text, node, isData };
}
