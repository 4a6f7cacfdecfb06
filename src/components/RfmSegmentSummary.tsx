import { selectRfmSegmentSummary } from '../store/selectors';
import { useStore } from '../store/useStore';
import { formatCount, formatNumber, formatPercent } from './format';
import { rfmSegmentColour } from './palette';

/** Per named segment: customers, share, mean recency, frequency and monetary, revenue share. */
export function RfmSegmentSummary() {
  const rfmView = useStore((s) => s.rfmView);
  const summary = useStore(selectRfmSegmentSummary);
  if (!rfmView) return null;
  const rows = summary ?? [];
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Segment summary</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="num">
              Customers
            </th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              Mean recency (days)
            </th>
            <th scope="col" className="num">
              Mean frequency (orders)
            </th>
            <th scope="col" className="num">
              Mean monetary
            </th>
            <th scope="col" className="num">
              Share of revenue
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.segment}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: rfmSegmentColour(row.segment) }}
                  aria-hidden="true"
                />
                {row.name}
              </th>
              <td className="num">{formatCount(row.customers)}</td>
              <td className="num">{formatPercent(row.share)}</td>
              <td className="num">{formatNumber(row.meanRecency, 1)}</td>
              <td className="num">{formatNumber(row.meanFrequency, 1)}</td>
              <td className="num">{formatNumber(row.meanMonetary)}</td>
              <td className="num">{formatPercent(row.revenueShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
