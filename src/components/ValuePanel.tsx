import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerValueView } from '../core/session/valueSession';
import { selectNamedSegmentMap, selectShownK } from '../store/selectors';
import type { ValueParameters } from '../store/types';
import { useStore } from '../store/useStore';
import { selectValueView } from '../store/valueSlice';
import { useFormats } from './format';
import { NumberField } from './NumberField';
import { useRenderNode } from './richText';
import { ValueAtRisk } from './ValueAtRisk';
import { ValueCalibrationChart, ValuePAliveHistogram } from './ValueCharts';
import { ValueGroupsTable } from './ValueGroupsTable';
import { TableScroll } from './TableScroll';

const DAY_MS = 86_400_000;

/** The Customer value section: the models' settings, their fits, value by group, charts, risk. */
export function ValuePanel() {
  const { t } = useTranslation();
  const rfmView = useStore((s) => s.rfmView);
  const view = useStore(selectValueView);
  const parameters = useStore((s) => s.valueParameters);
  const running = useStore((s) => s.valueProgress !== null);
  const estimate = useStore((s) => s.estimateValue);
  const download = useStore((s) => s.downloadValue);
  const loadGroups = useStore((s) => s.loadValueGroups);
  // The groups follow the segment map as edited and the clustering on show.
  const map = useStore(selectNamedSegmentMap);
  const shownK = useStore(selectShownK);
  useEffect(() => {
    if (view !== null) void loadGroups();
  }, [view, map, shownK, loadGroups]);
  if (!rfmView) return null;
  const stale = view !== null && !sameParameters(view.request, parameters);
  return (
    <div className="value">
      <p className="hint">{t('ui.value.intro')}</p>
      <ValueSettings />
      <div className="controls">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => void estimate()}
        >
          {t('ui.value.estimate')}
        </button>
      </div>
      <p role="status" className="hint">
        {view && t('ui.value.done', { count: view.totals.customers })}
      </p>
      {stale && <p className="notice">{t('ui.value.stale')}</p>}
      {view && (
        <>
          <ValueModels view={view} />
          <ValueGroupsTable kind="rfm" />
          <ValueGroupsTable kind="cluster" />
          <div className="charts">
            <ValueCalibrationChart view={view} />
            <ValuePAliveHistogram view={view} />
          </div>
          <ValueAtRisk view={view} />
          <div className="export">
            <button type="button" className="primary" onClick={() => void download()}>
              {t('ui.value.download')}
            </button>{' '}
            <span className="hint">{t('ui.value.downloadHint')}</span>
          </div>
        </>
      )}
    </div>
  );
}

function sameParameters(a: ValueParameters, b: ValueParameters): boolean {
  return (
    a.unit === b.unit &&
    a.horizonDays === b.horizonDays &&
    a.horizonMonths === b.horizonMonths &&
    a.monthlyDiscount === b.monthlyDiscount &&
    a.holdout === b.holdout
  );
}

/** A day (ms on a UTC clock) as an <input type="date"> value. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function ValueSettings() {
  const { t } = useTranslation();
  const parameters = useStore((s) => s.valueParameters);
  const set = useStore((s) => s.setValueParameters);
  const rfmView = useStore((s) => s.rfmView);
  const { holdout } = parameters;
  return (
    <fieldset className="controls controls--grid value__settings">
      <legend>{t('ui.value.settings')}</legend>
      <label>
        {t('ui.value.unit')}
        <select
          value={parameters.unit}
          onChange={(e) => set({ unit: e.target.value === 'weeks' ? 'weeks' : 'days' })}
        >
          <option value="days">{t('ui.value.unitDays')}</option>
          <option value="weeks">{t('ui.value.unitWeeks')}</option>
        </select>
      </label>
      <NumberField
        label={t('ui.value.horizonDays')}
        value={parameters.horizonDays}
        min={1}
        integer
        onCommit={(horizonDays) => set({ horizonDays })}
      />
      <NumberField
        label={t('ui.value.horizonMonths')}
        value={parameters.horizonMonths}
        min={1}
        integer
        onCommit={(horizonMonths) => set({ horizonMonths })}
      />
      <NumberField
        label={t('ui.value.discount')}
        value={Number((parameters.monthlyDiscount * 100).toFixed(6))}
        min={0}
        integer={false}
        onCommit={(percent) => set({ monthlyDiscount: percent / 100 })}
      />
      <label>
        {t('ui.value.holdout')}
        <input
          type="date"
          value={typeof holdout === 'number' ? isoDay(holdout) : ''}
          min={rfmView ? isoDay(rfmView.firstOrder + DAY_MS) : undefined}
          max={rfmView ? isoDay(rfmView.lastOrder) : undefined}
          aria-describedby="value-holdout-hint"
          onChange={(e) => {
            const day = e.target.value;
            const time = day === '' ? NaN : Date.parse(`${day}T00:00:00Z`);
            set({ holdout: Number.isFinite(time) ? time : 'default' });
          }}
        />
      </label>
      <p id="value-holdout-hint" className="hint span-all">
        {t('ui.value.holdoutHint')}
      </p>
    </fieldset>
  );
}

/** The fitted parameters, with the log-likelihood, and what the fits say. */
function ValueModels({ view }: { view: CustomerValueView }) {
  const { t } = useTranslation();
  const format = useFormats();
  const render = useRenderNode();
  const { bgnbd, gammaGamma, totals, request } = view;
  const parameter = (name: string, value: number) => `${name} = ${format.number(value, 4)}`;
  const notes = [
    bgnbd.reason,
    gammaGamma?.reason ?? null,
    view.spendProblem,
    view.correlation.warning,
  ].filter((note) => note !== null);
  return (
    <div className="value__models">
      <h3>{t('ui.value.models')}</h3>
      <ul className="value__totals">
        <li>
          {t('ui.value.customers', {
            customers: totals.customers,
            repeat: totals.repeatCustomers,
          })}
        </li>
        <li>
          {t('ui.value.expectedTotal', {
            days: request.horizonDays,
            value: format.amount(totals.expectedPurchases, 1),
          })}
        </li>
        {totals.clv !== null && (
          <li>
            {t('ui.value.clvTotal', {
              months: request.horizonMonths,
              discount: format.percent(request.monthlyDiscount, 1),
              value: format.amount(totals.clv, 2),
            })}
          </li>
        )}
      </ul>
      <TableScroll className="data-table data-table--compact" caption={t('ui.value.modelsCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('ui.value.model')}</th>
            <th scope="col">{t('ui.value.parameters')}</th>
            <th scope="col" className="num">
              {t('ui.value.logLikelihood')}
            </th>
            <th scope="col">{t('ui.value.converged')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('ui.value.bgnbd')}</th>
            <td className="value__parameters">
              {[
                parameter('r', bgnbd.r),
                parameter('α', bgnbd.alpha),
                parameter('a', bgnbd.a),
                parameter('b', bgnbd.b),
              ].join(t('ui.common.comma'))}
            </td>
            <td className="num">{format.fixed(bgnbd.logLikelihood, 2)}</td>
            <td>{bgnbd.converged ? t('ui.value.yes') : t('ui.value.no')}</td>
          </tr>
          <tr>
            <th scope="row">{t('ui.value.gammaGamma')}</th>
            {gammaGamma ? (
              <>
                <td className="value__parameters">
                  {[
                    parameter('p', gammaGamma.p),
                    parameter('q', gammaGamma.q),
                    parameter('v', gammaGamma.v),
                  ].join(t('ui.common.comma'))}
                </td>
                <td className="num">{format.fixed(gammaGamma.logLikelihood, 2)}</td>
                <td>{gammaGamma.converged ? t('ui.value.yes') : t('ui.value.no')}</td>
              </>
            ) : (
              <td colSpan={3}>{t('ui.value.noSpendModel')}</td>
            )}
          </tr>
        </tbody>
      </TableScroll>
      {view.correlation.value !== null && (
        <p className="hint">
          {t('ui.value.correlation', { value: format.fixed(view.correlation.value, 2) })}
        </p>
      )}
      {notes.map((note, i) => (
        <p key={i} className="notice">
          {render(note)}
        </p>
      ))}
    </div>
  );
}
