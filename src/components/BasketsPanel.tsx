import { useTranslation } from 'react-i18next';
import { selectRulesCurrent } from '../store/basketsSlice';
import { useStore } from '../store/useStore';
import { BasketsForm } from './BasketsForm';
import { useFormats } from './format';
import { Data, useRenderNode, useRich } from './richText';
import { RuleItemText } from './ruleItems';
import { RulesChart } from './RulesChart';
import { RulesTable } from './RulesTable';
import { SegmentRulesOverview } from './SegmentRulesOverview';
import { useSegmentNames } from './segmentNames';
import { TableScroll } from './TableScroll';

/** The baskets section: what sells together, for everyone, a segment or a cluster. */
export function BasketsPanel() {
  const { t } = useTranslation();
  const hasItem = useStore((s) => (s.rfmView?.settings.mapping.item ?? null) !== null);
  return (
    <div className="baskets">
      <p className="hint">{t('ui.baskets.intro')}</p>
      {hasItem ? (
        <>
          <BasketsForm />
          <BasketsResults />
          <SegmentRulesOverview />
        </>
      ) : (
        <p className="notice">{t('ui.baskets.needItem')}</p>
      )}
    </div>
  );
}

function BasketsResults() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const names = useSegmentNames();
  const summary = useStore((s) => s.basketsSummary);
  const request = useStore((s) => s.basketsRequest);
  const current = useStore(selectRulesCurrent);
  const total = useStore((s) => s.basketsPage?.total ?? 0);
  const downloadRules = useStore((s) => s.downloadRules);
  const downloadItemsets = useStore((s) => s.downloadItemsets);
  if (!summary || !request) return null;
  if (!current) return <p className="notice">{t('ui.baskets.stale')}</p>;
  const { scope } = request;
  // The scope in the page's language now (a segment's name as the map names it).
  const scopeName =
    scope.kind === 'all' ? (
      t('ui.baskets.scopeAll')
    ) : scope.kind === 'rfm' ? (
      names.node(scope.segment)
    ) : typeof summary.scope.name === 'string' ? (
      <Data>{summary.scope.name}</Data>
    ) : (
      render(summary.scope.name)
    );
  const { parameters } = summary;
  return (
    <div className="baskets__results">
      <div className="baskets__summary" aria-live="polite">
        <p>
          {rich('ui.baskets.summary.baskets', {
            baskets: summary.baskets,
            customers: summary.scope.customers,
            scope: <>{scopeName}</>,
            items: summary.items,
          })}
        </p>
        <p>
          {t('ui.baskets.summary.rules', {
            rules: summary.rules,
            redundant: summary.redundantRules,
            itemsets: summary.itemsets,
            support: format.percent(parameters.minSupport, 2),
            minBaskets: parameters.minBaskets,
            confidence: format.percent(parameters.minConfidence, 0),
            maxLen: parameters.maxLen,
          })}
        </p>
        {parameters.note && <p className="hint">{render(parameters.note)}</p>}
        {summary.linesWithoutItem > 0 && (
          <p className="hint">
            {t('ui.baskets.summary.withoutItem', { count: summary.linesWithoutItem })}
          </p>
        )}
      </div>
      <div className="charts">
        <RulesChart chart={summary.chart} topRules={summary.topRules} />
        <TableScroll
          className="data-table data-table--compact"
          caption={t('ui.baskets.items.caption')}
        >
          <thead>
            <tr>
              <th scope="col">{t('ui.baskets.items.item')}</th>
              <th scope="col" className="num">
                {t('ui.baskets.items.baskets')}
              </th>
              <th scope="col" className="num">
                {t('ui.baskets.items.support')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.topItems.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <RuleItemText item={item} />
                </th>
                <td className="num">{format.count(item.baskets)}</td>
                <td className="num">{format.percent(item.support, 1)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      </div>
      <RulesTable />
      <div className="export">
        <button type="button" className="primary" onClick={() => void downloadRules()}>
          {t('ui.baskets.download.rules', { count: total })}
        </button>
        <span className="hint"> {t('ui.baskets.download.rulesHint')}</span>
        <p>
          <button type="button" onClick={() => void downloadItemsets()}>
            {t('ui.baskets.download.itemsets', { count: summary.itemsets })}
          </button>
        </p>
      </div>
    </div>
  );
}
