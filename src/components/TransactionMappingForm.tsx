import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/common/message';
import type { DateOrder } from '../core/read/parseDate';
import type { TransactionMapping } from '../core/rfm/transactionMapping';
import { selectRfmBlocker } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { Moment } from './Moment';
import { useRenderNode, useRich, type UiKey } from './richText';
import { ColumnName, ColumnOption } from './ColumnName';

const NONE = '';

const DATE_ORDERS: { value: DateOrder; label: UiKey }[] = [
  { value: 'dmy', label: 'ui.mapping.dayFirst' },
  { value: 'mdy', label: 'ui.mapping.monthFirst' },
];

/**
 * Which column is the customer, the order, the date and the money, as suggested from the file
 * (all changeable); how the dates are written when the data cannot tell; the snapshot day.
 */
export function TransactionMappingForm() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const dataset = useStore((s) => s.dataset);
  const settings = useStore((s) => s.rfmSettings);
  const rfmView = useStore((s) => s.rfmView);
  // selectRfmBlocker makes a new message at every call: compared as it is, the store would see a
  // change at every read and re-render for ever. A message is plain data, so compare its JSON.
  const blockerJson = useStore((s) => {
    const blocker = selectRfmBlocker(s);
    return blocker === null ? null : JSON.stringify(blocker);
  });
  const blocker = useMemo(
    () => (blockerJson === null ? null : (JSON.parse(blockerJson) as Message)),
    [blockerJson],
  );
  const setMapping = useStore((s) => s.setMapping);
  const setDateOrder = useStore((s) => s.setDateOrder);
  const setSnapshot = useStore((s) => s.setSnapshot);
  const setCancellations = useStore((s) => s.setCancellations);
  const moneyName = useId();
  const datesName = useId();
  // Which way money is given is the user's choice even before its columns are chosen; a file
  // suggested without money starts with none (RFM on recency and frequency).
  const [money, setMoney] = useState<'quantity' | 'amount' | 'none'>(
    settings.mapping.amount !== null
      ? 'amount'
      : settings.mapping.quantity !== null || settings.mapping.price !== null
        ? 'quantity'
        : dataset?.transactions.looksLikeTransactions
          ? 'none'
          : 'amount',
  );
  if (!dataset) return null;
  const { mapping } = settings;
  const dateColumn = dataset.columns.find((c) => c.name === mapping.date);
  const ambiguous = dateColumn?.dateOrderAmbiguous ?? false;
  const column = (
    role: keyof TransactionMapping,
    label: UiKey,
    optional = false,
    none: UiKey = 'ui.mapping.none',
  ) => (
    <label>
      {t(label)}
      <select
        value={mapping[role] ?? NONE}
        onChange={(e) => setMapping({ [role]: e.target.value === NONE ? null : e.target.value })}
      >
        <option value={NONE}>{optional ? t(none) : t('ui.mapping.choose')}</option>
        {dataset.columns.map((c) => (
          <ColumnOption key={c.name} name={c.name} />
        ))}
      </select>
    </label>
  );
  const snapshotDay =
    settings.snapshot === null ? '' : new Date(settings.snapshot).toISOString().slice(0, 10);
  return (
    <div className="mapping">
      <div className="controls">
        {column('customer', 'ui.mapping.customer')}
        {column('order', 'ui.mapping.order', true)}
        {column('date', 'ui.mapping.date')}
      </div>
      <div className="controls">
        {column('item', 'ui.baskets.mapping.item', true, 'ui.baskets.mapping.none')}
        {column('description', 'ui.baskets.mapping.description', true, 'ui.baskets.mapping.none')}
      </div>
      <fieldset>
        <legend>{t('ui.mapping.money')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={moneyName}
            checked={money === 'quantity'}
            onChange={() => {
              setMoney('quantity');
              setMapping({ amount: null });
            }}
          />
          {t('ui.mapping.byQuantity')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={moneyName}
            checked={money === 'amount'}
            onChange={() => {
              setMoney('amount');
              setMapping({ quantity: null, price: null });
            }}
          />
          {t('ui.mapping.byAmount')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={moneyName}
            checked={money === 'none'}
            onChange={() => {
              setMoney('none');
              setMapping({ quantity: null, price: null, amount: null });
            }}
          />
          {t('ui.mapping.noMoney')}
        </label>
        <div className="controls">
          {money === 'amount' && column('amount', 'ui.mapping.amount')}
          {money === 'quantity' && (
            <>
              {column('quantity', 'ui.mapping.quantity')}
              {column('price', 'ui.mapping.price')}
            </>
          )}
          {money === 'none' && <p className="hint">{t('ui.mapping.noMoneyHint')}</p>}
        </div>
      </fieldset>
      {(ambiguous || settings.dateOrder !== null) && (
        <fieldset>
          <legend>
            {rich('ui.mapping.dateQuestion', { column: <ColumnName name={mapping.date ?? ''} /> })}
          </legend>
          {DATE_ORDERS.map((order) => (
            <label key={order.value} className="checkbox">
              <input
                type="radio"
                name={datesName}
                checked={settings.dateOrder === order.value}
                onChange={() => setDateOrder(order.value)}
              />
              {t(order.label)}
            </label>
          ))}
          {!ambiguous && (
            <button type="button" className="link-button" onClick={() => setDateOrder(null)}>
              {t('ui.mapping.asData')}
            </button>
          )}
        </fieldset>
      )}
      <div className="controls">
        <label>
          {t('ui.mapping.snapshot')}
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
          {settings.snapshot !== null
            ? t('ui.mapping.snapshotClear')
            : rfmView
              ? rich('ui.mapping.snapshotDefault', {
                  date: (
                    <Moment
                      time={rfmView.defaultSnapshot}
                      text={format.dateTime(rfmView.defaultSnapshot)}
                    />
                  ),
                })
              : t('ui.mapping.snapshotEmpty')}
        </p>
      </div>
      {settings.mapping.order !== null && (
        <div className="mapping__option">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.cancellations !== 'off'}
              onChange={(e) => setCancellations(e.target.checked)}
            />
            {t('ui.mapping.cancellations')}
          </label>
          <p className="hint">{t('ui.mapping.cancellationsHint')}</p>
        </div>
      )}
      {blocker && <p className="notice">{render(blocker)}</p>}
    </div>
  );
}
