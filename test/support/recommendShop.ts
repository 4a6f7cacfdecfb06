import { textSource } from '../../src/core/read/byteSource';
import type { RfmSettings } from '../../src/core/rfm/rfm';
import type { NamedSegmentMap } from '../../src/core/rfm/rfmSegments';
import { EMPTY_MAPPING } from '../../src/core/rfm/transactionMapping';
import { AnalysisSession } from '../../src/core/session/session';
import { ORDERS_MAPPING, ordersCsv } from './sessionData';

/**
 * A shop small enough to work out by hand. x trains on p, q and is tested on r; z trains on q, r
 * and is tested on p, s; y and w have one order each and only train. Over the whole history x
 * and y bought p, q, r; z bought p, q, r, s; w bought s. The last order is on 3 February, so
 * with the default snapshot (4 February) x (3 days) and z (1 day) are recent, y (33) and w (31)
 * lapsed: the mean recency is 17.
 */
export const SHOP_CSV =
  'o,c,d,a,i,n\n' +
  '1,x,2024-01-01,5,p,PEN\n1,x,2024-01-01,5,q,QUILL\n2,x,2024-02-01,5,r,RULER\n' +
  '3,y,2024-01-02,5,p,PEN\n3,y,2024-01-02,5,q,QUILL\n3,y,2024-01-02,5,r,RULER\n' +
  '4,z,2024-01-03,5,q,QUILL\n4,z,2024-01-03,5,r,RULER\n5,z,2024-02-03,5,p,PEN\n5,z,2024-02-03,5,s,STAMP\n' +
  '6,w,2024-01-04,5,s,STAMP\n';

export const SHOP_RFM: RfmSettings = {
  mapping: {
    ...EMPTY_MAPPING,
    customer: 'c',
    date: 'd',
    order: 'o',
    amount: 'a',
    item: 'i',
    description: 'n',
  },
  dateOrder: null,
  snapshot: null,
};

/** The 'rfm-mean' cells split by recency alone: recent (R high: cells 0-3) and lapsed (4-7). */
export const RECENCY_MAP: NamedSegmentMap = {
  scheme: 'rfm-mean',
  names: ['recent', 'lapsed'],
  cells: [0, 0, 0, 0, 1, 1, 1, 1],
};

export function openShop(csv = SHOP_CSV, name = 'shop.csv'): Promise<AnalysisSession> {
  return AnalysisSession.open(textSource(csv), name, {});
}

/** The generated year of order lines (120 customers), with its product columns. */
export const ORDERS_ITEMS_RFM: RfmSettings = {
  mapping: { ...ORDERS_MAPPING, item: 'StockCode', description: 'Description' },
  dateOrder: null,
  snapshot: null,
};

export function openOrders(): Promise<AnalysisSession> {
  return AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
}
