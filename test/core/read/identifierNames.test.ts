import { describe, expect, it } from 'vitest';
import {
  identifierNameHint,
  looksLikeIdentifierName,
  looksLikeMeasurementName,
  nameWords,
} from '../../../src/core/read/identifierNames';

describe('identifierNameHint', () => {
  it('takes names that identify on their own, in English, Chinese, German and Romance languages', () => {
    for (const name of [
      'id',
      'CustomerID',
      'customerID',
      'CUST_ID',
      'user_no',
      'Member_number',
      'customer_number',
      'AccountNumber',
      'LEISTUNGSID',
      'CUSTOMERID',
      'Kundennummer',
      'Kunden-Nr',
      'Kunden-Nr.',
      'KdNr',
      '客户编号',
      '顾客ID',
      '会员ID',
      '产品ID',
      '客户id',
      '订单编号',
      '手机号',
      '会员卡号',
      '会员号',
      '顾客ＩＤ',
      'numero_client',
      'número_cliente',
      'id_cliente',
      'ID_PRODUCTO',
      'idCliente',
      'código',
      'codigo_cliente',
      'code_client',
      'n_cliente',
      'nº socio',
      'num_client',
    ]) {
      expect(identifierNameHint(name), name).toBe('name');
      expect(looksLikeIdentifierName(name), name).toBe(true);
    }
  });

  it('takes names that only hint at codes (the content must agree)', () => {
    for (const name of ['CLIENTNUM', 'order_num', 'zip_code', 'StockCode', 'code', '房间号']) {
      expect(identifierNameHint(name), name).toBe('hint');
      expect(looksLikeIdentifierName(name), name).toBe(false);
    }
  });

  it('leaves counts and measurements alone, including the shared files’ counts', () => {
    for (const name of [
      'number_of_purchases',
      'NumWebPurchases',
      'Num_of_Products',
      'NumOfProducts',
      'NumDealsPurchases',
      'NumCatalogPurchases',
      'NumStorePurchases',
      'NumWebVisitsMonth',
      'n_clients',
      'numero_compras',
      'Income',
      'Year_Birth',
      'Kidhome',
      'Spending Score (1-100)',
      'Annual Income (k$)',
      'Z_CostContact',
      'Dt_Customer',
      'AcceptedCmp1',
      'Idle time',
      'Android',
      'paid',
      'PAID',
      'INVALID',
      'VALID',
      'Casino',
      'video',
      'Identity',
      '年龄',
      '消费金额',
      '购买次数',
    ]) {
      expect(identifierNameHint(name), name).toBe(null);
    }
  });
});

describe('looksLikeMeasurementName', () => {
  it('knows amounts, counts, ages and times in English and Chinese', () => {
    for (const name of [
      'Income',
      'MntWines',
      'EstimatedSalary',
      'Total_Trans_Amt',
      '消费金额',
      '年龄',
    ])
      expect(looksLikeMeasurementName(name), name).toBe(true);
    for (const name of ['CLIENTNUM', 'CustomerId', 'consumer_code', '会员号'])
      expect(looksLikeMeasurementName(name), name).toBe(false);
  });

  it('splits names into words at case changes and separators', () => {
    expect(nameWords('NumWebPurchases')).toEqual(['num', 'web', 'purchases']);
    expect(nameWords('Annual Income (k$)')).toEqual(['annual', 'income', 'k']);
    expect(nameWords('CLIENTNUM')).toEqual(['clientnum']);
    expect(nameWords('XMLFile_id')).toEqual(['xml', 'file', 'id']);
  });
});
