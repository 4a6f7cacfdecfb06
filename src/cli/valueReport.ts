import type { LineReport } from '../core/rfm/orderLines';
import { linesJson, linesLeftOut } from './orderLinesReport';
import type { Message } from '../core/common/message';
import { formatDateTime } from '../core/read/parseDate';
import type {
  BgNbdView,
  CustomerValueView,
  ValueByGroupView,
  ValueGroupRow,
} from '../core/session/valueSession';
import { textTable, type Voice } from './voice';

/** What segmentlens value computed, for its report. */
export interface ValueReport {
  /** The order lines read, used and left out. */
  lines: LineReport;
  view: CustomerValueView;
  bySegment: ValueByGroupView;
  byCluster: ValueByGroupView | null;
}

/** Customers at risk listed in the text report (the JSON lists the view's 50, --out all). */
const AT_RISK_IN_TEXT = 10;

/** The result as the issue specifies it: English keys, texts in the voice's language. */
export function valueJson(report: ValueReport, voice: Voice) {
  const { view, bySegment, byCluster } = report;
  const say = (m: Message | null) => (m === null ? null : voice.say(m));
  const { request, calibration } = view;
  const groupJson = (group: ValueGroupRow) => ({
    customers: group.customers,
    meanPAlive: group.meanPAlive,
    meanExpectedPurchases: group.meanExpectedPurchases,
    meanClv: group.meanClv,
    shareOfValue: group.shareOfValue,
  });
  return {
    rows: linesJson(report.lines),
    customers: view.totals.customers,
    repeatCustomers: view.totals.repeatCustomers,
    unit: request.unit,
    observationEnd: formatDateTime(view.observationEnd),
    horizonDays: request.horizonDays,
    horizonMonths: request.horizonMonths,
    discount: request.monthlyDiscount,
    bgnbd: bgNbdJson(view.bgnbd, say),
    gammaGamma:
      view.gammaGamma === null
        ? null
        : {
            p: view.gammaGamma.p,
            q: view.gammaGamma.q,
            v: view.gammaGamma.v,
            logLikelihood: view.gammaGamma.logLikelihood,
            converged: view.gammaGamma.converged,
            note: say(view.gammaGamma.reason),
          },
    spendNote: say(view.spendProblem),
    correlation: {
      frequencyMonetary: view.correlation.value,
      warning: say(view.correlation.warning),
    },
    totals: { expectedPurchases: view.totals.expectedPurchases, clv: view.totals.clv },
    bySegment: {
      segmentMap: bySegment.scheme,
      segments: bySegment.groups.map((group) => ({ name: group.name, ...groupJson(group) })),
    },
    ...(byCluster === null
      ? {}
      : {
          byCluster: {
            k: byCluster.k,
            clusters: byCluster.groups.map((group) => ({
              id: group.group,
              label: say(group.label),
              ...groupJson(group),
            })),
          },
        }),
    ...(request.holdout === 'none'
      ? {}
      : {
          holdout:
            calibration === null
              ? { predicted: null, actual: null, note: say(view.calibrationProblem) }
              : {
                  predicted: calibration.total.predicted,
                  actual: calibration.total.actual,
                  customers: calibration.total.customers,
                  from: formatDateTime(calibration.holdoutStart),
                  to: formatDateTime(calibration.observationEnd),
                  duration: calibration.duration,
                  bgnbd: bgNbdJson(calibration.fit, say),
                  byFrequency: calibration.buckets,
                },
        }),
    atRisk: {
      customers: view.atRisk.total,
      valueThreshold: view.atRisk.valueThreshold,
      maxPAlive: view.atRisk.maxPAlive,
      top: view.atRisk.customers,
    },
  };
}

function bgNbdJson(fit: BgNbdView, say: (m: Message | null) => string | null) {
  const { r, alpha, a, b, logLikelihood, converged } = fit;
  return { r, alpha, a, b, logLikelihood, converged, note: say(fit.reason) };
}

/** The readable report: the fits, the totals, value per segment and cluster, the holdout check. */
export function valueText(
  path: string,
  report: ValueReport,
  out: string | undefined,
  voice: Voice,
): string {
  const { view, bySegment, byCluster } = report;
  const { request, totals, calibration } = view;
  const lines = [
    voice.text('valueSummary', {
      path,
      read: report.lines.read,
      used: report.lines.used,
      customers: totals.customers,
      repeat: totals.repeatCustomers,
      unit: request.unit,
      end: view.observationEnd,
    }),
    ...linesLeftOut(report.lines, voice),
    '',
    voice.text('valueBgnbd', {
      r: figure(view.bgnbd.r),
      alpha: figure(view.bgnbd.alpha),
      a: figure(view.bgnbd.a),
      b: figure(view.bgnbd.b),
      logLikelihood: view.bgnbd.logLikelihood.toFixed(2),
    }),
    ...note(view.bgnbd.reason, voice),
    view.gammaGamma === null
      ? voice.text('valueNoGammaGamma')
      : voice.text('valueGammaGamma', {
          p: figure(view.gammaGamma.p),
          q: figure(view.gammaGamma.q),
          v: figure(view.gammaGamma.v),
        }),
    ...note(view.gammaGamma?.reason ?? null, voice),
    ...note(view.spendProblem, voice),
    ...(view.correlation.value === null
      ? []
      : [voice.text('valueCorrelation', { value: view.correlation.value.toFixed(2) })]),
    ...note(view.correlation.warning, voice),
    '',
    voice.text('valuePurchases', {
      days: request.horizonDays,
      purchases: totals.expectedPurchases,
    }),
    ...(totals.clv === null
      ? []
      : [
          voice.text('valueTotalClv', {
            months: request.horizonMonths,
            discount: request.monthlyDiscount,
            clv: totals.clv,
          }),
        ]),
    '',
    voice.text('valueBySegment', { scheme: bySegment.scheme ?? '' }),
    ...groupTable(bySegment, voice),
  ];
  if (byCluster !== null) {
    lines.push('', voice.text('valueByCluster', { k: byCluster.k ?? 0 }));
    lines.push(...groupTable(byCluster, voice));
  }
  if (request.holdout !== 'none') {
    lines.push('');
    if (calibration === null) {
      lines.push(voice.text('valueNoHoldout'), ...note(view.calibrationProblem, voice));
    } else {
      lines.push(
        voice.text('valueHoldout', {
          start: calibration.holdoutStart,
          end: calibration.observationEnd,
          customers: calibration.total.customers,
          actual: calibration.total.actual,
          predicted: calibration.total.predicted.toFixed(1),
        }),
        ...note(calibration.fit.reason, voice),
        ...textTable(
          (
            [
              'valueColumnFrequency',
              'columnCustomers',
              'valueColumnActual',
              'valueColumnPredicted',
            ] as const
          ).map((key) => voice.text(key)),
          calibration.buckets.map((bucket) => [
            String(bucket.frequency),
            String(bucket.customers),
            bucket.actual.toFixed(2),
            bucket.predicted.toFixed(2),
          ]),
          [true, true, true, true],
        ),
      );
    }
  }
  const { atRisk } = view;
  lines.push('', voice.text('valueAtRisk', { count: atRisk.total }));
  if (atRisk.total > 0) {
    lines.push(
      ...textTable(
        (
          [
            'valueColumnCustomer',
            'valueColumnPAlive',
            'valueColumnRepeatSpend',
            'valueColumnClv',
          ] as const
        ).map((key) => voice.text(key)),
        atRisk.customers
          .slice(0, AT_RISK_IN_TEXT)
          .map((row) => [
            row.customer,
            row.pAlive.toFixed(3),
            money(row.repeatSpend),
            row.clv === null ? '' : money(row.clv),
          ]),
        [false, true, true, true],
      ),
    );
  }
  if (out !== undefined) lines.push('', voice.text('wroteValue', { out }));
  return lines.join('\n') + '\n';
}

function groupTable(view: ValueByGroupView, voice: Voice): string[] {
  const clusters = view.kind === 'cluster';
  const header = [
    clusters ? 'valueColumnCluster' : 'columnSegment',
    'columnCustomers',
    'valueColumnMeanPAlive',
    'valueColumnMeanPurchases',
    'valueColumnMeanClv',
    'valueColumnShareOfValue',
  ] as const;
  const optional = (value: number | null, digits: number) =>
    value === null ? '' : value.toFixed(digits);
  return textTable(
    header.map((key) => voice.text(key)),
    view.groups.map((group) => [
      clusters
        ? `${group.group}  ${group.label === null ? '' : voice.say(group.label)}`
        : (group.name ?? ''),
      String(group.customers),
      optional(group.meanPAlive, 3),
      optional(group.meanExpectedPurchases, 2),
      group.meanClv === null ? '' : money(group.meanClv),
      group.shareOfValue === null ? '' : `${(group.shareOfValue * 100).toFixed(1)}%`,
    ]),
    [false, true, true, true, true, true],
  );
}

function note(reason: Message | null, voice: Voice): string[] {
  return reason === null ? [] : [`  ${voice.say(reason)}`];
}

/** Four significant digits: parameters read at a glance (the JSON has them all). */
function figure(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function money(value: number): string {
  return value.toFixed(2);
}
