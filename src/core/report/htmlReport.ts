import { identifiersAndTargetsLeftOut } from '../analysis/analysisOptions';
import { DROP_REASONS } from '../clean/cleanOptions';
import { message, type Message, type MessageParams } from '../common/message';
import { ratesVerdict } from '../profile/segmentRates';
import type { RateDifference } from '../profile/profileTypes';
import type { ColumnKind } from '../read/inferColumns';
import { LINE_DROP_REASONS } from '../rfm/orderLines';
import { RFM_DROP_LABELS } from '../rfm/rfm';
import type { NamedSegmentMap } from '../rfm/rfmSegments';
import { segmentSummary } from '../rfm/rfmSummary';
import type { DatasetSummary } from '../session/datasetSummary';
import type { RfmView } from '../session/rfmView';
import type { SegmentationView, SegmentsAtK } from '../session/segmentationView';
import { escapeHtml, userText } from './htmlText';
import { barChart, columnChart, lineChart, scatterChart, segmentColour } from './reportCharts';
import { REPORT_STYLE } from './reportStyle';

/** How the report's sentences read: a core message in the reader's language. */
export type ReportRender = (message: Message) => string;

/** RFM on the file's order lines, with the segment map as the user left it (names as texts). */
export interface ReportRfm {
  view: RfmView;
  map: NamedSegmentMap;
}

/** Everything one report shows, from the session's views. */
export interface ReportInput {
  summary: DatasetSummary;
  /** Each column's kind as analysed (the user's corrections applied), in column order. */
  kinds: readonly ColumnKind[];
  /** The segmentation (of the rows, or of the RFM customers); null when none ran. */
  view: SegmentationView | null;
  /** The number of segments shown. */
  k: number;
  /** Whether the user chose k (rather than taking the recommendation). */
  kChosen: boolean;
  /** The names the user gave the segments, by segment; null or blank: the segment's label. */
  segmentNames?: readonly (string | null)[];
  /** The name the user gave DBSCAN's noise; null or blank: Noise. */
  noiseName?: string | null;
  /** For order lines, when RFM ran. */
  rfm?: ReportRfm | null;
}

/**
 * Wraps a user's value quoted inside a sentence in first-strong isolates (U+2068..U+2069): the
 * plain-text form of <bdi>, so an RTL mark in a name cannot reorder the sentence around it.
 */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * One self-contained HTML document a marketer can mail: the file, its cleaning, the analysis and
 * its charts, the segments and their profiles (and RFM for order lines). Inline CSS and SVG, no
 * script, no external reference, no event attribute; every user value escaped as text; every
 * sentence in the reader's language through `render`.
 */
export function htmlReport(input: ReportInput, render: ReportRender): string {
  const say = (key: Message['key'], params?: MessageParams) => render(message(key, params));
  const text = (key: Message['key'], params?: MessageParams) => escapeHtml(say(key, params));
  const missing = say('reportMissingValue');
  const count = (value: number) => say('reportCount', { value });
  const number = (value: number | null) =>
    value === null || !Number.isFinite(value)
      ? missing
      : value !== 0 && Math.abs(value) < 0.01
        ? say('reportPrecise', { value })
        : say('reportNumber', { value });
  const share = (value: number) =>
    Number.isFinite(value) ? say('reportShare', { value }) : missing;
  const date = (value: number) => say('reportDate', { value });
  // A code as the user writes it in a flag or the page (999, -1): every digit, no grouping.
  const code = (value: number) => String(value);
  const { summary, view, rfm } = input;
  const file = isolate(summary.fileName);

  const sections: { id: string; heading: string; body: string }[] = [];
  sections.push({ id: 'file', heading: say('reportFileHeading'), body: fileSection() });
  if (rfm)
    sections.push({
      id: 'rfm',
      heading: say(rfm.view.hasMoney ? 'reportRfmHeading' : 'reportRfmHeadingNoMoney'),
      body: rfmSection(rfm),
    });
  if (view) {
    sections.push({
      id: 'cleaning',
      heading: say('reportCleaningHeading'),
      body: cleaningSection(view),
    });
    sections.push({
      id: 'analysis',
      heading: say('reportAnalysisHeading'),
      body: analysisSection(view),
    });
    const shown = view.perK.find((entry) => entry.k === input.k) ?? null;
    if (shown)
      sections.push({
        id: 'segments',
        heading: say('reportSegmentsHeading'),
        body: segmentsSection(view, shown),
      });
  }

  const title = say(rfm ? 'reportTitleRfm' : 'reportTitle', { file });
  const contents = sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`)
    .join('');
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(say('reportLanguage'))}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body><main>` +
    `<h1>${escapeHtml(title)}</h1><p class="intro">${text('reportIntro', { file })}</p>` +
    `<nav aria-label="${text('reportContents')}"><h2 class="contents">${text('reportContents')}</h2><ol>${contents}</ol></nav>` +
    sections
      .map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.heading)}</h2>${s.body}</section>`)
      .join('') +
    `</main></body></html>\n`
  );

  /** A table: each cell is already HTML; numeric columns align right. */
  function table(
    caption: string | null,
    head: readonly string[],
    rows: readonly (readonly string[])[],
    numeric: (column: number) => boolean = () => false,
  ): string {
    const cls = (c: number) => (numeric(c) ? ' class="num"' : '');
    return (
      `<div class="scroll"><table>${caption === null ? '' : `<caption>${caption}</caption>`}` +
      `<thead><tr>${head.map((h, c) => `<th scope="col"${cls(c)}>${h}</th>`).join('')}</tr></thead>` +
      `<tbody>${rows
        .map(
          (row) =>
            `<tr>${row
              .map((cell, c) =>
                c === 0 ? `<th scope="row">${cell}</th>` : `<td${cls(c)}>${cell}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('')}</tbody></table></div>`
    );
  }

  function figure(svg: string, figures: string): string {
    return `<figure>${svg}<figcaption class="visually-hidden">${escapeHtml(say('reportChartTable'))}</figcaption>${figures}</figure>`;
  }

  function notes(list: readonly Message[]): string {
    return list.length === 0
      ? ''
      : `<ul class="notes">${list.map((m) => `<li>${escapeHtml(render(m))}</li>`).join('')}</ul>`;
  }

  /** The segment's name: the one the user gave, or its label. */
  function segmentName(id: number, label: Message): string {
    const given = (id < 0 ? input.noiseName : input.segmentNames?.[id])?.trim() ?? '';
    return given.length > 0 ? given : render(label);
  }

  /** How a segment is called in headings, bars and cells: "2: Loyal savers", "Noise: Regulars". */
  function segmentTitle(id: number, label: Message, key: Message['key']): string {
    if (id >= 0) return say(key, { id, name: isolate(segmentName(id, label)) });
    const given = input.noiseName?.trim() ?? '';
    return given.length > 0
      ? say('reportNoiseNamed', { name: isolate(given) })
      : say('reportNoise');
  }

  function segmentCell(id: number, label: Message): string {
    const swatch = `<span class="swatch" style="background:${segmentColour(id)}"></span>`;
    return `${swatch}${escapeHtml(segmentTitle(id, label, 'reportSegmentName'))}`;
  }

  function fileSection(): string {
    const field = (key: Message['key'], value: string) => [text(key), value];
    const rows = [
      field('reportFileNameLabel', userText(summary.fileName)),
      field('reportFormat', text('reportFormatValue', { format: summary.format })),
      ...(summary.sheet === null ? [] : [field('reportSheet', userText(summary.sheet))]),
      ...(summary.format === 'csv'
        ? [
            field(
              'reportEncoding',
              text('reportEncodingValue', {
                encoding: summary.encoding,
                reason: summary.encodingReason,
              }),
            ),
            field(
              'reportDelimiter',
              text('reportDelimiterValue', {
                delimiter: DELIMITER_NAMES[summary.delimiter] ?? summary.delimiter,
              }),
            ),
          ]
        : []),
      field(
        'reportDecimal',
        text('reportDecimalValue', { decimal: summary.decimal === ',' ? 'comma' : 'point' }),
      ),
      field('reportRowsRead', escapeHtml(count(summary.rowCount))),
      field('reportRowsUnreadable', escapeHtml(count(summary.malformedRows))),
      ...(summary.shortRows > 0
        ? [field('reportRowsShort', escapeHtml(count(summary.shortRows)))]
        : []),
    ];
    const columns = summary.columns.map((column, c) => {
      const kind = input.kinds[c] ?? column.kind;
      const numeric = kind === 'numeric';
      return [
        userText(column.name),
        text('reportKindValue', { kind }),
        escapeHtml(count(column.missing)),
        escapeHtml(count(column.unique)),
        escapeHtml(numeric ? number(column.min) : missing),
        escapeHtml(numeric ? number(column.mean) : missing),
        escapeHtml(numeric ? number(column.max) : missing),
        column.note === null ? '' : escapeHtml(render(column.note)),
      ];
    });
    return (
      table(null, [text('reportFileField'), text('reportFileValue')], rows) +
      (summary.notes.length > 0
        ? `<h3>${text('reportFileNotes')}</h3>${notes(summary.notes)}`
        : '') +
      `<h3>${text('reportColumnsHeading')}</h3>` +
      table(
        text('reportColumnsCaption', { count: summary.columns.length }),
        [
          text('reportColumn'),
          text('reportKind'),
          text('reportMissingCells'),
          text('reportDistinct'),
          text('reportMin'),
          text('reportMean'),
          text('reportMax'),
          text('reportNote'),
        ],
        columns,
        (c) => c >= 2 && c <= 6,
      )
    );
  }

  function cleaningSection(view: SegmentationView): string {
    const { cleaning } = view;
    const setAside = cleaning.read - cleaning.kept;
    const reasons = DROP_REASONS.filter((reason) => cleaning.dropped[reason] > 0).map((reason) => [
      text('reportDropReason', { reason }),
      escapeHtml(count(cleaning.dropped[reason])),
    ]);
    let body = `<p>${text('reportCleaningSummary', { read: cleaning.read, kept: cleaning.kept, setAside })}</p>`;
    body +=
      reasons.length === 0
        ? `<p>${text('reportNothingSetAside')}</p>`
        : table(null, [text('reportReason'), text('reportRows')], reasons, (c) => c === 1);
    if (cleaning.imputed.length > 0)
      body +=
        `<h3>${text('reportImputedHeading')}</h3>` +
        table(
          null,
          [
            text('reportColumn'),
            text('reportStrategy'),
            text('reportFilledValue'),
            text('reportCells'),
          ],
          cleaning.imputed.map((entry) => [
            userText(entry.column),
            text('reportStrategyValue', { strategy: entry.strategy }),
            typeof entry.value === 'number'
              ? escapeHtml(number(entry.value))
              : userText(entry.value),
            escapeHtml(count(entry.count)),
          ]),
          (c) => c === 3,
        );
    if (cleaning.missingCodes.length > 0)
      body +=
        `<h3>${text('reportMissingCodesHeading')}</h3>` +
        table(
          null,
          [text('reportColumn'), text('reportCode'), text('reportCells')],
          cleaning.missingCodes.map((entry) => [
            userText(entry.column),
            escapeHtml(code(entry.value)),
            escapeHtml(count(entry.count)),
          ]),
          (c) => c >= 1,
        );
    if (cleaning.clipped.length > 0)
      body +=
        `<h3>${text('reportClippedHeading')}</h3>` +
        table(
          null,
          [
            text('reportColumn'),
            text('reportLow'),
            text('reportHigh'),
            text('reportClippedBelow'),
            text('reportClippedAbove'),
            text('reportCells'),
          ],
          cleaning.clipped.map((entry) => [
            userText(entry.column),
            escapeHtml(number(entry.low)),
            escapeHtml(number(entry.high)),
            escapeHtml(count(entry.below)),
            escapeHtml(count(entry.above)),
            escapeHtml(count(entry.count)),
          ]),
          (c) => c >= 1,
        );
    // A code found and left as a value: its figures, then the note saying what to do about it.
    const [codeNotes, otherNotes] = partition(cleaning.notes, (note) =>
      SENTINEL_NOTES.has(note.key),
    );
    if (cleaning.sentinels.length > 0)
      body +=
        `<h3>${text('reportSentinelsHeading')}</h3>` +
        table(
          null,
          [
            text('reportColumn'),
            text('reportCode'),
            text('reportCells'),
            text('reportShareOfValues'),
            text('reportOtherValues'),
          ],
          cleaning.sentinels.map((entry) => [
            userText(entry.column),
            escapeHtml(code(entry.value)),
            escapeHtml(count(entry.count)),
            escapeHtml(share(entry.share)),
            text('reportRange', { low: number(entry.restLow), high: number(entry.restHigh) }),
          ]),
          (c) => c >= 1 && c <= 3,
        ) +
        notes(codeNotes);
    if (cleaning.excluded.length > 0)
      body +=
        `<h3>${text('reportExcludedHeading')}</h3>` +
        table(
          null,
          [text('reportColumn'), text('reportReason')],
          cleaning.excluded.map((entry) => [
            userText(entry.column),
            escapeHtml(render(entry.reason)),
          ]),
        );
    const rest = cleaning.sentinels.length > 0 ? otherNotes : cleaning.notes;
    if (rest.length > 0) body += `<h3>${text('reportCleaningNotes')}</h3>${notes(rest)}`;
    return body;
  }

  function analysisSection(view: SegmentationView): string {
    const cleaningNotes = new Set(view.cleaning.notes.map(render));
    let body =
      `<h3>${text('reportFeaturesHeading')}</h3>` +
      table(
        null,
        [text('reportFeature'), text('reportFromColumn'), text('reportTransform')],
        view.features.map((feature) => [
          userText(feature.name),
          userText(feature.column),
          text('reportTransformValue', {
            transform: feature.transform,
            category: isolate(feature.category ?? ''),
          }),
        ]),
      ) +
      leftOut(view) +
      `<p>${text('reportScaling', { method: view.scaling.method })}</p>` +
      notes(view.scaling.warnings) +
      `<p>${text('reportAlgorithm', {
        algorithm: view.algorithm,
        rows: view.analysedRows,
        metric: view.metric,
        seed: view.settings.seed,
      })}</p>` +
      // A note the cleaning section already gave (a code found in a feature) is not said twice.
      notes(view.notes.filter((note) => !cleaningNotes.has(render(note))));

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
  function leftOut(view: SegmentationView): string {
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

  function segmentsSection(view: SegmentationView, shown: SegmentsAtK): string {
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
    let body = `<h3>${text('reportSizesTitle')}</h3>${sizes}${scatter(view, shown)}`;

    const units = new Map(summaryUnits());
    const featureHeader = (feature: string) => {
      const unit = units.get(feature);
      return unit ? `${userText(feature)} (${userText(unit)})` : userText(feature);
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
      body += rates(s.rates);
      body += `</article>`;
    }
    return body;
  }

  /**
   * A segment against the whole base: the verdict, and the values of yes/no, category and 0/1
   * columns whose share really differs (findings only: a gap within chance is not a finding).
   * Nothing when the file has no such column.
   */
  function rates(list: readonly RateDifference[]): string {
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
  function summaryUnits(): [string, string][] {
    return summary.columns.flatMap((c) => (c.unit ? [[c.name, c.unit] as [string, string]] : []));
  }

  function scatter(view: SegmentationView, shown: SegmentsAtK): string {
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

  function rfmSection({ view: rfmView, map }: ReportRfm): string {
    const { rows } = rfmView;
    const setAside = rows.read - rows.used;
    const reasons = LINE_DROP_REASONS.filter((reason) => rows.dropped[reason] > 0).map((reason) => [
      text(RFM_DROP_LABELS[reason]),
      escapeHtml(count(rows.dropped[reason])),
    ]);
    const summaryRows = segmentSummary(rfmView.cells[map.scheme], map);
    const withCustomers = summaryRows.filter((row) => row.customers > 0);
    const largest = withCustomers.reduce<(typeof summaryRows)[number] | null>(
      (top, row) => (top === null || row.customers > top.customers ? row : top),
      null,
    );
    // Without money there is no M: no revenue, no mean monetary value, no share of revenue.
    const money = rfmView.hasMoney;
    return (
      table(
        null,
        [text('reportFileField'), text('reportFileValue')],
        [
          [text('reportRfmCustomers'), escapeHtml(count(rfmView.customers))],
          ...(money ? [[text('reportRfmRevenue'), escapeHtml(number(rfmView.revenue))]] : []),
        ],
        (c) => c === 1,
      ) +
      `<p>${text('reportRfmPeriod', {
        first: date(rfmView.firstOrder),
        last: date(rfmView.lastOrder),
        snapshot: date(rfmView.snapshot),
      })}</p>` +
      notes(rfmView.notes) +
      `<p>${text('reportRfmLines', { read: rows.read, used: rows.used, setAside })}</p>` +
      (reasons.length > 0
        ? table(null, [text('reportReason'), text('reportRows')], reasons, (c) => c === 1)
        : '') +
      `<h3>${text('reportRfmSegmentsTitle')}</h3>` +
      figure(
        barChart(
          {
            id: 'rfm-segments',
            title: say('reportRfmSegmentsTitle'),
            description: say('reportRfmSegmentsDescription', {
              count: withCustomers.length,
              largest: isolate(largest?.name ?? ''),
            }),
          },
          withCustomers.map((row) => ({
            label: row.name,
            value: row.customers,
            valueText: count(row.customers),
            colour: segmentColour(row.segment),
          })),
        ),
        table(
          text(money ? 'reportRfmSegmentsCaption' : 'reportRfmSegmentsCaptionNoMoney'),
          [
            text('reportSegment'),
            text('reportRfmCustomers'),
            text('reportShareOfRows'),
            text('reportRfmRecency'),
            text('reportRfmFrequency'),
            ...(money ? [text('reportRfmMonetary'), text('reportRfmRevenueShare')] : []),
          ],
          summaryRows.map((row) => [
            userText(row.name),
            escapeHtml(count(row.customers)),
            escapeHtml(share(row.share)),
            escapeHtml(number(row.meanRecency)),
            escapeHtml(number(row.meanFrequency)),
            ...(money
              ? [escapeHtml(number(row.meanMonetary)), escapeHtml(share(row.revenueShare))]
              : []),
          ]),
          (c) => c >= 1,
        ),
      ) +
      (input.view
        ? `<p>${text(money ? 'reportRfmClustersNote' : 'reportRfmClustersNoteNoMoney')}</p>`
        : '')
    );
  }
}

/** The cleaning notes about a code found in a column (shown with the codes' table). */
const SENTINEL_NOTES: ReadonlySet<string> = new Set(['sentinelFound', 'sentinelFoundNotClipped']);

function partition<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((item) => !test(item))];
}

/** The delimiters by the name the catalog selects on. */
const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
