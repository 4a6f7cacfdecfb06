import type { MissingStrategy, OutlierAction, OutlierMethod } from '../core/clean/cleanOptions';
import type { ScaleMethod } from '../core/features/scale';
import { useStore } from '../store/useStore';
import { formatCount } from './format';

const MISSING: Record<MissingStrategy, string> = {
  drop: 'Set the row aside',
  mean: 'Fill with the mean',
  median: 'Fill with the median',
  mode: 'Fill with the most frequent value',
  constant: 'Fill with a constant',
};

const SCALING: Record<ScaleMethod, string> = {
  zscore: 'Standardise (z-score)',
  minmax: 'Min-max to 0–1',
  robust: 'Robust (median and IQR)',
};

/** The cleaning and scaling choices of the core, each one re-running the analysis. */
export function CleaningPanel() {
  const options = useStore((s) => s.options);
  const dataset = useStore((s) => s.dataset);
  const setCleaning = useStore((s) => s.setCleaning);
  const setScale = useStore((s) => s.setScale);
  const setLog1p = useStore((s) => s.setLog1p);
  if (!dataset) return null;
  const clean = options.clean;
  const numericFeatures = options.features ?? [];
  return (
    <form className="controls controls--grid" onSubmit={(e) => e.preventDefault()}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={clean.duplicates === 'drop'}
          onChange={(e) => setCleaning({ duplicates: e.target.checked ? 'drop' : 'keep' })}
        />
        Remove exact duplicate rows
      </label>
      <label>
        Missing values
        <select
          value={clean.missing}
          onChange={(e) => setCleaning({ missing: e.target.value as MissingStrategy })}
        >
          {Object.entries(MISSING).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {clean.missing === 'constant' && (
        <label>
          Constant for missing values
          <input
            type="number"
            value={clean.missingConstant}
            onChange={(e) => {
              const value = e.target.valueAsNumber;
              if (Number.isFinite(value)) setCleaning({ missingConstant: value });
            }}
          />
        </label>
      )}
      <label>
        Outliers
        <select
          value={clean.outliers}
          onChange={(e) => setCleaning({ outliers: e.target.value as OutlierMethod })}
        >
          <option value="none">Keep them</option>
          <option value="zscore">Beyond a z-score</option>
          <option value="iqr">Beyond 1.5 × IQR from the quartiles</option>
        </select>
      </label>
      {clean.outliers !== 'none' && (
        <label>
          Outlier action
          <select
            value={clean.outlierAction}
            onChange={(e) => setCleaning({ outlierAction: e.target.value as OutlierAction })}
          >
            <option value="clip">Clip to the limit</option>
            <option value="drop">Set the row aside</option>
          </select>
        </label>
      )}
      {clean.outliers === 'zscore' && (
        <label>
          Outlier z-score limit
          <input
            type="number"
            min={0.5}
            step={0.5}
            value={clean.zThreshold}
            onChange={(e) => {
              const value = e.target.valueAsNumber;
              if (Number.isFinite(value) && value > 0) setCleaning({ zThreshold: value });
            }}
          />
        </label>
      )}
      <label>
        Scaling
        <select value={options.scale} onChange={(e) => setScale(e.target.value as ScaleMethod)}>
          {Object.entries(SCALING).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {dataset.shortRows > 0 && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={clean.padShortRows}
            onChange={(e) => setCleaning({ padShortRows: e.target.checked })}
          />
          {dataset.shortRows === 1
            ? 'Keep the row with too few fields (its empty cells count as missing)'
            : `Keep the ${formatCount(dataset.shortRows)} rows with too few fields (their empty cells count as missing)`}
        </label>
      )}
      {numericFeatures.length > 0 && (
        <fieldset className="span-all">
          <legend>Log transform, log(1 + x), for skewed columns</legend>
          {numericFeatures.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                checked={clean.log1p.includes(name)}
                onChange={(e) => setLog1p(name, e.target.checked)}
              />
              {name}
            </label>
          ))}
        </fieldset>
      )}
    </form>
  );
}
