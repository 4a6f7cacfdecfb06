// The section is parsed as a browser parses it.
// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { message, type Message } from '../../../src/core/common/message';
import { analysisSection } from '../../../src/core/report/reportAnalysis';
import type { ReportInput } from '../../../src/core/report/reportInput';
import type { SegmentationView } from '../../../src/core/session/segmentationView';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { defaultSegmentMap, nameSegments } from '../../../src/core/rfm/rfmSegments';
import type { RfmView } from '../../../src/core/session/rfmView';
import {
  cells,
  customersSegmentation,
  fragment,
  headings,
  renderIn,
  tableAfter,
  writerFor,
} from '../../support/reportSections';

let view: SegmentationView;
let input: ReportInput;
beforeAll(async () => {
  ({ view, input } = await customersSegmentation());
});

function section(
  changes: Partial<SegmentationView> = {},
  inputChanges: Partial<ReportInput> = {},
): HTMLElement {
  const changed = { ...view, ...changes };
  return fragment(
    analysisSection(writerFor({ ...input, view: changed, ...inputChanges }), changed),
  );
}

const en = (m: Message) => renderMessage('en', m);

/** The charts drawn, by the id each chart's title is named with. */
function charts(body: HTMLElement): string[] {
  return Array.from(body.querySelectorAll('svg > title')).map((title) =>
    title.id.replace(/-title$/, ''),
  );
}

describe('the analysis section of the report', () => {
  it('lists the features, the identifier left out and why, scaling and the algorithm', () => {
    const body = section();
    const features = cells(tableAfter(body, 'Features'));
    expect(features[0]).toEqual(['Feature', 'From column', 'Transformation']);
    expect(features.slice(1).map((row) => row[0])).toEqual(view.features.map((f) => f.name));
    expect(features[1][2]).toBe(view.features[0].transform === 'log1p' ? 'log(1 + x)' : 'as it is');
    const leftOut = cells(tableAfter(body, 'Identifiers and targets not clustered on'));
    expect(leftOut.slice(1).map((row) => row.slice(0, 2))).toEqual([['customer_id', 'identifier']]);
    expect(leftOut[1][2]).not.toBe('');
    expect(body.textContent).toContain('Scaling: z-scores (mean 0, standard deviation 1).');
    expect(body.textContent).toContain(
      `Clustering: k-means on ${view.analysedRows} rows, Euclidean distance, seed ${view.settings.seed}.`,
    );
  });

  it('says a constant feature left out once, under scaling, not again under the algorithm', () => {
    const constant = message('scaleConstant', { name: 'recency' });
    const body = section({
      scaling: { ...view.scaling, warnings: [constant] },
      notes: [constant, ...view.notes],
    });
    const said = Array.from(body.querySelectorAll('li')).filter(
      (item) => item.textContent === en(constant),
    );
    expect(said).toHaveLength(1);
  });

  it('leaves no column out for RFM, whose features are R, F and M', () => {
    const rfm = { view: {} as RfmView, map: nameSegments(defaultSegmentMap(), renderIn('en')) };
    const body = section({}, { rfm });
    expect(headings(body, 'h3')).not.toContain('Identifiers and targets not clustered on');
  });

  it("names RFM's features in the report's language, and the user's columns as they are", () => {
    const rfm = { view: {} as RfmView, map: nameSegments(defaultSegmentMap(), renderIn('zh')) };
    const features: SegmentationView['features'] = [
      { name: 'recency', column: 'recency', transform: 'none' },
      { name: 'log1p(frequency)', column: 'frequency', transform: 'log1p' },
      { name: 'log1p(monetary)', column: 'monetary', transform: 'log1p' },
    ];
    const changed = { ...view, features };
    const zh = fragment(
      analysisSection(writerFor({ ...input, view: changed, rfm }, 'zh'), changed),
    );
    const body = cells(zh.querySelector('table') as Element).slice(1);
    expect(body.map((row) => row.slice(0, 2))).toEqual([
      ['最近购买天数', '最近购买天数'],
      ['log1p(购买频次)', '购买频次'],
      ['log1p(消费金额)', '消费金额'],
    ]);
    // Without RFM, a column called recency is the user's, and keeps its name in any language.
    const rows = fragment(analysisSection(writerFor({ ...input, view: changed }, 'zh'), changed));
    expect(cells(rows.querySelector('table') as Element)[2].slice(0, 2)).toEqual([
      'log1p(frequency)',
      'frequency',
    ]);
  });

  it('draws the scree and the elbow with their tables, each row a component or a k', () => {
    const body = section();
    expect(headings(body, 'h3')).toEqual([
      'Features',
      'Identifiers and targets not clustered on',
      'Principal components',
      'How many segments',
      'Warnings about these segments',
    ]);
    const pca = cells(tableAfter(body, 'Principal components'));
    expect(pca.slice(1).map((row) => row[0])).toEqual(view.pca.ratios.map((_, c) => `PC${c + 1}`));
    const elbow = cells(tableAfter(body, 'How many segments'));
    expect(elbow.slice(1).map((row) => Number(row[0]))).toEqual(view.elbow.map((p) => p.k));
    // k = 1 has no silhouette: a dash, not a zero.
    expect(elbow[1][2]).toBe(renderMessage('en', { key: 'reportMissingValue' }));
    expect(charts(body)).toEqual(['scree', 'elbow', 'silhouette']);
  });

  it('draws no scree for one component, no elbow for one k, no silhouette line without one', () => {
    const single = section({
      pca: { ...view.pca, ratios: [1], cumulative: [1] },
      elbow: view.elbow.slice(0, 1),
    });
    expect(headings(single, 'h3')).not.toContain('Principal components');
    expect(headings(single, 'h3')).not.toContain('How many segments');
    expect(single.querySelectorAll('svg')).toHaveLength(0);
    const unscored = section({
      elbow: view.elbow.map((point) => ({ ...point, silhouette: null })),
    });
    expect(charts(unscored)).toEqual(['scree', 'elbow']);
  });

  it('says why this k, and that the user chose another when they did', () => {
    const recommended = view.recommendation.k;
    expect(section().textContent).toContain(en(view.recommendation.reason));
    expect(section().querySelector('.chosen')?.textContent).toBe(`Segments shown: ${view.k}.`);
    const other = recommended === 2 ? 3 : 2;
    expect(section({}, { k: other, kChosen: true }).querySelector('.chosen')?.textContent).toBe(
      `Segments shown: ${other}, as chosen (the recommendation was ${recommended}).`,
    );
    // Choosing the recommended k is not a departure from it.
    expect(
      section({}, { k: recommended, kChosen: true }).querySelector('.chosen')?.textContent,
    ).toBe(`Segments shown: ${recommended}.`);
  });

  it('gives DBSCAN its own paragraph instead of the choice of k', () => {
    const density = {
      eps: 0.75,
      suggestedEps: 0.75,
      minPts: 8,
      clusters: 3,
      noise: 17,
      coreRows: 300,
      kDistances: new Float64Array(0),
      knee: 0,
      clusteredRows: 390,
      maxRows: 20_000,
      joinedFromOutside: 0,
    } as SegmentationView['density'];
    const body = section({ density, algorithm: 'dbscan' }, { k: 3, kChosen: true });
    expect(body.textContent).toContain(
      'DBSCAN found 3 segments and 17 rows of noise (radius 0.75, at least 8 rows).',
    );
    expect(body.textContent).not.toContain(en(view.recommendation.reason));
    expect(body.querySelector('.chosen')?.textContent).toBe('Segments shown: 3.');
  });

  it('does not repeat a note the cleaning gave; adds the shrunk range and the warnings', () => {
    const shared: Message = { key: 'noRowsToCluster', params: {} };
    const own: Message = { key: 'wardEuclideanOnly', params: {} };
    const range: Message = { key: 'kRangeShrank', params: { rows: 5, kMax: 4 } };
    const body = section({
      notes: [shared, own],
      cleaning: { ...view.cleaning, notes: [shared] },
      kRangeNote: range,
      clusterWarnings: [{ key: 'warnKAtTopOfRange', params: { k: 4 } }],
    });
    const text = body.textContent ?? '';
    expect(text).not.toContain(en(shared));
    expect(text).toContain(en(own));
    expect(text).toContain(en(range));
    expect(body.querySelector('ul.warnings')?.textContent).toBe(
      en({ key: 'warnKAtTopOfRange', params: { k: 4 } }),
    );
    const calm = section({ clusterWarnings: [] });
    expect(headings(calm, 'h3')).not.toContain('Warnings about these segments');
  });
});
