import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisMode } from '../store/types';
import { useStore } from '../store/useStore';
import { useRenderNode, type UiKey } from './richText';

const MODES: { mode: AnalysisMode; label: UiKey; hint: UiKey }[] = [
  { mode: 'customers', label: 'ui.mode.customers', hint: 'ui.mode.customersHint' },
  { mode: 'transactions', label: 'ui.mode.transactions', hint: 'ui.mode.transactionsHint' },
];

/** How the file is organised: customers, or order lines for RFM (suggested from its columns). */
export function ModeChoice() {
  const { t } = useTranslation();
  const render = useRenderNode();
  const dataset = useStore((s) => s.dataset);
  const mode = useStore((s) => s.mode);
  const setMode = useStore((s) => s.setMode);
  const busy = useStore((s) => s.phase === 'loading');
  const name = useId();
  if (!dataset) return null;
  return (
    <div className="mode-choice">
      <fieldset>
        <legend>{t('ui.mode.legend')}</legend>
        {MODES.map((choice) => (
          <label key={choice.mode} className="checkbox">
            <input
              type="radio"
              name={name}
              value={choice.mode}
              checked={mode === choice.mode}
              disabled={busy}
              onChange={() => setMode(choice.mode)}
            />
            <span>
              {t(choice.label)} <span className="hint">— {t(choice.hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="hint">{render(dataset.transactions.reason)}</p>
    </div>
  );
}
