import { useState } from 'react';
import type { ClusterSettings as Settings } from '../store/types';
import { useStore } from '../store/useStore';

const FIELDS: { key: keyof Settings; label: string; min: number; max: number }[] = [
  { key: 'kMax', label: 'Largest number of segments tried', min: 2, max: 20 },
  { key: 'nInit', label: 'Restarts per k', min: 1, max: 50 },
  { key: 'silhouetteSample', label: 'Silhouette sample (rows)', min: 100, max: 10000 },
  { key: 'seed', label: 'Random seed', min: 0, max: 2 ** 31 - 1 },
];

/** The clustering settings in use, shown and changeable. */
export function ClusterSettings() {
  const options = useStore((s) => s.options);
  const setSettings = useStore((s) => s.setClusterSettings);
  const [open, setOpen] = useState(false);
  return (
    <div className="cluster-settings">
      <p>
        k-means for k = 1 to {options.kMax}, best of {options.nInit}{' '}
        {options.nInit === 1 ? 'start' : 'starts'} each, silhouette on up to{' '}
        {options.silhouetteSample.toLocaleString('en-US')} rows, seed {options.seed}.{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide settings' : 'Change settings'}
        </button>
      </p>
      {open && (
        <div className="controls">
          {FIELDS.map(({ key, label, min, max }) => (
            <label key={key}>
              {label}
              <input
                type="number"
                min={min}
                max={max}
                step={1}
                value={options[key]}
                onChange={(e) => {
                  const value = e.target.valueAsNumber;
                  if (Number.isInteger(value) && value >= min && value <= max)
                    setSettings({ [key]: value });
                }}
              />
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
