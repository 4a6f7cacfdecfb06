import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFile } from '../core/model/modelFile';
import { SQL_PREVIEW_LINES } from '../store/modelSlice';
import { useStore } from '../store/useStore';

/** The saved analysis as one SQL query: its dialect and table, a preview, copy and download. */
export function SqlForm({ model }: { model: ModelFile }) {
  const { t } = useTranslation();
  const params = useStore((s) => s.sqlParams);
  const setParams = useStore((s) => s.setSqlParams);
  const downloadSql = useStore((s) => s.downloadSql);
  const sql = useStore((s) => s.sqlText);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const rfm = model.rfm !== null;
  const dialectId = useId();
  const tableId = useId();
  const idId = useId();
  const preview = sql?.split('\n').slice(0, SQL_PREVIEW_LINES).join('\n') ?? null;
  const copy = () => {
    if (sql === null) return;
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(sql).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="model-sql">
      <h4>{t('ui.model.sql')}</h4>
      <p className="hint">{t('ui.model.sqlHint')}</p>
      <div className="model-sql__fields">
        <label htmlFor={dialectId}>
          <span>{t('ui.model.dialect')}</span>
          <select
            id={dialectId}
            value={params.dialect}
            onChange={(event) =>
              setParams({ dialect: event.target.value === 'postgres' ? 'postgres' : 'duckdb' })
            }
          >
            <option value="duckdb">{t('ui.model.dialectName.duckdb')}</option>
            <option value="postgres">{t('ui.model.dialectName.postgres')}</option>
          </select>
        </label>
        <label htmlFor={tableId}>
          <span>{t('ui.model.table')}</span>
          <input
            id={tableId}
            type="text"
            translate="no"
            value={params.table}
            onChange={(event) => setParams({ table: event.target.value })}
          />
        </label>
        {!rfm && (
          <label htmlFor={idId}>
            <span>{t('ui.model.idColumn')}</span>
            <input
              id={idId}
              type="text"
              translate="no"
              value={params.id}
              onChange={(event) => setParams({ id: event.target.value })}
            />
          </label>
        )}
      </div>
      {rfm && <p className="hint">{t('ui.model.idColumnRfm')}</p>}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setCopied(null);
          void downloadSql();
        }}
      >
        {t('ui.model.downloadSql')}
      </button>
      {preview !== null && (
        <figure className="model-sql__preview">
          <figcaption>{t('ui.model.preview')}</figcaption>
          <pre translate="no" tabIndex={0} role="region" aria-label={t('ui.model.preview')}>
            {preview}
          </pre>
          <button type="button" onClick={copy}>
            {t('ui.model.copy')}
          </button>{' '}
          <span role="status">
            {copied === 'yes'
              ? t('ui.model.copied')
              : copied === 'failed'
                ? t('ui.model.copyFailed')
                : ''}
          </span>
        </figure>
      )}
    </div>
  );
}
