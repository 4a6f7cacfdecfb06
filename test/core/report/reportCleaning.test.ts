// The section is parsed as a browser parses it.
// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { CleanReport } from '../../../src/core/clean/cleanOptions';
import { cleaningSection } from '../../../src/core/report/reportCleaning';
import type { ReportInput } from '../../../src/core/report/reportInput';
import type { SegmentationView } from '../../../src/core/session/segmentationView';
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
beforeAll(async () => {
  ({ view, input } = await customersSegmentation());
});

/** The section for the customer file's view with its cleaning report replaced in part. */
function section(cleaning: Partial<CleanReport>): HTMLElement {
  const changed = { ...view, cleaning: { ...view.cleaning, ...cleaning } };
  return fragment(cleaningSection(writerFor({ ...input, view: changed }), changed));
}

const NOTHING_SET_ASIDE = { malformed: 0, duplicate: 0, missing: 0, outlier: 0 };
const EMPTY: Partial<CleanReport> = {
  dropped: NOTHING_SET_ASIDE,
  imputed: [],
  missingCodes: [],
  clipped: [],
  sentinels: [],
  excluded: [],
  notes: [],
};

describe('the cleaning section of the report', () => {
  it('counts the rows set aside by reason, only the reasons that set rows aside, in order', () => {
    const body = section({
      ...EMPTY,
      read: 1_250,
      kept: 1_200,
      dropped: { malformed: 0, duplicate: 38, missing: 0, outlier: 12 },
    });
    expect(body.querySelector('p')?.textContent).toBe(
      '1,250 rows were read; 1,200 were analysed and 50 were set aside.',
    );
    expect(cells(body.querySelector('table')!)).toEqual([
      ['Reason', 'Rows'],
      ['repeats an earlier row', '38'],
      ['outlier', '12'],
    ]);
    expect(headings(body, 'h3')).toEqual([]);
  });

  it('says so when no row was set aside, and shows no empty table', () => {
    const body = section({ ...EMPTY, read: 400, kept: 400 });
    expect(body.textContent).toContain('No row was set aside.');
    expect(body.querySelectorAll('table')).toHaveLength(0);
  });

  it('lists values filled in, codes treated as missing, clipping and columns left out', () => {
    const body = section({
      ...EMPTY,
      imputed: [
        { column: 'annual_income', strategy: 'median', count: 7, value: 52_000.5 },
        { column: '<b>region</b>', strategy: 'mode', count: 3, value: 'North & "South"' },
      ],
      missingCodes: [{ column: 'pdays', value: 99999, count: 1_204 }],
      clipped: [{ column: 'annual_spend', count: 9, below: 2, above: 7, low: 10, high: 900 }],
      excluded: [
        {
          column: 'notes',
          reason: { key: 'featureOnlyMissingCodesReason', params: {} },
        },
      ],
    });
    expect(headings(body, 'h3')).toEqual([
      'Missing values filled in',
      'Codes treated as missing',
      'Outliers clipped to the usual range',
      'Columns left out of the features',
    ]);
    const imputed = cells(tableAfter(body, 'Missing values filled in'));
    expect(imputed[0]).toEqual(['Column', 'Filled with', 'Value', 'Cells']);
    expect(imputed[1]).toEqual(['annual_income', 'the median', '52,000.5', '7']);
    // A user's name and value are text, never markup.
    expect(imputed[2]).toEqual([
      '<b>region</b>',
      'the most frequent value',
      'North & "South"',
      '3',
    ]);
    expect(body.querySelector('b')).toBeNull();
    // A code is written as the user writes it in a flag: every digit, no grouping.
    expect(cells(tableAfter(body, 'Codes treated as missing'))[1]).toEqual([
      'pdays',
      '99999',
      '1,204',
    ]);
    expect(cells(tableAfter(body, 'Outliers clipped to the usual range'))[1]).toEqual([
      'annual_spend',
      '10',
      '900',
      '2',
      '7',
      '9',
    ]);
    expect(cells(tableAfter(body, 'Columns left out of the features'))[1]).toEqual([
      'notes',
      'every value it has is a code for no value',
    ]);
  });

  it('gives a code found with its table, and every other note under Notes', () => {
    const found = {
      key: 'sentinelFound' as const,
      params: { column: 'age', code: '999', share: 0.05, low: 18, high: 90 },
    };
    const other = {
      key: 'missingCodeNotFeature' as const,
      params: { column: 'region', value: -1 },
    };
    const body = section({
      ...EMPTY,
      sentinels: [{ column: 'age', value: 999, count: 20, share: 0.05, restLow: 18, restHigh: 90 }],
      notes: [other, found],
    });
    expect(headings(body, 'h3')).toEqual([
      'Codes for “no value” found, counted as values',
      'Notes',
    ]);
    expect(cells(tableAfter(body, 'Codes for “no value” found, counted as values'))[1]).toEqual([
      'age',
      '999',
      '20',
      '5%',
      '18 – 90',
    ]);
    const lists = Array.from(body.querySelectorAll('ul.notes')).map((list) => list.textContent);
    expect(lists).toHaveLength(2);
    expect(lists[0]).toMatch(/^age: 999 fills 5\.0% of the values/);
    expect(lists[1]).toBe(
      'region is not a numeric feature of this analysis, so its code -1 was not used.',
    );
  });

  it('keeps a code note under Notes when no code is listed', () => {
    const found = {
      key: 'sentinelFound' as const,
      params: { column: 'age', code: '999', share: 0.05, low: 18, high: 90 },
    };
    const body = section({ ...EMPTY, notes: [found] });
    expect(headings(body, 'h3')).toEqual(['Notes']);
    expect(body.querySelector('ul.notes')?.textContent).toMatch(/^age: 999 fills/);
  });

  it('reads in Chinese', () => {
    const body = fragment(cleaningSection(writerFor(input, 'zh'), view));
    expect(body.textContent).not.toMatch(/rows were read|set aside/);
    expect(body.textContent).toContain(String(view.cleaning.read));
  });
});
