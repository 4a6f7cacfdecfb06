// The section is parsed as a browser parses it.
// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { RateDifference, SegmentProfile } from '../../../src/core/profile/profileTypes';
import { ratesVerdict } from '../../../src/core/profile/segmentRates';
import { segmentColour } from '../../../src/core/report/reportCharts';
import type { ReportInput } from '../../../src/core/report/reportInput';
import { segmentsSection } from '../../../src/core/report/reportSegments';
import type { SegmentationView, SegmentsAtK } from '../../../src/core/session/segmentationView';
import { renderMessage } from '../../../src/i18n/formatMessage';
import {
  cells,
  customersSegmentation,
  fragment,
  headings,
  tableAfter,
  writerFor,
} from '../../support/reportSections';

let view: SegmentationView;
let input: ReportInput;
let shown: SegmentsAtK;
beforeAll(async () => {
  ({ view, input } = await customersSegmentation());
  shown = view.perK.find((entry) => entry.k === view.k)!;
});

function section(
  changes: { view?: Partial<SegmentationView>; input?: Partial<ReportInput> } = {},
  at: SegmentsAtK = shown,
): HTMLElement {
  const changed = { ...view, ...changes.view };
  const w = writerFor({ ...input, view: changed, ...changes.input });
  return fragment(segmentsSection(w, changed, at));
}

/** The segments at the k shown with one segment's profile replaced in part. */
function withSegment(index: number, profile: Partial<SegmentProfile>): SegmentsAtK {
  const segments = shown.profiles.segments.map((s, i) => (i === index ? { ...s, ...profile } : s));
  return { ...shown, profiles: { ...shown.profiles, segments } };
}

const label = (s: SegmentProfile) => renderMessage('en', s.label);

describe('the segments section of the report', () => {
  it('gives each segment’s size and share, as a bar and in a table', () => {
    const body = section();
    const segments = shown.profiles.segments;
    const sizes = cells(tableAfter(body, 'Segment sizes'));
    expect(sizes[0]).toEqual(['Segment', 'Rows', 'Share']);
    expect(sizes.slice(1).map((row) => row[0])).toEqual(
      segments.map((s) => `${s.id}: \u2068${label(s)}\u2069`),
    );
    expect(sizes.slice(1).map((row) => Number(row[1]))).toEqual(shown.sizes);
    const total = shown.sizes.reduce((a, b) => a + b, 0);
    expect(sizes[1][2]).toBe(
      renderMessage('en', { key: 'reportShare', params: { value: shown.sizes[0] / total } }),
    );
    const bars = body.querySelectorAll('#sizes-title ~ rect');
    expect(Array.from(bars).map((bar) => bar.getAttribute('fill'))).toEqual(
      segments.map((s) => segmentColour(s.id)),
    );
  });

  it('draws the scatter on the first two components, with each segment’s centre', () => {
    const body = section();
    const scatter = cells(tableAfter(body, 'The segments on the first two principal components'));
    expect(scatter[0]).toEqual(['Segment', 'PC1', 'PC2', 'Rows']);
    const m = shown.scatter.labels.length;
    const counted = scatter
      .slice(1)
      .reduce((sum, row) => sum + Number(row[3].replace(/,/g, '')), 0);
    expect(counted).toBe(m);
    const { centres } = shown.scatter;
    expect(scatter[1][1]).toBe(
      renderMessage('en', { key: 'reportNumber', params: { value: centres[0] } }),
    );
    // Without a second component there is no scatter (the page shows the features instead).
    const flat = section({ view: { axes: view.axes.filter((axis) => axis.id !== 'pc2') } });
    expect(headings(flat, 'h3')).not.toContain(
      'The segments on the first two principal components',
    );
  });

  it('gives the means per segment against all rows, in the file’s own units', () => {
    const summary = {
      ...input.summary,
      columns: input.summary.columns.map((c) =>
        c.name === 'annual_income' ? { ...c, unit: '$' } : c,
      ),
    };
    const body = section({ input: { summary } });
    const means = cells(tableAfter(body, 'Means per segment'));
    expect(means[0].at(-1)).toBe('All rows');
    const features = shown.profiles.population.map((p) => p.feature);
    expect(means.slice(1).map((row) => row[0])).toEqual(
      features.map((f) => (f === 'annual_income' ? 'annual_income ($)' : f)),
    );
    const income = shown.profiles.population.findIndex((p) => p.feature === 'annual_income');
    const first = shown.profiles.segments[0].features.find((f) => f.feature === 'annual_income')!;
    expect(means[income + 1][1]).toBe(
      renderMessage('en', { key: 'reportNumber', params: { value: first.mean } }),
    );
  });

  it('writes a profile per segment, marking features well above or below all rows', () => {
    const body = section({ input: { segmentNames: ['Loyal <savers>', null] } });
    const profiles = Array.from(body.querySelectorAll('article.profile'));
    expect(profiles).toHaveLength(shown.profiles.segments.length);
    expect(profiles[0].querySelector('h3')?.textContent).toBe(
      'Segment 0: \u2068Loyal <savers>\u2069',
    );
    expect(profiles[1].querySelector('h3')?.textContent).toBe(
      `Segment 1: \u2068${label(shown.profiles.segments[1])}\u2069`,
    );
    for (const [i, s] of shown.profiles.segments.entries()) {
      // The profile's own table, feature by feature: the last column is marked.
      const rows = Array.from(profiles[i].querySelector('table')!.querySelectorAll('tbody tr'));
      const marks = rows.map((row) => row.querySelector('td:last-child span')!.className);
      expect(marks).toEqual(
        s.features.map((f) => (f.z >= 0.5 ? 'high' : f.z <= -0.5 ? 'low' : '')),
      );
    }
  });

  it('marks a feature high from half a standard deviation above all rows, low from half below', () => {
    const population = shown.profiles.population.slice(0, 4);
    expect(population).toHaveLength(4);
    const zs = [0.5, 0.49, -0.49, -0.5];
    const features = population.map((p, i) => ({
      feature: p.feature,
      mean: 1,
      median: 1,
      z: zs[i],
    }));
    const body = section({}, withSegment(0, { features }));
    const rows = Array.from(
      body.querySelector('article.profile table')!.querySelectorAll('tbody tr'),
    );
    expect(rows.map((row) => row.querySelector('td:last-child span')!.className)).toEqual([
      'high',
      '',
      '',
      'low',
    ]);
  });

  it('names the noise as Noise, or as the user named it, in grey', () => {
    const noise = withSegment(0, { id: -1 });
    const plain = section({}, noise);
    expect(plain.querySelector('article.profile h3')?.textContent).toBe('Noise');
    expect(plain.querySelector('article.profile .swatch')?.getAttribute('style')).toBe(
      `background:${segmentColour(-1)}`,
    );
    const named = section({ input: { noiseName: 'Regulars' } }, noise);
    expect(named.querySelector('article.profile h3')?.textContent).toBe(
      'Noise: \u2068Regulars\u2069',
    );
  });

  it('lists a segment’s findings against the base, and only its findings', () => {
    const rate = (value: string, finding: boolean, points: number): RateDifference => ({
      column: 'channel',
      value,
      flag: false,
      count: 10,
      rows: 40,
      share: 0.25,
      overallShare: 0.25 - points / 100,
      points,
      lift: 0.25 / (0.25 - points / 100),
      finding,
      description: { key: 'reportMissingValue', params: {} },
    });
    const rates = [rate('web', true, 12), rate('<shop>', true, -8), rate('phone', false, 1)];
    const body = section({}, withSegment(0, { rates }));
    const first = body.querySelector('article.profile')!;
    expect(first.textContent).toContain(renderMessage('en', ratesVerdict(rates)));
    const table = cells(tableAfter(first, 'Against the whole base'));
    expect(table.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['channel', 'web'],
      ['channel', '<shop>'],
    ]);
    expect(table[1][4]).toBe('+12.0 points');
    expect(table[2][4]).toBe('-8.0 points');
    expect(first.querySelector('shop')).toBeNull();
    // No finding: the verdict alone; no rate at all: nothing.
    const calm = section({}, withSegment(0, { rates: [rate('phone', false, 1)] }));
    const calmFirst = calm.querySelector('article.profile')!;
    expect(headings(calmFirst, 'h4')).toContain('Against the whole base');
    expect(calmFirst.querySelectorAll('table')).toHaveLength(
      (shown.profiles.segments[0].features.length > 0 ? 1 : 0) +
        (shown.profiles.segments[0].topCategories.length > 0 ? 1 : 0),
    );
    const none = section({}, withSegment(0, { rates: [] }));
    expect(headings(none.querySelector('article.profile')!, 'h4')).not.toContain(
      'Against the whole base',
    );
  });
});
