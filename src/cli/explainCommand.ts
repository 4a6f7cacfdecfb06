import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { UserError } from '../core/common/userError';
import { explainedExport } from '../core/session/explainExport';
import {
  DEFAULT_EXPLAIN_DEPTH,
  EXPLAIN_METHODS,
  type ExplainRequest,
} from '../core/session/explainRequest';
import { explainView } from '../core/session/explainSession';
import type { SegmentationRequest } from '../core/session/session';
import { choiceOption, intOption, parseCommandArgs } from './args';
import { ANALYZE_FLAGS, analysisOptionsFrom, analyzeOptionsFor } from './analyzeFlags';
import { explainJson, explainText } from './explainReport';
import type { Io } from './io';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { readChoiceFrom } from './readChoiceFlags';
import type { Voice } from './voice';
import { checkOutputs, writeExports } from './outputFiles';

export function explainUsage(language: Language): string {
  return helpText(language, 'explain', { values: { explainDepth: DEFAULT_EXPLAIN_DEPTH } });
}

// What analyze writes or shows besides its segments is not explain's to take: refused, not ignored.
const {
  compare: _compare,
  distribution: _distribution,
  'save-model': _saveModel,
  report: _report,
  ...SEGMENTATION_FLAGS
} = ANALYZE_FLAGS;

const EXPLAIN_FLAGS = {
  ...SEGMENTATION_FLAGS,
  method: { type: 'string' },
  depth: { type: 'string' },
} as const;

/** segmentlens explain FILE: the segments of analyze, in rules a person can check. */
export async function explainCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, EXPLAIN_FLAGS);
  if (values.help) {
    io.stdout.write(explainUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError('bad-option', 'cliOneFile', { command: 'explain' });
  const options = analysisOptionsFrom(values);
  const method = choiceOption('method', values.method, EXPLAIN_METHODS) ?? 'tree';
  const depth = intOption('depth', values.depth, 1, 6) ?? DEFAULT_EXPLAIN_DEPTH;
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), progress, { clusters: true });
    const segmentation: SegmentationRequest = {
      options: analyzeOptionsFor(values, options, session),
      rfm: null,
    };
    const analysis = await session.segmentation(segmentation, { onProgress: progress });
    progress.done();
    const request: ExplainRequest = {
      segmentation,
      k: analysis.k,
      method,
      depth,
      minRowsPerLeaf: null,
    };
    const view = await explainView(session, request);
    if (values.out !== undefined) {
      const { parts } = await explainedExport(session, request, voice.say);
      await writeExports(values.out, [{ name: 'explained.csv', parts }]);
    }
    io.stdout.write(
      values.json
        ? JSON.stringify(explainJson(analysis, view, voice)) + '\n'
        : explainText(path, analysis, view, values.out, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}
