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

export const EXPLAIN_USAGE = `segmentlens explain FILE [options]

Explains the segments of FILE (one row per customer, segmented as analyze segments it) in
rules a person can check: a decision tree that tells each row's segment from the features in
their own units, how faithful it is on held-out rows, and where it falls short; or a threshold
tree with exactly one leaf per segment (IMM) and its k-means cost next to the clustering's.

  --method tree|imm     a decision tree (default), or IMM's threshold tree
  --depth D             the decision tree's depth, 1 to 6 (default ${DEFAULT_EXPLAIN_DEPTH})
  and every option of segmentlens analyze that makes the segments (--features, --one-hot,
  the cleaning options, --k, --algorithm, ...), but not those that write or show more
  (--compare, --distribution, --report, --save-model): the segments explained are the ones
  analyze makes.
  --out DIR             write explained.csv: every analysed row with its segment, split
                        (train/test) and tree_segment (the tree's segment for it)
  --json                print the result as one JSON object`;

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
    io.stdout.write(EXPLAIN_USAGE + '\n');
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
