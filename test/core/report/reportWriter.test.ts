import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import type { ReportInput } from '../../../src/core/report/reportInput';
import { isolate, reportWriter } from '../../../src/core/report/reportWriter';
import type { DatasetSummary } from '../../../src/core/session/datasetSummary';
import { renderMessage } from '../../../src/i18n/formatMessage';

/** The writer reads the file's name and the names the user gave; the rest of a report is not needed here. */
function writer(names: Partial<Pick<ReportInput, 'segmentNames' | 'noiseName'>> = {}) {
  const input: ReportInput = {
    summary: { fileName: 'spring <sale>.csv' } as DatasetSummary,
    kinds: [],
    view: null,
    k: 2,
    kChosen: false,
    ...names,
  };
  return reportWriter(input, (m) => renderMessage('en', m));
}

describe('reportWriter', () => {
  it('isolates a user’s value inside a sentence, so that its direction cannot leak', () => {
    expect(isolate('\u202eabc')).toBe('\u2068\u202eabc\u2069');
    expect(writer().file).toBe(isolate('spring <sale>.csv'));
  });

  it('writes numbers as the report shows them: a dash for none, small ones in full', () => {
    const w = writer();
    expect(w.number(null)).toBe(w.missing);
    expect(w.number(NaN)).toBe(w.missing);
    expect(w.number(1234.5678)).toBe('1,234.57');
    expect(w.number(0.00123)).not.toBe('0');
    expect(w.share(Infinity)).toBe(w.missing);
    expect(w.code(-999)).toBe('-999');
  });

  it('escapes every sentence and value it writes as text', () => {
    const w = writer({ segmentNames: ['<b>VIP</b>', null] });
    expect(w.segmentCell(0, message('reportNoise'))).not.toContain('<b>');
    expect(w.segmentCell(0, message('reportNoise'))).toContain('&lt;b&gt;VIP&lt;/b&gt;');
    expect(w.notes([message('reportNoiseNamed', { name: '<i>x</i>' })])).toBe(
      '<ul class="notes"><li>Noise: &lt;i&gt;x&lt;/i&gt;</li></ul>',
    );
    expect(w.notes([])).toBe('');
  });

  it('calls a segment by the name the user gave, else by its label; noise too', () => {
    const w = writer({ segmentNames: ['Loyal', '  '], noiseName: 'Strays' });
    const label = message('reportNoise');
    expect(w.segmentTitle(0, label, 'reportSegmentName')).toBe(`0: ${isolate('Loyal')}`);
    expect(w.segmentTitle(1, label, 'reportSegmentName')).toBe(`1: ${isolate('Noise')}`);
    expect(w.segmentTitle(-1, label, 'reportSegmentName')).toBe(`Noise: ${isolate('Strays')}`);
    expect(writer().segmentTitle(-1, label, 'reportSegmentName')).toBe('Noise');
  });

  it('writes tables with row headers, column scopes and numeric columns aligned right', () => {
    const html = writer().table('Caption', ['Name', 'Count'], [['a', '1']], (c) => c === 1);
    expect(html).toBe(
      '<div class="scroll"><table><caption>Caption</caption>' +
        '<thead><tr><th scope="col">Name</th><th scope="col" class="num">Count</th></tr></thead>' +
        '<tbody><tr><th scope="row">a</th><td class="num">1</td></tr></tbody></table></div>',
    );
  });
});
