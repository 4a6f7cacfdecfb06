import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectRfmClusters } from '../store/basketsSlice';
import { selectRfmSegmentSummary, selectShownK } from '../store/selectors';
import type { BasketsScopeChoice } from '../store/types';
import { useStore } from '../store/useStore';
import { NumberField } from './NumberField';
import { useRender } from './useRender';
import { useSegmentNames } from './segmentNames';

const scopeValue = (scope: BasketsScopeChoice): string =>
  scope.kind === 'all'
    ? 'all'
    : scope.kind === 'rfm'
      ? `rfm:${scope.segment}`
      : `cluster:${scope.cluster}`;

function scopeOf(value: string): BasketsScopeChoice {
  const [kind, number] = value.split(':');
  if (kind === 'rfm') return { kind: 'rfm', segment: Number(number) };
  if (kind === 'cluster') return { kind: 'cluster', cluster: Number(number) };
  return { kind: 'all' };
}

/** Whose baskets, and the three parameters of the rules; the rules come when asked for. */
export function BasketsForm() {
  const { t } = useTranslation();
  const render = useRender();
  const names = useSegmentNames();
  const rfmView = useStore((s) => s.rfmView);
  const params = useStore((s) => s.basketsParams);
  const setParams = useStore((s) => s.setBasketsParams);
  const findRules = useStore((s) => s.findRules);
  const running = useStore((s) => s.basketsProgress !== null);
  const summary = useStore(selectRfmSegmentSummary);
  const clustersOn = useStore((s) => selectRfmClusters(s) !== null);
  const kView = useStore(selectShownK);
  if (!rfmView) return null;
  const segments = (summary ?? []).filter((row) => row.customers > 0);
  const clusters =
    clustersOn && kView ? kView.profiles.segments.filter((segment) => segment.id >= 0) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void findRules();
  };
  return (
    <form className="baskets-form" aria-label={t('ui.baskets.form.label')} onSubmit={submit}>
      <div className="controls">
        <label>
          {t('ui.baskets.form.scope')}
          <select
            value={scopeValue(params.scope)}
            onChange={(e) => setParams({ scope: scopeOf(e.target.value) })}
          >
            <option value="all">
              {t('ui.baskets.form.everyone', { count: rfmView.customers })}
            </option>
            <optgroup label={t('ui.baskets.form.segments')}>
              {segments.map((row) => (
                <option
                  key={row.segment}
                  value={`rfm:${row.segment}`}
                  translate={names.typed(row.segment) ? 'no' : undefined}
                >
                  {t('ui.baskets.form.segment', { name: row.name, count: row.customers })}
                </option>
              ))}
            </optgroup>
            {clusters.length > 0 && (
              <optgroup label={t('ui.baskets.form.clusters')}>
                {clusters.map((cluster) => (
                  <option key={cluster.id} value={`cluster:${cluster.id}`}>
                    {t('ui.baskets.form.cluster', { id: cluster.id, label: render(cluster.label) })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <NumberField
          label={t('ui.baskets.form.minSupport')}
          value={params.minSupport}
          min={0}
          integer={false}
          onCommit={(value) => setParams({ minSupport: value })}
          onClear={() => setParams({ minSupport: null })}
        />
        <NumberField
          label={t('ui.baskets.form.minConfidence')}
          value={params.minConfidence}
          min={0}
          integer={false}
          onCommit={(value) => setParams({ minConfidence: value })}
        />
        <NumberField
          label={t('ui.baskets.form.maxLen')}
          value={params.maxLen}
          min={2}
          integer
          onCommit={(value) => setParams({ maxLen: value })}
        />
      </div>
      <p className="hint">{t('ui.baskets.form.minSupportHint')}</p>
      <button type="submit" className="primary" disabled={running}>
        {t('ui.baskets.form.find')}
      </button>
    </form>
  );
}
