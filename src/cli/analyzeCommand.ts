import { resultFor } from '../core/analysis/analysisResult';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import { UserError } from '../core/common/userError';
import { exportFileName } from '../core/export/exportCsv';
import { segmentNameOf } from '../core/export/segmentNames';
import { saveModel } from '../core/model/saveModel';
import type { SegmentationRequest } from '../core/session/session';
import { parseCommandArgs } from './args';
import {
  ANALYZE_FLAGS,
  analyzeUsage,
  EXPORT_FLAGS,
  analysisOptionsFrom,
  analyzeOptionsFor,
  exportDialectFrom,
  segmentNamesFrom,
} from './analyzeFlags';
import { analysisJson, analysisText, comparisonText, distributionText } from './analyzeReport';
import { distributionView } from '../core/session/distributionView';
import { fileReadJson, sheetLine } from './fileReport';
import type { Io } from './io';
import type { Voice } from './voice';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { stageTimer } from './stageTimings';
import { readChoiceFrom } from './readChoiceFlags';
import { checkOutputs, removedLine, writeExports } from './outputFiles';
import { writeModelFile } from './modelFiles';
import { writeReportFile } from './reportFile';

export { analyzeUsage };

/** segmentlens analyze FILE: the page's segmentation of one row per customer. */
export async function analyzeCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...ANALYZE_FLAGS, ...EXPORT_FLAGS });
  if (values.help) {
    io.stdout.write(analyzeUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError('bad-option', 'cliOneFile', { command: 'analyze' });
  const options = analysisOptionsFrom(values);
  // The export flags are checked before the analysis runs; the segments' ids after it.
  const dialect = exportDialectFrom(values);
  segmentNamesFrom(values, Infinity, true);
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  const timer = stageTimer(progress);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), timer.onProgress, {
      clusters: true,
    });
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
    const feature = values.distribution;
    const distribution =
      feature === undefined
        ? null
        : await distributionView(session, { segmentation: request, k: analysis.k, feature });
    progress.done();
    const segments = resultFor(analysis, analysis.k)!.profiles.segments;
    const names = segmentNamesFrom(
      values,
      analysis.k,
      segments.some((segment) => segment.id < 0),
    );
    let removed: string[] = [];
    if (values.out !== undefined) {
      const each = (segment: number | null) =>
        session.exportSegments(request, analysis.k, segment, voice.say, names.segments, {
          noiseName: names.noise,
          dialect,
        });
      removed = await writeExports(values.out, [
        { name: 'segments.csv', parts: (await each(null)).parts },
        ...(await Promise.all(
          segments.map(async (segment) => ({
            name: exportFileName(
              `segment-${segment.id}`,
              segmentNameOf(names, segment.id) ?? voice.say(segment.label),
            ),
            parts: (await each(segment.id)).parts,
          })),
        )),
        {
          name: 'set-aside.csv',
          parts: (await session.exportCleaningReport(request, voice.say, dialect)).parts,
        },
      ]);
    }
    const modelPath = values['save-model'];
    if (modelPath !== undefined)
      await writeModelFile(
        modelPath,
        await saveModel(
          session,
          request,
          analysis.k,
          Array.from({ length: analysis.k }, (_, id) => segmentNameOf(names, id)),
        ),
      );
    const reportPath = values.report;
    const reportLine =
      reportPath === undefined
        ? ''
        : await writeReportFile(
            reportPath,
            session,
            {
              segmentation: request,
              k: analysis.k,
              rfm: null,
              segmentNames: Array.from({ length: analysis.k }, (_, id) => segmentNameOf(names, id)),
              noiseName: names.noise,
            },
            voice,
          );
    io.stdout.write(
      values.json
        ? JSON.stringify({
            ...fileReadJson(session.read),
            ...analysisJson(session.table, analysis, voice),
            timings,
            ...(comparison === null ? {} : { comparison }),
            ...(distribution === null ? {} : { distribution }),
            ...(modelPath === undefined ? {} : { modelFile: modelPath }),
            ...(reportPath === undefined ? {} : { reportFile: reportPath }),
            ...(removed.length === 0 ? {} : { removedFiles: removed }),
          }) + '\n'
        : sheetLine(session.read, voice) +
            analysisText(path, analysis, values.out, voice) +
            removedLine(values.out, removed, voice) +
            (comparison === null ? '' : comparisonText(comparison, voice)) +
            (distribution === null ? '' : distributionText(distribution, voice)) +
            (modelPath === undefined ? '' : voice.text('modelSaved', { path: modelPath }) + '\n') +
            reportLine,
    );
    return 0;
  } finally {
    progress.done();
  }
}
