import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFile } from '../core/model/modelFile';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { Data, useRenderNode, useRich } from './richText';
import { AppliedView } from './AppliedView';
import { SqlForm } from './SqlForm';

/** The saved analysis the user opened: what it is, applying it to a file, and its SQL. */
export function ModelPanel() {
  const { t } = useTranslation();
  const model = useStore((s) => s.model);
  const applied = useStore((s) => s.applied);
  const close = useStore((s) => s.closeModel);
  const headingId = useId();
  if (model === null) return null;
  return (
    <section className="model-panel" aria-labelledby={headingId}>
      <header className="model-panel__header">
        <h3 id={headingId}>{t('ui.model.region')}</h3>
        <button type="button" onClick={close}>
          {t('ui.model.close')}
        </button>
      </header>
      <ModelSummary model={model} />
      <ApplyChooser />
      {applied !== null && <AppliedView applied={applied} />}
      <SqlForm model={model} />
    </section>
  );
}

function ModelSummary({ model }: { model: ModelFile }) {
  const { t } = useTranslation();
  const render = useRenderNode();
  const rich = useRich();
  const format = useFormats();
  const algorithm = model.clustering.algorithm;
  return (
    <div className="model-summary">
      <dl className="model-summary__facts" aria-label={t('ui.model.about')}>
        <div>
          <dt>{t('ui.model.source')}</dt>
          <dd>
            <Data>{model.source.fileName}</Data>
          </dd>
        </div>
        <div>
          <dt>{t('ui.model.savedAt')}</dt>
          <dd>{format.dateTime(model.savedAt)}</dd>
        </div>
        <div>
          <dt>{t('ui.model.kind')}</dt>
          <dd>{model.rfm === null ? t('ui.model.kindRows') : t('ui.model.kindRfm')}</dd>
        </div>
        <div>
          <dt>{t('ui.model.algorithm')}</dt>
          <dd>{t(`ui.clustering.algorithmName.${algorithm}`)}</dd>
        </div>
        <div>
          <dt>{t('ui.model.segmentCount')}</dt>
          <dd>{format.count(model.segments.length)}</dd>
        </div>
      </dl>
      <h4>{t('ui.model.segments')}</h4>
      <ul className="model-summary__segments">
        {model.segments.map((segment) => (
          <li key={segment.id}>
            {rich('ui.model.segmentLine', {
              id: segment.id,
              name:
                segment.name !== null ? <Data>{segment.name}</Data> : <>{render(segment.label)}</>,
              size: (
                <span className="hint">
                  {t(model.rfm === null ? 'ui.model.sizeSaved' : 'ui.model.sizeSavedRfm', {
                    count: segment.size,
                  })}
                </span>
              ),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ApplyChooser() {
  const { t } = useTranslation();
  const apply = useStore((s) => s.applyModelTo);
  const busy = useStore((s) => s.applyProgress !== null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  return (
    <div className="model-apply">
      <label htmlFor={inputId} className="button primary">
        {t('ui.model.applyChoose')}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        className="visually-hidden"
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.xls,.parquet,text/csv,text/plain"
        aria-describedby={hintId}
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void apply(file, file.name);
          if (inputRef.current) inputRef.current.value = '';
        }}
      />
      <p id={hintId} className="hint">
        {t('ui.model.applyHint')}
      </p>
    </div>
  );
}
