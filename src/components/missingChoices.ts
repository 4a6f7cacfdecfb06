import type { MissingStrategy } from '../core/clean/cleanOptions';
import type { UiKey } from './richText';

/** The missing-value strategies' names, in the order the selects offer them. */
export const MISSING = {
  drop: 'ui.cleaning.missingChoice.drop',
  mean: 'ui.cleaning.missingChoice.mean',
  median: 'ui.cleaning.missingChoice.median',
  mode: 'ui.cleaning.missingChoice.mode',
  constant: 'ui.cleaning.missingChoice.constant',
} as const satisfies Record<MissingStrategy, UiKey>;
