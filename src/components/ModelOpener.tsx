import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** "Open a saved analysis": a labelled file input beside the drop zone. */
export function ModelOpener() {
  const { t } = useTranslation();
  const openModel = useStore((s) => s.openModel);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  return (
    <div className="model-opener">
      <label htmlFor={inputId} className="button">
        {t('ui.model.open')}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        className="visually-hidden"
        type="file"
        accept=".json,application/json"
        aria-describedby={hintId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void openModel(file, file.name);
          if (inputRef.current) inputRef.current.value = '';
        }}
      />
      <span id={hintId} className="hint">
        {t('ui.model.openHint')}
      </span>
    </div>
  );
}
