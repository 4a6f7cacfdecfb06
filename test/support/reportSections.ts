import { effectiveKinds } from '../../src/core/analysis/analysisOptions';
import { textSource } from '../../src/core/read/byteSource';
import type { ReportInput } from '../../src/core/report/reportInput';
import { reportWriter, type ReportWriter } from '../../src/core/report/reportWriter';
import { AnalysisSession } from '../../src/core/session/session';
import type { SegmentationView } from '../../src/core/session/segmentationView';
import { renderMessage } from '../../src/i18n/formatMessage';
import type { Language } from '../../src/i18n/languages';
import { customersCsv, quickOptions } from './sessionData';

/** A language's renderer of core messages, as the report is given it. */
export const renderIn = (language: Language) => (m: Parameters<typeof renderMessage>[1]) =>
  renderMessage(language, m);

/** The quick segmentation of the seeded customer file, and the report's input for it. */
export async function customersSegmentation(): Promise<{
  session: AnalysisSession;
  view: SegmentationView;
  input: ReportInput;
}> {
  const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
  const options = quickOptions();
  const view = await session.segmentationView({ options, rfm: null });
  const input: ReportInput = {
    summary: session.summary(),
    kinds: effectiveKinds(session.columns, options.kinds),
    view,
    k: view.k,
    kChosen: false,
  };
  return { session, view, input };
}

/** The writer a section is given, for an input in a language. */
export function writerFor(input: ReportInput, language: Language = 'en'): ReportWriter {
  return reportWriter(input, renderIn(language));
}

/** A section's HTML parsed as a browser parses it (the test file runs in jsdom). */
export function fragment(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body;
}

/** A table's cells as texts, row by row (header row first). */
export function cells(table: Element): string[][] {
  return Array.from(table.querySelectorAll('tr')).map((row) =>
    Array.from(row.children).map((cell) => (cell.textContent ?? '').trim()),
  );
}

/** The texts of the headings of one level, in order. */
export function headings(root: ParentNode, level: 'h3' | 'h4'): string[] {
  return Array.from(root.querySelectorAll(level)).map((h) => (h.textContent ?? '').trim());
}

/** The first table after a heading with this text (in the heading's own block or later). */
export function tableAfter(root: ParentNode, heading: string): Element {
  const h = Array.from(root.querySelectorAll('h3, h4')).find(
    (e) => (e.textContent ?? '').trim() === heading,
  );
  if (!h) throw new Error(`no heading ${heading}`);
  let next = h.nextElementSibling;
  while (next && next.localName !== 'table' && next.querySelector('table') === null)
    next = next.nextElementSibling;
  if (!next) throw new Error(`no table after ${heading}`);
  return next.localName === 'table' ? next : next.querySelector('table')!;
}
