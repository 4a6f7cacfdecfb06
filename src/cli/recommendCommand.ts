import { UserError } from '../core/common/userError';
import { defaultSegmentMap, nameSegments } from '../core/rfm/rfmSegments';
import { recommendationsExport } from '../core/session/recommendLists';
import {
  cachedRecommendations,
  recommendEvaluation,
  recommendEvaluationByGroup,
  type RecommendRequest,
} from '../core/session/recommendSession';
import { parseCommandArgs } from './args';
import type { Io } from './io';
import { rfmSettingsFrom } from './mappingFlags';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { readChoiceFrom } from './readChoiceFlags';
import { RECOMMEND_FLAGS, recommendUsage, recommendChoiceFrom } from './recommendFlags';
import { recommendJson, recommendText, type WrittenRecommendations } from './recommendReport';
import { bestMethod } from '../core/session/recommendVerdict';
import type { Voice } from './voice';
import { checkOutputs, writeExports } from './outputFiles';

export { recommendUsage };

/**
 * segmentlens recommend FILE: next best products for every customer, each method measured on
 * held-out last orders, overall and per named RFM segment; --out writes every customer's list.
 */
export async function recommendCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, RECOMMEND_FLAGS);
  if (values.help) {
    io.stdout.write(recommendUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError('bad-option', 'cliOneFile', { command: 'recommend' });
  const choice = recommendChoiceFrom(values);
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), progress);
    const settings = rfmSettingsFrom(values, session);
    const { lines } = session.linesAndRfm(settings, progress);
    const request: RecommendRequest = { rfm: settings, options: choice.options };
    const map = nameSegments(defaultSegmentMap(choice.scheme), voice.say);
    const view = recommendEvaluation(session, request, undefined, choice.methods);
    const bySegment = await recommendEvaluationByGroup(
      session,
      request,
      { kind: 'rfm', map },
      choice.methods,
    );
    let written: WrittenRecommendations | null = null;
    if (values.out !== undefined) {
      const best = choice.methods.length > 1;
      const method = best ? bestMethod(view.methods) : choice.methods[0];
      const file = await recommendationsExport(
        session,
        request,
        method,
        { grouping: { kind: 'rfm', map } },
        voice.say,
      );
      await writeExports(values.out, [{ name: 'recommendations.csv', parts: file.parts }]);
      const { counts } = cachedRecommendations(session, request, method);
      written = { out: values.out, method, best, rows: counts.reduce((sum, c) => sum + c, 0) };
    }
    progress.done();
    io.stdout.write(
      values.json
        ? JSON.stringify(recommendJson(lines.report, view, bySegment, map, written, voice)) + '\n'
        : recommendText(path, lines.report, view, bySegment, map, written, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}
