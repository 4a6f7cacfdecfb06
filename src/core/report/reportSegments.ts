import { ratesVerdict } from '../profile/segmentRates';
import type { RateDifference } from '../profile/profileTypes';
import type { SegmentationView, SegmentsAtK } from '../session/segmentationView';
import { rfmFeatureLabel } from '../explain/featureSpace';
import { escapeHtml, userText } from './htmlText';
import { barChart, scatterChart, segmentColour } from './reportCharts';
import type { ReportWriter } from './reportWriter';

/** The segments at the k shown: sizes, scatter, and each profile against all rows. */
export function segmentsSection(
  w: ReportWriter,
  view: SegmentationView,
  shown: SegmentsAtK,
): string {
  const { say, text, missing, count, number, share, table, figure, segmentTitle, segmentCell } = w;
  const segments = shown.profiles.segments;
  const total = segments.reduce((sum, s) => sum + s.size, 0);
  const largest = segments.reduce((top, s) => Math.max(top, s.size), 0);
  const smallest = segments.reduce((low, s) => Math.min(low, s.size), Infinity);
  const sizes = figure(
    barChart(
      {
        id: 'sizes',
        title: say('reportSizesTitle'),
        description: say('reportSizesDescription', {
          count: segments.length,
          largest: count(largest),
          smallest: count(Number.isFinite(smallest) ? smallest : 0),
        }),
      },
      segments.map((s) => ({
        label: segmentTitle(s.id, s.label, 'reportSegmentName'),
        value: s.size,
        valueText: count(s.size),
        colour: segmentColour(s.id),
      })),
    ),
    table(
      null,
      [text('reportSegment'), text('reportSize'), text('reportShareOfRows')],
      segments.map((s) => [
        segmentCell(s.id, s.label),
        escapeHtml(count(s.size)),
        escapeHtml(share(total > 0 ? s.size / total : 0)),
      ]),
      (c) => c >= 1,
    ),
  );
  let body = `<h3>${text('reportSizesTitle')}</h3>${sizes}${scatter(w, view, shown)}`;

  const units = new Map(summaryUnits(w));
  const featureHeader = (feature: string) => {
    // RFM's features are the report's words in its language, not the user's columns.
    const label = w.input.rfm ? rfmFeatureLabel(feature) : undefined;
    const name = label === undefined ? userText(feature) : escapeHtml(w.render(label));
    const unit = units.get(feature);
    return unit ? `${name} (${userText(unit)})` : name;
  };
  const features = shown.profiles.population.map((p) => p.feature);
  if (features.length > 0)
    body +=
      `<h3>${text('reportMeansHeading')}</h3>` +
      table(
        text('reportMeansCaption'),
        [
          text('reportFeature'),
          ...segments.map((s) => segmentCell(s.id, s.label)),
          text('reportAllRows'),
        ],
        shown.profiles.population.map((p) => [
          featureHeader(p.feature),
          ...segments.map((s) =>
            escapeHtml(number(s.features.find((f) => f.feature === p.feature)?.mean ?? NaN)),
          ),
          escapeHtml(number(p.mean)),
        ]),
        (c) => c >= 1,
      );

  for (const s of segments) {
    const heading = segmentTitle(s.id, s.label, 'reportProfileHeading');
    body +=
      `<article class="profile"><h3><span class="swatch" style="background:${segmentColour(s.id)}"></span>${escapeHtml(heading)}</h3>` +
      `<p>${text('reportProfileSize', { size: s.size, share: share(s.share) })}</p>`;
    if (s.features.length > 0)
      body += table(
        null,
        [
          text('reportFeature'),
          text('reportMean'),
          text('reportMedian'),
          text('reportAllRows'),
          text('reportVersusAll'),
        ],
        s.features.map((f) => {
          const population = shown.profiles.population.find((p) => p.feature === f.feature);
          return [
            featureHeader(f.feature),
            escapeHtml(number(f.mean)),
            escapeHtml(number(f.median)),
            escapeHtml(number(population?.mean ?? NaN)),
            `<span class="${f.z >= 0.5 ? 'high' : f.z <= -0.5 ? 'low' : ''}">${escapeHtml(
              Number.isFinite(f.z) ? say('reportZ', { value: f.z }) : missing,
            )}</span>`,
          ];
        }),
        (c) => c >= 1,
      );
    if (s.topCategories.length > 0)
      body +=
        `<h4>${text('reportTopValues')}</h4>` +
        table(
          null,
          [
            text('reportColumn'),
            text('reportValue'),
            text('reportShareInSegment'),
            text('reportShareInAll'),
          ],
          s.topCategories.map((c) => [
            userText(c.column),
            userText(c.value),
            escapeHtml(share(c.share)),
            escapeHtml(share(c.populationShare)),
          ]),
          (c) => c >= 2,
        );
    body += rates(w, s.rates);
    body += `</article>`;
  }
  return body;
}

/**
 * A segment against the whole base: the verdict, and the values of yes/no, category and 0/1
 * columns whose share really differs (findings only: a gap within chance is not a finding).
 * Nothing when the file has no such column.
 */
function rates(w: ReportWriter, list: readonly RateDifference[]): string {
  const { render, text, missing, share, table } = w;
  if (list.length === 0) return '';
  const findings = list.filter((rate) => rate.finding);
  return (
    `<h4>${text('reportRatesHeading')}</h4><p>${escapeHtml(render(ratesVerdict(list)))}</p>` +
    (findings.length === 0
      ? ''
      : table(
          // The verdict above says what the table holds (a caption would repeat it).
          null,
          [
            text('reportColumn'),
            text('reportValue'),
            text('reportShareInSegment'),
            text('reportShareInAll'),
            text('reportDifference'),
            text('reportLift'),
          ],
          findings.map((rate) => [
            userText(rate.column),
            userText(rate.value),
            escapeHtml(share(rate.share)),
            escapeHtml(share(rate.overallShare)),
            `<span class="${rate.points > 0 ? 'high' : 'low'}">${text('reportPoints', { value: rate.points })}</span>`,
            Number.isFinite(rate.lift)
              ? text('reportLiftValue', { value: rate.lift })
              : escapeHtml(missing),
          ]),
          (c) => c >= 2,
        ))
  );
}

/** The unit each numeric column's numbers were written with ($, %), by column name. */
function summaryUnits(w: ReportWriter): [string, string][] {
  const { summary } = w;
  return summary.columns.flatMap((c) => (c.unit ? [[c.name, c.unit] as [string, string]] : []));
}

function scatter(w: ReportWriter, view: SegmentationView, shown: SegmentsAtK): string {
  const { say, text, missing, count, number, share, table, figure, segmentCell } = w;
  const x = view.axes.findIndex((axis) => axis.id === 'pc1');
  const y = view.axes.findIndex((axis) => axis.id === 'pc2');
  if (x < 0 || y < 0) return '';
  const { labels, coordinates, centres } = shown.scatter;
  const m = labels.length;
  const segments = shown.profiles.segments;
  const series = segments.map((s) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < m; i++)
      if (labels[i] === s.id) {
        xs.push(coordinates[x * m + i]);
        ys.push(coordinates[y * m + i]);
      }
    const centre =
      s.id < 0 ? null : { x: centres[x * shown.k + s.id], y: centres[y * shown.k + s.id] };
    return { segment: s.id, xs, ys, centre, size: xs.length };
  });
  const xName = say('reportComponentName', { n: 1 });
  const yName = say('reportComponentName', { n: 2 });
  const ratio = view.pca.ratios;
  const axisName = (name: string, r: number | undefined) =>
    r === undefined ? name : `${name} (${share(r)})`;
  return (
    `<h3>${text('reportScatterTitle')}</h3>` +
    figure(
      scatterChart(
        {
          id: 'scatter',
          title: say('reportScatterTitle'),
          description: say('reportScatterDescription', { points: m, x: xName, y: yName }),
        },
        series,
        { x: axisName(xName, ratio[0]), y: axisName(yName, ratio[1]), format: number },
      ),
      table(
        text('reportScatterCaption', { points: m }),
        [text('reportSegment'), escapeHtml(xName), escapeHtml(yName), text('reportSize')],
        series.map((s, i) => [
          segmentCell(s.segment, segments[i].label),
          escapeHtml(s.centre ? number(s.centre.x) : missing),
          escapeHtml(s.centre ? number(s.centre.y) : missing),
          escapeHtml(count(s.size)),
        ]),
        (c) => c >= 1,
      ),
    )
  );
}
