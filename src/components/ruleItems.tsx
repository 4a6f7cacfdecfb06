import { useCallback, type ReactNode } from 'react';
import type { RuleItem, RuleRow } from '../core/basket/rulesTable';
import { Data, useJoin, useRich } from './richText';

/** One item of a rule: its code, and its description beside it when the file has one. */
export function RuleItemText({ item }: { item: RuleItem }) {
  return (
    <span className="rule-item">
      <Data>{item.id}</Data>
      {item.description !== '' && (
        <span className="rule-item__description">
          {' '}
          <Data>{item.description}</Data>
        </span>
      )}
    </span>
  );
}

/** A side of a rule (its items joined as the language joins a list). */
export function useRuleSide(): (items: readonly RuleItem[]) => ReactNode {
  const join = useJoin();
  return useCallback(
    (items) => join(items.map((item) => <RuleItemText key={item.id} item={item} />)),
    [join],
  );
}

/** A whole rule, "A, B → C", as one sentence of the catalog. */
export function useRuleText(): (rule: Pick<RuleRow, 'antecedents' | 'consequents'>) => ReactNode {
  const rich = useRich();
  const side = useRuleSide();
  return useCallback(
    (rule) =>
      rich('ui.baskets.rule', {
        antecedents: <>{side(rule.antecedents)}</>,
        consequents: <>{side(rule.consequents)}</>,
      }),
    [rich, side],
  );
}
