import { useTranslation } from 'react-i18next';
import type { DateOrder } from '../core/read/parseDate';
import { useStore } from '../store/useStore';
import { RFM_DROP_LABELS, RFM_DROP_REASONS } from '../store/vocabulary';
import { useFormats } from './format';
import { Moment } from './Moment';
import type { UiKey } from './richText';
import { useRender } from './useRender';
import { useRenderNode } from './richText';

const DATE_ORDER_NAMES = {
  ymd: 'ui.lines.dateOrder.ymd',
  dmy: 'ui.lines.dateOrder.dmy',
  mdy: 'ui.lines.dateOrder.mdy',
} as const satisfies Record<DateOrder, UiKey>;

/** Order lines read = used + left out (by reason), and what RFM made of them. */
export function RfmLinesReport() {
  const { t } = useTranslation();
  const render = useRender();
  // Notes quote the file's own values (order ids): marked as user data.
  const renderNode = useRenderNode();
  const format = useFormats();
  const rfmView = useStore((s) => s.rfmView);
  const download = useStore((s) => s.downloadRfmSetAside);
  if (!rfmView) return null;
  const { rows } = rfmView;
  const leftOut = rows.read - rows.used;
  return (
    <div className="rfm-lines">
      <dl className="facts">
        <div>
          <dt>{t('ui.lines.customers')}</dt>
          <dd>{format.count(rfmView.customers)}</dd>
        </div>
        <div>
          <dt>{t('ui.lines.from')}</dt>
          <dd>
            <Moment time={rfmView.firstOrder} text={format.date(rfmView.firstOrder)} />
          </dd>
        </div>
        <div>
          <dt>{t('ui.lines.to')}</dt>
          <dd>
            <Moment time={rfmView.lastOrder} text={format.date(rfmView.lastOrder)} />
          </dd>
        </div>
        <div>
          <dt>{t('ui.lines.dates')}</dt>
          <dd>{t(DATE_ORDER_NAMES[rfmView.dateOrder])}</dd>
        </div>
        <div>
          <dt>{t('ui.lines.snapshot')}</dt>
          <dd>
            <Moment time={rfmView.snapshot} text={format.dateTime(rfmView.snapshot)} />
          </dd>
        </div>
        {rfmView.hasMoney && (
          <div>
            <dt>{t('ui.lines.revenue')}</dt>
            <dd>{format.amount(rfmView.revenue)}</dd>
          </div>
        )}
      </dl>
      {rfmView.notes.map((note, i) => (
        <p key={i} className="hint">
          {renderNode(note)}
        </p>
      ))}
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">{t('ui.lines.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('ui.lines.read')}</th>
            <td className="num">{format.count(rows.read)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ui.lines.used')}</th>
            <td className="num">{format.count(rows.used)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ui.lines.leftOut')}</th>
            <td className="num">{format.count(leftOut)}</td>
          </tr>
          {RFM_DROP_REASONS.map((reason) =>
            rows.dropped[reason] > 0 ? (
              <tr key={reason}>
                <th scope="row" className="indent">
                  {render({ key: RFM_DROP_LABELS[reason] })}
                </th>
                <td className="num">{format.count(rows.dropped[reason])}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      {leftOut > 0 && (
        <p>
          <button type="button" onClick={() => void download()}>
            {t('ui.lines.download')}
          </button>
          <span className="hint"> {t('ui.lines.downloadHint')}</span>
        </p>
      )}
    </div>
  );
}
