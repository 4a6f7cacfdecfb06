import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** Where a file comes in: dropped, chosen, or the sample. */
export function DropZone() {
  const { t } = useTranslation();
  const loadFile = useStore((s) => s.loadFile);
  const loadSample = useStore((s) => s.loadSample);
  const loadSampleTransactions = useStore((s) => s.loadSampleTransactions);
  const busy = useStore((s) => s.phase === 'loading');
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void loadFile(file, file.name);
  };

  return (
    <div className="load">
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        role="region"
        aria-label={t('ui.drop.title')}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-zone__title">{t('ui.drop.title')}</p>
        <label htmlFor={inputId} className="button">
          {t('ui.drop.choose')}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          className="visually-hidden"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.xls,.parquet,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          aria-label={t('ui.drop.choose')}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void loadFile(file, file.name);
            // Choosing the same file again should load it again.
            if (inputRef.current) inputRef.current.value = '';
          }}
        />
        <p className="drop-zone__hint">{t('ui.drop.hint')}</p>
      </div>
      <div className="load__samples">
        <button type="button" onClick={() => void loadSample()} disabled={busy}>
          {t('ui.drop.sampleCustomers')}
        </button>
        <button type="button" onClick={() => void loadSampleTransactions()} disabled={busy}>
          {t('ui.drop.sampleTransactions')}
        </button>
      </div>
    </div>
  );
}
