import { RFM_DROP_LABELS, RFM_DROP_REASONS, formatDateTime } from '../store/vocabulary';
import type { DateOrder } from '../core/read/parseDate';

import { useStore } from '../store/useStore';
import { formatCount, formatNumber } from './format';

const DATE_ORDER_NAMES: Record<DateOrder, string> = {
  ymd: 'year first',
  dmy: 'day first',
  mdy: 'month first',
};

/** Order lines read = used + left out (by reason), and what RFM made of them. */
export function RfmLinesReport() {
  const rfmView = useStore((s) => s.rfmView);
  const download = useStore((s) => s.downloadRfmSetAside);
  if (!rfmView) return null;
  const { rows } = rfmView;
  const leftOut = rows.read - rows.used;
  return (
    <div className="rfm-lines">
      <dl className="facts">
        <div>
          <dt>Customers</dt>
          <dd>{formatCount(rfmView.customers)}</dd>
        </div>
        <div>
          <dt>Orders from</dt>
          <dd>{formatDateTime(rfmView.firstOrder)}</dd>
        </div>
        <div>
          <dt>to</dt>
          <dd>{formatDateTime(rfmView.lastOrder)}</dd>
        </div>
        <div>
          <dt>Dates read</dt>
          <dd>{DATE_ORDER_NAMES[rfmView.dateOrder]}</dd>
        </div>
        <div>
          <dt>Recency counted to</dt>
          <dd>{formatDateTime(rfmView.snapshot)}</dd>
        </div>
        <div>
          <dt>Revenue</dt>
          <dd>{formatNumber(rfmView.revenue)}</dd>
        </div>
      </dl>
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">Order lines read, used and left out</caption>
        <tbody>
          <tr>
            <th scope="row">Order lines read</th>
            <td className="num">{formatCount(rows.read)}</td>
          </tr>
          <tr>
            <th scope="row">Used for RFM</th>
            <td className="num">{formatCount(rows.used)}</td>
          </tr>
          <tr>
            <th scope="row">Left out</th>
            <td className="num">{formatCount(leftOut)}</td>
          </tr>
          {RFM_DROP_REASONS.map((reason) =>
            rows.dropped[reason] > 0 ? (
              <tr key={reason}>
                <th scope="row" className="indent">
                  {RFM_DROP_LABELS[reason]}
                </th>
                <td className="num">{formatCount(rows.dropped[reason])}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      {leftOut > 0 && (
        <p>
          <button type="button" onClick={() => void download()}>
            Download the lines left out
          </button>
          <span className="hint"> each with its line number, reason and cells</span>
        </p>
      )}
    </div>
  );
}
