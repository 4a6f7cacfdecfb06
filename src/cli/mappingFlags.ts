import { UserError } from '../core/common/userError';
import { parseDate, type DateOrder } from '../core/read/parseDate';
import type { RfmSettings } from '../core/rfm/rfm';
import { mappingProblem, type TransactionMapping } from '../core/rfm/transactionMapping';
import type { AnalysisSession } from '../core/session/session';

/** The flags that say which columns of an order export mean what, shared by the order-lines commands. */
export const MAPPING_FLAGS = {
  customer: { type: 'string' },
  date: { type: 'string' },
  order: { type: 'string' },
  quantity: { type: 'string' },
  price: { type: 'string' },
  amount: { type: 'string' },
  item: { type: 'string' },
  description: { type: 'string' },
  snapshot: { type: 'string' },
  'day-first': { type: 'boolean' },
  'month-first': { type: 'boolean' },
  'no-cancellations': { type: 'boolean' },
} as const;

export const MAPPING_USAGE = `  --customer COL        the customer id column      (default: recognised from the names)
  --date COL            the order date column
  --order COL           the order (invoice) id column; without one, each row is an order
  --quantity COL        quantity ...
  --price COL           ... and unit price, multiplied per line
  --amount COL          or one amount column instead of quantity x price
  --snapshot DATE       the day recency counts to, ISO (default: the last order + 1 day)
  --day-first           dates such as 01/02/2011 are 1 February
  --month-first         dates such as 01/02/2011 are 2 January
  --no-cancellations    keep lines whose order id looks cancelled (C536379); by default such a
                        line is left out when the file's other order ids are digits, the id
                        without the C is in the file, or its quantity is negative`;

type MappingValues = Partial<Record<keyof TransactionMapping | 'snapshot', string>> & {
  'day-first'?: boolean;
  'month-first'?: boolean;
  'no-cancellations'?: boolean;
};

/** The RFM settings the flags ask for, over the mapping the session suggests for the file. */
export function rfmSettingsFrom(values: MappingValues, session: AnalysisSession): RfmSettings {
  if (values['day-first'] && values['month-first'])
    throw new UserError('bad-option', 'cliDayAndMonth');
  const dateOrder: DateOrder | null = values['day-first']
    ? 'dmy'
    : values['month-first']
      ? 'mdy'
      : null;
  let snapshot: number | null = null;
  if (values.snapshot !== undefined) {
    snapshot = parseDate(values.snapshot, 'ymd');
    if (Number.isNaN(snapshot))
      throw new UserError('bad-option', 'cliSnapshot', { value: values.snapshot });
  }
  const mapping = mappingFrom(values, session.summary().transactions.mapping);
  const problem = mappingProblem(mapping);
  if (problem !== null) throw new UserError('bad-mapping', problem.key, problem.params);
  return {
    mapping,
    dateOrder,
    snapshot,
    cancellations: values['no-cancellations'] ? 'off' : 'auto',
  };
}

function mappingFrom(
  values: Partial<Record<keyof TransactionMapping, string>>,
  suggested: TransactionMapping,
): TransactionMapping {
  const given = (key: keyof TransactionMapping) => values[key] ?? null;
  // Money is quantity x price or an amount: a flag for one replaces the suggestion of the other.
  const moneyGiven =
    values.amount !== undefined || values.quantity !== undefined || values.price !== undefined;
  return {
    customer: given('customer') ?? suggested.customer,
    date: given('date') ?? suggested.date,
    order: given('order') ?? suggested.order,
    quantity: moneyGiven ? given('quantity') : suggested.quantity,
    price: moneyGiven ? given('price') : suggested.price,
    amount: moneyGiven ? given('amount') : suggested.amount,
    item: given('item') ?? suggested.item ?? null,
    description: given('description') ?? suggested.description ?? null,
  };
}
