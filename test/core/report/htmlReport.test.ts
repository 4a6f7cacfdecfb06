// The report is parsed as a browser parses it (the analysis itself stays node-only code).
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { reportExport, type ReportRequest } from '../../../src/core/report/reportExport';
import { AnalysisSession } from '../../../src/core/session/session';
import { renderMessage } from '../../../src/i18n/formatMessage';
import type { Language } from '../../../src/i18n/languages';
import { defaultSegmentMap, nameSegments } from '../../../src/core/rfm/rfmSegments';
import { segmentSummary } from '../../../src/core/rfm/rfmSummary';
import { customersCsv, ordersCsv, ordersRfm, quickOptions } from '../../support/sessionData';
import { cells, renderIn, tableAfter } from '../../support/reportSections';
import { bankMarketingCsv } from '../../support/bankMarketing';
import { generateTelecomCsv } from '../../../scripts/generators/telecom';
import { generateGroceriesCsv } from '../../../scripts/generators/orderShapes';
import { DEFAULT_CLEANING, type Cleaning } from '../../../src/core/clean/cleanOptions';
import { ratesVerdict } from '../../../src/core/profile/segmentRates';
import type { RfmSettings } from '../../../src/core/rfm/rfm';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';
import { createRandom } from '../../../src/core/common/random';

const render = renderIn;

/** The elements and attributes the report writes itself: anything else came from user data. */
const TAGS = new Set(
  (
    'html head meta title style body main h1 h2 h3 h4 p nav ol ul li a section article div ' +
    'table caption thead tbody tr th td figure figcaption span bdi svg desc rect line path ' +
    'circle text g'
  ).split(' '),
);
const ATTRIBUTES = new Set(
  (
    'lang charset name content href id class aria-label aria-labelledby scope style viewBox ' +
    'viewbox role x y x1 x2 y1 y2 width height fill fill-opacity stroke stroke-width ' +
    'stroke-dasharray d r cx cy text-anchor font-size transform'
  ).split(' '),
);

/** Parses a report strictly: only the report's own tags and attributes, nothing fetched. */
function parse(html: string): Document {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html.match(/<script/gi) ?? []).toHaveLength(0);
  expect(html).not.toMatch(/https?:|url\(|@import|javascript:/i);
  const document = new DOMParser().parseFromString(html, 'text/html');
  for (const element of Array.from(document.querySelectorAll('*'))) {
    expect(TAGS, element.outerHTML.slice(0, 80)).toContain(element.localName);
    for (const attribute of Array.from(element.attributes)) {
      expect(ATTRIBUTES, attribute.name).toContain(attribute.name);
      if (attribute.name === 'href') expect(attribute.value).toMatch(/^#[a-z-]+$/);
    }
  }
  expect(document.querySelector('meta[charset="utf-8"]')).not.toBeNull();
  return document;
}

function sectionText(document: Document, id: string): string {
  return document.getElementById(id)?.textContent ?? '';
}

async function customersReport(language: Language, request: Partial<ReportRequest> = {}) {
  const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
  const segmentation = { options: quickOptions(), rfm: null };
  const view = await session.segmentationView(segmentation);
  const { parts, fileName } = await reportExport(
    session,
    { segmentation, k: null, rfm: null, ...request },
    render(language),
  );
  return { session, view, html: parts.join(''), fileName };
}

describe('the HTML report of a customer file', () => {
  it('has every section, with the figures of the session, and no script', async () => {
    const { session, view, html, fileName } = await customersReport('en');
    expect(fileName).toBe('customers - report.html');
    const document = parse(html);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Customer segments: \u2068customers.csv\u2069');
    const summary = session.summary();
    // The file: its rows, and every column with its kind.
    const file = cells(document.querySelector('#file table')!);
    expect(file).toContainEqual(['Rows read', summary.rowCount.toLocaleString('en')]);
    const columns = cells(tableAfter(document, 'Columns'));
    expect(columns.slice(1).map((row) => row[0])).toEqual(summary.columns.map((c) => c.name));
    expect(columns.find((row) => row[0] === 'region')?.[1]).toBe('categorical');
    // The cleaning: rows read, analysed, set aside with their reasons (the file repeats rows).
    const { cleaning } = view;
    expect(cleaning.dropped.duplicate).toBeGreaterThan(0);
    expect(sectionText(document, 'cleaning')).toContain(
      `${cleaning.read} rows were read; ${cleaning.kept} were analysed and ${cleaning.read - cleaning.kept} were set aside.`,
    );
    const reasons = cells(document.querySelector('#cleaning table')!);
    expect(reasons).toContainEqual(['repeats an earlier row', String(cleaning.dropped.duplicate)]);
    // The analysis: PCA's scree and table, the elbow and silhouette, the chosen k and why.
    expect(document.querySelectorAll('svg')).toHaveLength(5);
    for (const svg of Array.from(document.querySelectorAll('svg'))) {
      expect(svg.querySelector('title')?.textContent).not.toBe('');
      expect(svg.querySelector('desc')?.textContent).not.toBe('');
      expect(svg.closest('figure')?.querySelector('table')).not.toBeNull();
    }
    const pca = cells(document.querySelector('#analysis figure table')!);
    expect(pca[1]).toEqual([
      'PC1',
      renderMessage('en', { key: 'reportShare', params: { value: view.pca.ratios[0] } }),
      renderMessage('en', { key: 'reportShare', params: { value: view.pca.cumulative[0] } }),
    ]);
    const elbow = cells(tableAfter(document, 'How many segments'));
    expect(elbow.slice(1).map((row) => Number(row[0]))).toEqual(view.elbow.map((p) => p.k));
    expect(sectionText(document, 'analysis')).toContain(
      renderMessage('en', view.recommendation.reason),
    );
    expect(document.querySelector('.chosen')?.textContent).toBe(`Segments shown: ${view.k}.`);
    // The segments: sizes equal to the segmentation's, a profile per segment.
    const shown = view.perK.find((entry) => entry.k === view.k)!;
    const sizes = cells(tableAfter(document, 'Segment sizes'));
    expect(sizes.slice(1).map((row) => Number(row[1].replace(/,/g, '')))).toEqual(shown.sizes);
    expect(document.querySelectorAll('article.profile')).toHaveLength(view.k);
    const first = shown.profiles.segments[0];
    const label = renderMessage('en', first.label);
    expect(document.querySelector('article.profile h3')?.textContent).toBe(
      `Segment 0: \u2068${label}\u2069`,
    );
    const income = first.features.find((f) => f.feature === 'annual_income')!;
    const profile = cells(document.querySelector('article.profile table')!);
    expect(profile.find((row) => row[0] === 'annual_income')?.[1]).toBe(
      renderMessage('en', { key: 'reportNumber', params: { value: income.mean } }),
    );
  });

  it('reads in Chinese, with no English word of its own', async () => {
    const { html, fileName } = await customersReport('zh');
    expect(fileName).toBe('customers - 报告.html');
    const document = parse(html);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.querySelector('h2')?.textContent).toBe('目录');
    // The file's own names and values (cells and quoted in sentences) are the user's words.
    for (const value of Array.from(document.querySelectorAll('bdi'))) value.remove();
    const words = (document.body.textContent ?? '')
      .replace(/\u2068[^\u2069]*\u2069/g, '')
      .match(/[A-Za-z]{3,}/g);
    // Names of methods and measures, the same in Chinese.
    const ownNames = new Set(
      'SegmentLens CSV UTF utf means log Davies Bouldin Calinski Harabasz'.split(' '),
    );
    expect((words ?? []).filter((word) => !ownNames.has(word))).toEqual([]);
  });

  it('uses the names the user gave the segments, and says when k was chosen', async () => {
    const { html } = await customersReport('en', {
      segmentation: { options: quickOptions({ k: 2 }), rfm: null },
      segmentNames: ['Loyal savers', null],
    });
    const document = parse(html);
    const headings = Array.from(document.querySelectorAll('article.profile h3')).map(
      (h) => h.textContent,
    );
    expect(headings[0]).toBe('Segment 0: \u2068Loyal savers\u2069');
    expect(headings[1]).not.toContain('Loyal savers');
    expect(document.querySelector('.chosen')?.textContent).toMatch(/^Segments shown: 2/);
  });

  it('refuses a k that was not computed', async () => {
    await expect(customersReport('en', { k: 40 })).rejects.toMatchObject({ code: 'bad-option' });
  });
});

/** Names and values no report may turn into markup. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "Tom & Jerry's",
  '{{constructor.constructor("alert(3)")()}}',
  '\u202Egpj.exe',
  'x'.repeat(150),
];

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The customer file with hostile column names and category values (same rows, same shape). */
function hostileCsv(): string {
  const lines = customersCsv.trim().split('\n');
  const header = lines[0].split(',');
  // age, annual_income, annual_spend, visits_per_month, tenure_months, region
  HOSTILE.forEach((name, i) => (header[i + 1] = name));
  const regions = new Map(
    ['North', 'East', 'South', 'West'].map((r, i) => [r, HOSTILE[i % HOSTILE.length]]),
  );
  return [
    header.map(csvCell).join(','),
    ...lines.slice(1).map((line) =>
      line
        .split(',')
        .map((cell, c) => csvCell(c === 6 ? (regions.get(cell) ?? cell) : cell))
        .join(','),
    ),
  ].join('\n');
}

describe('the HTML report of a file with hostile names', () => {
  it('writes every name and value as escaped text, never as a tag or attribute', async () => {
    // A file's name holds no path separator (it names a file, not a folder).
    const name = '<b>shop & "co" <i>.csv';
    const session = await AnalysisSession.open(textSource(hostileCsv()), name, {});
    const columns = session.columns.map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(HOSTILE.slice(0, 5)));
    const segmentation = { options: quickOptions({ k: 3 }), rfm: null };
    for (const language of ['en', 'zh'] as const) {
      const { parts } = await reportExport(
        session,
        { segmentation, k: null, rfm: null, segmentNames: [HOSTILE[0], HOSTILE[1], HOSTILE[3]] },
        render(language),
      );
      const html = parts.join('');
      expect(html.match(/<img/gi) ?? []).toHaveLength(0);
      expect(html.match(/<b>/gi) ?? []).toHaveLength(0);
      const document = parse(html);
      expect(document.querySelectorAll('img, b, i, script')).toHaveLength(0);
      const text = document.body.textContent ?? '';
      for (const hostile of [...HOSTILE.slice(0, 5), name]) expect(text).toContain(hostile);
      // Each name and value written in a cell is isolated from the text's direction.
      const isolated = Array.from(document.querySelectorAll('bdi')).map((b) => b.textContent);
      expect(isolated).toEqual(expect.arrayContaining([...HOSTILE.slice(0, 4), name]));
    }
  });
});

describe('the HTML report of order lines', () => {
  it('has the RFM summary and segment map, with the session figures', async () => {
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const map = nameSegments(defaultSegmentMap(), render('en'));
    map.names[0] = 'Our <best> customers';
    const segmentation = { options: quickOptions(), rfm: ordersRfm };
    const { parts } = await reportExport(
      session,
      { segmentation, k: null, rfm: ordersRfm, rfmMap: map },
      render('en'),
    );
    const document = parse(parts.join(''));
    expect(document.title).toBe('Customer segments from order lines: \u2068orders.csv\u2069');
    const rfm = session.rfmView(ordersRfm);
    const summary = cells(document.querySelector('#rfm table')!);
    expect(summary).toContainEqual(['Customers', rfm.customers.toLocaleString('en')]);
    const segments = cells(tableAfter(document, 'Customers per named segment'));
    const expected = segmentSummary(rfm.cells[map.scheme], map);
    expect(segments.slice(1).map((row) => [row[0], Number(row[1].replace(/,/g, ''))])).toEqual(
      expected.map((row) => [row.name, row.customers]),
    );
    expect(sectionText(document, 'rfm')).toContain(
      `${rfm.rows.read.toLocaleString('en')} order lines were read; ${rfm.rows.used.toLocaleString('en')} were used`,
    );
    // The clusters of the customers' RFM figures follow.
    expect(document.querySelectorAll('article.profile').length).toBeGreaterThan(1);
  });

  it("names RFM's features in the report's language, in the features and the profiles", async () => {
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const segmentation = { options: quickOptions(), rfm: ordersRfm };
    const { parts } = await reportExport(
      session,
      { segmentation, k: null, rfm: ordersRfm },
      render('zh'),
    );
    const document = parse(parts.join(''));
    const features = cells(tableAfter(document, '特征'));
    expect(features.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['最近购买天数', '最近购买天数'],
      ['log1p(购买频次)', '购买频次'],
      ['log1p(消费金额)', '消费金额'],
    ]);
    const text = document.body.textContent ?? '';
    for (const english of ['recency', 'frequency', 'monetary']) expect(text).not.toContain(english);
  });

  it('reports RFM alone when no clustering ran', async () => {
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const { parts } = await reportExport(
      session,
      { segmentation: null, k: null, rfm: ordersRfm },
      render('zh'),
    );
    const document = parse(parts.join(''));
    expect(document.getElementById('rfm')).not.toBeNull();
    expect(document.getElementById('segments')).toBeNull();
    expect(document.querySelectorAll('svg')).toHaveLength(1);
  });
});

/** The report of a bank-marketing look-alike: pdays is 999 for most rows, the rest 0-27. */
async function bankReport(language: Language, clean: Partial<Cleaning> = {}) {
  const session = await AnalysisSession.open(textSource(bankMarketingCsv(1500)), 'bank.csv', {});
  const segmentation = {
    options: quickOptions({
      k: 3,
      kMax: 3,
      features: ['age', 'duration', 'campaign', 'pdays'],
      clean: { ...DEFAULT_CLEANING, ...clean },
    }),
    rfm: null,
  };
  const view = await session.segmentationView(segmentation);
  const { parts } = await reportExport(
    session,
    { segmentation, k: null, rfm: null },
    render(language),
  );
  return { view, document: parse(parts.join('')) };
}

describe('the report shows what cleaning changed, column by column', () => {
  it('clipping below and above, and a code found but counted as a value, with its note', async () => {
    const { view, document } = await bankReport('en');
    const { clipped, sentinels } = view.cleaning;
    expect(clipped.length).toBeGreaterThan(0);
    const table = cells(tableAfter(document, 'Outliers clipped to the usual range'));
    expect(table[0]).toEqual([
      'Column',
      'Lowest kept',
      'Highest kept',
      'Raised to the lowest',
      'Lowered to the highest',
      'Cells',
    ]);
    expect(table.slice(1).map((row) => [row[0], row[3], row[4], row[5]])).toEqual(
      clipped.map((c) => [c.column, String(c.below), String(c.above), String(c.count)]),
    );
    expect(sentinels).toEqual([expect.objectContaining({ column: 'pdays', value: 999 })]);
    const found = cells(tableAfter(document, 'Codes for “no value” found, counted as values'));
    expect(found[0]).toEqual(['Column', 'Code', 'Cells', 'Share of values', 'Other values']);
    const pdays = sentinels[0];
    expect(found[1]).toEqual([
      'pdays',
      '999',
      pdays.count.toLocaleString('en'),
      renderMessage('en', { key: 'reportShare', params: { value: pdays.share } }),
      '0 – 27',
    ]);
    // Its note says what it means, in the cleaning section, once in the whole report.
    const note = renderMessage(
      'en',
      view.cleaning.notes.find((n) => n.key.startsWith('sentinel'))!,
    );
    expect(sectionText(document, 'cleaning')).toContain(note);
    expect((document.body.textContent ?? '').split(note)).toHaveLength(2);
  });

  it('a code treated as missing, with the cells it blanked, in Chinese too', async () => {
    const clean = { missingCodes: [{ column: 'pdays', value: 999 }], missing: 'median' as const };
    const { view, document } = await bankReport('en', clean);
    const coded = view.cleaning.missingCodes;
    expect(coded).toEqual([expect.objectContaining({ column: 'pdays', value: 999 })]);
    const table = cells(tableAfter(document, 'Codes treated as missing'));
    expect(table).toEqual([
      ['Column', 'Code', 'Cells'],
      ['pdays', '999', coded[0].count.toLocaleString('en')],
    ]);
    expect(sectionText(document, 'cleaning')).not.toContain('found, counted as values');
    const zh = await bankReport('zh', clean);
    expect(sectionText(zh.document, 'cleaning')).toContain('被当作缺失值的代码');
  });
});

/** The report of a telecom look-alike: customerID, a 0/1 SeniorCitizen, and Churn. */
async function telecomReport(language: Language, names: Partial<ReportRequest> = {}) {
  const session = await AnalysisSession.open(
    textSource(generateTelecomCsv({ rows: 1500, seed: 18 })),
    'telecom.csv',
    {},
  );
  const segmentation = { options: quickOptions({ k: 2, kMax: 3 }), rfm: null };
  const view = await session.segmentationView(segmentation);
  const { parts } = await reportExport(
    session,
    { segmentation, k: null, rfm: null, ...names },
    render(language),
  );
  return { session, view, document: parse(parts.join('')) };
}

describe('the report of a telecom look-alike', () => {
  it('shows each segment’s real differences from the base, or that it matches it', async () => {
    const { view, document } = await telecomReport('en');
    const segments = view.perK.find((entry) => entry.k === view.k)!.profiles.segments;
    const articles = Array.from(document.querySelectorAll('article.profile'));
    expect(articles).toHaveLength(segments.length);
    segments.forEach((segment, i) => {
      const article = articles[i];
      const verdict = renderMessage('en', ratesVerdict(segment.rates));
      expect(article.textContent).toContain(verdict);
      const findings = segment.rates.filter((rate) => rate.finding);
      expect(findings.length).toBeGreaterThan(0);
      const heading = Array.from(article.querySelectorAll('h4')).find(
        (h) => h.textContent === 'Against the whole base',
      );
      let next = heading?.nextElementSibling ?? null;
      while (next && next.querySelector('table') === null) next = next.nextElementSibling;
      const table = cells(next!.querySelector('table')!);
      expect(table[0]).toEqual([
        'Column',
        'Value',
        'In this segment',
        'In all rows',
        'Difference',
        'Times as common',
      ]);
      expect(table.slice(1).map((row) => [row[0], row[1]])).toEqual(
        findings.map((rate) => [rate.column, rate.value]),
      );
      const churn = findings.find((rate) => rate.column === 'Churn');
      if (churn)
        expect(table.find((row) => row[0] === 'Churn')?.slice(2)).toEqual([
          renderMessage('en', { key: 'reportShare', params: { value: churn.share } }),
          renderMessage('en', { key: 'reportShare', params: { value: churn.overallShare } }),
          `${churn.points > 0 ? '+' : '-'}${Math.abs(churn.points).toFixed(1)} points`,
          `×${churn.lift.toFixed(2)}`,
        ]);
    });
  });

  it('says a segment matches the base when none of its rates differs', async () => {
    // The bank look-alike with a yes/no column drawn apart from everything clustered on.
    const random = createRandom(11);
    const lines = bankMarketingCsv(1500).trim().split('\n');
    const csv = [
      `${lines[0]},newsletter`,
      ...lines.slice(1).map((line) => `${line},${random.next() < 0.3 ? 'yes' : 'no'}`),
    ].join('\n');
    const session = await AnalysisSession.open(textSource(csv), 'bank.csv', {});
    const segmentation = {
      options: quickOptions({ k: 3, kMax: 3, features: ['age', 'duration', 'campaign'] }),
      rfm: null,
    };
    const view = await session.segmentationView(segmentation);
    const { parts } = await reportExport(
      session,
      { segmentation, k: null, rfm: null },
      render('en'),
    );
    const document = parse(parts.join(''));
    const segments = view.perK.find((entry) => entry.k === view.k)!.profiles.segments;
    const matching = segments.findIndex(
      (s) => s.rates.length > 0 && !s.rates.some((rate) => rate.finding),
    );
    expect(matching).toBeGreaterThanOrEqual(0);
    const article = document.querySelectorAll('article.profile')[matching];
    expect(article.textContent).toContain(
      'Matches the whole base: no yes/no, category or 0/1 column differs by 5 points or more beyond chance.',
    );
    // No table of differences, only the sentence.
    const headers = Array.from(article.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(headers).not.toContain('Difference');
    expect(article.querySelectorAll('h4')).toHaveLength(2);
  });

  it('says which columns were left out of the features and why, and the clustering warnings', async () => {
    const { session, view, document } = await telecomReport('en');
    // The columns' notes say what each identifier and target is.
    const columns = cells(tableAfter(document, 'Columns'));
    const summary = session.summary().columns;
    for (const name of ['customerID', 'Churn']) {
      const note = summary.find((c) => c.name === name)!.note!;
      expect(columns.find((row) => row[0] === name)?.[7]).toBe(renderMessage('en', note));
    }
    expect(summary.find((c) => c.name === 'Churn')?.likelyTarget).toBe(true);
    const leftOut = cells(tableAfter(document, 'Identifiers and targets not clustered on'));
    expect(leftOut[0]).toEqual(['Column', 'Kind', 'Why']);
    expect(leftOut.slice(1).map((row) => row[0])).toEqual(['customerID', 'Churn']);
    expect(leftOut[2][2]).toBe(renderMessage('en', summary.find((c) => c.name === 'Churn')!.note!));
    // The warnings about k, in the analysis section.
    expect(view.clusterWarnings.length).toBeGreaterThan(0);
    const warnings = Array.from(document.querySelectorAll('#analysis .warnings li')).map(
      (li) => li.textContent,
    );
    expect(warnings).toEqual(view.clusterWarnings.map((w) => renderMessage('en', w)));
    const zh = await telecomReport('zh');
    expect(zh.document.querySelectorAll('#analysis .warnings li')).toHaveLength(
      view.clusterWarnings.length,
    );
  });
});

describe('the report of DBSCAN', () => {
  it('uses the name the user gave the noise', async () => {
    const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
    const segmentation = {
      options: quickOptions({ algorithm: 'dbscan', eps: 0.6, minPts: 5 }),
      rfm: null,
    };
    const view = await session.segmentationView(segmentation);
    const shown = view.perK.find((entry) => entry.k === view.k)!;
    expect(shown.profiles.segments.some((s) => s.id < 0)).toBe(true);
    const { parts } = await reportExport(
      session,
      { segmentation, k: null, rfm: null, noiseName: 'Occasional <visitors>' },
      render('en'),
    );
    const document = parse(parts.join(''));
    const headings = Array.from(document.querySelectorAll('article.profile h3')).map(
      (h) => h.textContent,
    );
    expect(headings).toContain('Noise: \u2068Occasional <visitors>\u2069');
    const sizes = cells(tableAfter(document, 'Segment sizes'));
    expect(sizes.map((row) => row[0])).toContain('Noise: \u2068Occasional <visitors>\u2069');
  });
});

describe('the report of order lines without money', () => {
  const groceries = generateGroceriesCsv({ lines: 3_000, members: 300, seed: 4 });
  const settings: RfmSettings = {
    mapping: { ...EMPTY_MAPPING, customer: 'Member_number', date: 'Date', item: 'itemDescription' },
    dateOrder: null,
    snapshot: null,
  };

  for (const language of ['en', 'zh'] as const)
    it(`never speaks of money, and shows why (${language})`, async () => {
      const session = await AnalysisSession.open(textSource(groceries), 'groceries.csv', {});
      const rfm = session.rfmView(settings);
      expect(rfm.hasMoney).toBe(false);
      const segmentation = { options: quickOptions(), rfm: settings };
      const { parts } = await reportExport(
        session,
        { segmentation, k: null, rfm: settings },
        render(language),
      );
      const document = parse(parts.join(''));
      const notes = Array.from(document.querySelectorAll('#rfm .notes li')).map(
        (li) => li.textContent,
      );
      expect(notes).toEqual(rfm.notes.map((note) => renderMessage(language, note)));
      for (const li of Array.from(document.querySelectorAll('#rfm .notes'))) li.remove();
      const text = document.body.textContent ?? '';
      if (language === 'en') expect(text).not.toMatch(/monetary|revenue|spend|\bRFM\b|\bM\b/i);
      else expect(text).not.toMatch(/金额|收入|RFM/);
      expect(document.getElementById('segments')).not.toBeNull();
    });
});
