import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/core/analysis/analysisResult';
import { isUserError } from '../../../src/core/common/userError';
import { csvField } from '../../../src/core/export/exportCsv';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns, type ColumnSummary } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import type { Table } from '../../../src/core/read/table';
import {
  computeRfm,
  RFM_DROP_LABELS,
  RFM_DROP_REASONS,
  type RfmDropReason,
  type RfmResult,
} from '../../../src/core/rfm/rfm';
import {
  customerClusters,
  rfmAnalysisOptions,
  rfmTable,
} from '../../../src/core/rfm/rfmClustering';
import { RFM_EXPORT_HEADER } from '../../../src/core/rfm/rfmExport';
import {
  cleaningReportExport,
  rfmExport,
  rfmSetAsideExport,
  rfmSetAsideRows,
  segmentsExport,
} from '../../../src/core/session/sessionExports';
import { TableAnalysis } from '../../../src/core/session/tableAnalysis';
import { ordersCsv, ordersRfm, quickOptions } from '../../support/sessionData';

/** The text of an export without its byte-order mark, as lines. */
function linesOf(parts: string[]): string[] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).trimEnd().split('\r\n');
}

function userErrorOf(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

// Two groups of three people; row 5 repeats row 4, row 6 misses x, row 7's city is a formula.
const PEOPLE = [
  'id,x,y,city',
  '1,1,1,Paris',
  '2,1.2,0.9,Rome',
  '3,8,8,Oslo',
  '4,8.1,7.9,Oslo',
  '5,1.1,1.0,Rome',
  '5,1.1,1.0,Rome',
  '6,,3,Paris',
  '7,8.2,8.1,=cmd',
].join('\n');
const options = quickOptions({
  kMax: 3,
  clean: { ...quickOptions().clean, outliers: 'none' },
});

let table: Table;
let columns: ColumnSummary[];
let analysis: AnalysisResult;
beforeAll(async () => {
  table = await readCsv(textSource(PEOPLE + '\n'));
  columns = inferColumns(table);
  analysis = await new TableAnalysis(table, columns).segment(options);
});

describe('segmentsExport', () => {
  it('writes every analysed row as the user wrote it, with its segment and label', () => {
    const exported = segmentsExport('people.csv', table, columns, options, analysis, 2, null);
    expect(exported.fileName).toBe('people - all segments (k=2).csv');
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('id,x,y,city,segment,segment_label');
    expect(lines).toHaveLength(1 + 6);
    const result = analysis.results[1];
    const labelOf = new Map(result.profiles.segments.map((s) => [s.id, s.label]));
    const firstOf = (prefix: string) => lines.find((line) => line.startsWith(prefix))!;
    // The cells are the user's own text ("1.0" stays "1.0"); a formula is defused.
    const row5 = firstOf('5,');
    expect(row5.startsWith('5,1.1,1.0,Rome,')).toBe(true);
    expect(firstOf('7,').startsWith("7,8.2,8.1,'=cmd,")).toBe(true);
    expect(lines.some((line) => line.startsWith('6,'))).toBe(false);
    // Rows 1, 2 and 5 share a segment; 3, 4 and 7 the other.
    const segmentOf = (line: string) => Number(line.split(',')[4]);
    expect(segmentOf(firstOf('1,'))).toBe(segmentOf(row5));
    expect(segmentOf(firstOf('3,'))).toBe(segmentOf(firstOf('7,')));
    expect(segmentOf(firstOf('1,'))).not.toBe(segmentOf(firstOf('3,')));
    for (const line of lines.slice(1))
      expect(line.endsWith(`,${csvField(labelOf.get(segmentOf(line))!)}`)).toBe(true);
  });

  it('writes one segment’s rows under a name that says which', () => {
    const result = analysis.results[1];
    const label = result.profiles.segments.find((s) => s.id === 1)!.label;
    const exported = segmentsExport('people.csv', table, columns, options, analysis, 2, 1);
    expect(label).toMatch(/^[\w ,]+$/);
    expect(exported.fileName).toBe(`people - segment 1 - ${label}.csv`);
    const lines = linesOf(exported.parts);
    expect(lines).toHaveLength(1 + result.sizes[1]);
    for (const line of lines.slice(1)) expect(line.split(',')[4]).toBe('1');
  });

  it('refuses a number of segments that was not computed', () => {
    const error = userErrorOf(() =>
      segmentsExport('people.csv', table, columns, options, analysis, 7, null),
    );
    expect(error.code).toBe('bad-option');
    expect(error.message).toBe('There is no segmentation into 7 segments to export.');
  });

  it('names the algorithm other than k-means, and adds what DBSCAN made of each row', async () => {
    const tree = await new TableAnalysis(table, columns).segment({
      ...options,
      algorithm: 'hierarchical',
      linkage: 'average',
    });
    expect(segmentsExport('people.csv', table, columns, options, tree, 2, null).fileName).toBe(
      'people - all segments (Hierarchical, k=2).csv',
    );
    const density = await new TableAnalysis(table, columns).segment({
      ...options,
      algorithm: 'dbscan',
      eps: 1,
      minPts: 2,
    });
    const exported = segmentsExport(
      'people.csv',
      table,
      columns,
      options,
      density,
      density.k,
      null,
    );
    expect(exported.fileName).toBe(`people - all segments (DBSCAN, k=${density.k}).csv`);
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('id,x,y,city,segment,segment_label,dbscan_point');
    for (const line of lines.slice(1)) expect(line).toMatch(/,(core|border|noise|joined)$/);
  });
});

describe('cleaningReportExport', () => {
  it('lists every row set aside with its line, reason and cells', () => {
    const exported = cleaningReportExport('people.csv', table, columns, options, analysis);
    expect(exported.fileName).toBe('people - cleaning report (rows set aside).csv');
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('line,reason,detail,id,x,y,city,original_text');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^7,duplicate,[^,]*,5,1\.1,1\.0,Rome,$/);
    expect(lines[2]).toMatch(/^8,missing,[^,]*,6,,3,Paris,$/);
  });
});

describe('RFM exports', () => {
  let orders: Table;
  let rfm: RfmResult;
  let clustered: AnalysisResult;
  beforeAll(async () => {
    orders = await readCsv(textSource(ordersCsv));
    rfm = computeRfm(orders, ordersRfm);
    clustered = await new TableAnalysis(rfmTable(rfm), null).segment(
      rfmAnalysisOptions(quickOptions()),
    );
  });

  it('writes every customer, with clusters once they are clustered', () => {
    const before = rfmExport('orders.csv', rfm, null, { map: rfm.segmentMap, k: null });
    expect(before.fileName).toBe('orders - RFM table.csv');
    const lines = linesOf(before.parts);
    expect(lines[0]).toBe(RFM_EXPORT_HEADER.join(','));
    expect(lines).toHaveLength(1 + rfm.customers.length);
    expect(lines.slice(1).every((line) => line.endsWith(','))).toBe(true);
    const after = linesOf(
      rfmExport('orders.csv', rfm, clustered, { map: rfm.segmentMap, k: 3 }).parts,
    );
    const clusters = customerClusters(clustered, 3, rfm.customers.length);
    after.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${rfm.customers[i]},`)).toBe(true);
      expect(line.endsWith(`,${clusters[i]}`)).toBe(true);
    });
  });

  it('writes one named segment, or one cluster, under a name that says which', () => {
    const champions = rfmExport('orders.csv', rfm, null, {
      map: rfm.segmentMap,
      k: null,
      segment: 0,
    });
    expect(champions.fileName).toBe('orders - RFM - Champions.csv');
    const lines = linesOf(champions.parts);
    expect(lines).toHaveLength(1 + rfm.segment.filter((s) => s === 0).length);
    for (const line of lines.slice(1)) expect(line).toMatch(/,Champions,$/);
    const one = rfmExport('orders.csv', rfm, clustered, { map: rfm.segmentMap, k: 3, cluster: 1 });
    expect(one.fileName).toBe('orders - RFM - cluster 1 of 3.csv');
    const clusterLines = linesOf(one.parts);
    expect(clusterLines).toHaveLength(1 + clustered.results[2].sizes[1]);
    for (const line of clusterLines.slice(1)) expect(line.endsWith(',1')).toBe(true);
  });

  it('leaves the clusters out for a k that was not computed, and then refuses one cluster', () => {
    const lines = linesOf(
      rfmExport('orders.csv', rfm, clustered, { map: rfm.segmentMap, k: 9 }).parts,
    );
    expect(lines.slice(1).every((line) => line.endsWith(','))).toBe(true);
    for (const choice of [
      { map: rfm.segmentMap, k: 9, cluster: 0 },
      { map: rfm.segmentMap, k: null, cluster: 0 },
    ]) {
      const error = userErrorOf(() => rfmExport('orders.csv', rfm, clustered, choice));
      expect(error.code).toBe('bad-option');
      expect(error.message).toBe('Cluster the customers before exporting one cluster.');
    }
  });

  it('lists every order line RFM left out, with its reason', () => {
    const rows = rfmSetAsideRows(rfm);
    const dropped = Object.values(rfm.rows.dropped).reduce((a, b) => a + b, 0);
    expect(rows).toHaveLength(dropped);
    expect(rows.length).toBe(rfm.rows.read - rfm.rows.used);
    expect(rows.map((r) => r.row)).toEqual([...rows.map((r) => r.row)].sort((a, b) => a - b));
    for (const { row, reason, detail } of rows) {
      expect(RFM_DROP_REASONS[rfm.dropReason[row] - 1]).toBe(reason);
      expect(detail).toBe(RFM_DROP_LABELS[reason as RfmDropReason]);
    }
    // The generator's guest checkouts and cancellations are among them.
    expect(rows.some((r) => r.reason === 'no_customer_id')).toBe(true);
    expect(rows.some((r) => r.reason === 'cancellation')).toBe(true);
    const exported = rfmSetAsideExport('orders.csv', orders, inferColumns(orders), rfm);
    expect(exported.fileName).toBe('orders - order lines left out of RFM.csv');
    const lines = linesOf(exported.parts);
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines[0].startsWith('line,reason,detail,InvoiceNo,')).toBe(true);
    expect(lines[1].split(',')[1]).toBe(rows[0].reason);
  });

  it('lists nothing when every line was used', () => {
    const none = computeRfm(orders, ordersRfm);
    none.dropReason.fill(0);
    expect(rfmSetAsideRows(none)).toEqual([]);
  });
});
