// The section is parsed as a browser parses it.
// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import type { ReportInput, ReportRfm } from '../../../src/core/report/reportInput';
import { rfmSection } from '../../../src/core/report/reportRfm';
import { defaultSegmentMap, nameSegments } from '../../../src/core/rfm/rfmSegments';
import { segmentSummary } from '../../../src/core/rfm/rfmSummary';
import type { RfmView } from '../../../src/core/session/rfmView';
import { AnalysisSession } from '../../../src/core/session/session';
import type { SegmentationView } from '../../../src/core/session/segmentationView';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { cells, fragment, renderIn, writerFor } from '../../support/reportSections';
import { ordersCsv, ordersRfm } from '../../support/sessionData';

let rfm: ReportRfm;
let input: ReportInput;
beforeAll(async () => {
  const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
  rfm = {
    view: session.rfmView(ordersRfm),
    map: nameSegments(defaultSegmentMap(), renderIn('en')),
  };
  input = {
    summary: session.summary(),
    kinds: session.columns.map((column) => column.kind),
    view: null,
    k: 0,
    kChosen: false,
    rfm,
  };
});

function section(view: Partial<RfmView> = {}, inputChanges: Partial<ReportInput> = {}) {
  const changed = { ...rfm, view: { ...rfm.view, ...view } };
  return fragment(rfmSection(writerFor({ ...input, ...inputChanges, rfm: changed }), changed));
}

const number = (value: number) => renderMessage('en', { key: 'reportNumber', params: { value } });

describe('the RFM section of the report', () => {
  it('gives the customers, the revenue, the period and the notes', () => {
    const body = section();
    const { view } = rfm;
    expect(cells(body.querySelector('table')!)).toEqual([
      ['What', 'Value'],
      ['Customers', view.customers.toLocaleString('en')],
      ['Revenue', number(view.revenue)],
    ]);
    const date = (value: number) => renderMessage('en', { key: 'reportDate', params: { value } });
    expect(body.textContent).toContain(
      `Orders from ${date(view.firstOrder)} to ${date(view.lastOrder)}; recency counted at ${date(view.snapshot)}.`,
    );
    expect(body.querySelector('ul.notes')?.textContent).toBe(renderMessage('en', view.notes[0]));
  });

  it('counts the lines used and set aside, by reason, only the reasons that set lines aside', () => {
    const body = section({
      rows: {
        read: 1_000,
        used: 940,
        dropped: {
          unreadable_row: 0,
          no_customer_id: 50,
          cancellation: 0,
          unreadable_date: 0,
          missing_amount: 0,
          not_positive: 10,
        },
      },
    });
    expect(body.textContent).toContain(
      '1,000 order lines were read; 940 were used and 60 were set aside.',
    );
    const reasons = cells(body.querySelectorAll('table')[1]);
    expect(reasons.slice(1).map((row) => row[1])).toEqual(['50', '10']);
    expect(reasons[1][0]).toBe(renderMessage('en', { key: 'dropNoCustomer', params: {} }));
    // No line set aside: no table of reasons.
    const none = section({
      rows: { ...rfm.view.rows, used: rfm.view.rows.read, dropped: zero(rfm.view.rows.dropped) },
    });
    expect(none.querySelectorAll('table')).toHaveLength(2);
  });

  it('shows every named segment, in the map’s order, and charts those with customers', () => {
    const body = section();
    const summary = segmentSummary(rfm.view.cells[rfm.map.scheme], rfm.map);
    const table = cells(body.querySelector('figure table')!);
    expect(table[0]).toEqual([
      'Segment',
      'Customers',
      'Share',
      'Mean recency (days)',
      'Mean frequency (orders)',
      'Mean monetary value',
      'Share of revenue',
    ]);
    expect(table.slice(1).map((row) => row[0])).toEqual(rfm.map.names);
    expect(table.slice(1).map((row) => Number(row[1]))).toEqual(summary.map((s) => s.customers));
    expect(summary.reduce((sum, s) => sum + s.customers, 0)).toBe(rfm.view.customers);
    // A bar per segment with customers, labelled with its count.
    const bars = body.querySelectorAll('figure svg rect');
    const withCustomers = summary.filter((s) => s.customers > 0);
    expect(withCustomers.length).toBeLessThan(summary.length);
    expect(bars).toHaveLength(withCustomers.length);
    const labels = Array.from(body.querySelectorAll('figure svg text')).map((t) => t.textContent);
    for (const s of withCustomers) expect(labels).toContain(String(s.customers));
  });

  it('leaves revenue and M out when the lines have no money', () => {
    const body = section({ hasMoney: false });
    expect(cells(body.querySelector('table')!).map((row) => row[0])).toEqual(['What', 'Customers']);
    const head = cells(body.querySelector('figure table')!)[0];
    expect(head).not.toContain('Mean monetary value');
    expect(head).not.toContain('Share of revenue');
  });

  it('names segments as the user renamed them, as text', () => {
    const names = rfm.map.names.map((name, s) => (s === 0 ? '<i>VIP</i> & co' : name));
    const changed = { ...rfm, map: { ...rfm.map, names } };
    const body = fragment(rfmSection(writerFor({ ...input, rfm: changed }), changed));
    expect(cells(body.querySelector('figure table')!)[1][0]).toBe('<i>VIP</i> & co');
    expect(body.querySelector('i')).toBeNull();
  });

  it('says the segments below are clusters only when a segmentation follows', () => {
    const note = 'The segments below are clusters of the customers’ RFM figures.';
    expect(section().textContent).not.toContain(note);
    const view = {} as SegmentationView;
    expect(section({}, { view }).textContent).toContain(note);
  });
});

function zero<T extends Record<string, number>>(counts: T): T {
  return Object.fromEntries(Object.keys(counts).map((key) => [key, 0])) as T;
}
