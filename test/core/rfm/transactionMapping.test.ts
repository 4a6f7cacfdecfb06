import { describe, expect, it } from 'vitest';
import { message, type Message } from '../../../src/core/common/message';
import { textSource } from '../../../src/core/read/byteSource';
import {
  inferColumns,
  type ColumnKind,
  type ColumnSummary,
} from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import {
  EMPTY_MAPPING,
  mappingProblem,
  suggestTransactionMapping,
} from '../../../src/core/rfm/transactionMapping';
import { englishText } from '../../../src/i18n/formatMessage';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { UCI_MAPPING } from '../../support/rfm';

/** A column as inferColumns describes it, with only what the suggestion looks at filled in. */
function column(
  name: string,
  kind: ColumnKind,
  unique = 10,
  min: number | null = null,
): ColumnSummary {
  const numeric = kind === 'numeric' || kind === 'identifier';
  return {
    name,
    index: 0,
    kind,
    missing: 0,
    unique,
    min: numeric ? (min ?? 1) : null,
    mean: null,
    max: null,
    notNumbers: 0,
    top: [],
    unit: null,
    dateOrder: kind === 'datetime' ? 'ymd' : null,
    dateOrderAmbiguous: false,
    note: null,
    likelyTarget: false,
  };
}

/** The UCI Online Retail columns over 100 rows: customers and items repeat, lines do not. */
const UCI_COLUMNS = [
  column('InvoiceNo', 'identifier', 40),
  column('StockCode', 'categorical', 30),
  column('Description', 'categorical', 30),
  column('Quantity', 'numeric', 12),
  column('InvoiceDate', 'datetime', 40),
  column('UnitPrice', 'numeric', 20),
  column('CustomerID', 'identifier', 15),
  column('Country', 'categorical', 3),
];

describe('suggestTransactionMapping', () => {
  const columnsOf = async (csv: string) => {
    const table = await readCsv(textSource(csv));
    return { columns: inferColumns(table), rows: table.rowCount };
  };
  const suggest = async (csv: string) => {
    const { columns, rows } = await columnsOf(csv);
    return suggestTransactionMapping(columns, rows);
  };

  it('recognises common order exports from their column names and content', async () => {
    const amountStyle = await suggest(
      'Customer ID,Order Date,Amount\n' +
        Array.from(
          { length: 30 },
          (_, i) => `c${i % 7},2024-03-${String(1 + (i % 28)).padStart(2, '0')},${10 + i}`,
        ).join('\n'),
    );
    expect(amountStyle.looksLikeTransactions).toBe(true);
    expect(amountStyle.mapping).toEqual({
      ...EMPTY_MAPPING,
      customer: 'Customer ID',
      date: 'Order Date',
      amount: 'Amount',
    });
    const snake = await suggest(
      'order_id,user_id,order_date,qty,price,sku\n' +
        Array.from(
          { length: 30 },
          (_, i) =>
            `${100 + (i >> 1)},${i % 5},12/${1 + (i % 28)}/2024 8:26,${1 + (i % 3)},2.5,A${i % 6}`,
        ).join('\n'),
    );
    expect(snake.mapping).toEqual({
      customer: 'user_id',
      date: 'order_date',
      order: 'order_id',
      quantity: 'qty',
      price: 'price',
      amount: null,
      item: 'sku',
      description: null,
    });
    expect(snake.reason).toEqual(
      message('mappingLooksLikeLinesPrice', {
        customer: 'user_id',
        date: 'order_date',
        quantity: 'qty',
        price: 'price',
      }),
    );
    expect(englishText(snake.reason)).toMatch(/one row per order line/);
    expect(amountStyle.reason).toEqual(
      message('mappingLooksLikeLines', {
        customer: 'Customer ID',
        date: 'Order Date',
        amount: 'Amount',
      }),
    );
  });

  it('does not take a customer file (one row per customer) for transactions', async () => {
    const result = await suggest(generateCustomersCsv({ rows: 300, seed: 3 }));
    expect(result.looksLikeTransactions).toBe(false);
    expect(result.reason).toEqual(
      message('mappingNotLines', {
        missing: message('listMore', {
          first: message('mappingMissingCustomer'),
          rest: message('listTwo', {
            first: message('mappingMissingDate'),
            second: message('mappingMissingMoney'),
          }),
        }),
        count: 3,
      }),
    );
    expect(englishText(result.reason)).toBe(
      'No customer column that repeats, no date column and no amount (or quantity and unit price) were recognised, so this reads as one row per customer.',
    );
    const noMoney = await suggest(
      'client,when,note\na,2024-01-02,x\na,2024-02-03,y\nb,2024-01-05,z\n',
    );
    expect(noMoney.reason).toEqual(
      message('mappingNotLines', { missing: message('mappingMissingMoney'), count: 1 }),
    );
    expect(englishText(noMoney.reason)).toBe(
      'No amount (or quantity and unit price) was recognised, so this reads as one row per customer.',
    );
  });

  it('reads the UCI Online Retail columns, CamelCase names split into words', () => {
    const result = suggestTransactionMapping(UCI_COLUMNS, 100);
    expect(result.mapping).toEqual({
      ...UCI_MAPPING,
      item: 'StockCode',
      description: 'Description',
    });
    expect(result.looksLikeTransactions).toBe(true);
    expect(englishText(result.reason)).toBe(
      'Each customer (CustomerID) appears on several rows, with dates (InvoiceDate) and quantities and prices (Quantity x UnitPrice): this looks like one row per order line.',
    );
  });

  it('takes quantity and price over an amount, and an amount when one of them is missing', () => {
    const both = suggestTransactionMapping(
      [
        column('customer', 'categorical'),
        column('date', 'datetime'),
        column('total', 'numeric'),
        column('qty', 'numeric'),
        column('price', 'numeric'),
      ],
      100,
    );
    expect([both.mapping.quantity, both.mapping.price, both.mapping.amount]).toEqual([
      'qty',
      'price',
      null,
    ]);
    const quantityOnly = suggestTransactionMapping(
      [
        column('customer', 'categorical'),
        column('date', 'datetime'),
        column('qty', 'numeric'),
        column('total', 'numeric'),
      ],
      100,
    );
    expect([
      quantityOnly.mapping.quantity,
      quantityOnly.mapping.price,
      quantityOnly.mapping.amount,
    ]).toEqual([null, null, 'total']);
  });

  it('wants a customer column that repeats, a date column that holds dates, and money in numbers', () => {
    const once = suggestTransactionMapping(
      [
        column('customer', 'categorical', 100),
        column('date', 'datetime'),
        column('amount', 'numeric'),
      ],
      100,
    );
    expect(once.mapping.customer).toBeNull();
    const textDate = suggestTransactionMapping(
      [column('customer', 'categorical'), column('date', 'text'), column('amount', 'numeric')],
      100,
    );
    expect(textDate.mapping.date).toBeNull();
    expect(textDate.reason).toEqual(
      message('mappingNotLines', { missing: message('mappingMissingDate'), count: 1 }),
    );
    expect(englishText(textDate.reason)).toBe(
      'No date column was recognised, so this reads as one row per customer.',
    );
    const neither = suggestTransactionMapping(
      [column('customer', 'categorical', 100), column('date', 'text'), column('amount', 'numeric')],
      100,
    );
    expect(englishText(neither.reason)).toBe(
      'No customer column that repeats and no date column were recognised, so this reads as one row per customer.',
    );
    const textAmount = suggestTransactionMapping(
      [column('customer', 'categorical'), column('date', 'datetime'), column('amount', 'text')],
      100,
    );
    expect(textAmount.mapping.amount).toBeNull();
  });

  it('falls back to a looser name, then to any date column', () => {
    const loose = suggestTransactionMapping(
      [
        column('id', 'identifier', 100),
        column('shipped', 'datetime'),
        column('customer_name', 'categorical'),
        column('sales', 'numeric'),
      ],
      100,
    );
    expect(loose.mapping).toMatchObject({
      customer: 'customer_name',
      date: 'shipped',
      amount: 'sales',
    });
    expect(loose.looksLikeTransactions).toBe(true);
  });

  it('gives each column one role at most', () => {
    const result = suggestTransactionMapping(
      [column('customer', 'categorical'), column('date', 'datetime'), column('amount', 'numeric')],
      100,
    );
    const chosen = Object.values(result.mapping).filter((name) => name !== null);
    expect(new Set(chosen).size).toBe(chosen.length);
  });

  it('suggests a description only beside an item', () => {
    const noItem = suggestTransactionMapping(
      [
        column('customer', 'categorical'),
        column('date', 'datetime'),
        column('amount', 'numeric'),
        column('description', 'text'),
      ],
      100,
    );
    expect(noItem.mapping.description).toBeNull();
    expect(noItem.mapping.item).toBeNull();
  });

  it('says what a mapping still lacks', () => {
    const problem = (mapping: typeof EMPTY_MAPPING) => {
      const said: Message | null = mappingProblem(mapping);
      return said === null ? null : englishText(said);
    };
    expect(problem(EMPTY_MAPPING)).toMatch(/customer/);
    expect(problem({ ...EMPTY_MAPPING, customer: 'a' })).toMatch(/date/);
    expect(problem({ ...EMPTY_MAPPING, customer: 'a', date: 'b', quantity: 'q' })).toMatch(
      /amount column, or both/,
    );
    expect(problem({ ...EMPTY_MAPPING, customer: 'a', date: 'a', amount: 'c' })).toMatch(
      /two roles/,
    );
    expect(mappingProblem(UCI_MAPPING)).toBeNull();
  });
});

describe('mappingProblem', () => {
  it('says each problem in one sentence, the first one first', () => {
    expect(mappingProblem(EMPTY_MAPPING)).toEqual(message('mappingNeedsCustomer'));
    expect(mappingProblem({ ...EMPTY_MAPPING, customer: 'c' })).toEqual(
      message('mappingNeedsDate'),
    );
    expect(mappingProblem({ ...EMPTY_MAPPING, customer: 'c', date: 'd', price: 'p' })).toEqual(
      message('mappingNeedsMoney'),
    );
    const needs = ['mappingNeedsCustomer', 'mappingNeedsDate', 'mappingNeedsMoney'] as const;
    expect(needs.map((key) => englishText(message(key)))).toEqual([
      'Choose the column that identifies the customer.',
      'Choose the column that holds the order date.',
      'Choose an amount column, or both a quantity and a unit price column.',
    ]);
  });

  it('names a column chosen for two roles, items and descriptions included', () => {
    const complete = { ...EMPTY_MAPPING, customer: 'c', date: 'd', amount: 'a' };
    expect(mappingProblem(complete)).toBeNull();
    const twice = mappingProblem({ ...complete, item: 'x', description: 'x' });
    expect(twice).toEqual(message('mappingTwice', { name: 'x' }));
    expect(englishText(twice!)).toBe('"x" is chosen for two roles: give each role its own column.');
    expect(mappingProblem({ ...complete, order: 'c' })).toEqual(
      message('mappingTwice', { name: 'c' }),
    );
    // A mapping written before items existed has no item or description at all.
    expect(mappingProblem({ ...UCI_MAPPING })).toBeNull();
  });
});
