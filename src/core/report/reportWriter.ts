import { message, type Message, type MessageParams } from '../common/message';
import { escapeHtml } from './htmlText';
import type { ReportInput, ReportRender } from './reportInput';
import { segmentColour } from './reportCharts';

/**
 * Wraps a user's value quoted inside a sentence in first-strong isolates (U+2068..U+2069): the
 * plain-text form of <bdi>, so an RTL mark in a name cannot reorder the sentence around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * What every section of the report writes with: its sentences in the reader's language, its
 * numbers, and its tables, figures, notes and segment names, all escaped as text.
 */
export function reportWriter(input: ReportInput, render: ReportRender) {
  const say = (key: Message['key'], params?: MessageParams) => render(message(key, params));
  const text = (key: Message['key'], params?: MessageParams) => escapeHtml(say(key, params));
  const missing = say('reportMissingValue');
  const count = (value: number) => say('reportCount', { value });
  const number = (value: number | null) =>
    value === null || !Number.isFinite(value)
      ? missing
      : value !== 0 && Math.abs(value) < 0.01
        ? say('reportPrecise', { value })
        : say('reportNumber', { value });
  const share = (value: number) =>
    Number.isFinite(value) ? say('reportShare', { value }) : missing;
  const date = (value: number) => say('reportDate', { value });
  // A code as the user writes it in a flag or the page (999, -1): every digit, no grouping.
  const code = (value: number) => String(value);
  const { summary } = input;
  const file = isolate(summary.fileName);

  /** A table: each cell is already HTML; numeric columns align right. */
  function table(
    caption: string | null,
    head: readonly string[],
    rows: readonly (readonly string[])[],
    numeric: (column: number) => boolean = () => false,
  ): string {
    const cls = (c: number) => (numeric(c) ? ' class="num"' : '');
    return (
      `<div class="scroll"><table>${caption === null ? '' : `<caption>${caption}</caption>`}` +
      `<thead><tr>${head.map((h, c) => `<th scope="col"${cls(c)}>${h}</th>`).join('')}</tr></thead>` +
      `<tbody>${rows
        .map(
          (row) =>
            `<tr>${row
              .map((cell, c) =>
                c === 0 ? `<th scope="row">${cell}</th>` : `<td${cls(c)}>${cell}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('')}</tbody></table></div>`
    );
  }

  function figure(svg: string, figures: string): string {
    return `<figure>${svg}<figcaption class="visually-hidden">${escapeHtml(say('reportChartTable'))}</figcaption>${figures}</figure>`;
  }

  function notes(list: readonly Message[]): string {
    return list.length === 0
      ? ''
      : `<ul class="notes">${list.map((m) => `<li>${escapeHtml(render(m))}</li>`).join('')}</ul>`;
  }

  /** The segment's name: the one the user gave, or its label. */
  function segmentName(id: number, label: Message): string {
    const given = (id < 0 ? input.noiseName : input.segmentNames?.[id])?.trim() ?? '';
    return given.length > 0 ? given : render(label);
  }

  /** How a segment is called in headings, bars and cells: "2: Loyal savers", "Noise: Regulars". */
  function segmentTitle(id: number, label: Message, key: Message['key']): string {
    if (id >= 0) return say(key, { id, name: isolate(segmentName(id, label)) });
    const given = input.noiseName?.trim() ?? '';
    return given.length > 0
      ? say('reportNoiseNamed', { name: isolate(given) })
      : say('reportNoise');
  }

  function segmentCell(id: number, label: Message): string {
    const swatch = `<span class="swatch" style="background:${segmentColour(id)}"></span>`;
    return `${swatch}${escapeHtml(segmentTitle(id, label, 'reportSegmentName'))}`;
  }

  return {
    input,
    render,
    say,
    text,
    missing,
    count,
    number,
    share,
    date,
    code,
    summary,
    file,
    table,
    figure,
    notes,
    segmentTitle,
    segmentCell,
  };
}

export type ReportWriter = ReturnType<typeof reportWriter>;
