import { message } from '../core/common/message';
import { LINE_DROP_LABELS, LINE_DROP_REASONS, type LineReport } from '../core/rfm/orderLines';
import type { Voice } from './voice';

/**
 * The order lines left out, one line per reason with its count, under "Left out:": what every
 * command on order lines says after its count of lines read and used, so none is lost unsaid.
 */
export function linesLeftOut(report: LineReport, voice: Voice): string[] {
  const reasons = LINE_DROP_REASONS.filter((reason) => report.dropped[reason] > 0);
  if (reasons.length === 0) return [];
  return [
    voice.text('leftOut'),
    ...reasons.map(
      (reason) =>
        `  ${String(report.dropped[reason]).padStart(9)}  ${voice.say(message(LINE_DROP_LABELS[reason]))}`,
    ),
  ];
}

/** The same counts in a command's JSON. */
export function linesJson(report: LineReport) {
  return { read: report.read, used: report.used, dropped: report.dropped };
}
