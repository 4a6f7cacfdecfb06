import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerValueView } from '../core/session/valueSession';
import { P_ALIVE_BINS } from '../store/vocabulary';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { useFormats } from './format';
import { BottomAxis, GridLines, SideAxis, ticksOf } from './plot/Axes';
import { SeriesLine } from './plot/Marks';
import type { Px } from './plot/paths';
import { PlotFrame } from './plot/PlotFrame';
import { bandAxis, linearAxis } from './plot/scale';
import { useRenderNode } from './richText';
import { TableScroll } from './TableScroll';

const ACTUAL = '#4e79a7';
const PREDICTED = '#e15759';
const VALUE_MARGIN = { top: 16, right: 16, bottom: 52, left: 56 };
/** The P(alive) bands labelled on the axis: every fourth (0 %, 20 %, ... 80 %). */
const LABELLED_BAND_EVERY = 4;

interface Bucket {
  frequency: number;
  actual: number;
  predicted: number;
}

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
    predicted: format.amount(calibration.total.predicted, 1),
  });
  const actual = t('ui.value.calibration.actual');
  const predicted = t('ui.value.calibration.predicted');
  return (
    <ChartFigure title={t('ui.value.calibration.title')} summary={summary}>
      {calibration.fit.reason !== null && (
        <p className="notice">
          {t('ui.value.calibration.notConverged')}
          {t('ui.common.sentenceGap')}
          {render(calibration.fit.reason)}
        </p>
      )}
      <PlotFrame height={260} margin={VALUE_MARGIN}>
        {(box) => {
          const x = bandAxis(data.length, box.left, box.right);
          const y = linearAxis(
            data.flatMap((d) => [d.actual, d.predicted]),
            box.bottom,
            box.top,
            { zero: true },
          );
          const series = [
            { name: actual, colour: ACTUAL, dash: undefined, of: (d: Bucket) => d.actual },
            { name: predicted, colour: PREDICTED, dash: '6 3', of: (d: Bucket) => d.predicted },
          ];
          return (
            <>
              <GridLines box={box} x={data.map((_, i) => x.centre(i))} y={y.ticks.map(y.at)} />
              <BottomAxis
                box={box}
                ticks={data.map((d, i) => ({ at: x.centre(i), label: String(d.frequency) }))}
                title={t('ui.value.calibration.frequency')}
              />
              <SideAxis box={box} ticks={ticksOf(y, (v, digits) => format.number(v, digits))} />
              {series.map((line) => {
                const points: Px[] = data.map((d, i) => [x.centre(i), y.at(line.of(d))]);
                return (
                  <g key={line.name}>
                    <SeriesLine points={points} colour={line.colour} dash={line.dash} />
                    {/* A few points: each its own circle, its value shown on hover. */}
                    {points.map(([cx, cy], i) =>
                      Number.isFinite(cx) && Number.isFinite(cy) ? (
                        <circle key={i} cx={cx} cy={cy} r={3} fill={line.colour}>
                          <title>{`${line.name}: ${format.number(line.of(data[i]), 2)}`}</title>
                        </circle>
                      ) : null,
                    )}
                  </g>
                );
              })}
            </>
          );
        }}
      </PlotFrame>
      <ChartLegend
        label={t('ui.chart.series')}
        items={[
          { label: actual, colour: ACTUAL, mark: 'line' },
          { label: predicted, colour: PREDICTED, mark: 'dashed' },
        ]}
      />
      <details className="chart__values">
        <summary>{t('ui.value.calibration.values')}</summary>
        <TableScroll
          className="data-table data-table--compact"
          caption={t('ui.value.calibration.valuesCaption')}
          captionHidden
        >
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
        </TableScroll>
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
      <PlotFrame height={260} margin={VALUE_MARGIN}>
        {(box) => {
          const x = bandAxis(data.length, box.left, box.right);
          // Customers are counted: whole numbers only on the axis.
          const y = linearAxis(
            data.map((d) => d.count),
            box.bottom,
            box.top,
            { zero: true },
          );
          const yTicks = ticksOf(y, (v) => format.count(v)).filter((_, i) =>
            Number.isInteger(y.ticks[i]),
          );
          const width = Math.max(1, x.band * 0.85);
          return (
            <>
              <GridLines box={box} y={yTicks.map((tick) => tick.at)} />
              <BottomAxis
                box={box}
                ticks={data.flatMap((d, i) =>
                  i % LABELLED_BAND_EVERY === 0 ? [{ at: x.centre(i), label: d.band }] : [],
                )}
                title={t('ui.value.histogram.bin')}
              />
              <SideAxis box={box} ticks={yTicks} />
              {/* Twenty bars: each its own rectangle, its count shown on hover. */}
              {data.map((d, i) => (
                <rect
                  key={d.from}
                  x={x.centre(i) - width / 2}
                  y={y.at(d.count)}
                  width={width}
                  height={Math.max(0, box.bottom - y.at(d.count))}
                  fill={ACTUAL}
                >
                  <title>
                    {`${t('ui.value.histogram.band', {
                      from: format.percent(d.from, 0),
                      to: format.percent(d.to, 0),
                    })}: ${format.count(d.count)}`}
                  </title>
                </rect>
              ))}
            </>
          );
        }}
      </PlotFrame>
      <details className="chart__values">
        <summary>{t('ui.value.histogram.values')}</summary>
        <TableScroll
          className="data-table data-table--compact"
          caption={t('ui.value.histogram.valuesCaption')}
          captionHidden
        >
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
        </TableScroll>
      </details>
    </ChartFigure>
  );
}
