import { identifiersAndTargetsLeftOut } from '../analysis/analysisOptions';
import type { SegmentationView } from '../session/segmentationView';
import { rfmFeatureLabel } from '../explain/featureSpace';
import { escapeHtml, userText } from './htmlText';
import { columnChart, lineChart } from './reportCharts';
import { isolate, type ReportWriter } from './reportWriter';

/** The analysis: features and the columns left out, scaling, PCA, the algorithm, and the choice of k. */
export function analysisSection(w: ReportWriter, view: SegmentationView): string {
  const { input, render, say, text, count, number, share, table, figure, notes } = w;
  // A note said already (by the cleaning section, or under scaling here) is not said twice.
  const saidNotes = new Set([...view.cleaning.notes, ...view.scaling.warnings].map(render));
  let body =
    `<h3>${text('reportFeaturesHeading')}</h3>` +
    table(
      null,
      [text('reportFeature'), text('reportFromColumn'), text('reportTransform')],
      view.features.map((feature) => {
        // RFM's features are the report's words in its language, not the user's columns.
        const named = (name: string) => {
          const label = input.rfm ? rfmFeatureLabel(name) : undefined;
          return label === undefined ? userText(name) : escapeHtml(render(label));
        };
        return [
          named(feature.name),
          named(feature.column),
          text('reportTransformValue', {
            transform: feature.transform,
            category: isolate(feature.category ?? ''),
          }),
        ];
      }),
    ) +
    leftOut(w, view) +
    `<p>${text('reportScaling', { method: view.scaling.method })}</p>` +
    notes(view.scaling.warnings) +
    `<p>${text('reportAlgorithm', {
      algorithm: view.algorithm,
      rows: view.analysedRows,
      metric: view.metric,
      seed: view.settings.seed,
    })}</p>` +
    // E.g. a code found in a feature (cleaning), a constant feature left out (scaling).
    notes(view.notes.filter((note) => !saidNotes.has(render(note))));

  const { ratios, cumulative } = view.pca;
  if (ratios.length > 1) {
    const name = (c: number) => say('reportComponentName', { n: c + 1 });
    body +=
      `<h3>${text('reportPcaHeading')}</h3>` +
      figure(
        columnChart(
          {
            id: 'scree',
            title: say('reportPcaHeading'),
            description: say('reportScreeDescription', {
              count: ratios.length,
              first: share(ratios[0]),
              two: share(cumulative[1]),
            }),
          },
          ratios.map((value, c) => ({ label: String(c + 1), value })),
          { x: say('reportComponent'), format: share },
        ),
        table(
          text('reportPcaCaption'),
          [text('reportComponent'), text('reportVarianceShare'), text('reportCumulativeShare')],
          ratios.map((ratio, c) => [
            escapeHtml(name(c)),
            escapeHtml(share(ratio)),
            escapeHtml(share(cumulative[c])),
          ]),
          (c) => c >= 1,
        ),
      );
  }

  const elbow = view.elbow;
  if (elbow.length > 1) {
    const from = elbow[0].k;
    const to = elbow[elbow.length - 1].k;
    const inertias = elbow.map((point) => point.inertia);
    const scored = elbow.filter((point) => point.silhouette !== null);
    const best = scored.reduce<(typeof elbow)[number] | null>(
      (top, point) => (top === null || point.silhouette! > top.silhouette! ? point : top),
      null,
    );
    body +=
      `<h3>${text('reportElbowHeading')}</h3>` +
      figure(
        lineChart(
          {
            id: 'elbow',
            title: say('reportInertia'),
            description: say('reportInertiaDescription', {
              from,
              to,
              high: number(Math.max(...inertias)),
              low: number(Math.min(...inertias)),
              k: input.k,
            }),
          },
          elbow.map((point) => ({ x: point.k, y: point.inertia })),
          { x: say('reportSegmentsK'), format: number, marked: input.k },
        ) +
          (best === null
            ? ''
            : lineChart(
                {
                  id: 'silhouette',
                  title: say('reportSilhouette'),
                  description: say('reportSilhouetteDescription', {
                    from,
                    to,
                    best: best.k,
                    value: number(best.silhouette),
                    k: input.k,
                  }),
                },
                elbow.map((point) => ({ x: point.k, y: point.silhouette })),
                { x: say('reportSegmentsK'), format: number, marked: input.k },
              )),
        table(
          text('reportElbowCaption'),
          [
            text('reportSegmentsK'),
            text('reportInertia'),
            text('reportSilhouette'),
            text('reportDaviesBouldin'),
            text('reportCalinskiHarabasz'),
          ],
          elbow.map((point) => [
            escapeHtml(count(point.k)),
            escapeHtml(number(point.inertia)),
            escapeHtml(number(point.silhouette)),
            escapeHtml(number(point.daviesBouldin)),
            escapeHtml(number(point.calinskiHarabasz)),
          ]),
          (c) => c >= 1,
        ),
      );
  }
  if (view.kRangeNote) body += notes([view.kRangeNote]);
  if (view.density)
    body += `<p>${text('reportDensity', {
      clusters: view.density.clusters,
      noise: view.density.noise,
      eps: number(view.density.eps),
      minPts: view.density.minPts,
    })}</p>`;
  else body += `<p>${escapeHtml(render(view.recommendation.reason))}</p>`;
  if (view.clusterWarnings.length > 0)
    body +=
      `<h3>${text('reportWarningsHeading')}</h3>` +
      `<ul class="notes warnings">${view.clusterWarnings
        .map((warning) => `<li>${escapeHtml(render(warning))}</li>`)
        .join('')}</ul>`;
  body += `<p class="chosen">${
    input.kChosen && input.k !== view.recommendation.k && !view.density
      ? text('reportChosenKByUser', { k: input.k, recommended: view.recommendation.k })
      : text('reportChosenK', { k: input.k })
  }</p>`;
  return body;
}

/**
 * The identifiers and the columns named like a target that the rows were not clustered on, each
 * with why (the columns' notes). Not for RFM's customers, whose features are R, F and M.
 */
function leftOut(w: ReportWriter, view: SegmentationView): string {
  const { input, render, text, summary, table } = w;
  if (input.rfm) return '';
  const columns = identifiersAndTargetsLeftOut(
    summary.columns,
    input.kinds,
    view.features.map((feature) => feature.column),
  );
  if (columns.length === 0) return '';
  return (
    `<h3>${text('reportLeftOutHeading')}</h3>` +
    table(
      null,
      [text('reportColumn'), text('reportKind'), text('reportWhy')],
      columns.map((column) => [
        userText(column.name),
        // One word: kept on one line beside the reason (a phone broke it letter by letter).
        `<span class="nowrap">${text('reportKindValue', { kind: column.kind })}</span>`,
        escapeHtml(render(column.reason)),
      ]),
    )
  );
}
