import { useTranslation } from 'react-i18next';
import type { Encoding } from '../core/read/detectEncoding';
import type { Delimiter } from '../core/read/dialect';
import type { TableFormat } from '../core/read/readTable';
import { useStore } from '../store/useStore';
import { DELIMITERS, ENCODINGS } from '../store/vocabulary';
import { useFormats } from './format';
import { useRenderNode, useRich, type UiKey } from './richText';

const DELIMITER_NAMES = {
  ',': 'ui.file.delimiterName.comma',
  ';': 'ui.file.delimiterName.semicolon',
  '\t': 'ui.file.delimiterName.tab',
  '|': 'ui.file.delimiterName.pipe',
} as const satisfies Record<Delimiter, UiKey>;

const ENCODING_NAMES = {
  'utf-8': 'ui.file.encodingName.utf8',
  'utf-16le': 'ui.file.encodingName.utf16le',
  'utf-16be': 'ui.file.encodingName.utf16be',
  gb18030: 'ui.file.encodingName.gb18030',
  'windows-1252': 'ui.file.encodingName.windows1252',
} as const satisfies Record<Encoding, UiKey>;

const FORMAT_NAMES = {
  csv: 'ui.file.formatName.csv',
  xlsx: 'ui.file.formatName.xlsx',
  xls: 'ui.file.formatName.xls',
  parquet: 'ui.file.formatName.parquet',
} as const satisfies Record<TableFormat, UiKey>;

/** Rows that could not be read listed by line; the rest are counted. */
const LISTED_ISSUES = 10;

/**
 * What was read: file, format, size, rows, columns; a workbook's sheet, or a CSV's dialect and
 * encoding (each changeable); warnings. A note that names the sheets is left to the picker.
 */
export function FileSummary() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const dataset = useStore((s) => s.dataset);
  const reread = useStore((s) => s.reread);
  const busy = useStore((s) => s.phase === 'loading');
  if (!dataset) return null;
  const picksSheet = dataset.sheets !== null && dataset.sheets.length > 1;
  const notes = dataset.notes.filter((note) => !(picksSheet && note.key === 'noteSheets'));
  return (
    <div className="file-summary">
      <dl className="facts">
        <div>
          <dt>{t('ui.file.name')}</dt>
          <dd translate="no">{dataset.fileName}</dd>
        </div>
        <div>
          <dt>{t('ui.file.format')}</dt>
          <dd>{t(FORMAT_NAMES[dataset.format])}</dd>
        </div>
        <div>
          <dt>{t('ui.file.size')}</dt>
          <dd>{format.bytes(dataset.fileSize)}</dd>
        </div>
        <div>
          <dt>{t('ui.file.rows')}</dt>
          <dd>{format.count(dataset.rowCount)}</dd>
        </div>
        <div>
          <dt>{t('ui.file.columns')}</dt>
          <dd>{format.count(dataset.columns.length)}</dd>
        </div>
      </dl>
      <div className="controls">
        {picksSheet && (
          <label>
            {t('ui.file.sheet')}
            <select
              value={dataset.sheet ?? ''}
              disabled={busy}
              onChange={(e) => void reread({ sheet: e.target.value })}
            >
              {(dataset.sheets ?? []).map((sheet, i) => (
                <option key={i} value={sheet} translate="no">
                  {sheet}
                </option>
              ))}
            </select>
          </label>
        )}
        {dataset.format === 'csv' && (
          <>
            <label>
              {t('ui.file.delimiter')}
              <select
                value={dataset.delimiter}
                disabled={busy}
                onChange={(e) => void reread({ delimiter: e.target.value as Delimiter })}
              >
                {DELIMITERS.map((d) => (
                  <option key={d} value={d}>
                    {t(DELIMITER_NAMES[d])}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ui.file.encoding')}
              <select
                value={dataset.encoding}
                disabled={busy}
                onChange={(e) => void reread({ encoding: e.target.value as Encoding })}
              >
                {ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {t(ENCODING_NAMES[encoding])}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ui.file.decimal')}
              <select
                value={dataset.decimal}
                disabled={busy}
                onChange={(e) => void reread({ decimal: e.target.value as '.' | ',' })}
              >
                <option value=".">{t('ui.file.decimalPoint')}</option>
                <option value=",">{t('ui.file.decimalComma')}</option>
              </select>
            </label>
            <p className="hint">{render(dataset.encodingReason)}</p>
          </>
        )}
      </div>
      {(dataset.malformedRows > 0 || notes.length > 0) && (
        <div className="warnings">
          <h3>{t('ui.file.notes')}</h3>
          <ul>
            {notes.map((note, i) => (
              <li key={i}>{render(note)}</li>
            ))}
            {dataset.malformedRows > 0 && (
              <li>
                {t('ui.file.malformed', { count: dataset.malformedRows })}
                <ul>
                  {dataset.issues.slice(0, LISTED_ISSUES).map((issue) => (
                    <li key={issue.row}>
                      {rich('ui.file.issue', {
                        line: issue.line,
                        reason: <>{render(issue.reason)}</>,
                      })}
                    </li>
                  ))}
                  {dataset.issues.length > LISTED_ISSUES && (
                    <li>
                      {t('ui.file.moreIssues', { count: dataset.malformedRows - LISTED_ISSUES })}
                    </li>
                  )}
                </ul>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
