import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/common/random';
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
  mappingProblems,
  suggestTransactionMapping,
} from '../../../src/core/rfm/transactionMapping';
import { englishText } from '../../../src/i18n/formatMessage';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import {
  generateGroceriesCsv,
  generateOrderShapeCsv,
  ORDER_SHAPES,
  type OrderShapeName,
} from '../../../scripts/generators/orderShapes';
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
  const suggest = async (csv: string) => {
    const table = await readCsv(textSource(csv));
    return suggestTransactionMapping(inferColumns(table), table.rowCount, table);
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
    expect(result.reason).toEqual(message('mappingNotLinesBoth'));
    expect(englishText(result.reason)).toBe(
      'No customer column that repeats and no date column were recognised, so this reads as one row per customer.',
    );
  });

  it('does not take a birth year for a customer id (a marketing file of one row per customer)', async () => {
    // The shape of marketing_campaign: a year of birth repeats, a sign-up date, an education.
    const random = createRandom(5);
    const educations = ['Graduation', 'PhD', 'Master', 'Basic', '2n Cycle'];
    const lines = ['ID,Year_Birth,Education,Income,Dt_Customer,MntWines,Response'];
    for (let i = 0; i < 600; i++)
      lines.push(
        [
          1000 + i * 7,
          1940 + random.int(57),
          educations[random.int(5)],
          20000 + random.int(80000),
          `2013-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`,
          random.int(1500),
          random.int(2),
        ].join(','),
      );
    const result = await suggest(lines.join('\n') + '\n');
    expect(result.mapping.customer).not.toBe('Year_Birth');
    expect(result.looksLikeTransactions).toBe(false);
  });

  it('takes a file with customers and dates but no money for purchases, for RFM without money', async () => {
    const noMoney = await suggest(
      'client,when,note\na,2024-01-02,x\na,2024-02-03,y\nb,2024-01-05,z\n',
    );
    expect(noMoney.looksLikeTransactions).toBe(true);
    expect(noMoney.mapping).toMatchObject({ customer: 'client', date: 'when', amount: null });
    expect(englishText(noMoney.reason)).toBe(
      'Each customer (client) appears on several rows, with dates (when) but no money: this looks like one row per purchase, and RFM will use recency and frequency only.',
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
    expect(textDate.reason).toEqual(message('mappingNotLinesDate'));
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
    // Without an item id, the description is the item (a basket file's `itemDescription`).
    expect(noItem.mapping.description).toBeNull();
    expect(noItem.mapping.item).toBe('description');
    const beside = suggestTransactionMapping(
      [
        column('customer', 'categorical'),
        column('date', 'datetime'),
        column('sku', 'categorical'),
        column('description', 'text'),
      ],
      100,
    );
    expect([beside.mapping.item, beside.mapping.description]).toEqual(['sku', 'description']);
  });

  it('says what a mapping still lacks', () => {
    const problem = (mapping: typeof EMPTY_MAPPING) => {
      const said: Message | null = mappingProblem(mapping);
      return said === null ? null : englishText(said);
    };
    expect(problem(EMPTY_MAPPING)).toMatch(/customer/);
    expect(problem({ ...EMPTY_MAPPING, customer: 'a' })).toMatch(/date/);
    expect(problem({ ...EMPTY_MAPPING, customer: 'a', date: 'b', quantity: 'q' })).toMatch(
      /unit price column to go with the quantity/,
    );
    // No money at all is RFM on recency and frequency.
    expect(problem({ ...EMPTY_MAPPING, customer: 'a', date: 'b' })).toBeNull();
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
      message('mappingNeedsQuantity'),
    );
    expect(mappingProblem({ ...EMPTY_MAPPING, customer: 'c', date: 'd', quantity: 'q' })).toEqual(
      message('mappingNeedsPrice'),
    );
    const needs = [
      'mappingNeedsCustomer',
      'mappingNeedsDate',
      'mappingNeedsQuantity',
      'mappingNeedsPrice',
    ] as const;
    expect(needs.map((key) => englishText(message(key)))).toEqual([
      'Choose the column that identifies the customer.',
      'Choose the column that holds the order date.',
      'Choose a quantity column to go with the unit price, or an amount column instead.',
      'Choose a unit price column to go with the quantity, or an amount column instead.',
    ]);
  });

  it('lists every problem at once', () => {
    expect(mappingProblems(EMPTY_MAPPING)).toEqual([
      message('mappingNeedsCustomer'),
      message('mappingNeedsDate'),
    ]);
    expect(mappingProblems({ ...EMPTY_MAPPING, date: 'd', price: 'p' })).toEqual([
      message('mappingNeedsCustomer'),
      message('mappingNeedsQuantity'),
    ]);
    expect(mappingProblems({ ...EMPTY_MAPPING, customer: 'c', date: 'd' })).toEqual([]);
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

describe('order-line files in six languages', () => {
  const suggestFor = async (csv: string) => {
    const table = await readCsv(textSource(csv));
    return suggestTransactionMapping(inferColumns(table), table.rowCount, table);
  };
  const expected: Record<OrderShapeName, Partial<typeof EMPTY_MAPPING>> = {
    tmall: {
      customer: '会员ID',
      date: '下单时间',
      order: '订单编号',
      amount: '实付金额',
      item: '商品名称',
    },
    tmallSales: {
      customer: '用户ID',
      date: '下单时间',
      order: '订单编号',
      amount: '销售额',
      item: '商品名称',
    },
    tmallAmount: { customer: '用户ID', date: '日期', amount: '金额' },
    german: {
      customer: 'Kundennummer',
      date: 'Datum',
      order: 'Belegnummer',
      amount: 'Betrag',
      item: 'Artikel',
    },
    germanRevenue: { customer: 'Kunde', date: 'Buchungsdatum', amount: 'Umsatz' },
    french: {
      customer: 'client',
      date: 'date_commande',
      order: 'numero_commande',
      amount: 'montant',
      item: 'produit',
    },
    spanish: {
      customer: 'cliente',
      date: 'fecha',
      order: 'pedido',
      amount: 'importe',
      item: 'producto',
    },
    portuguese: {
      customer: 'cliente',
      date: 'data',
      order: 'pedido',
      amount: 'valor',
      item: 'produto',
    },
    terse: { customer: 'NAME', date: 'DATE', amount: 'Amt' },
  };
  for (const [shape, mapping] of Object.entries(expected)) {
    it(`recognises every column of the ${shape} shape`, async () => {
      const result = await suggestFor(generateOrderShapeCsv(ORDER_SHAPES[shape as OrderShapeName]));
      expect(result.mapping).toEqual({ ...EMPTY_MAPPING, ...mapping });
      expect(result.looksLikeTransactions).toBe(true);
    });
  }

  it('recognises the groceries basket file (member, day, item; no money, no order id)', async () => {
    const result = await suggestFor(generateGroceriesCsv());
    expect(result.mapping).toEqual({
      ...EMPTY_MAPPING,
      customer: 'Member_number',
      date: 'Date',
      item: 'itemDescription',
    });
    expect(result.looksLikeTransactions).toBe(true);
    expect(result.reason).toEqual(
      message('mappingLooksLikeLinesNoMoney', { customer: 'Member_number', date: 'Date' }),
    );
    expect(result.basis).toMatchObject({ customer: 'name', date: 'name', item: 'name' });
  });

  it('recognises every role from content when the names say nothing', async () => {
    const csv = generateOrderShapeCsv({
      customer: 'A',
      date: 'B',
      amount: 'C',
      item: 'D',
      order: 'E',
      dateStyle: 'ymd',
      decimal: '.',
      customerIds: 'codes',
    });
    const result = await suggestFor(csv);
    expect(result.mapping).toEqual({
      ...EMPTY_MAPPING,
      customer: 'A',
      date: 'B',
      order: 'E',
      amount: 'C',
      item: 'D',
    });
    expect(result.basis).toEqual({
      customer: 'content',
      date: 'content',
      order: 'content',
      amount: 'content',
      item: 'content',
    });
  });

  it('takes no count or price-like integer column for money from content alone', async () => {
    const result = await suggestFor(
      'A,B,C\n' +
        Array.from(
          { length: 80 },
          (_, i) => `U${i % 25},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${1 + (i % 4)}`,
        ).join('\n'),
    );
    expect(result.mapping.customer).toBe('A');
    expect(result.mapping.amount).toBeNull();
  });
});
