import { DROP_REASONS } from '../clean/cleanOptions';
import type { SegmentationView } from '../session/segmentationView';
import { escapeHtml, userText } from './htmlText';
import type { ReportWriter } from './reportWriter';

/** The cleaning: rows set aside and why, values filled in, codes for no value, clipping. */
export function cleaningSection(w: ReportWriter, view: SegmentationView): string {
  const { render, text, count, number, share, code, table, notes } = w;
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
          typeof entry.value === 'number' ? escapeHtml(number(entry.value)) : userText(entry.value),
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
  const [codeNotes, otherNotes] = partition(cleaning.notes, (note) => SENTINEL_NOTES.has(note.key));
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

/** The cleaning notes about a code found in a column (shown with the codes' table). */
const SENTINEL_NOTES: ReadonlySet<string> = new Set(['sentinelFound', 'sentinelFoundNotClipped']);

function partition<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((item) => !test(item))];
}
