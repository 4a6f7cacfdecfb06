import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { textSource } from '../../../src/core/read/byteSource';
import { explainedExport } from '../../../src/core/session/explainExport';
import { explainView } from '../../../src/core/session/explainSession';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import {
  customersCsv,
  ordersCsv,
  ordersRfm,
  quickOptions,
  explainRowsRequest as request,
} from '../../support/sessionData';

function rowsOf(parts: string[]): string[][] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
}

describe('explainedExport', () => {
  it('names each segment as the user named it, else by its label (#18)', async () => {
    const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
    const names = { segments: ['Loyal "big" spenders'], noise: null };
    const rows = rowsOf((await explainedExport(session, request(), englishText, names)).parts);
    const header = rows[0];
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    const named = rows.slice(1).filter((row) => at(row, 'segment') === '0');
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((row) => at(row, 'segment_name') === 'Loyal "big" spenders')).toBe(true);
    const other = rows.slice(1).find((row) => at(row, 'segment') === '1')!;
    expect(at(other, 'segment_name')).not.toBe('');
    expect(at(other, 'segment_name')).not.toBe('Loyal "big" spenders');
  });

  it('writes every analysed row with its segment, split and the segment the tree gives it', async () => {
    const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
    const { parts, fileName } = await explainedExport(session, request(), englishText);
    const rows = rowsOf(parts);
    const header = rows[0];
    expect(header.slice(-4)).toEqual(['segment', 'segment_name', 'split', 'tree_segment']);
    expect(header.slice(0, -4)).toEqual(session.table.columns.map((c) => c.name));
    const analysis = await session.segmentation(request().segmentation);
    expect(rows).toHaveLength(1 + analysis.rows.length);
    const view = await explainView(session, request());
    const split = rows.slice(1).map((row) => row[header.indexOf('split')]);
    expect(split.filter((s) => s === 'train')).toHaveLength(view.rows.train);
    expect(split.filter((s) => s === 'test')).toHaveLength(view.rows.test);
    const labels = resultFor(analysis, 3)!.labels;
    const segment = rows.slice(1).map((row) => Number(row[header.indexOf('segment')]));
    expect(segment).toEqual(Array.from(labels));
    // The tree's segments agree with the rows' as often as its fidelity says.
    const tree = rows.slice(1).map((row) => Number(row[header.indexOf('tree_segment')]));
    const agree = tree.filter((s, i) => s === segment[i]).length;
    expect(agree / tree.length).toBeCloseTo(view.tree!.fidelity.all, 12);
    // The original cells as written: the first analysed record's own line.
    const first = customersCsv.split('\n')[analysis.rows[0] + 1].split(',');
    expect(rows[1].slice(0, first.length)).toEqual(first);
    expect(fileName).toBe('customers - segments explained, 3 segments, decision tree.csv');
    const zh = await explainedExport(session, request(), (m) => renderMessage('zh', m));
    expect(zh.fileName).toBe('customers - 细分群解释，3 个细分群，决策树.csv');
  });

  it('leaves the split empty for IMM, which uses every row', async () => {
    const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
    const rows = rowsOf(
      (await explainedExport(session, request({ method: 'imm' }), englishText)).parts,
    );
    const header = rows[0];
    expect(new Set(rows.slice(1).map((row) => row[header.indexOf('split')]))).toEqual(
      new Set(['']),
    );
    const view = await explainView(session, request({ method: 'imm' }));
    const moved = rows
      .slice(1)
      .filter((row) => row[header.indexOf('segment')] !== row[header.indexOf('tree_segment')]);
    expect(moved).toHaveLength(view.imm!.moved);
  });

  it('writes one row per customer for a segmentation of RFM customers', async () => {
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const rfmRequest = request({
      segmentation: { options: quickOptions({ k: 3 }), rfm: ordersRfm },
    });
    const rows = rowsOf((await explainedExport(session, rfmRequest, englishText)).parts);
    expect(rows[0]).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
      'segment',
      'segment_name',
      'split',
      'tree_segment',
    ]);
    expect(rows).toHaveLength(1 + session.rfm(ordersRfm).customers.length);
  });
});
