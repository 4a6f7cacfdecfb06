import { UserError } from '../core/common/userError';
import { parseDate, type DateOrder } from '../core/read/parseDate';
import type { RfmSettings } from '../core/rfm/rfm';
import type { MessageKey } from '../core/common/message';
import {
  mappingProblems,
  type MappingBasis,
  type MappingRole,
  type TransactionMapping,
} from '../core/rfm/transactionMapping';
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
  'no-money': { type: 'boolean' },
} as const;

type MappingValues = Partial<Record<keyof TransactionMapping | 'snapshot', string>> & {
  'day-first'?: boolean;
  'month-first'?: boolean;
  'no-cancellations'?: boolean;
  'no-money'?: boolean;
};

/** The flag that names each role's column, as the missing-columns message lists it. */
const FLAG_OF_PROBLEM: Partial<Record<MessageKey, string>> = {
  mappingNeedsCustomer: '--customer COL',
  mappingNeedsDate: '--date COL',
  mappingNeedsQuantity: '--quantity COL',
  mappingNeedsPrice: '--price COL',
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
  const suggested = session.summary().transactions.mapping;
  const mapping = mappingFrom(values, suggested);
  if (values['no-money']) Object.assign(mapping, { quantity: null, price: null, amount: null });
  // Every column still missing at once, as the flags that would name them: one run to fix all.
  const problems = mappingProblems(mapping);
  const flags = problems.flatMap((p) => FLAG_OF_PROBLEM[p.key] ?? []);
  if (flags.length > 0)
    throw new UserError('bad-mapping', 'cliMappingMissing', {
      count: flags.length,
      flags: flags.join(' '),
    });
  if (problems.length > 0) throw new UserError('bad-mapping', problems[0].key, problems[0].params);
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

/** How each column of the mapping was chosen: given by a flag, or recognised by name or content. */
export type ColumnChoice = MappingBasis | 'given';

/** For each role of the mapping, whether a flag gave its column or how it was recognised. */
export function columnChoices(
  values: Partial<Record<MappingRole, string>>,
  mapping: TransactionMapping,
  session: AnalysisSession,
): Partial<Record<MappingRole, ColumnChoice>> {
  const { basis } = session.summary().transactions;
  const choices: Partial<Record<MappingRole, ColumnChoice>> = {};
  for (const role of Object.keys(mapping) as MappingRole[]) {
    if (mapping[role] === null || mapping[role] === undefined) continue;
    const how = values[role] !== undefined ? 'given' : basis[role];
    if (how !== undefined) choices[role] = how;
  }
  return choices;
}
