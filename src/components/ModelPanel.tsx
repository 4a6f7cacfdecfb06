import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyView } from '../core/model/applyView';
import type { ModelFile } from '../core/model/modelFile';
import { SQL_PREVIEW_LINES } from '../store/modelSlice';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { Data, useRenderNode, useRich } from './richText';
import { ColumnName } from './ColumnName';

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
            {segment.id}:{' '}
            {segment.name !== null ? <Data>{segment.name}</Data> : render(segment.label)}{' '}
            <span className="hint">
              (
              {t(model.rfm === null ? 'ui.model.sizeSaved' : 'ui.model.sizeSavedRfm', {
                count: segment.size,
              })}
              )
            </span>
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

function AppliedView({ applied }: { applied: ApplyView }) {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const download = useStore((s) => s.downloadApplied);
  const downloadSetAside = useStore((s) => s.downloadAppliedSetAside);
  const restore = useStore((s) => s.restoreSaved);
  const setAside = applied.setAside.filter((row) => row.count > 0);
  const drift = applied.drift;
  return (
    <div className="model-applied">
      <h4>{rich('ui.model.applied', { file: <Data>{applied.file}</Data> })}</h4>
      <p>
        {t(applied.kind === 'rfm' ? 'ui.model.scoredRfm' : 'ui.model.scoredRows', {
          scored: applied.scored,
          read: applied.read,
        })}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('ui.model.sizes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.model.segment')}</th>
              <th scope="col" className="num">
                {t('ui.model.now')}
              </th>
              <th scope="col" className="num">
                {t('ui.model.shareNow')}
              </th>
              <th scope="col" className="num">
                {t('ui.model.saved')}
              </th>
              <th scope="col" className="num">
                {t('ui.model.shareSaved')}
              </th>
            </tr>
          </thead>
          <tbody>
            {applied.segments.map((segment) => (
              <tr key={segment.id}>
                <th scope="row">
                  {segment.id}:{' '}
                  {segment.name !== null ? <Data>{segment.name}</Data> : render(segment.label)}
                </th>
                <td className="num">{format.count(segment.size)}</td>
                <td className="num">{format.percent(segment.share)}</td>
                <td className="num">{format.count(segment.savedSize)}</td>
                <td className="num">{format.percent(segment.savedShare)}</td>
              </tr>
            ))}
            {applied.noise !== null && (
              <tr>
                <th scope="row">{t('ui.model.noise')}</th>
                <td className="num">{format.count(applied.noise.now)}</td>
                <td className="num">–</td>
                <td className="num">{format.count(applied.noise.saved)}</td>
                <td className="num">–</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {applied.rfm !== null && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('ui.model.named')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.model.namedSegment')}</th>
                <th scope="col" className="num">
                  {t('ui.model.now')}
                </th>
                <th scope="col" className="num">
                  {t('ui.model.saved')}
                </th>
              </tr>
            </thead>
            <tbody>
              {applied.rfm.named.map((row, s) => (
                <tr key={s}>
                  <th scope="row">
                    {typeof row.name === 'string' ? <Data>{row.name}</Data> : render(row.name)}
                  </th>
                  <td className="num">{format.count(row.size)}</td>
                  <td className="num">{format.count(row.savedSize)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {setAside.length === 0 ? (
        <p>{t('ui.model.noneSetAside')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('ui.model.setAside')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.model.reason')}</th>
                <th scope="col" className="num">
                  {t('ui.model.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {setAside.map((row) => (
                <tr key={row.reason}>
                  <th scope="row">{render(row.label)}</th>
                  <td className="num">{format.count(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t('ui.model.notes')}</h4>
      {applied.notes.length === 0 ? (
        <p>{t('ui.model.noNotes')}</p>
      ) : (
        <ul className="model-applied__notes" role="list">
          {applied.notes.map((note, i) => (
            <li key={i}>{render(note)}</li>
          ))}
        </ul>
      )}
      {drift.length > 0 && (
        <details>
          <summary>{t('ui.model.drift')}</summary>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('ui.model.drift')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ui.model.feature')}</th>
                  <th scope="col" className="num">
                    {t('ui.model.meanNow')}
                  </th>
                  <th scope="col" className="num">
                    {t('ui.model.meanSaved')}
                  </th>
                  <th scope="col" className="num">
                    {t('ui.model.shift')}
                  </th>
                  <th scope="col">{t('ui.model.drifted')}</th>
                </tr>
              </thead>
              <tbody>
                {drift.map((row) => (
                  <tr key={row.feature}>
                    <th scope="row">
                      <ColumnName name={row.feature} />
                    </th>
                    <td className="num">
                      {Number.isFinite(row.mean) ? format.fixed(row.mean, 2) : '–'}
                    </td>
                    <td className="num">{format.fixed(row.savedMean, 2)}</td>
                    <td className="num">
                      {/* Two decimals, and no "-0.00" for a shift that rounds to nothing. */}
                      {row.shift === null
                        ? '–'
                        : format.fixed(Math.abs(row.shift) < 0.005 ? 0 : row.shift, 2)}
                    </td>
                    <td>{row.drifted ? t('ui.model.driftYes') : t('ui.model.driftNo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      <p>
        <button type="button" onClick={() => void restore()}>
          {t('ui.model.restore')}
        </button>{' '}
        <span className="hint">{t('ui.model.restoreHint')}</span>
      </p>
      <div className="export">
        <button type="button" className="primary" onClick={() => void download(null)}>
          {applied.kind === 'rfm' ? t('ui.model.downloadScoredRfm') : t('ui.model.downloadScored')}
        </button>
        {applied.kind === 'rows' && (
          <span className="hint">
            {' '}
            {rich('ui.model.downloadScoredHint', {
              // The file's own column names, the same in every language.
              segment: <Data>segment</Data>,
              label: <Data>segment_label</Data>,
              reason: <Data>set_aside_reason</Data>,
            })}
          </span>
        )}
        {applied.read > applied.scored && (
          <p>
            <button type="button" onClick={() => void downloadSetAside()}>
              {t('ui.model.downloadSetAside')}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

function SqlForm({ model }: { model: ModelFile }) {
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
          <pre translate="no" tabIndex={0} aria-label={t('ui.model.preview')}>
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
