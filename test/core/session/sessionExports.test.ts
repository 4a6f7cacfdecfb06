import { beforeAll, describe, expect, it } from 'vitest';
import { resultFor, type AnalysisResult } from '../../../src/core/analysis/analysisResult';
import { message, type Message } from '../../../src/core/common/message';
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
import { defaultSegmentMap } from '../../../src/core/rfm/rfmSegments';
import {
  cleaningReportExport,
  rfmExport,
  rfmSetAsideExport,
  rfmSetAsideRows,
  segmentsExport,
} from '../../../src/core/session/sessionExports';
import { TableAnalysis } from '../../../src/core/session/tableAnalysis';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import { englishMap } from '../../support/rfm';
import { ordersCsv, ordersRfm, quickOptions } from '../../support/sessionData';

/** Exports in English, as the page in English asks for them. */
const render = (said: Message) => renderMessage('en', said);
const chinese = (said: Message) => renderMessage('zh', said);

/** The text of an export without its byte-order mark, as lines. */
function linesOf(parts: string[]): string[] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).trimEnd().split('\r\n');
}

function userErrorOf(work: () => unknown): { code: string; message: string; sentence: Message } {
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
    const exported = segmentsExport(
      'people.csv',
      table,
      columns,
      options,
      analysis,
      2,
      null,
      render,
    );
    expect(exported.fileName).toBe('people - all segments (k=2).csv');
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('id,x,y,city,segment,segment_label,set_aside_reason');
    // Every record (#18): the six analysed rows, and the two set aside with their reason.
    expect(lines).toHaveLength(1 + 8);
    expect(lines[6]).toBe('5,1.1,1.0,Rome,,,duplicate row: repeats line 6');
    expect(lines[7]).toBe('6,,3,Paris,,,missing value: no value for x');
    const result = analysis.results[1];
    const labelOf = new Map(result.profiles.segments.map((s) => [s.id, englishText(s.label)]));
    const firstOf = (prefix: string) => lines.find((line) => line.startsWith(prefix))!;
    // The cells are the user's own text ("1.0" stays "1.0"); a formula is defused.
    const row5 = firstOf('5,');
    expect(row5.startsWith('5,1.1,1.0,Rome,')).toBe(true);
    expect(firstOf('7,').startsWith("7,8.2,8.1,'=cmd,")).toBe(true);
    const analysed = lines.slice(1).filter((line) => line.endsWith(','));
    expect(analysed).toHaveLength(6);
    // Rows 1, 2 and 5 share a segment; 3, 4 and 7 the other.
    const segmentOf = (line: string) => Number(line.split(',')[4]);
    expect(segmentOf(firstOf('1,'))).toBe(segmentOf(row5));
    expect(segmentOf(firstOf('3,'))).toBe(segmentOf(firstOf('7,')));
    expect(segmentOf(firstOf('1,'))).not.toBe(segmentOf(firstOf('3,')));
    for (const line of analysed)
      expect(line.endsWith(`,${csvField(labelOf.get(segmentOf(line))!)},`)).toBe(true);
  });

  it('writes one segment’s rows under a name that says which', () => {
    const result = analysis.results[1];
    const label = englishText(result.profiles.segments.find((s) => s.id === 1)!.label);
    const exported = segmentsExport('people.csv', table, columns, options, analysis, 2, 1, render);
    expect(label).toMatch(/^[\w ,]+$/);
    expect(exported.fileName).toBe(`people - segment 1 - ${label}.csv`);
    const lines = linesOf(exported.parts);
    expect(lines).toHaveLength(1 + result.sizes[1]);
    for (const line of lines.slice(1)) expect(line.split(',')[4]).toBe('1');
  });

  it('writes the names the user gave the segments instead of their labels (#17)', () => {
    const result = analysis.results[1];
    const names = [null, '  Big <b>spenders</b>, "VIP"  '];
    const all = segmentsExport(
      'people.csv',
      table,
      columns,
      options,
      analysis,
      2,
      null,
      render,
      names,
    );
    const label0 = englishText(result.profiles.segments.find((s) => s.id === 0)!.label);
    const rows = linesOf(all.parts)
      .slice(1)
      .filter((line) => line.endsWith(','))
      .map((line) => line.slice(0, -1));
    const segmentOf = (line: string) => line.split(',')[4];
    expect(rows.some((line) => segmentOf(line) === '1')).toBe(true);
    for (const line of rows)
      expect(
        line.endsWith(
          segmentOf(line) === '1' ? ',"Big <b>spenders</b>, ""VIP"""' : `,${csvField(label0)}`,
        ),
      ).toBe(true);
    const one = segmentsExport(
      'people.csv',
      table,
      columns,
      options,
      analysis,
      2,
      1,
      render,
      names,
    );
    // What a file manager refuses becomes spaces.
    expect(one.fileName).toBe('people - segment 1 - Big b spenders b , VIP.csv');
  });

  it('refuses a number of segments that was not computed', () => {
    const error = userErrorOf(() =>
      segmentsExport('people.csv', table, columns, options, analysis, 7, null, render),
    );
    expect(error.code).toBe('bad-option');
    expect(error.sentence).toEqual(message('exportNoSegmentation', { k: 7 }));
    expect(error.message).toBe('There is no segmentation into 7 segments to export.');
  });

  it('names the algorithm other than k-means, and adds what DBSCAN made of each row', async () => {
    const tree = await new TableAnalysis(table, columns).segment({
      ...options,
      algorithm: 'hierarchical',
      linkage: 'average',
    });
    expect(
      segmentsExport('people.csv', table, columns, options, tree, 2, null, render).fileName,
    ).toBe('people - all segments (Hierarchical, k=2).csv');
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
      render,
    );
    expect(exported.fileName).toBe(`people - all segments (DBSCAN, k=${density.k}).csv`);
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('id,x,y,city,segment,segment_label,dbscan_point,set_aside_reason');
    for (const line of lines.slice(1))
      expect(line).toMatch(/,(core|border|noise|joined),$|^[^,]*,[^,]*,[^,]*,[^,]*,,,,[^,]+$/);
  });
});

describe('cleaningReportExport', () => {
  it('lists every row set aside with its line, reason and cells', () => {
    const exported = cleaningReportExport('people.csv', table, columns, options, analysis, render);
    expect(exported.fileName).toBe('people - cleaning report (rows set aside).csv');
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('line,reason,detail,id,x,y,city,original_text');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('7,duplicate,repeats line 6,5,1.1,1.0,Rome,');
    expect(lines[2]).toBe('8,missing,no value for x,6,,3,Paris,');
  });

  it('says the details and its name in the language it is given, the codes staying English', () => {
    const exported = cleaningReportExport('people.csv', table, columns, options, analysis, chinese);
    expect(exported.fileName).toBe(`people - ${chinese(message('exportCleaningReport'))}.csv`);
    const lines = linesOf(exported.parts);
    expect(lines[0]).toBe('line,reason,detail,id,x,y,city,original_text');
    expect(lines[1]).toBe('7,duplicate,与第 6 行重复,5,1.1,1.0,Rome,');
    expect(lines[2]).toBe('8,missing,x 没有值,6,,3,Paris,');
    const segments = segmentsExport(
      'people.csv',
      table,
      columns,
      options,
      analysis,
      2,
      null,
      chinese,
    );
    expect(segments.fileName).toBe(
      `people - ${chinese(message('exportAllSegments', { k: 2 }))}.csv`,
    );
    const labels = new Set(analysis.results[1].profiles.segments.map((s) => chinese(s.label)));
    for (const line of linesOf(segments.parts).slice(1)) {
      const cells = line.split(',');
      if (cells[4] === '') expect(cells[6]).toMatch(/^(重复行|缺失值)：/);
      else expect(labels.has(cells[5])).toBe(true);
    }
  });
});

describe('RFM exports', () => {
  let orders: Table;
  let rfm: RfmResult;
  let clustered: AnalysisResult;
  let map: ReturnType<typeof englishMap>;
  beforeAll(async () => {
    orders = await readCsv(textSource(ordersCsv));
    rfm = computeRfm(orders, ordersRfm);
    map = englishMap(rfm.segmentMap);
    clustered = await new TableAnalysis(rfmTable(rfm), null).segment(
      rfmAnalysisOptions(quickOptions()),
    );
  });

  it('writes every customer, with clusters once they are clustered', () => {
    const before = rfmExport('orders.csv', rfm, null, { map, k: null }, render);
    expect(before.fileName).toBe('orders - RFM table.csv');
    const lines = linesOf(before.parts);
    expect(lines[0]).toBe(RFM_EXPORT_HEADER.join(','));
    expect(lines).toHaveLength(1 + rfm.customers.length);
    expect(lines.slice(1).every((line) => line.endsWith(',,'))).toBe(true);
    // Each cluster's number, then its name: the user's for cluster 1, the label for the others.
    const names = [null, 'Loyal "big" spenders'];
    const after = linesOf(
      rfmExport('orders.csv', rfm, clustered, { map, k: 3, clusterNames: names }, render).parts,
    );
    const clusters = customerClusters(clustered, 3, rfm.customers.length);
    const labels = new Map(
      resultFor(clustered, 3)!.profiles.segments.map((s) => [s.id, render(s.label)]),
    );
    after.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${rfm.customers[i]},`)).toBe(true);
      const name = clusters[i] === 1 ? names[1]! : labels.get(clusters[i])!;
      expect(line.endsWith(`,${clusters[i]},${csvField(name)}`)).toBe(true);
    });
  });

  it('writes one named segment, or one cluster, under a name that says which', () => {
    const champions = rfmExport('orders.csv', rfm, null, { map, k: null, segment: 0 }, render);
    expect(champions.fileName).toBe('orders - RFM - Champions.csv');
    const lines = linesOf(champions.parts);
    expect(lines).toHaveLength(1 + rfm.segment.filter((s) => s === 0).length);
    for (const line of lines.slice(1)) expect(line).toMatch(/,Champions,,$/);
    const one = rfmExport('orders.csv', rfm, clustered, { map, k: 3, cluster: 1 }, render);
    expect(one.fileName).toBe('orders - RFM - cluster 1 of 3.csv');
    const clusterLines = linesOf(one.parts);
    expect(clusterLines).toHaveLength(1 + clustered.results[2].sizes[1]);
    const label = resultFor(clustered, 3)!.profiles.segments.find((s) => s.id === 1)!.label;
    for (const line of clusterLines.slice(1))
      expect(line.endsWith(`,1,${csvField(render(label))}`)).toBe(true);
  });

  it('leaves the clusters out for a k that was not computed, and then refuses one cluster', () => {
    const lines = linesOf(rfmExport('orders.csv', rfm, clustered, { map, k: 9 }, render).parts);
    expect(lines.slice(1).every((line) => line.endsWith(',,'))).toBe(true);
    for (const choice of [
      { map, k: 9, cluster: 0 },
      { map, k: null, cluster: 0 },
    ]) {
      const error = userErrorOf(() => rfmExport('orders.csv', rfm, clustered, choice, render));
      expect(error.code).toBe('bad-option');
      expect(error.sentence).toEqual(message('exportNoClusters'));
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
      expect(detail).toEqual(message(RFM_DROP_LABELS[reason as RfmDropReason]));
    }
    // The generator's guest checkouts and cancellations are among them.
    expect(rows.some((r) => r.reason === 'no_customer_id')).toBe(true);
    expect(rows.some((r) => r.reason === 'cancellation')).toBe(true);
    const exported = rfmSetAsideExport('orders.csv', orders, inferColumns(orders), rfm, render);
    expect(exported.fileName).toBe('orders - order lines left out of RFM.csv');
    const lines = linesOf(exported.parts);
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines[0].startsWith('line,reason,detail,InvoiceNo,')).toBe(true);
    expect(lines[1].split(',')[1]).toBe(rows[0].reason);
    // The detail follows the line and the reason, in English here.
    const detailOf = (line: string) => line.split(',').slice(2).join(',');
    expect(detailOf(lines[1]).startsWith(`${csvField(englishText(rows[0].detail))},`)).toBe(true);
    const cancelled = lines.find((line) => line.split(',')[1] === 'cancellation')!;
    expect(
      detailOf(cancelled).startsWith(
        'cancelled order (order id C followed by the digits of an invoice),',
      ),
    ).toBe(true);
  });

  it('names the segments of the eight-segment map, and a segment of it, as given', () => {
    const eight = englishMap(defaultSegmentMap('rfm-mean'));
    const all = linesOf(rfmExport('orders.csv', rfm, null, { map: eight, k: null }, render).parts);
    all.slice(1).forEach((line, i) => {
      const name = eight.names[eight.cells[rfm.cells['rfm-mean'][i]]];
      expect(line.endsWith(`,${csvField(name)},,`)).toBe(true);
    });
    const one = rfmExport('orders.csv', rfm, null, { map: eight, k: null, segment: 7 }, chinese);
    expect(one.fileName).toBe('orders - RFM - General win-back customers.csv');
    const members = Array.from(rfm.cells['rfm-mean']).filter((cell) => eight.cells[cell] === 7);
    expect(linesOf(one.parts)).toHaveLength(1 + members.length);
  });

  it('lists nothing when every line was used', () => {
    const none = computeRfm(orders, ordersRfm);
    none.dropReason.fill(0);
    expect(rfmSetAsideRows(none)).toEqual([]);
  });
});
