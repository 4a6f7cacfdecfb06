import { selectNamedSegmentMap, selectRfmSegmentSummary } from '../store/selectors';
import type { RfmSortKey } from '../store/types';
import { useStore } from '../store/useStore';
import { formatCount, formatNumber } from './format';
import { rfmSegmentColour } from './palette';

const COLUMNS: { key: RfmSortKey; label: string; numeric: boolean }[] = [
  { key: 'customer', label: 'Customer', numeric: false },
  { key: 'recency', label: 'Recency (days)', numeric: true },
  { key: 'frequency', label: 'Frequency (orders)', numeric: true },
  { key: 'monetary', label: 'Monetary', numeric: true },
  { key: 'r', label: 'R', numeric: true },
  { key: 'f', label: 'F', numeric: true },
  { key: 'm', label: 'M', numeric: true },
  { key: 'code', label: 'RFM code', numeric: true },
  { key: 'segment', label: 'Segment', numeric: false },
];

const PAGE_SIZES = [25, 50, 100];

/**
 * One row per customer, sorted by any column and paged: the worker holds the table and sends
 * one page at a time, so a hundred thousand customers cost the page nothing.
 */
export function RfmCustomerTable() {
  const rfmView = useStore((s) => s.rfmView);
  const page = useStore((s) => s.rfmPage);
  const query = useStore((s) => s.rfmQuery);
  const map = useStore(selectNamedSegmentMap);
  const setQuery = useStore((s) => s.setRfmQuery);
  const summary = useStore(selectRfmSegmentSummary);
  if (!rfmView) return null;
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const counts = summary ?? [];
  const sortBy = (key: RfmSortKey) =>
    setQuery(
      query.sort === key
        ? { sort: key, descending: !query.descending }
        : { sort: key, descending: key === 'monetary' || key === 'frequency' },
    );
  return (
    <div className="rfm-customers">
      <div className="controls">
        <label>
          Show
          <select
            value={query.segment ?? ''}
            onChange={(e) =>
              setQuery({ segment: e.target.value === '' ? null : Number(e.target.value) })
            }
          >
            <option value="">All {formatCount(rfmView.customers)} customers</option>
            {counts.map((row) => (
              <option key={row.segment} value={row.segment}>
                {row.name} ({formatCount(row.customers)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Rows per page
          <select
            value={query.pageSize}
            onChange={(e) => setQuery({ pageSize: Number(e.target.value), page: 0 })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Customers</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const sorted = query.sort === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.numeric ? 'num' : undefined}
                    aria-sort={sorted ? (query.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => sortBy(column.key)}
                    >
                      {column.label}
                      <span aria-hidden="true">
                        {sorted ? (query.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((row) => {
              const { segment } = row;
              return (
                <tr key={row.customer}>
                  <th scope="row">{row.customer}</th>
                  <td className="num">{formatCount(row.recency)}</td>
                  <td className="num">{formatCount(row.frequency)}</td>
                  <td className="num">{formatNumber(row.monetary)}</td>
                  <td className="num">{row.r}</td>
                  <td className="num">{row.f}</td>
                  <td className="num">{row.m}</td>
                  <td className="num">{`${row.r}${row.f}${row.m}`}</td>
                  <td>
                    <span
                      className="swatch"
                      style={{ background: rfmSegmentColour(segment) }}
                      aria-hidden="true"
                    />
                    {map.names[segment]}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Customer table pages">
        <button
          type="button"
          disabled={query.page === 0}
          onClick={() => setQuery({ page: query.page - 1 })}
        >
          Previous page
        </button>
        <span>
          Page {Math.min(query.page + 1, pages)} of {pages} ({formatCount(total)} customers)
        </span>
        <button
          type="button"
          disabled={query.page + 1 >= pages}
          onClick={() => setQuery({ page: query.page + 1 })}
        >
          Next page
        </button>
      </nav>
    </div>
  );
}
