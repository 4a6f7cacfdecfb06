import { LINE_DROP_REASONS } from '../rfm/orderLines';
import { RFM_DROP_LABELS } from '../rfm/rfm';
import { segmentSummary } from '../rfm/rfmSummary';
import { escapeHtml, userText } from './htmlText';
import { barChart, segmentColour } from './reportCharts';
import type { ReportRfm } from './reportInput';
import { isolate, type ReportWriter } from './reportWriter';

/** RFM on the order lines: the lines used and set aside, the customers, the named segments. */
export function rfmSection(w: ReportWriter, { view: rfmView, map }: ReportRfm): string {
  const { input, say, text, count, number, share, date, table, figure, notes } = w;
  const { rows } = rfmView;
  const setAside = rows.read - rows.used;
  const reasons = LINE_DROP_REASONS.filter((reason) => rows.dropped[reason] > 0).map((reason) => [
    text(RFM_DROP_LABELS[reason]),
    escapeHtml(count(rows.dropped[reason])),
  ]);
  const summaryRows = segmentSummary(rfmView.cells[map.scheme], map);
  const withCustomers = summaryRows.filter((row) => row.customers > 0);
  const largest = withCustomers.reduce<(typeof summaryRows)[number] | null>(
    (top, row) => (top === null || row.customers > top.customers ? row : top),
    null,
  );
  // Without money there is no M: no revenue, no mean monetary value, no share of revenue.
  const money = rfmView.hasMoney;
  return (
    table(
      null,
      [text('reportFileField'), text('reportFileValue')],
      [
        [text('reportRfmCustomers'), escapeHtml(count(rfmView.customers))],
        ...(money ? [[text('reportRfmRevenue'), escapeHtml(number(rfmView.revenue))]] : []),
      ],
      (c) => c === 1,
    ) +
    `<p>${text('reportRfmPeriod', {
      first: date(rfmView.firstOrder),
      last: date(rfmView.lastOrder),
      snapshot: date(rfmView.snapshot),
    })}</p>` +
    notes(rfmView.notes) +
    `<p>${text('reportRfmLines', { read: rows.read, used: rows.used, setAside })}</p>` +
    (reasons.length > 0
      ? table(null, [text('reportReason'), text('reportRows')], reasons, (c) => c === 1)
      : '') +
    `<h3>${text('reportRfmSegmentsTitle')}</h3>` +
    figure(
      barChart(
        {
          id: 'rfm-segments',
          title: say('reportRfmSegmentsTitle'),
          description: say('reportRfmSegmentsDescription', {
            count: withCustomers.length,
            largest: isolate(largest?.name ?? ''),
          }),
        },
        withCustomers.map((row) => ({
          label: row.name,
          value: row.customers,
          valueText: count(row.customers),
          colour: segmentColour(row.segment),
        })),
      ),
      table(
        text(money ? 'reportRfmSegmentsCaption' : 'reportRfmSegmentsCaptionNoMoney'),
        [
          text('reportSegment'),
          text('reportRfmCustomers'),
          text('reportShareOfRows'),
          text('reportRfmRecency'),
          text('reportRfmFrequency'),
          ...(money ? [text('reportRfmMonetary'), text('reportRfmRevenueShare')] : []),
        ],
        summaryRows.map((row) => [
          userText(row.name),
          escapeHtml(count(row.customers)),
          escapeHtml(share(row.share)),
          escapeHtml(number(row.meanRecency)),
          escapeHtml(number(row.meanFrequency)),
          ...(money
            ? [escapeHtml(number(row.meanMonetary)), escapeHtml(share(row.revenueShare))]
            : []),
        ]),
        (c) => c >= 1,
      ),
    ) +
    (input.view
      ? `<p>${text(money ? 'reportRfmClustersNote' : 'reportRfmClustersNoteNoMoney')}</p>`
      : '')
  );
}
