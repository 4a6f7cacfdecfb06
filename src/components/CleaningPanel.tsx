import { useTranslation } from 'react-i18next';
import type { MissingStrategy, OutlierAction, OutlierMethod } from '../core/clean/cleanOptions';
import type { ScaleMethod } from '../core/features/scale';
import { useStore } from '../store/useStore';
import { ColumnName } from './ColumnName';
import { MISSING } from './missingChoices';
import { MissingCodes } from './MissingCodes';
import { NumberField } from './NumberField';
import { type UiKey } from './richText';

const OUTLIERS = {
  none: 'ui.cleaning.outlierChoice.none',
  zscore: 'ui.cleaning.outlierChoice.zscore',
  iqr: 'ui.cleaning.outlierChoice.iqr',
} as const satisfies Record<OutlierMethod, UiKey>;

const ACTIONS = {
  clip: 'ui.cleaning.actionChoice.clip',
  drop: 'ui.cleaning.actionChoice.drop',
} as const satisfies Record<OutlierAction, UiKey>;

const SCALING = {
  zscore: 'ui.cleaning.scaleChoice.zscore',
  minmax: 'ui.cleaning.scaleChoice.minmax',
  robust: 'ui.cleaning.scaleChoice.robust',
} as const satisfies Record<ScaleMethod, UiKey>;

/** The choices of a select, in the order of its keys object. */
function choices<T extends string>(keys: Record<T, UiKey>): [T, UiKey][] {
  return Object.entries(keys) as [T, UiKey][];
}

/** The cleaning and scaling choices of the core, each one re-running the analysis. */
export function CleaningPanel() {
  const { t } = useTranslation();
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
        {t('ui.cleaning.duplicates')}
      </label>
      <label>
        {t('ui.cleaning.missing')}
        <select
          value={clean.missing}
          onChange={(e) => setCleaning({ missing: e.target.value as MissingStrategy })}
        >
          {choices(MISSING).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      {/* The constant of every column filled with one, by default or by its own choice. */}
      {(clean.missing === 'constant' ||
        clean.missingByColumn.some((rule) => rule.strategy === 'constant')) && (
        // Any number, a negative one too: what is typed is kept while it is not one yet ("-").
        <NumberField
          label={t('ui.cleaning.missingConstant')}
          value={clean.missingConstant}
          integer={false}
          onCommit={(value) => setCleaning({ missingConstant: value })}
        />
      )}
      <label>
        {t('ui.cleaning.outliers')}
        <select
          value={clean.outliers}
          onChange={(e) => setCleaning({ outliers: e.target.value as OutlierMethod })}
        >
          {choices(OUTLIERS).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      {clean.outliers !== 'none' && (
        <label>
          {t('ui.cleaning.outlierAction')}
          <select
            value={clean.outlierAction}
            onChange={(e) => setCleaning({ outlierAction: e.target.value as OutlierAction })}
          >
            {choices(ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
      )}
      {clean.outliers === 'zscore' && (
        <NumberField
          label={t('ui.cleaning.zThreshold')}
          value={clean.zThreshold}
          min={0}
          integer={false}
          onCommit={(zThreshold) => setCleaning({ zThreshold })}
        />
      )}
      <label>
        {t('ui.cleaning.scaling')}
        <select value={options.scale} onChange={(e) => setScale(e.target.value as ScaleMethod)}>
          {choices(SCALING).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
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
          {t('ui.cleaning.padShortRows', { count: dataset.shortRows })}
        </label>
      )}
      <MissingCodes />
      {numericFeatures.length > 0 && (
        <fieldset className="span-all">
          <legend>{t('ui.cleaning.log1p')}</legend>
          {numericFeatures.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                checked={clean.log1p.includes(name)}
                onChange={(e) => setLog1p(name, e.target.checked)}
              />
              <ColumnName name={name} />
            </label>
          ))}
        </fieldset>
      )}
    </form>
  );
}
