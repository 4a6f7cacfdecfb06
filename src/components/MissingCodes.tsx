import { useTranslation } from 'react-i18next';
import type { MissingStrategy } from '../core/clean/cleanOptions';
import type { SentinelCode } from '../core/clean/cleanOptions';
import { useStore } from '../store/useStore';
import { MISSING } from './missingChoices';
import { useFormats } from './format';
import { Data, useRich } from './richText';

/** One empty list for every render without a view (a new one each time would re-render forever). */
const NONE: readonly SentinelCode[] = [];

/**
 * The codes for "no value" the last analysis found in the numeric features (pdays = 999), each
 * offered unticked, and the codes chosen, ticked, each with its column's missing-value rule
 * beside it. Not ticked in advance: a code usually carries meaning (never contacted), and
 * treating it as missing sets aside or fills most of its column, which the user decides.
 */
export function MissingCodes() {
  const { t } = useTranslation();
  const rich = useRich();
  const format = useFormats();
  const clean = useStore((s) => s.options.clean);
  const found = useStore((s) => s.view?.cleaning.sentinels ?? NONE);
  const setMissingCode = useStore((s) => s.setMissingCode);
  const setColumnMissing = useStore((s) => s.setColumnMissing);
  const offered = found.filter(
    (code) => !clean.missingCodes.some((m) => m.column === code.column && m.value === code.value),
  );
  if (offered.length === 0 && clean.missingCodes.length === 0) return null;
  const columnRule = (column: string): MissingStrategy | undefined =>
    clean.missingByColumn.find((rule) => rule.column === column)?.strategy;
  return (
    <fieldset className="span-all missing-codes">
      <legend>{t('ui.codes.legend')}</legend>
      <p className="hint">{t('ui.codes.hint')}</p>
      {clean.missingCodes.map(({ column, value }) => (
        <div key={`${column}\u0000${value}`} className="missing-code">
          <label className="checkbox">
            <input type="checkbox" checked onChange={() => setMissingCode(column, value, false)} />
            {rich('ui.codes.marked', {
              column: <Data>{column}</Data>,
              value: format.number(value),
            })}
          </label>
          <label>
            {/* One span: the label lays out its children as lines (text above its select). */}
            <span>{rich('ui.codes.rule', { column: <Data>{column}</Data> })}</span>
            <select
              value={columnRule(column) ?? ''}
              onChange={(e) =>
                setColumnMissing(
                  column,
                  e.target.value === '' ? null : (e.target.value as MissingStrategy),
                )
              }
            >
              <option value="">
                {t('ui.codes.ruleDefault', { rule: t(MISSING[clean.missing]) })}
              </option>
              {(Object.keys(MISSING) as MissingStrategy[]).map((strategy) => (
                <option key={strategy} value={strategy}>
                  {t(MISSING[strategy])}
                </option>
              ))}
            </select>
          </label>
        </div>
      ))}
      {offered.map((code) => (
        <label key={`${code.column}\u0000${code.value}`} className="checkbox">
          <input
            type="checkbox"
            checked={false}
            onChange={() => setMissingCode(code.column, code.value, true)}
          />
          {rich('ui.codes.found', {
            column: <Data>{code.column}</Data>,
            value: format.number(code.value),
            share: code.share,
            low: format.number(code.restLow),
            high: format.number(code.restHigh),
          })}
        </label>
      ))}
    </fieldset>
  );
}
