import { useTranslation } from 'react-i18next';
import { selectRfmSegmentSummary } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { rfmSegmentColour } from './palette';
import { useSegmentNames } from './segmentNames';
import { TableScroll } from './TableScroll';

/** Per named segment: customers, share, mean recency, frequency and monetary, revenue share. */
export function RfmSegmentSummary() {
  const { t } = useTranslation();
  const format = useFormats();
  const names = useSegmentNames();
  const rfmView = useStore((s) => s.rfmView);
  const summary = useStore(selectRfmSegmentSummary);
  const scheme = useStore((s) => s.segmentMap.scheme);
  if (!rfmView) return null;
  const rows = summary ?? [];
  // Without money, mean monetary and revenue share are left out (a note says so).
  const money = rfmView.hasMoney;
  return (
    <TableScroll className="data-table" caption={t('ui.rfmSummary.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('ui.rfmSummary.segment')}</th>
          <th scope="col" className="num">
            {t('ui.rfmSummary.customers')}
          </th>
          <th scope="col" className="num">
            {t('ui.rfmSummary.share')}
          </th>
          <th scope="col" className="num">
            {t('ui.rfmSummary.recency')}
          </th>
          <th scope="col" className="num">
            {t('ui.rfmSummary.frequency')}
          </th>
          {money && (
            <th scope="col" className="num">
              {t('ui.rfmSummary.monetary')}
            </th>
          )}
          {money && (
            <th scope="col" className="num">
              {t('ui.rfmSummary.revenue')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.segment}>
            <th scope="row">
              <span className="swatch-name">
                <span
                  className="swatch"
                  style={{ background: rfmSegmentColour(row.segment, scheme) }}
                  aria-hidden="true"
                />
                <span>{names.node(row.segment)}</span>
              </span>
            </th>
            <td className="num">{format.count(row.customers)}</td>
            <td className="num">{format.percent(row.share)}</td>
            <td className="num">{format.number(row.meanRecency, 1)}</td>
            <td className="num">{format.number(row.meanFrequency, 1)}</td>
            {money && <td className="num">{format.amount(row.meanMonetary)}</td>}
            {money && <td className="num">{format.percent(row.revenueShare)}</td>}
          </tr>
        ))}
      </tbody>
    </TableScroll>
  );
}
