import type { Message } from '../common/message';
import { escapeHtml, userText } from './htmlText';
import type { ReportWriter } from './reportWriter';

/** The file: how it was read (format, encoding, dialect, rows) and its columns. */
export function fileSection(w: ReportWriter): string {
  const { input, render, text, missing, count, number, summary, table, notes } = w;
  const field = (key: Message['key'], value: string) => [text(key), value];
  const rows = [
    field('reportFileNameLabel', userText(summary.fileName)),
    field('reportFormat', text('reportFormatValue', { format: summary.format })),
    ...(summary.sheet === null ? [] : [field('reportSheet', userText(summary.sheet))]),
    ...(summary.format === 'csv'
      ? [
          field(
            'reportEncoding',
            text('reportEncodingValue', {
              encoding: summary.encoding,
              reason: summary.encodingReason,
            }),
          ),
          field(
            'reportDelimiter',
            text('reportDelimiterValue', {
              delimiter: DELIMITER_NAMES[summary.delimiter] ?? summary.delimiter,
            }),
          ),
        ]
      : []),
    field(
      'reportDecimal',
      text('reportDecimalValue', { decimal: summary.decimal === ',' ? 'comma' : 'point' }),
    ),
    field('reportRowsRead', escapeHtml(count(summary.rowCount))),
    field('reportRowsUnreadable', escapeHtml(count(summary.malformedRows))),
    ...(summary.shortRows > 0
      ? [field('reportRowsShort', escapeHtml(count(summary.shortRows)))]
      : []),
  ];
  const columns = summary.columns.map((column, c) => {
    const kind = input.kinds[c] ?? column.kind;
    const numeric = kind === 'numeric';
    return [
      userText(column.name),
      text('reportKindValue', { kind }),
      escapeHtml(count(column.missing)),
      escapeHtml(count(column.unique)),
      escapeHtml(numeric ? number(column.min) : missing),
      escapeHtml(numeric ? number(column.mean) : missing),
      escapeHtml(numeric ? number(column.max) : missing),
      column.note === null ? '' : escapeHtml(render(column.note)),
    ];
  });
  return (
    table(null, [text('reportFileField'), text('reportFileValue')], rows) +
    (summary.notes.length > 0 ? `<h3>${text('reportFileNotes')}</h3>${notes(summary.notes)}` : '') +
    `<h3>${text('reportColumnsHeading')}</h3>` +
    table(
      text('reportColumnsCaption', { count: summary.columns.length }),
      [
        text('reportColumn'),
        text('reportKind'),
        text('reportMissingCells'),
        text('reportDistinct'),
        text('reportMin'),
        text('reportMean'),
        text('reportMax'),
        text('reportNote'),
      ],
      columns,
      (c) => c >= 2 && c <= 6,
    )
  );
}

/** The delimiters by the name the catalog selects on. */
const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
