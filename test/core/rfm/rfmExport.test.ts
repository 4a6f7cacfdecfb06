import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  RFM_EXPORT_HEADER,
  rfmCsvParts,
  rfmExportHeader,
} from '../../../src/core/rfm/rfmExport';
import { renameSegment } from '../../../src/core/rfm/rfmSegments';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { defaultEnglishMap, englishMap, handMadeRfm, rfmOf, settings } from '../../support/rfm';

const linesOf = (parts: string[]) => {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').slice(0, -1);
};

describe('rfmCsvParts', () => {
  it('leaves monetary and M out when the order lines have no money', () => {
    const rfm = handMadeRfm(
      [
        { id: 'a', recency: 3, frequency: 4, monetary: 0 },
        { id: 'b', recency: 30, frequency: 1, monetary: 0 },
      ],
      { money: false },
    );
    const lines = linesOf(rfmCsvParts({ rfm, map: defaultEnglishMap(), clusters: null }));
    expect(lines[0]).toBe('customer,recency,frequency,R,F,segment,cluster,cluster_label');
    expect(lines[0]).toBe(rfmExportHeader(false).join(','));
    expect(lines.slice(1)).toEqual(['a,3,4,3,3,Need Attention,,', 'b,30,1,1,1,Hibernating,,']);
  });

  it('exports one row per customer with the segment names the user chose, safely', async () => {
    const rfm = await rfmOf(
      'customer,date,amount\n=cmd(),2024-01-01,10.10\n=cmd(),2024-01-02,20.2\n17,2024-01-05,0.1\n',
      settings({ ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' }),
    );
    const formula = rfm.customers.indexOf('=cmd()');
    const seventeen = rfm.customers.indexOf('17');
    const map = englishMap(renameSegment(rfm.segmentMap, rfm.segment[seventeen], 'Sleepy, "soon"'));
    const clusters = new Int32Array(2);
    clusters[formula] = 0;
    clusters[seventeen] = 1;
    // The user's name for each cluster goes beside its number, defused like any cell.
    const clusterLabels = new Map([
      [0, 'Big spenders'],
      [1, '@once'],
    ]);
    const text = rfmCsvParts({ rfm, map, clusters, clusterLabels }).join('');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'customer,recency,frequency,monetary,R,F,M,segment,cluster,cluster_label',
    );
    expect(lines).toContain('17,1,1,0.1,3,1,1,"Sleepy, ""soon""",1,\'@once');
    // A formula-looking id is defused; the float noise of 10.10 + 20.2 is not written.
    expect(lines).toContain("'=cmd(),4,2,30.3,1,3,3,At Risk,0,Big spenders");
    const one = rfmCsvParts({ rfm, map, clusters: null, segment: rfm.segment[formula] })
      .join('')
      .trimEnd()
      .split('\r\n');
    expect(one).toEqual([expect.stringContaining('customer,'), "'=cmd(),4,2,30.3,1,3,3,At Risk,,"]);
    const byCluster = rfmCsvParts({ rfm, map, clusters, cluster: 1 })
      .join('')
      .trimEnd()
      .split('\r\n');
    expect(byCluster).toHaveLength(2);
    expect(byCluster[1].startsWith('17,')).toBe(true);
  });

  const rfm = handMadeRfm([
    { id: '-5', recency: 2, frequency: 10, monetary: 500, r: 5, f: 5, m: 5 },
    { id: '+7', recency: 300, frequency: 1, monetary: 2780.6600000000003, r: 1, f: 1, m: 2 },
    { id: 'C 1', recency: 3, frequency: 1, monetary: 150, r: 5, f: 1, m: 3 },
  ]);

  it('writes the header, then the customers in id order, with an empty cluster when none', () => {
    const lines = linesOf(rfmCsvParts({ rfm, map: englishMap(rfm.segmentMap), clusters: null }));
    expect(lines[0]).toBe(RFM_EXPORT_HEADER.join(','));
    expect(lines.slice(1)).toEqual([
      '-5,2,10,500,5,5,5,Champions,,',
      '+7,300,1,2780.66,1,1,2,Hibernating,,',
      'C 1,3,1,150,5,1,3,New Customers,,',
    ]);
  });

  it('keeps an id that is a number as it is, and defuses a formula in a segment name', () => {
    const map = englishMap(renameSegment(rfm.segmentMap, rfm.segment[0], '=HYPERLINK("x")'));
    const lines = linesOf(rfmCsvParts({ rfm, map, clusters: Int32Array.from([2, -1, 0]) }));
    expect(lines[1]).toBe('-5,2,10,500,5,5,5,"\'=HYPERLINK(""x"")",2,');
    expect(lines[2].endsWith(',Hibernating,,')).toBe(true);
  });

  it('filters by named segment and by cluster together', () => {
    const clusters = Int32Array.from([0, 1, 0]);
    const newCustomers = rfm.segment[2];
    expect(
      linesOf(
        rfmCsvParts({ rfm, map: englishMap(rfm.segmentMap), clusters, segment: newCustomers }),
      ),
    ).toHaveLength(2);
    expect(
      linesOf(
        rfmCsvParts({
          rfm,
          map: englishMap(rfm.segmentMap),
          clusters,
          segment: newCustomers,
          cluster: 1,
        }),
      ),
    ).toEqual([RFM_EXPORT_HEADER.join(',')]);
    expect(
      linesOf(rfmCsvParts({ rfm, map: englishMap(rfm.segmentMap), clusters, cluster: 0 })),
    ).toHaveLength(3);
  });

  it('names the segments of the map it is given, under its scheme', () => {
    // Means: recency 101.67 days, frequency 4 orders, monetary 1143.55.
    const map = defaultEnglishMap('rfm-mean');
    const lines = linesOf(rfmCsvParts({ rfm, map, clusters: null }));
    expect(lines.slice(1)).toEqual([
      '-5,2,10,500,5,5,5,General value customers,,',
      '+7,300,1,2780.66,1,1,2,Important win-back customers,,',
      'C 1,3,1,150,5,1,3,General development customers,,',
    ]);
    const general = map.cells[rfm.cells['rfm-mean'][0]];
    expect(linesOf(rfmCsvParts({ rfm, map, clusters: null, segment: general }))).toHaveLength(2);
  });

  it('writes only the header without customers', () => {
    const none = handMadeRfm([]);
    expect(
      linesOf(rfmCsvParts({ rfm: none, map: englishMap(none.segmentMap), clusters: null })),
    ).toEqual([RFM_EXPORT_HEADER.join(',')]);
  });
});

describe('formatMoney', () => {
  it('writes 12 significant digits, so float noise goes and cents stay', () => {
    expect(formatMoney(2780.6600000000003)).toBe('2780.66');
    expect(formatMoney(10.1 + 20.2)).toBe('30.3');
    expect(formatMoney(0.1 + 0.2)).toBe('0.3');
    expect(formatMoney(1234567890.12)).toBe('1234567890.12');
    expect(formatMoney(15)).toBe('15');
    expect(formatMoney(0.005)).toBe('0.005');
  });
});
