import { createRandom } from '../../src/core/common/random';

/**
 * Generated look-alikes of public customer files (same headers, kinds of values and widths of
 * numbers; none of their data): the shapes the identifier and target rules are judged on.
 */

/** Like Kaggle's BankChurners: 9-digit CLIENTNUM, Attrition_Flag, and two model outputs. */
export function bankChurnersCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = [
    'CLIENTNUM,Attrition_Flag,Customer_Age,Gender,Dependent_count,Months_on_book,Total_Relationship_Count,Credit_Limit,Total_Trans_Amt,Total_Trans_Ct,Avg_Utilization_Ratio,Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_1,Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_2',
  ];
  for (let i = 0; i < rows; i++) {
    const attrited = random.next() < 0.16;
    const p = attrited ? 0.99 - random.next() * 0.01 : random.next() * 0.001;
    lines.push(
      [
        708_000_000 + random.int(120_000_000),
        attrited ? 'Attrited Customer' : 'Existing Customer',
        26 + random.int(47),
        random.next() < 0.5 ? 'F' : 'M',
        random.int(6),
        13 + random.int(44),
        1 + random.int(6),
        (1438.3 + random.next() * 33_000).toFixed(1),
        510 + random.int(18_000),
        10 + random.int(130),
        (random.next() * 0.99).toFixed(3),
        p.toFixed(5),
        (1 - p).toFixed(5),
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Like the bank churn file: RowNumber, 8-digit CustomerId, counts named Num*, and Exited. */
export function bankChurnCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = [
    'RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        i + 1,
        15_565_701 + random.int(250_000),
        `Name${random.int(rows)}`,
        350 + random.int(500),
        ['France', 'Spain', 'Germany'][random.int(3)],
        random.next() < 0.5 ? 'Female' : 'Male',
        18 + random.int(74),
        random.int(11),
        random.next() < 0.35 ? 0 : (random.next() * 250_000).toFixed(2),
        1 + random.int(4),
        random.int(2),
        random.int(2),
        (11.58 + random.next() * 199_980).toFixed(2),
        random.next() < 0.2 ? 1 : 0,
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Like the marketing campaign file: ID, years, incomes of five and six digits, counts, Response. */
export function marketingCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = [
    'ID\tYear_Birth\tIncome\tKidhome\tMntWines\tNumDealsPurchases\tNumWebPurchases\tNumWebVisitsMonth\tZ_CostContact\tResponse',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        random.int(11_200),
        1940 + random.int(57),
        i === 7 ? 666_666 : 1730 + random.int(160_000),
        random.int(3),
        random.int(1500),
        random.int(16),
        random.int(28),
        random.int(21),
        3,
        random.next() < 0.15 ? 1 : 0,
      ].join('\t'),
    );
  }
  return lines.join('\n');
}

/** Like the groceries basket file: Member_number 1000..5000 repeating on order lines. */
export function groceriesCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = ['Member_number,Date,itemDescription,basket_value'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        1000 + random.int(4001),
        `${String(1 + random.int(28)).padStart(2, '0')}-0${1 + random.int(9)}-2015`,
        ['whole milk', 'rolls/buns', 'yogurt', 'soda'][random.int(4)],
        (random.next() * 40).toFixed(2),
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** A Chinese customer file: member numbers, customer codes, measurements, and 是否流失. */
export function chineseCustomersCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = ['客户编号,顾客ID,会员号,年龄,消费金额,购买次数,是否流失'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `KH${String(i + 1).padStart(6, '0')}`,
        200_000 + random.int(700_000),
        30_000 + random.int(60_000),
        18 + random.int(60),
        (random.next() * 5000).toFixed(2),
        random.int(40),
        random.next() < 0.2 ? 1 : 0,
      ].join(','),
    );
  }
  return lines.join('\n');
}
