import { useState } from 'react';
import type { ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import type { DistanceMetric } from '../core/cluster/distance';
import { useStore } from '../store/useStore';
import { ALGORITHM_LABELS, DISTANCE_METRICS, METRIC_LABELS } from '../store/vocabulary';
import { ClusteringSummary } from './ClusteringSummary';
import { DbscanFields } from './DbscanFields';
import { HierarchyFields } from './HierarchyFields';

type NumberKey = 'kMax' | 'nInit' | 'silhouetteSample' | 'seed';
const FIELDS: {
  key: NumberKey;
  label: string;
  min: number;
  max: number;
  for: ClusteringAlgorithm[];
}[] = [
  {
    key: 'kMax',
    label: 'Largest number of segments tried',
    min: 2,
    max: 20,
    for: ['kmeans', 'hierarchical'],
  },
  { key: 'nInit', label: 'Restarts per k', min: 1, max: 50, for: ['kmeans'] },
  {
    key: 'silhouetteSample',
    label: 'Silhouette sample (rows)',
    min: 100,
    max: 10000,
    for: ['kmeans', 'dbscan', 'hierarchical'],
  },
  {
    key: 'seed',
    label: 'Random seed',
    min: 0,
    max: 2 ** 31 - 1,
    for: ['kmeans', 'dbscan', 'hierarchical'],
  },
];

/** The algorithm, its parameters and the other clustering settings, shown and changeable. */
export function ClusteringControls() {
  const options = useStore((s) => s.options);
  const transactions = useStore((s) => s.mode === 'transactions');
  const setSettings = useStore((s) => s.setClusteringChoice);
  const [open, setOpen] = useState(false);
  // Clusters on RFM are always k-means (see rfmAnalysisOptions).
  const algorithm = transactions ? 'kmeans' : options.algorithm;
  return (
    <div className="cluster-settings">
      {!transactions && (
        <div className="controls algorithm-controls">
          <label>
            Clustering algorithm
            <select
              value={algorithm}
              onChange={(e) => setSettings({ algorithm: e.target.value as ClusteringAlgorithm })}
            >
              {(Object.keys(ALGORITHM_LABELS) as ClusteringAlgorithm[]).map((a) => (
                <option key={a} value={a}>
                  {ALGORITHM_LABELS[a]}
                </option>
              ))}
            </select>
          </label>
          {algorithm === 'dbscan' && <DbscanFields />}
          {algorithm === 'hierarchical' && <HierarchyFields />}
          <label>
            {/* k-means itself is Euclidean; the distance then only measures the silhouette. */}
            {algorithm === 'kmeans' ? 'Silhouette distance' : 'Distance'}
            <select
              value={options.metric}
              onChange={(e) => setSettings({ metric: e.target.value as DistanceMetric })}
            >
              {DISTANCE_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p>
        <ClusteringSummary algorithm={algorithm} />{' '}
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
          {FIELDS.filter((field) => field.for.includes(algorithm)).map(
            ({ key, label, min, max }) => (
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
            ),
          )}
        </div>
      )}
    </div>
  );
}
