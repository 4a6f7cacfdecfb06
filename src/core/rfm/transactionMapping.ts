import { looksLikeMeasurementName } from '../read/identifierNames';
import type { ColumnSummary } from '../read/inferColumns';
import { cellText, type Column, type Table } from '../read/table';
import { message, type Message } from '../common/message';

/**
 * Which columns of an order export mean what. Money comes either from quantity x unit price or
 * from one amount column, or is absent (RFM on recency and frequency); the order column is
 * optional (without it, a customer's day is an order).
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

export type MappingRole = keyof TransactionMapping;

/** How a suggested column was recognised: by its name, or by what it holds. */
export type MappingBasis = 'name' | 'content';

export interface MappingSuggestion {
  mapping: TransactionMapping;
  /** True when the file has a repeating customer column and a date column (money is optional). */
  looksLikeTransactions: boolean;
  /** Why (or why not), in a sentence. */
  reason: Message;
  /** For each suggested column, whether its name or its content gave it away. */
  basis: Partial<Record<MappingRole, MappingBasis>>;
}

/**
 * A column name as lower-case words without accents: `itemDescription` is "item description",
 * `Kunden-Nr.` is "kunden nr", `Código_Cliente` is "codigo cliente". Chinese names stay as they
 * are (no spaces to split on), so their patterns match anywhere in the name.
 */
export const nameWords = (name: string) =>
  name
    .trim()
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .join(' ');

/** Words that make a name an id of something ("customer no", "numero client", "会员ID"). */
const ID = '(id|no|nr|num|number|key|code|ref|reference|email|nummer|numero|codigo|cod|nº)';
const either = (...patterns: string[]) => patterns.join('|');

// English, German, French, Spanish and Portuguese, then Chinese. Each "strict" pattern is a whole
// name; each "loose" one a word of it, tried only when no strict name is found.
const CUSTOMER = new RegExp(
  `^(${ID} )?(${either(
    'customer',
    'cust',
    'client',
    'user',
    'member',
    'buyer',
    'shopper',
    'account',
    'contact',
    'patron',
    'kunde',
    'kunden',
    'kundennummer',
    'kundennr',
    'kunden ?id',
    'mitglied',
    'mitgliedsnummer',
    'kaufer',
    'clients?',
    'acheteur',
    'adherent',
    'cliente',
    'comprador',
    'socio',
    'usuario',
    'consumidor',
  )})( ${ID})?$|^(用户|会员|客户|买家|顾客|消费者)(id|编号|号|名称|名|账号|昵称)?$`,
);
const CUSTOMER_LOOSE = new RegExp(
  `\\b(${either('customer', 'cust', 'client', 'user', 'member', 'buyer', 'shopper', 'kunde\\w*', 'cliente?s?', 'usuario', 'socio')})\\b|用户|会员|客户|买家|顾客`,
);
/**
 * Whole numbers between 1800 and 2100, or a name that says year: a year (of birth, of a
 * contract) repeats like a customer id but is a measure (marketing_campaign's Year_Birth).
 */
function looksLikeYears(c: ColumnSummary): boolean {
  if (/year|jahr|année|annee|año|ano\b|年/i.test(c.name)) return true;
  return c.min !== null && c.max !== null && c.min >= 1800 && c.max <= 2100;
}

/** A person's name: a customer when it repeats and holds text (`NAME`, `nom`, `姓名`). */
const PERSON = /^((customer|client|full|cliente) )?(name|nom|nombre|nome|vorname nachname)$|^姓名$/;
const ORDER = new RegExp(
  `^(${ID} )?(${either(
    'invoice',
    'order',
    'transaction',
    'txn',
    'receipt',
    'basket',
    'bill',
    'purchase',
    'sale',
    'ticket',
    'beleg',
    'belegnummer',
    'belegnr',
    'bestellung',
    'bestellnummer',
    'bestellnr',
    'rechnung',
    'rechnungsnummer',
    'rechnungsnr',
    'auftrag',
    'auftragsnummer',
    'bon',
    'commande',
    'facture',
    'pedido',
    'factura',
    'fatura',
    'orden',
    'venta',
    'venda',
    'compra',
    'recibo',
  )})( ${ID})?$|^(订单|交易|流水|小票|单据)(号|编号|id|号码)?$|^单号$`,
);
const DATE = new RegExp(
  `^((${either('invoice', 'order', 'transaction', 'txn', 'purchase', 'sale', 'created', 'booking', 'payment')}) )?(date|date ?time|time|timestamp|day|at|datetime)$|^(date|created at|ordered at|purchased at|order placed)$|^(${either(
    'datum',
    '\\w+datum',
    'zeit',
    'zeitpunkt',
    'date( \\w+)?',
    'fecha( \\w+)?',
    'data( \\w+)?',
    'jour',
    'dia',
  )})$|(时间|日期)$`,
);
const DATE_LOOSE = /\b(date|time|timestamp|day|datum|fecha|data|jour)\b|时间|日期/;
const QUANTITY =
  /^(quantity|qty|units|unit count|count|items|pieces|pcs|amount units|number of items|item count|menge|anzahl|stuck|stuckzahl|quantite|qte|cantidad|unidades|quantidade|qtd|qtde)$|^(购买)?(数量|件数)$/;
const PRICE =
  /^(unit price|price|unit cost|item price|price per unit|unitprice|unit price (eur|usd|gbp)|cost per unit|rate|preis|einzelpreis|stuckpreis|prix|prix unitaire|precio|precio unitario|preco|preco unitario|valor unitario)$|^(单价|价格|商品单价)$/;
const AMOUNT = new RegExp(
  `^((line|order|net|gross|total|sale|sales|invoice|transaction|payment) )?(amount|amt|revenue|sales|sale amount|total|value|spend|spent|line total|sum|price total|paid)$|^(${either(
    'betrag',
    '\\w*betrag',
    'umsatz',
    'summe',
    'gesamt',
    'gesamtpreis',
    'wert',
    'montant( \\w+)?',
    'prix total',
    'chiffre d affaires',
    'valeur',
    'importe( \\w+)?',
    'monto( \\w+)?',
    'ventas?',
    'valor( \\w+)?',
    'montante',
    'receita',
    'vendas?',
    'total( \\w+)?',
  )})$|金额|实付|销售额|付款|支付|总价|营业额|收入|消费`,
);
const ITEM = new RegExp(
  `^(stock ?code|sku|product|product (id|code|no|number|key)|item|item (id|code|no|number|key)|article|article (id|no|number)|asin|upc|ean|barcode|goods (id|code)|part (no|number)|${either(
    'artikel',
    'artikelnummer',
    'artikelnr',
    'produkt',
    'produit',
    'producto',
    'produto',
    'articulo',
    'artigo',
  )})$|^(商品|产品|货品|品名|商品名称|商品名|产品名称|商品id|商品编号|sku)$`,
);
const DESCRIPTION =
  /^(description|desc|product name|item name|item description|product description|product title|title|article name|goods name|bezeichnung|artikelbezeichnung|libelle|descripcion|descricao)$|^(商品描述|描述|商品标题)$/;

/** At most this many rows are looked at to tell decimals from whole numbers. */
const CONTENT_SAMPLE = 5_000;

/**
 * Suggests a mapping from the columns' names (in English, Chinese, German, French, Spanish or
 * Portuguese) first and their content second: a customer column must repeat, a date column must
 * hold dates, money must be positive numbers, an item must repeat. Without a name to go by, the
 * content alone decides: a repeating identifier is the customer (the one with fewer values when
 * there are two; the other is the order), a column of positive decimals is the money, a
 * repeating text column the item. With `table`, money is told from counts by its decimals.
 * Money is optional: without it, RFM runs on recency and frequency. The user can change it all.
 */
export function suggestTransactionMapping(
  columns: readonly ColumnSummary[],
  rowCount: number,
  table?: Table,
): MappingSuggestion {
  const used = new Set<string>();
  const basis: Partial<Record<MappingRole, MappingBasis>> = {};
  const pick = (
    role: MappingRole,
    how: MappingBasis,
    test: (c: ColumnSummary, name: string) => boolean,
  ): string | null => {
    const found = columns.find((c) => !used.has(c.name) && test(c, nameWords(c.name)));
    if (!found) return null;
    used.add(found.name);
    basis[role] = how;
    return found.name;
  };
  const isNumber = (c: ColumnSummary) => c.kind === 'numeric' || c.kind === 'identifier';
  const hasNumbers = (c: ColumnSummary) => c.min !== null;
  const repeats = (c: ColumnSummary) => c.unique > 1 && c.unique < rowCount;
  const isText = (c: ColumnSummary) => c.kind === 'categorical' || c.kind === 'text';
  const decimals = (c: ColumnSummary) =>
    table === undefined ? null : holdsDecimals(table.columns[c.index]);
  // An id by content: the kind says identifier, or codes without spaces with many values, or
  // whole numbers of four digits or more that repeat (a measure such as income rarely does).
  const idLike = (c: ColumnSummary) =>
    repeats(c) &&
    (c.kind === 'identifier' ||
      (isText(c) && c.unique > 20 && c.top.every((t) => !/\s/.test(t.value))) ||
      (c.kind === 'numeric' &&
        decimals(c) === false &&
        (c.min ?? 0) >= 1000 &&
        !looksLikeYears(c) &&
        !looksLikeMeasurementName(c.name) &&
        c.unique > 20 &&
        rowCount >= 1.5 * c.unique));

  const date =
    pick('date', 'name', (c, name) => c.kind === 'datetime' && DATE.test(name)) ??
    pick('date', 'name', (c, name) => c.kind === 'datetime' && DATE_LOOSE.test(name)) ??
    pick('date', 'content', (c) => c.kind === 'datetime');
  let customer =
    pick('customer', 'name', (c, name) => CUSTOMER.test(name) && repeats(c)) ??
    pick(
      'customer',
      'name',
      (c, name) => CUSTOMER_LOOSE.test(name) && c.kind !== 'datetime' && repeats(c),
    ) ??
    pick('customer', 'name', (c, name) => PERSON.test(name) && isText(c) && repeats(c));
  let order = pick('order', 'name', (c, name) => ORDER.test(name) && c.kind !== 'datetime');
  const quantity = pick(
    'quantity',
    'name',
    (c, name) => QUANTITY.test(name) && isNumber(c) && hasNumbers(c),
  );
  const price = pick(
    'price',
    'name',
    (c, name) => PRICE.test(name) && isNumber(c) && hasNumbers(c),
  );
  let amount =
    quantity !== null && price !== null
      ? null
      : pick('amount', 'name', (c, name) => AMOUNT.test(name) && isNumber(c) && hasNumbers(c));
  let item =
    pick('item', 'name', (c, name) => ITEM.test(name) && c.kind !== 'datetime' && repeats(c)) ??
    null;
  const description =
    item === null
      ? null
      : pick(
          'description',
          'name',
          (c, name) => DESCRIPTION.test(name) && (c.kind === 'categorical' || c.kind === 'text'),
        );
  // A description with no item id beside it is the item (`itemDescription` of a basket file).
  item ??= pick('item', 'name', (c, name) => DESCRIPTION.test(name) && isText(c) && repeats(c));

  // Content, for the roles no name gave away.
  if (customer === null || order === null) {
    const ids = columns
      .filter((c) => !used.has(c.name) && c.kind !== 'datetime' && idLike(c))
      .sort((a, b) => a.unique - b.unique);
    if (customer === null && ids.length > 0) {
      customer = ids.shift()!.name;
      used.add(customer);
      basis.customer = 'content';
    }
    if (order === null && ids.length > 0 && customer !== null) {
      order = ids.shift()!.name;
      used.add(order);
      basis.order = 'content';
    }
  }
  if (amount === null && (quantity === null || price === null) && table !== undefined)
    amount = pick(
      'amount',
      'content',
      (c) => c.kind === 'numeric' && (c.min ?? 0) > 0 && decimals(c) === true,
    );
  // An item varies within a customer's lines; a customer's country or segment does not.
  item ??= pick(
    'item',
    'content',
    (c) =>
      isText(c) &&
      repeats(c) &&
      c.unique <= rowCount / 2 &&
      customer !== null &&
      table !== undefined &&
      variesWithinCustomers(table, columns.find((d) => d.name === customer)!.index, c.index),
  );

  const byQuantity = amount === null && quantity !== null && price !== null;
  if (!byQuantity) {
    delete basis.quantity;
    delete basis.price;
  }
  const mapping: TransactionMapping = {
    customer,
    date,
    order,
    quantity: byQuantity ? quantity : null,
    price: byQuantity ? price : null,
    amount,
    item,
    description,
  };
  return {
    mapping,
    looksLikeTransactions: customer !== null && date !== null,
    reason: reasonOf(mapping),
    basis,
  };
}

function reasonOf(mapping: TransactionMapping): Message {
  const { customer, date, amount, quantity, price } = mapping;
  if (customer === null)
    return message(date === null ? 'mappingNotLinesBoth' : 'mappingNotLinesCustomer');
  if (date === null) return message('mappingNotLinesDate');
  if (amount !== null) return message('mappingLooksLikeLines', { customer, date, amount });
  if (quantity !== null && price !== null)
    return message('mappingLooksLikeLinesPrice', { customer, date, quantity, price });
  return message('mappingLooksLikeLinesNoMoney', { customer, date });
}

/**
 * Whether a column takes several values per customer on the first rows (on average more than
 * 1.5 distinct values per customer), as items do and a customer's own attributes do not.
 */
function variesWithinCustomers(table: Table, customerIndex: number, index: number): boolean {
  const customer = table.columns[customerIndex];
  const column = table.columns[index];
  const n = Math.min(table.rowCount, 10 * CONTENT_SAMPLE);
  const customers = new Set<string>();
  const pairs = new Set<string>();
  for (let row = 0; row < n; row++) {
    const who = cellText(customer, row);
    const what = cellText(column, row);
    if (who === '' || what === '') continue;
    customers.add(who);
    pairs.add(`${who}\u0000${what}`);
  }
  return pairs.size > 1.5 * customers.size;
}

/** Whether a column's numbers (on its first rows) include one with a fractional part. */
function holdsDecimals(column: Column): boolean {
  const values = column.numbers;
  const n = Math.min(values.length, CONTENT_SAMPLE);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v && v !== Math.floor(v)) return true;
  }
  return false;
}

/** Whether the mapping has money: an amount, or both a quantity and a unit price. */
export function hasMoney(mapping: TransactionMapping): boolean {
  return mapping.amount !== null || (mapping.quantity !== null && mapping.price !== null);
}

/**
 * Everything a mapping lacks before RFM can run, each in a sentence (an empty list when it is
 * complete). Money is optional: without it RFM uses recency and frequency only.
 */
export function mappingProblems(mapping: TransactionMapping): Message[] {
  const problems: Message[] = [];
  if (mapping.customer === null) problems.push(message('mappingNeedsCustomer'));
  if (mapping.date === null) problems.push(message('mappingNeedsDate'));
  if (mapping.amount === null && (mapping.quantity === null) !== (mapping.price === null))
    problems.push(
      message(mapping.quantity === null ? 'mappingNeedsQuantity' : 'mappingNeedsPrice'),
    );
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
  if (twice !== undefined) problems.push(message('mappingTwice', { name: twice }));
  return problems;
}

/** The first thing a mapping lacks before RFM can run; null when complete. */
export function mappingProblem(mapping: TransactionMapping): Message | null {
  return mappingProblems(mapping)[0] ?? null;
}
