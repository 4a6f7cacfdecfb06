import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportDialect } from '../core/export/csvFormat';
import type { Delimiter } from '../core/read/dialect';
import { useStore } from '../store/useStore';

const DELIMITER_WORDS = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
} as const satisfies Record<Delimiter, string>;

const DIALECTS: readonly ExportDialect[] = ['standard', 'input'];

/**
 * The CSV format of every download (#18): standard CSV or the input's own delimiter and decimal
 * separator. One choice in the store, so the segments' and the RFM downloads agree; offered only
 * when there is a choice (a CSV read with another delimiter or a decimal comma).
 */
export function ExportDialectChoice() {
  const { t } = useTranslation();
  const dataset = useStore((s) => s.dataset);
  const dialect = useStore((s) => s.exportDialect);
  const setDialect = useStore((s) => s.setExportDialect);
  const group = useId();
  const ownDialect =
    dataset !== null &&
    dataset.format === 'csv' &&
    (dataset.delimiter !== ',' || dataset.decimal !== '.');
  if (!ownDialect) return null;
  return (
    <fieldset className="export__dialect">
      <legend>{t('ui.exportFile.dialect')}</legend>
      {DIALECTS.map((choice) => (
        <label key={choice} className="checkbox">
          <input
            type="radio"
            name={group}
            value={choice}
            checked={dialect === choice}
            onChange={() => setDialect(choice)}
          />
          <span>
            {choice === 'standard'
              ? t('ui.exportFile.dialectStandard')
              : t('ui.exportFile.dialectInput', {
                  delimiter: DELIMITER_WORDS[dataset.delimiter],
                  decimal: dataset.decimal === ',' ? 'comma' : 'point',
                })}
          </span>
        </label>
      ))}
      <p className="hint">{t('ui.exportFile.dialectHint')}</p>
    </fieldset>
  );
}
