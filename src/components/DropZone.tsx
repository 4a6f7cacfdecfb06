import { useId, useRef, useState, type DragEvent } from 'react';
import { useStore } from '../store/useStore';

/** Where a file comes in: dropped, chosen, or the sample. */
export function DropZone() {
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
        aria-label="Drop a CSV file here or choose one"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-zone__title">Drop a CSV file here or choose one</p>
        <label htmlFor={inputId} className="button">
          Choose a CSV file
        </label>
        <input
          id={inputId}
          ref={inputRef}
          className="visually-hidden"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          aria-label="Choose a CSV file"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void loadFile(file, file.name);
            // Choosing the same file again should load it again.
            if (inputRef.current) inputRef.current.value = '';
          }}
        />
        <p className="drop-zone__hint">
          One row per customer, with numbers such as spend or visits; or one row per order line
          (customer, date, amount) for RFM. Comma, semicolon, tab or pipe separated.
        </p>
      </div>
      <div className="load__samples">
        <button type="button" onClick={() => void loadSample()} disabled={busy}>
          Try sample customers
        </button>
        <button type="button" onClick={() => void loadSampleTransactions()} disabled={busy}>
          Try sample transactions
        </button>
      </div>
    </div>
  );
}
