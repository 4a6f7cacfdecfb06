import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../core/analysis/analysisOptions';
import { UserError } from '../core/common/userError';
import { clusterRowsOf } from '../core/analysis/clusterDefaults';
import type { RfmSettings } from '../core/rfm/rfm';
import type { AnalysisSession } from '../core/session/session';
import { exportDialectFrom, withClusterDefaults } from './analyzeFlags';
import { choiceOption, intOption, parseCommandArgs } from './args';
import { defaultSegmentMap, nameSegments, SEGMENT_SCHEMES } from '../core/rfm/rfmSegments';
import type { Voice } from './voice';
import type { Io } from './io';
import { columnChoices, MAPPING_FLAGS, rfmSettingsFrom } from './mappingFlags';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { READ_FLAGS, readChoiceFrom } from './readChoiceFlags';
import { fileReadJson, sheetLine } from './fileReport';
import { rfmJson, rfmText } from './rfmReport';
import { checkOutputs, writeExports } from './outputFiles';
import { saveModel } from '../core/model/saveModel';
import { writeModelFile } from './modelFiles';
import { writeReportFile } from './reportFile';
import { RFM_TIMED_STAGES, stageTimer } from './stageTimings';

export function rfmUsage(language: Language): string {
  return helpText(language, 'rfm');
}

const RFM_FLAGS = {
  ...MAPPING_FLAGS,
  k: { type: 'string' },
  'k-max': { type: 'string' },
  'n-init': { type: 'string' },
  seed: { type: 'string' },
  'segment-map': { type: 'string' },
  ...READ_FLAGS,
  out: { type: 'string' },
  'export-dialect': { type: 'string' },
  'save-model': { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The clustering on RFM: the flags, with the page's restarts and silhouette sample for the
 * customers it expects (clusterDefaultsFor) unless --n-init gave them.
 */
export function rfmClusterOptions(
  values: { 'n-init'?: string },
  options: AnalysisOptions,
  session: AnalysisSession,
  settings: RfmSettings,
): AnalysisOptions {
  return withClusterDefaults(options, values, clusterRowsOf(session.summary(), settings));
}

/** segmentlens rfm FILE: RFM per customer from order lines, named segments, clusters on RFM. */
export async function rfmCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, RFM_FLAGS);
  if (values.help) {
    io.stdout.write(rfmUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UserError('bad-option', 'cliOneFile', { command: 'rfm' });
  const k = intOption('k', values.k, 1);
  const flagOptions: AnalysisOptions = {
    ...DEFAULT_ANALYSIS_OPTIONS,
    k: k ?? null,
    kMax: Math.max(
      k ?? 1,
      intOption('k-max', values['k-max'], 1, 50) ?? DEFAULT_ANALYSIS_OPTIONS.kMax,
    ),
    nInit: intOption('n-init', values['n-init'], 1, 1000) ?? DEFAULT_ANALYSIS_OPTIONS.nInit,
    seed: intOption('seed', values.seed, 0) ?? 0,
  };
  const dialect = exportDialectFrom(values);
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  const timer = stageTimer(progress, RFM_TIMED_STAGES);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), timer.onProgress, {
      clusters: true,
    });
    const settings = rfmSettingsFrom(values, session);
    const options = rfmClusterOptions(values, flagOptions, session, settings);
    const rfm = session.rfm(settings, timer.onProgress);
    const scheme = choiceOption('segment-map', values['segment-map'], SEGMENT_SCHEMES) ?? 'rf-grid';
    // The mean segments split on M: without money they would call everyone low-spend.
    if (scheme === 'rfm-mean' && !rfm.hasMoney)
      throw new UserError('bad-option', 'rfmMeanSchemeNeedsMoney');
    const defaultMap = defaultSegmentMap(scheme);
    const choices = columnChoices(values, settings.mapping, session);
    const map = nameSegments(defaultMap, voice.say);
    const request = { options, rfm: settings };
    const analysis = await session.segmentation(request, { onProgress: timer.onProgress });
    const timings = timer.timings();
    progress.done();
    if (values.out !== undefined) {
      const choice = { map, k: analysis.k, dialect };
      const table = await session.exportRfm(settings, options, choice, voice.say);
      const setAside = session.exportRfmSetAside(settings, voice.say, dialect);
      await writeExports(values.out, [
        { name: 'rfm.csv', parts: table.parts },
        { name: 'set-aside.csv', parts: setAside.parts },
      ]);
    }
    const modelPath = values['save-model'];
    if (modelPath !== undefined)
      await writeModelFile(
        modelPath,
        await saveModel(session, request, analysis.k, [], { rfmMap: defaultMap }),
      );
    const reportPath = values.report;
    const reportLine =
      reportPath === undefined
        ? ''
        : await writeReportFile(
            reportPath,
            session,
            { segmentation: request, k: analysis.k, rfm: settings, rfmMap: map },
            voice,
          );
    io.stdout.write(
      values.json
        ? JSON.stringify({
            ...fileReadJson(session.read),
            ...rfmJson(rfm, analysis, map, voice, settings.mapping, choices),
            ...(modelPath === undefined ? {} : { modelFile: modelPath }),
            ...(reportPath === undefined ? {} : { reportFile: reportPath }),
            timings,
          }) + '\n'
        : sheetLine(session.read, voice) +
            rfmText(path, rfm, analysis, map, values.out, voice, settings.mapping, choices) +
            (modelPath === undefined ? '' : voice.text('modelSaved', { path: modelPath }) + '\n') +
            reportLine,
    );
    return 0;
  } finally {
    progress.done();
  }
}
