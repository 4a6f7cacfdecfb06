import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import type { DistanceMetric } from '../core/cluster/distance';
import { useStore } from '../store/useStore';
import { DISTANCE_METRICS, HIERARCHY_FEWEST_ROWS, HIERARCHY_MOST_ROWS } from '../store/vocabulary';
import { ClusteringSummary, ClusteringWarnings } from './ClusteringSummary';
import { ALGORITHM_NAMES } from './clusteringNames';
import { DbscanFields } from './DbscanFields';
import { HierarchyFields } from './HierarchyFields';
import { NumberField } from './NumberField';
import type { UiKey } from './richText';

const METRIC_OPTIONS = {
  euclidean: 'ui.clustering.metricOption.euclidean',
  manhattan: 'ui.clustering.metricOption.manhattan',
  chebyshev: 'ui.clustering.metricOption.chebyshev',
  cosine: 'ui.clustering.metricOption.cosine',
} as const satisfies Record<DistanceMetric, UiKey>;

type NumberKey = 'kMax' | 'nInit' | 'silhouetteSample' | 'seed' | 'treeMaxRows';
const FIELDS: {
  key: NumberKey;
  label: UiKey;
  min: number;
  max: number;
  for: ClusteringAlgorithm[];
}[] = [
  {
    key: 'kMax',
    label: 'ui.clustering.kMax',
    min: 2,
    max: 20,
    for: ['kmeans', 'hierarchical'],
  },
  { key: 'nInit', label: 'ui.clustering.nInit', min: 1, max: 50, for: ['kmeans'] },
  {
    key: 'silhouetteSample',
    label: 'ui.clustering.silhouetteSample',
    min: 100,
    max: 10000,
    for: ['kmeans', 'dbscan', 'hierarchical'],
  },
  {
    key: 'treeMaxRows',
    label: 'ui.clustering.treeMaxRows',
    min: HIERARCHY_FEWEST_ROWS,
    max: HIERARCHY_MOST_ROWS,
    for: ['hierarchical'],
  },
  {
    key: 'seed',
    label: 'ui.clustering.seed',
    min: 0,
    max: 2 ** 31 - 1,
    for: ['kmeans', 'dbscan', 'hierarchical'],
  },
];

/** The algorithm, its parameters and the other clustering settings, shown and changeable. */
export function ClusteringControls() {
  const { t } = useTranslation();
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
            {t('ui.clustering.algorithm')}
            <select
              value={algorithm}
              onChange={(e) => setSettings({ algorithm: e.target.value as ClusteringAlgorithm })}
            >
              {(Object.keys(ALGORITHM_NAMES) as ClusteringAlgorithm[]).map((a) => (
                <option key={a} value={a}>
                  {t(ALGORITHM_NAMES[a])}
                </option>
              ))}
            </select>
          </label>
          {algorithm === 'dbscan' && <DbscanFields />}
          {algorithm === 'hierarchical' && <HierarchyFields />}
          <label>
            {/* k-means itself is Euclidean; the distance then only measures the silhouette. */}
            {algorithm === 'kmeans'
              ? t('ui.clustering.silhouetteDistance')
              : t('ui.clustering.distance')}
            <select
              value={options.metric}
              onChange={(e) => setSettings({ metric: e.target.value as DistanceMetric })}
            >
              {DISTANCE_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(METRIC_OPTIONS[m])}
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
          {open ? t('ui.clustering.hideSettings') : t('ui.clustering.showSettings')}
        </button>
      </p>
      <ClusteringWarnings />
      {open && (
        <div className="controls">
          {FIELDS.filter((field) => field.for.includes(algorithm)).map(
            ({ key, label, min, max }) => (
              // Keeps what is typed, so that "2" on the way to "2000" is not put back to the old value.
              <NumberField
                key={key}
                label={t(label)}
                value={options[key]}
                min={min}
                max={max}
                integer
                onCommit={(value) => setSettings({ [key]: value })}
              />
            ),
          )}
        </div>
      )}
    </div>
  );
}
