import { useTranslation } from 'react-i18next';
import type { CustomerValueView } from '../core/session/valueSession';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { TableScroll } from './TableScroll';

/** High-value customers who are likely gone: the first listed, all of them downloadable. */
export function ValueAtRisk({ view }: { view: CustomerValueView }) {
  const { t } = useTranslation();
  const format = useFormats();
  const download = useStore((s) => s.downloadAtRisk);
  const { atRisk } = view;
  const withClv = view.totals.clv !== null;
  return (
    <div className="value__at-risk">
      <h3>{t('ui.value.atRisk.heading')}</h3>
      {atRisk.valueThreshold === null ? (
        <p>{t('ui.value.atRisk.none')}</p>
      ) : (
        <p>
          {t('ui.value.atRisk.summary', {
            count: atRisk.total,
            threshold: format.amount(atRisk.valueThreshold, 2),
            max: format.percent(atRisk.maxPAlive, 0),
          })}
          {atRisk.total > atRisk.customers.length && (
            <>
              {t('ui.common.sentenceGap')}
              {t('ui.value.atRisk.shown', { shown: atRisk.customers.length })}
            </>
          )}
        </p>
      )}
      {atRisk.customers.length > 0 && (
        <>
          <TableScroll className="data-table" caption={t('ui.value.atRisk.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('ui.value.atRisk.customer')}</th>
                <th scope="col" className="num">
                  {t('ui.value.atRisk.pAlive')}
                </th>
                <th scope="col" className="num">
                  {t('ui.value.atRisk.repeatSpend')}
                </th>
                <th scope="col" className="num">
                  {t('ui.value.atRisk.valueAtRisk')}
                </th>
                {withClv && (
                  <th scope="col" className="num">
                    {t('ui.value.atRisk.clv')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {atRisk.customers.map((row) => (
                <tr key={row.customer}>
                  <th scope="row" translate="no">
                    {row.customer}
                  </th>
                  <td className="num">{format.percent(row.pAlive)}</td>
                  <td className="num">{format.fixedAmount(row.repeatSpend, 2)}</td>
                  <td className="num">{format.fixedAmount(row.valueAtRisk, 2)}</td>
                  {withClv && <td className="num">{format.fixedAmount(row.clv, 2)}</td>}
                </tr>
              ))}
            </tbody>
          </TableScroll>
          <div className="export">
            <button type="button" onClick={() => void download()}>
              {t('ui.value.atRisk.download', { count: atRisk.total })}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
