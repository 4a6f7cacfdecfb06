import { resultFor } from '../core/analysis/analysisResult';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import { UserError } from '../core/common/userError';
import { exportFileName } from '../core/export/exportCsv';
import { saveModel } from '../core/model/saveModel';
import type { SegmentationRequest } from '../core/session/session';
import { parseCommandArgs } from './args';
import {
  ANALYZE_FLAGS,
  ANALYZE_USAGE,
  analysisOptionsFrom,
  analyzeOptionsFor,
} from './analyzeFlags';
import { analysisJson, analysisText, comparisonText } from './analyzeReport';
import { fileReadJson, sheetLine } from './fileReport';
import type { Io } from './io';
import type { Voice } from './voice';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { stageTimer } from './stageTimings';
import { readChoiceFrom } from './readChoiceFlags';
import { writeExports } from './writeParts';
import { writeModelFile } from './modelFiles';

export { ANALYZE_USAGE };

/** segmentlens analyze FILE: the page's segmentation of one row per customer. */
export async function analyzeCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, ANALYZE_FLAGS);
  if (values.help) {
    io.stdout.write(ANALYZE_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError('bad-option', 'cliOneFile', { command: 'analyze' });
  const options = analysisOptionsFrom(values);
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  const timer = stageTimer(progress);
  try {
    const session = await openSession(path, readChoiceFrom(values), timer.onProgress);
    const request: SegmentationRequest = {
      options: analyzeOptionsFor(values, options, session),
      rfm: null,
    };
    const analysis = await session.segmentation(request, { onProgress: timer.onProgress });
    const timings = timer.timings();
    let comparison: AlgorithmComparison | null = null;
    if (values.compare) {
      const k = analysis.algorithm === 'dbscan' ? analysis.recommendation.k : analysis.k;
      comparison = session.compare(request, Math.max(2, k), progress);
    }
    progress.done();
    if (values.out !== undefined) {
      const segments = resultFor(analysis, analysis.k)!.profiles.segments;
      const each = (segment: number | null) =>
        session.exportSegments(request, analysis.k, segment, voice.say);
      await writeExports(values.out, [
        { name: 'segments.csv', parts: (await each(null)).parts },
        ...(await Promise.all(
          segments.map(async (segment) => ({
            name: exportFileName(`segment-${segment.id}`, voice.say(segment.label)),
            parts: (await each(segment.id)).parts,
          })),
        )),
        {
          name: 'set-aside.csv',
          parts: (await session.exportCleaningReport(request, voice.say)).parts,
        },
      ]);
    }
    const modelPath = values['save-model'];
    if (modelPath !== undefined)
      await writeModelFile(modelPath, await saveModel(session, request, analysis.k, []));
    io.stdout.write(
      values.json
        ? JSON.stringify({
            ...fileReadJson(session.read),
            ...analysisJson(session.table, analysis, voice),
            timings,
            ...(comparison === null ? {} : { comparison }),
            ...(modelPath === undefined ? {} : { modelFile: modelPath }),
          }) + '\n'
        : sheetLine(session.read, voice) +
            analysisText(path, analysis, values.out, voice) +
            (comparison === null ? '' : comparisonText(comparison, voice)) +
            (modelPath === undefined ? '' : voice.text('modelSaved', { path: modelPath }) + '\n'),
    );
    return 0;
  } finally {
    progress.done();
  }
}
