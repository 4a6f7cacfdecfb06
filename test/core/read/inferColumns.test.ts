import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/common/random';
import { textSource } from '../../../src/core/read/byteSource';
import {
  inferColumns,
  looksLikeIdentifierName,
  topNumbers,
} from '../../../src/core/read/inferColumns';
import fc from 'fast-check';
import { readCsv } from '../../../src/core/read/readCsv';
import { MISSING_CODE, ROW_LONG, ROW_QUOTES } from '../../../src/core/read/table';
import {
  bankChurnCsv,
  bankChurnersCsv,
  chineseCustomersCsv,
  groceriesCsv,
  marketingCsv,
} from '../../support/realShapes';

const infer = async (text: string) => inferColumns(await readCsv(textSource(text)));

describe('looksLikeIdentifierName', () => {
  it('knows identifier names', () => {
    for (const name of [
      'id',
      'ID',
      'customer_id',
      'CustomerID',
      'Customer ID',
      'user-id',
      'customerId',
      'InvoiceNo',
      'uuid',
    ]) {
      expect(looksLikeIdentifierName(name), name).toBe(true);
    }
  });
  it('does not take ordinary names for identifiers', () => {
    for (const name of ['income', 'Idle time', 'Android', 'paid', 'Casino', 'video']) {
      expect(looksLikeIdentifierName(name), name).toBe(false);
    }
  });
});

describe('inferColumns', () => {
  it('keeps a year a measure, even when its long name ends like an identifier', async () => {
    const name = 'Year_in_which_the_respondent_joined_as_written_on_their_card_number';
    const rows = Array.from({ length: 60 }, (_, i) => `${2010 + (i % 14)},${i % 7}`);
    const [year] = await infer([`${name},visits`, ...rows].join('\n'));
    expect(year.kind).toBe('numeric');
    // Without the years, the same name is an identifier.
    const codes = Array.from({ length: 60 }, (_, i) => `${50_000 + i * 13},${i % 7}`);
    const [card] = await infer([`${name},visits`, ...codes].join('\n'));
    expect(card.kind).toBe('identifier');
  });

  it("says when a column of mostly numbers is read as text, and keeps the numbers' range", async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i % 5 === 0 ? 'unknown' : 10 + i},${i % 4}`,
    );
    const [spend, visits] = await infer(['spend,visits', ...rows].join('\n'));
    expect(spend.kind).toBe('text');
    expect(spend.note).toEqual({
      key: 'kindMostlyNumbers',
      params: { name: 'spend', numbers: 32, texts: 8, example: 'unknown' },
    });
    expect([spend.min, spend.max, spend.notNumbers]).toEqual([11, 49, 8]);
    expect(visits.note).toBeNull();
    // More text than numbers: a text column, with no such note and no range.
    const half = Array.from({ length: 40 }, (_, i) => `${i % 3 !== 0 ? `x${i}` : i},${i % 4}`);
    const [mixed] = await infer(['code,visits', ...half].join('\n'));
    expect(mixed.note?.key).not.toBe('kindMostlyNumbers');
    expect(mixed.min).toBeNull();
    // Codes of digits and letters (StockCode's 85123A): many distinct texts, no such note either.
    const stockCodes = Array.from(
      { length: 90 },
      (_, i) => `${85000 + (i % 30)}${i % 3 === 0 ? 'A' : ''},${i % 4}`,
    );
    const [stock] = await infer(['StockCode,visits', ...stockCodes].join('\n'));
    expect(stock.kind).not.toBe('identifier');
    expect(stock.note?.key).not.toBe('kindMostlyNumbers');
  });

  it('tells numeric, categorical, datetime, identifier and text apart', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      [
        `C${1000 + i}`,
        20 + i,
        i % 3 === 0 ? 'North' : 'South',
        `2011-01-${String((i % 28) + 1).padStart(2, '0')}`,
        `free text number ${i} here`,
        i + 1,
      ].join(','),
    );
    const columns = await infer('code,age,region,joined,comment,row\n' + rows.join('\n'));
    expect(columns.map((c) => c.kind)).toEqual([
      'identifier',
      'numeric',
      'categorical',
      'datetime',
      'text',
      'identifier',
    ]);
    const age = columns[1];
    expect(age).toMatchObject({ min: 20, max: 49, missing: 0, unique: 30 });
    expect(age.mean).toBeCloseTo(34.5, 12);
    expect(columns[2].top).toEqual([
      { value: 'South', count: 20 },
      { value: 'North', count: 10 },
    ]);
    expect(columns[3].dateOrder).toBe('ymd');
  });

  it('counts missing cells and treats a few stray words in a numeric column as missing', async () => {
    const values = Array.from({ length: 40 }, (_, i) =>
      i === 3 ? 'unknown' : i === 5 ? 'NA' : String(i),
    );
    const [column] = await infer('spend\n' + values.join('\n'));
    expect(column).toMatchObject({ kind: 'numeric', missing: 1, notNumbers: 1 });
    expect(column.note).toEqual(message('kindNotNumbers', { count: 1, example: 'unknown' }));
    expect(englishText(column.note!)).toMatch(/1 cell is not a number \(e.g. "unknown"\)/);
  });

  it('handles an all-missing column, a constant column and a column of identical strings', async () => {
    const columns = await infer('empty,same,word,x\n,5,yes,1\n,5,yes,2\n,5,yes,3\n');
    expect(columns[0]).toMatchObject({ kind: 'numeric', missing: 3, unique: 0 });
    expect(columns[0].note).toEqual(message('kindAllMissing'));
    expect(englishText(columns[0].note!)).toMatch(/Every cell is missing/);
    expect(columns[1]).toMatchObject({ kind: 'numeric', min: 5, max: 5, unique: 1 });
    expect(columns[1].note).toEqual(message('kindConstant'));
    expect(englishText(columns[1].note!)).toMatch(/same value/);
    expect(columns[2]).toMatchObject({
      kind: 'categorical',
      unique: 1,
      top: [{ value: 'yes', count: 3 }],
    });
    expect(columns[2].note).toEqual(message('kindSameCategory'));
    // Nothing to say about a plain column.
    expect(columns[3].note).toBeNull();
  });

  it('flags dates whose order cannot be told', async () => {
    const columns = await infer('day,x\n01/02/2010,1\n03/04/2010,2\n');
    expect(columns[0]).toMatchObject({ kind: 'datetime', dateOrderAmbiguous: true });
    expect(columns[0].note).toEqual(message('kindAmbiguousDates'));
  });

  it('leaves malformed rows out of the statistics', async () => {
    const [a] = await infer('a,b\n1,2\n1000,2,3\n3,4\n');
    expect(a).toMatchObject({ min: 1, max: 3, missing: 0 });
  });

  it('counts missing cells, numbers and their range as a cell-by-cell count does', async () => {
    // Cells of numbers, words, blanks and missing markers; some records a field too long.
    const cell = fc.oneof(
      fc.integer({ min: -50, max: 50 }).map(String),
      fc.constantFrom('', 'NA', 'red', 'blue', '2.5', ' 7 '),
    );
    const record = fc
      .tuple(cell, cell, fc.boolean())
      .map(([a, b, long]) => (long ? `${a},${b},extra` : `${a},${b}`));
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 60 }), async (records) => {
        const table = await readCsv(textSource('a,b\n' + records.join('\n') + '\n'));
        const summaries = inferColumns(table);
        table.columns.forEach((column, j) => {
          let missing = 0;
          let numbers = 0;
          let sum = 0;
          let min = Infinity;
          let max = -Infinity;
          for (let row = 0; row < table.rowCount; row++) {
            if (table.rowStatus[row] === ROW_LONG || table.rowStatus[row] === ROW_QUOTES) continue;
            const value = column.numbers[row];
            if (value === value) {
              numbers++;
              sum += value;
              min = Math.min(min, value);
              max = Math.max(max, value);
            } else if (column.codes === null || column.codes[row] === MISSING_CODE) missing++;
          }
          const summary = summaries[j];
          expect(summary.missing).toBe(missing);
          if (summary.kind === 'numeric' && numbers > 0) {
            expect([summary.min, summary.max]).toEqual([min, max]);
            expect(summary.mean).toBe(sum / numbers);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('decimal commas and points in one column (#20: read as an identifier, with no note)', () => {
  it('says the column mixes separators instead of calling it an identifier', async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? `c${i};${i}.${(i * 7) % 10}5` : `c${i};${i},${(i * 3) % 10}5`,
    );
    const table = await readCsv(textSource(['name;amount', ...rows].join('\n')));
    expect(table.dialect).toMatchObject({ delimiter: ';', decimal: '.' });
    const amount = inferColumns(table)[1];
    expect(amount.kind).toBe('text');
    expect(englishText(amount.note!)).toBe(
      'Numbers here are written with both a decimal point and a decimal comma (such as "1,35"), so neither reading is right: the file is read with a decimal point; correct the file, or choose the decimal separator.',
    );
  });

  it('leaves a column of thousands and plain numbers numeric', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 2 ? '1,234' : '17'};x${i}`);
    const table = await readCsv(textSource(['amount;name', ...rows].join('\n')));
    expect(inferColumns(table)[0].kind).toBe('numeric');
  });
});

describe('identifier and target columns of real files (#18), on generated look-alikes', () => {
  const kinds = async (csv: string) =>
    new Map((await infer(csv)).map((column) => [column.name, column] as const));

  it('takes CLIENTNUM for an identifier by its content, and says so', async () => {
    const columns = await kinds(bankChurnersCsv(300));
    const client = columns.get('CLIENTNUM')!;
    expect(client.kind).toBe('identifier');
    expect(client.note?.key).toBe('kindIdentifierNameAndCodes');
    expect(englishText(client.note!)).toMatch(
      /^Named like an identifier and holds whole-number codes/,
    );
    // Measurements stay numeric: ages, counts, a credit limit with decimals, amounts, ratios.
    for (const name of [
      'Customer_Age',
      'Dependent_count',
      'Months_on_book',
      'Total_Relationship_Count',
      'Credit_Limit',
      'Total_Trans_Amt',
      'Total_Trans_Ct',
      'Avg_Utilization_Ratio',
    ])
      expect(columns.get(name)!.kind, name).toBe('numeric');
  });

  it('counts ids too long for a double by their digits, and quotes one as written', async () => {
    // 1234567890123456001 and ...002 are one double: counted as numbers, ids would seem to repeat.
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${1234567890123456001n + BigInt(i)},${(i * 7) % 13}`,
    );
    const table = await readCsv(textSource(['customer_id,visits', ...rows].join('\n')));
    const id = inferColumns(table)[0];
    expect(id.unique).toBe(40);
    expect(id.kind).toBe('identifier');
    expect(englishText(id.note!)).toBe(
      'Named like an identifier and holds whole-number codes (such as "1234567890123456001"): an identifier, not a feature.',
    );
  });

  it('takes codes with no name hint for an identifier by content alone, and says so', async () => {
    const random = createRandom(3);
    const rows = Array.from(
      { length: 40 },
      () => `${708_000_000 + random.int(1e8)},${random.int(90)}`,
    );
    const [contact, visits] = await infer(['Kontakt,visits', ...rows].join('\n'));
    expect(contact.kind).toBe('identifier');
    expect(englishText(contact.note!)).toMatch(
      /^Whole numbers of 9 digits each with 40 different values \(such as "\d{9}"\): codes, not a measurement/,
    );
    expect(visits.kind).toBe('numeric');
  });

  it('flags the target and the model outputs, keeping their kinds', async () => {
    const columns = await kinds(bankChurnersCsv(300));
    const flag = columns.get('Attrition_Flag')!;
    expect(flag.kind).toBe('categorical');
    expect(flag.likelyTarget).toBe(true);
    expect(flag.note).toEqual(message('kindTarget'));
    const outputs = [...columns.values()].filter((c) => c.name.startsWith('Naive_Bayes'));
    expect(outputs.map((c) => [c.kind, c.likelyTarget])).toEqual([
      ['numeric', true],
      ['numeric', true],
    ]);
    expect(columns.get('Customer_Age')!.likelyTarget).toBe(false);
  });

  it('keeps the bank churn file’s counts numeric and flags Exited', async () => {
    const columns = await kinds(bankChurnCsv(300));
    expect(columns.get('RowNumber')!.kind).toBe('identifier');
    expect(columns.get('CustomerId')!.kind).toBe('identifier');
    expect(columns.get('CustomerId')!.note?.key).toBe('kindIdentifierNameAndCodes');
    for (const name of [
      'CreditScore',
      'Age',
      'Tenure',
      'Balance',
      'NumOfProducts',
      'EstimatedSalary',
    ])
      expect(columns.get(name)!.kind, name).toBe('numeric');
    expect(columns.get('Exited')!.likelyTarget).toBe(true);
    expect(columns.get('Exited')!.kind).toBe('numeric');
  });

  it('keeps the marketing file’s incomes, years and Num* counts numeric', async () => {
    const columns = await kinds(marketingCsv(400));
    expect(columns.get('ID')!.kind).toBe('identifier');
    for (const name of [
      'Year_Birth',
      'Income',
      'Kidhome',
      'MntWines',
      'NumDealsPurchases',
      'NumWebPurchases',
      'NumWebVisitsMonth',
      'Response',
    ])
      expect(columns.get(name)!.kind, name).toBe('numeric');
    expect(columns.get('Response')!.likelyTarget).toBe(true);
  });

  it('takes Member_number for an identifier by its name and repeating codes', async () => {
    const columns = await kinds(groceriesCsv(500));
    expect(columns.get('Member_number')!.kind).toBe('identifier');
    expect(columns.get('basket_value')!.kind).toBe('numeric');
  });

  it('takes Chinese identifier names, and a six-digit code column, and flags 是否流失', async () => {
    const columns = await kinds(chineseCustomersCsv(200));
    expect(columns.get('客户编号')!.kind).toBe('identifier');
    expect(columns.get('顾客ID')!.kind).toBe('identifier');
    expect(columns.get('会员号')!.kind).toBe('identifier');
    for (const name of ['年龄', '消费金额', '购买次数'])
      expect(columns.get(name)!.kind, name).toBe('numeric');
    expect(columns.get('是否流失')!.likelyTarget).toBe(true);
  });

  it('tells why in the note: a target with another note keeps both', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i === 3 ? 'unknown' : i % 2}`);
    const [, churn] = await infer(['age,churn', ...rows].join('\n'));
    expect(churn.likelyTarget).toBe(true);
    expect(churn.note?.key).toBe('kindTargetAndNote');
    expect(englishText(churn.note!)).toContain('Also: 1 cell is not a number');
  });
});

describe('topNumbers', () => {
  it('gives the most frequent numbers, ties by their text, as counting every one would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, -0, 1, 2, 10, 1.5, -3, 100, 0.25, 7), { maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (list, limit) => {
          const values = Float64Array.from(list);
          const naive = new Map<number, number>();
          for (const v of list) naive.set(v, (naive.get(v) ?? 0) + 1);
          const expected = [...naive]
            .map(([value, count]) => ({ value: String(value), count }))
            .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
            .slice(0, limit);
          expect(topNumbers(values, null, limit)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('inferColumns progress', () => {
  it('says it has begun before the first column, then once per column', async () => {
    const table = await readCsv(textSource('a,b,c\n1,2,x\n3,4,y\n'));
    const fractions: number[] = [];
    inferColumns(table, (fraction) => fractions.push(fraction));
    expect(fractions).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
});
