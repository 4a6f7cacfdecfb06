import { useState } from 'react';
import { LINKAGES, type Linkage } from '../core/cluster/hierarchy/agglomerative';
import { ALGORITHM_LABELS, type ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import { DBSCAN_MAX_ROWS } from '../core/cluster/density/densityClustering';
import { DISTANCE_METRICS, METRIC_LABELS, type DistanceMetric } from '../core/cluster/distance';
import { HIERARCHY_MAX_ROWS } from '../core/cluster/hierarchy/hierarchicalClustering';
import type { ClusterSettings as Settings } from '../store/types';
import { useStore } from '../store/useStore';
import { formatCount } from './format';

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

const LINKAGE_LABELS: Record<Linkage, string> = {
  ward: 'Ward (Euclidean only)',
  complete: 'Complete',
  average: 'Average',
  single: 'Single',
};

/** The algorithm, its parameters and the other clustering settings, shown and changeable. */
export function ClusterSettings() {
  const options = useStore((s) => s.options);
  const transactions = useStore((s) => s.mode === 'transactions');
  const setSettings = useStore((s) => s.setClusterSettings);
  const [open, setOpen] = useState(false);
  // Clusters on RFM are always k-means (see rfmAnalysisOptions).
  const algorithm = transactions ? 'kmeans' : options.algorithm;
  const chooseAlgorithm = (next: ClusteringAlgorithm) => {
    const patch: Partial<Settings> = { algorithm: next };
    // k-means is Euclidean; Ward too.
    if (next === 'kmeans' || (next === 'hierarchical' && options.linkage === 'ward'))
      patch.metric = 'euclidean';
    setSettings(patch);
  };
  return (
    <div className="cluster-settings">
      {!transactions && (
        <div className="controls algorithm-controls">
          <label>
            Clustering algorithm
            <select
              value={algorithm}
              onChange={(e) => chooseAlgorithm(e.target.value as ClusteringAlgorithm)}
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
                <option
                  key={m}
                  value={m}
                  disabled={
                    algorithm === 'hierarchical' && options.linkage === 'ward' && m !== 'euclidean'
                  }
                >
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p>
        <SettingsSummary algorithm={algorithm} />{' '}
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

function SettingsSummary({ algorithm }: { algorithm: ClusteringAlgorithm }) {
  const options = useStore((s) => s.options);
  const view = useStore((s) => s.view);
  const rows = useStore((s) => s.dataset?.rowCount ?? 0);
  const silhouette = `silhouette on up to ${options.silhouetteSample.toLocaleString('en-US')} rows`;
  // Clusters on RFM are Euclidean whatever was chosen for customer files (rfmAnalysisOptions).
  const transactions = useStore((s) => s.mode === 'transactions');
  const distance = METRIC_LABELS[transactions ? 'euclidean' : options.metric];
  if (algorithm === 'dbscan') {
    const eps =
      options.eps === null
        ? `the suggested eps${view?.density ? ` (${view.density.suggestedEps})` : ''}`
        : `eps ${options.eps}`;
    return (
      <>
        DBSCAN with {eps}, {options.minPts} minimum points, {distance} distance, {silhouette}.
        DBSCAN takes up to {formatCount(DBSCAN_MAX_ROWS)} rows in reasonable time
        {rows > DBSCAN_MAX_ROWS
          ? `; this file has more, so it runs on a seeded sample and the other rows join the segment of a core row within eps (or noise).`
          : '.'}
      </>
    );
  }
  if (algorithm === 'hierarchical') {
    return (
      <>
        Hierarchical clustering, {options.linkage} linkage, {distance} distance,{' '}
        {options.cutHeight === null
          ? `cut into k = 1 to ${options.kMax} segments`
          : `tree cut at height ${options.cutHeight}`}
        , {silhouette}. The tree needs every pairwise distance, so it is built on at most{' '}
        {formatCount(HIERARCHY_MAX_ROWS)} rows
        {rows > HIERARCHY_MAX_ROWS
          ? ': a seeded sample of this file, the other rows joining the segment with the nearest centre.'
          : '.'}
      </>
    );
  }
  return (
    <>
      k-means for k = 1 to {options.kMax}, best of {options.nInit}{' '}
      {options.nInit === 1 ? 'start' : 'starts'} each, {silhouette}
      {distance === METRIC_LABELS.euclidean ? '' : ` with ${distance} distance`}, seed{' '}
      {options.seed}.
    </>
  );
}

function DbscanFields() {
  const options = useStore((s) => s.options);
  const suggested = useStore((s) => s.view?.density?.suggestedEps ?? null);
  const setSettings = useStore((s) => s.setClusterSettings);
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.eps === null}
          onChange={(e) => setSettings({ eps: e.target.checked ? null : (suggested ?? 0.5) })}
        />
        Use the suggested eps
      </label>
      <NumberField
        label="Neighbourhood radius (eps)"
        value={options.eps ?? suggested}
        disabled={options.eps === null}
        min={0}
        integer={false}
        onCommit={(eps) => setSettings({ eps })}
      />
      <NumberField
        label="Minimum points"
        value={options.minPts}
        min={1}
        integer
        onCommit={(minPts) => setSettings({ minPts })}
      />
    </>
  );
}

function HierarchyFields() {
  const options = useStore((s) => s.options);
  const setSettings = useStore((s) => s.setClusterSettings);
  const cutHeights = useStore((s) => s.view?.hierarchy?.cutHeights ?? null);
  const selectedK = useStore((s) => s.selectedK);
  const byHeight = options.cutHeight !== null;
  const heightNow = selectedK !== null ? (cutHeights?.[selectedK - 1] ?? null) : null;
  return (
    <>
      <label>
        Linkage
        <select
          value={options.linkage}
          onChange={(e) => {
            const linkage = e.target.value as Linkage;
            setSettings(linkage === 'ward' ? { linkage, metric: 'euclidean' } : { linkage });
          }}
        >
          {LINKAGES.map((l) => (
            <option key={l} value={l}>
              {LINKAGE_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={byHeight}
          onChange={(e) =>
            setSettings({
              cutHeight: e.target.checked ? Number((heightNow ?? 1).toPrecision(3)) : null,
            })
          }
        />
        Cut the tree at a height
      </label>
      {byHeight && (
        <NumberField
          label="Cut height"
          value={options.cutHeight}
          min={0}
          integer={false}
          onCommit={(cutHeight) => setSettings({ cutHeight })}
        />
      )}
    </>
  );
}

/**
 * A number input that keeps what the user types (a half-typed "0." is not a number yet) and
 * hands on only valid values.
 */
function NumberField({
  label,
  value,
  min,
  integer,
  disabled = false,
  onCommit,
}: {
  label: string;
  value: number | null;
  min: number;
  integer: boolean;
  disabled?: boolean;
  onCommit: (value: number) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value === null ? '' : String(value));
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        step={integer ? 1 : 'any'}
        value={shown}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          const number = e.target.valueAsNumber;
          if (
            Number.isFinite(number) &&
            number > min - (integer ? 1 : 0) &&
            (!integer || Number.isInteger(number))
          )
            onCommit(number);
        }}
        onBlur={() => setText(null)}
      />
    </label>
  );
}
