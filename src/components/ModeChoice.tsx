import { useRender } from './useRender';
import { useId } from 'react';
import type { AnalysisMode } from '../store/types';
import { useStore } from '../store/useStore';

const MODES: { mode: AnalysisMode; label: string; hint: string }[] = [
  {
    mode: 'customers',
    label: 'One row per customer',
    hint: 'cluster the customers on their columns (spend, visits, ...)',
  },
  {
    mode: 'transactions',
    label: 'Analyse as transactions (RFM)',
    hint: 'one row per order line: recency, frequency and monetary value per customer',
  },
];

/** How the file is organised: customers, or order lines for RFM (suggested from its columns). */
export function ModeChoice() {
  const dataset = useStore((s) => s.dataset);
  const render = useRender();
  const mode = useStore((s) => s.mode);
  const setMode = useStore((s) => s.setMode);
  const busy = useStore((s) => s.phase === 'loading');
  const name = useId();
  if (!dataset) return null;
  return (
    <div className="mode-choice">
      <fieldset>
        <legend>What is one row of this file?</legend>
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
              {choice.label} <span className="hint">— {choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="hint">{render(dataset.transactions.reason)}</p>
    </div>
  );
}
