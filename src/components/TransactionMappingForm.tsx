import { useRender } from './useRender';
import { formatDateTime } from '../store/vocabulary';
import { useId, useState } from 'react';
import type { DateOrder } from '../core/read/parseDate';

import type { TransactionMapping } from '../core/rfm/transactionMapping';
import { selectRfmBlocker } from '../store/selectors';
import { useStore } from '../store/useStore';

const NONE = '';

const DATE_ORDERS: { value: DateOrder; label: string }[] = [
  { value: 'dmy', label: 'Day first (01/02/2024 is 1 February)' },
  { value: 'mdy', label: 'Month first (01/02/2024 is 2 January)' },
];

/**
 * Which column is the customer, the order, the date and the money, as suggested from the file
 * (all changeable); how the dates are written when the data cannot tell; the snapshot day.
 */
export function TransactionMappingForm() {
  const dataset = useStore((s) => s.dataset);
  const render = useRender();
  const settings = useStore((s) => s.rfmSettings);
  const rfmView = useStore((s) => s.rfmView);
  const blocker = useStore(selectRfmBlocker);
  const setMapping = useStore((s) => s.setMapping);
  const setDateOrder = useStore((s) => s.setDateOrder);
  const setSnapshot = useStore((s) => s.setSnapshot);
  const moneyName = useId();
  const datesName = useId();
  // Which way money is given is the user's choice even before its columns are chosen.
  const [byAmount, setByAmount] = useState(
    settings.mapping.amount !== null ||
      (settings.mapping.quantity === null && settings.mapping.price === null),
  );
  if (!dataset) return null;
  const { mapping } = settings;
  const dateColumn = dataset.columns.find((c) => c.name === mapping.date);
  const ambiguous = dateColumn?.dateOrderAmbiguous ?? false;
  const column = (role: keyof TransactionMapping, label: string, optional = false) => (
    <label>
      {label}
      <select
        value={mapping[role] ?? NONE}
        onChange={(e) => setMapping({ [role]: e.target.value === NONE ? null : e.target.value })}
      >
        <option value={NONE}>{optional ? '— none: each row is an order —' : '— choose —'}</option>
        {dataset.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
  const snapshotDay =
    settings.snapshot === null ? '' : new Date(settings.snapshot).toISOString().slice(0, 10);
  return (
    <div className="mapping">
      <div className="controls">
        {column('customer', 'Customer column')}
        {column('order', 'Order column', true)}
        {column('date', 'Date column')}
      </div>
      <fieldset>
        <legend>Money per order line</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={moneyName}
            checked={!byAmount}
            onChange={() => {
              setByAmount(false);
              setMapping({ amount: null });
            }}
          />
          Quantity × unit price
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={moneyName}
            checked={byAmount}
            onChange={() => {
              setByAmount(true);
              setMapping({ quantity: null, price: null });
            }}
          />
          One amount column
        </label>
        <div className="controls">
          {byAmount ? (
            column('amount', 'Amount column')
          ) : (
            <>
              {column('quantity', 'Quantity column')}
              {column('price', 'Unit price column')}
            </>
          )}
        </div>
      </fieldset>
      {(ambiguous || settings.dateOrder !== null) && (
        <fieldset>
          <legend>How are the dates in {mapping.date} written?</legend>
          {DATE_ORDERS.map((order) => (
            <label key={order.value} className="checkbox">
              <input
                type="radio"
                name={datesName}
                checked={settings.dateOrder === order.value}
                onChange={() => setDateOrder(order.value)}
              />
              {order.label}
            </label>
          ))}
          {!ambiguous && (
            <button type="button" className="link-button" onClick={() => setDateOrder(null)}>
              Read them as the data shows
            </button>
          )}
        </fieldset>
      )}
      <div className="controls">
        <label>
          Count recency to
          <input
            type="date"
            value={snapshotDay}
            onChange={(e) => {
              const time = e.target.valueAsNumber;
              setSnapshot(Number.isFinite(time) ? time : null);
            }}
          />
        </label>
        <p className="hint">
          {settings.snapshot === null
            ? rfmView
              ? `The day after the last order: ${formatDateTime(rfmView.defaultSnapshot)}.`
              : 'Empty: the day after the last order.'
            : 'Clear the date to count to the day after the last order.'}
        </p>
      </div>
      {blocker && <p className="notice">{render(blocker)}</p>}
    </div>
  );
}
