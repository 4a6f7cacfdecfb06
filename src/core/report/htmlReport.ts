import { escapeHtml } from './htmlText';
import { analysisSection } from './reportAnalysis';
import { cleaningSection } from './reportCleaning';
import { fileSection } from './reportFile';
import type { ReportInput, ReportRender } from './reportInput';
import { rfmSection } from './reportRfm';
import { segmentsSection } from './reportSegments';
import { REPORT_STYLE } from './reportStyle';
import { reportWriter } from './reportWriter';

/**
 * One self-contained HTML document a marketer can mail: the file, its cleaning, the analysis and
 * its charts, the segments and their profiles (and RFM for order lines). Inline CSS and SVG, no
 * script, no external reference, no event attribute; every user value escaped as text; every
 * sentence in the reader's language through `render`.
 */
export function htmlReport(input: ReportInput, render: ReportRender): string {
  const w = reportWriter(input, render);
  const { say, text, file } = w;
  const { view, rfm } = input;

  const sections: { id: string; heading: string; body: string }[] = [];
  sections.push({ id: 'file', heading: say('reportFileHeading'), body: fileSection(w) });
  if (rfm)
    sections.push({
      id: 'rfm',
      heading: say(rfm.view.hasMoney ? 'reportRfmHeading' : 'reportRfmHeadingNoMoney'),
      body: rfmSection(w, rfm),
    });
  if (view) {
    sections.push({
      id: 'cleaning',
      heading: say('reportCleaningHeading'),
      body: cleaningSection(w, view),
    });
    sections.push({
      id: 'analysis',
      heading: say('reportAnalysisHeading'),
      body: analysisSection(w, view),
    });
    const shown = view.perK.find((entry) => entry.k === input.k) ?? null;
    if (shown)
      sections.push({
        id: 'segments',
        heading: say('reportSegmentsHeading'),
        body: segmentsSection(w, view, shown),
      });
  }

  const title = say(rfm ? 'reportTitleRfm' : 'reportTitle', { file });
  const contents = sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`)
    .join('');
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(say('reportLanguage'))}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body><main>` +
    `<h1>${escapeHtml(title)}</h1><p class="intro">${text('reportIntro', { file })}</p>` +
    `<nav aria-label="${text('reportContents')}"><h2 class="contents">${text('reportContents')}</h2><ol>${contents}</ol></nav>` +
    sections
      .map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.heading)}</h2>${s.body}</section>`)
      .join('') +
    `</main></body></html>\n`
  );
}
