import type { ColumnSummary } from '../read/inferColumns';
import { message, type Message } from '../common/message';

/**
 * Which columns of an order export mean what. Money comes either from quantity x unit price or
 * from one amount column; the order column is optional (without it, every row is an order).
 */
export interface TransactionMapping {
  customer: string | null;
  date: string | null;
  order: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  /** The product of each line (baskets and recommendations); optional for RFM. */
  item?: string | null;
  /** A readable name for the item, shown beside it. */
  description?: string | null;
}

export const EMPTY_MAPPING: TransactionMapping = {
  customer: null,
  date: null,
  order: null,
  quantity: null,
  price: null,
  amount: null,
  item: null,
  description: null,
};

export interface MappingSuggestion {
  mapping: TransactionMapping;
  /** True when the file has a repeating customer column, a date column and money. */
  looksLikeTransactions: boolean;
  /** Why (or why not), in a sentence. */
  reason: Message;
}

const words = (name: string) =>
  name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(' ');

const CUSTOMER =
  /^(customer|cust|client|user|member|buyer|shopper|account|contact|patron)( (id|no|nr|number|key|code|ref|reference|email))?$/;
const CUSTOMER_LOOSE = /\b(customer|cust|client|user|member|buyer|shopper)\b/;
const ORDER =
  /^(invoice|order|transaction|txn|receipt|basket|bill|purchase|sale|ticket)( (id|no|nr|num|number|key|code|ref|reference))?$/;
const DATE =
  /^((invoice|order|transaction|txn|purchase|sale|created|booking|payment) )?(date|date ?time|time|timestamp|day|at|datetime)$|^(date|created at|ordered at|purchased at|order placed)$/;
const DATE_LOOSE = /\b(date|time|timestamp|day)\b/;
const QUANTITY =
  /^(quantity|qty|units|unit count|count|items|pieces|pcs|amount units|number of items|item count)$/;
const PRICE =
  /^(unit price|price|unit cost|item price|price per unit|unitprice|unit price (eur|usd|gbp)|cost per unit|rate)$/;
const AMOUNT =
  /^((line|order|net|gross|total|sale|sales|invoice|transaction|payment) )?(amount|revenue|sales|sale amount|total|value|spend|spent|line total|sum|price total|paid)$/;
const ITEM =
  /^(stock ?code|sku|product|product (id|code|no|number|key)|item|item (id|code|no|number|key)|article|article (id|no|number)|asin|upc|ean|barcode|goods (id|code)|part (no|number))$/;
const DESCRIPTION =
  /^(description|desc|product name|item name|product description|item description|product title|title|article name|goods name)$/;

/**
 * Suggests a mapping from the columns' names first and their content second (a customer column
 * must repeat, a date column must hold dates, money must be numbers). The user can change it.
 */
export function suggestTransactionMapping(
  columns: readonly ColumnSummary[],
  rowCount: number,
): MappingSuggestion {
  const used = new Set<string>();
  const pick = (test: (c: ColumnSummary, name: string) => boolean): string | null => {
    const found = columns.find((c) => !used.has(c.name) && test(c, words(c.name)));
    if (!found) return null;
    used.add(found.name);
    return found.name;
  };
  const isNumber = (c: ColumnSummary) => c.kind === 'numeric' || c.kind === 'identifier';
  const hasNumbers = (c: ColumnSummary) => c.min !== null;
  const repeats = (c: ColumnSummary) => c.unique > 1 && c.unique < rowCount;

  const date =
    pick((c, name) => c.kind === 'datetime' && DATE.test(name)) ??
    pick((c, name) => c.kind === 'datetime' && DATE_LOOSE.test(name)) ??
    pick((c) => c.kind === 'datetime');
  const customer =
    pick((c, name) => CUSTOMER.test(name) && repeats(c)) ??
    pick((c, name) => CUSTOMER_LOOSE.test(name) && c.kind !== 'datetime' && repeats(c));
  const order = pick((c, name) => ORDER.test(name) && c.kind !== 'datetime');
  const quantity = pick((c, name) => QUANTITY.test(name) && isNumber(c) && hasNumbers(c));
  const price = pick((c, name) => PRICE.test(name) && isNumber(c) && hasNumbers(c));
  const amount =
    quantity !== null && price !== null
      ? null
      : pick((c, name) => AMOUNT.test(name) && isNumber(c) && hasNumbers(c));
  const item = pick((c, name) => ITEM.test(name) && c.kind !== 'datetime' && repeats(c));
  const description =
    item === null
      ? null
      : pick(
          (c, name) => DESCRIPTION.test(name) && (c.kind === 'categorical' || c.kind === 'text'),
        );
  const mapping: TransactionMapping = {
    customer,
    date,
    order,
    quantity: amount === null ? quantity : null,
    price: amount === null ? price : null,
    amount,
    item,
    description,
  };
  const missing: Message[] = [];
  if (customer === null) missing.push(message('mappingMissingCustomer'));
  if (date === null) missing.push(message('mappingMissingDate'));
  if (amount === null && (quantity === null || price === null))
    missing.push(message('mappingMissingMoney'));
  const looksLikeTransactions = missing.length === 0;
  return {
    mapping,
    looksLikeTransactions,
    reason: looksLikeTransactions
      ? amount !== null
        ? message('mappingLooksLikeLines', { customer: customer!, date: date!, amount })
        : message('mappingLooksLikeLinesPrice', {
            customer: customer!,
            date: date!,
            quantity: quantity!,
            price: price!,
          })
      : message('mappingNotLines', { missing: listOfMissing(missing), count: missing.length }),
  };
}

/** "A, no B and no C": the things a file lacks, as one phrase. */
function listOfMissing(missing: Message[]): Message {
  if (missing.length === 1) return missing[0];
  if (missing.length === 2) return message('listTwo', { first: missing[0], second: missing[1] });
  return message('listMore', { first: missing[0], rest: listOfMissing(missing.slice(1)) });
}

/** What is missing from a mapping before RFM can run; null when complete. */
export function mappingProblem(mapping: TransactionMapping): Message | null {
  if (mapping.customer === null) return message('mappingNeedsCustomer');
  if (mapping.date === null) return message('mappingNeedsDate');
  if (mapping.amount === null && (mapping.quantity === null || mapping.price === null))
    return message('mappingNeedsMoney');
  const chosen = [
    mapping.customer,
    mapping.date,
    mapping.order,
    mapping.quantity,
    mapping.price,
    mapping.amount,
    mapping.item,
    mapping.description,
  ].filter((name): name is string => name !== null && name !== undefined);
  const twice = chosen.find((name, i) => chosen.indexOf(name) !== i);
  if (twice !== undefined) return message('mappingTwice', { name: twice });
  return null;
}
