import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { useRenderNode, useRich } from './richText';
import { RuleItemText, useRuleText } from './ruleItems';
import { useSegmentNames } from './segmentNames';

/** Per named RFM segment, side by side: its baskets, its top items and its top rules by lift. */
export function SegmentRulesOverview() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const names = useSegmentNames();
  const ruleText = useRuleText();
  const overview = useStore((s) => s.basketsOverview);
  const current = useStore(
    (s) => s.basketsOverview !== null && s.basketsOverviewRfm === s.rfmView?.settings,
  );
  const compare = useStore((s) => s.compareSegments);
  const running = useStore((s) => s.basketsProgress !== null);
  return (
    <div className="segment-rules">
      <h3>{t('ui.baskets.overview.title')}</h3>
      <p className="hint">{t('ui.baskets.overview.hint')}</p>
      <button type="button" disabled={running} onClick={() => void compare()}>
        {t('ui.baskets.overview.compare')}
      </button>
      {overview && current && (
        <ul className="segment-rules__list">
          {overview.segments
            .filter((row) => row.customers > 0)
            .map((row) => (
              <li key={row.segment} className="segment-rules__card">
                <h4>{names.node(row.segment)}</h4>
                <p className="hint">
                  {t('ui.baskets.overview.baskets', {
                    baskets: row.baskets,
                    customers: row.customers,
                    rules: row.rules,
                  })}
                </p>
                <div className="segment-rules__columns">
                  <div>
                    <h5>{t('ui.baskets.overview.topItems')}</h5>
                    <ul>
                      {row.topItems.map((item) => (
                        <li key={item.id}>
                          {rich('ui.baskets.overview.item', {
                            item: <RuleItemText item={item} />,
                            share: format.percent(item.support, 1),
                          })}
                        </li>
                      ))}
                    </ul>
                  </div>
                  <div>
                    <h5>{t('ui.baskets.overview.topRules')}</h5>
                    {row.problem ? (
                      <p>{render(row.problem)}</p>
                    ) : row.topRules.length === 0 ? (
                      <p>{t('ui.baskets.overview.noRules')}</p>
                    ) : (
                      <ul>
                        {row.topRules.map((rule) => (
                          <li key={rule.rule}>
                            {rich('ui.baskets.overview.rule', {
                              rule: <>{ruleText(rule)}</>,
                              lift: format.fixed(rule.lift, 2),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </div>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
