import type { ColumnSummary } from '../read/inferColumns';

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
  reason: string;
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
  const missing: string[] = [];
  if (customer === null) missing.push('customer column that repeats');
  if (date === null) missing.push('date column');
  if (amount === null && (quantity === null || price === null))
    missing.push('amount (or quantity and unit price)');
  const looksLikeTransactions = missing.length === 0;
  return {
    mapping,
    looksLikeTransactions,
    reason: looksLikeTransactions
      ? `Each customer (${customer}) appears on several rows, with dates (${date}) and ${
          amount !== null ? `amounts (${amount})` : `quantities and prices (${quantity} x ${price})`
        }: this looks like one row per order line.`
      : `${missing.map((what, i) => `${i === 0 ? 'No' : i === missing.length - 1 ? ' and no' : ', no'} ${what}`).join('')} ${missing.length === 1 ? 'was' : 'were'} recognised, so this reads as one row per customer.`,
  };
}

/** What is missing from a mapping before RFM can run, as a sentence; null when complete. */
export function mappingProblem(mapping: TransactionMapping): string | null {
  if (mapping.customer === null) return 'Choose the column that identifies the customer.';
  if (mapping.date === null) return 'Choose the column that holds the order date.';
  if (mapping.amount === null && (mapping.quantity === null || mapping.price === null))
    return 'Choose an amount column, or both a quantity and a unit price column.';
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
  if (twice !== undefined)
    return `"${twice}" is chosen for two roles: give each role its own column.`;
  return null;
}
