import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CustomerValueView } from '../core/session/valueSession';
import { P_ALIVE_BINS } from '../store/vocabulary';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { useRenderNode } from './richText';

const ACTUAL = '#4e79a7';
const PREDICTED = '#e15759';

/** Expected against actual repeat purchases in the holdout, by repeat purchases before it. */
export function ValueCalibrationChart({ view }: { view: CustomerValueView }) {
  const { t } = useTranslation();
  const format = useFormats();
  const render = useRenderNode();
  const calibration = view.calibration;
  const data = useMemo(
    () =>
      calibration?.buckets.map((bucket) => ({
        frequency: bucket.frequency,
        actual: bucket.actual,
        predicted: bucket.predicted,
      })) ?? [],
    [calibration],
  );
  if (calibration === null) {
    return view.calibrationProblem ? (
      <p className="notice">{render(view.calibrationProblem)}</p>
    ) : null;
  }
  const days = Math.round((calibration.observationEnd - calibration.holdoutStart) / 86_400_000);
  const summary = t('ui.value.calibration.summary', {
    start: format.date(calibration.holdoutStart),
    days,
    customers: calibration.total.customers,
    actual: format.count(calibration.total.actual),
    predicted: format.number(calibration.total.predicted, 1),
  });
  const actual = t('ui.value.calibration.actual');
  const predicted = t('ui.value.calibration.predicted');
  return (
    <ChartFigure title={t('ui.value.calibration.title')} summary={summary}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="frequency"
            label={{ value: t('ui.value.calibration.frequency'), position: 'bottom', offset: 4 }}
          />
          <YAxis width={48} tickFormatter={(v: number) => format.number(v, 1)} />
          <Tooltip formatter={(v) => format.number(Number(v), 2)} />
          <Line
            dataKey="actual"
            name={actual}
            stroke={ACTUAL}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            dataKey="predicted"
            name={predicted}
            stroke={PREDICTED}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          { label: actual, colour: ACTUAL, mark: 'line' },
          { label: predicted, colour: PREDICTED, mark: 'dashed' },
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.value.calibration.values')}</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('ui.value.calibration.valuesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.value.calibration.frequency')}</th>
              <th scope="col" className="num">
                {t('ui.value.calibration.bucketCustomers')}
              </th>
              <th scope="col" className="num">
                {actual}
              </th>
              <th scope="col" className="num">
                {predicted}
              </th>
            </tr>
          </thead>
          <tbody>
            {calibration.buckets.map((bucket) => (
              <tr key={bucket.frequency}>
                <th scope="row">{bucket.frequency}</th>
                <td className="num">{format.count(bucket.customers)}</td>
                <td className="num">{format.fixed(bucket.actual, 2)}</td>
                <td className="num">{format.fixed(bucket.predicted, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </ChartFigure>
  );
}

/** Customers per band of P(alive), a twentieth wide. */
export function ValuePAliveHistogram({ view }: { view: CustomerValueView }) {
  const { t } = useTranslation();
  const format = useFormats();
  const { counts, oneTimeBuyers } = view.pAliveHistogram;
  const data = useMemo(
    () =>
      counts.map((count, bin) => ({
        band: format.percent(bin / P_ALIVE_BINS, 0),
        from: bin / P_ALIVE_BINS,
        to: (bin + 1) / P_ALIVE_BINS,
        count,
      })),
    [counts, format],
  );
  const alive = counts.slice(P_ALIVE_BINS / 2).reduce((a, b) => a + b, 0);
  const summary = t('ui.value.histogram.summary', {
    alive,
    customers: format.count(view.totals.customers),
    oneTime: oneTimeBuyers,
  });
  const label = t('ui.value.histogram.count');
  return (
    <ChartFigure title={t('ui.value.histogram.title')} summary={summary}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="band"
            interval={3}
            label={{ value: t('ui.value.histogram.bin'), position: 'bottom', offset: 4 }}
          />
          <YAxis width={48} allowDecimals={false} />
          <Tooltip formatter={(v) => format.count(Number(v))} />
          <Bar dataKey="count" name={label} fill={ACTUAL} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <details className="chart__values">
        <summary>{t('ui.value.histogram.values')}</summary>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('ui.value.histogram.valuesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.value.histogram.bin')}</th>
              <th scope="col" className="num">
                {label}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.from}>
                <th scope="row">
                  {t('ui.value.histogram.band', {
                    from: format.percent(row.from, 0),
                    to: format.percent(row.to, 0),
                  })}
                </th>
                <td className="num">{format.count(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </ChartFigure>
  );
}
