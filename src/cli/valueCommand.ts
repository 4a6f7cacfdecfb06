import { clusterRowsOf } from '../core/analysis/clusterDefaults';
import { withClusterDefaults } from './analyzeFlags';
import { UserError } from '../core/common/userError';
import { defaultSegmentMap, nameSegments, SEGMENT_SCHEMES } from '../core/rfm/rfmSegments';
import { atRiskExport, valueExport } from '../core/session/valueExports';
import { customerValueView, valueByGroupView } from '../core/session/valueSession';
import { choiceOption, parseCommandArgs } from './args';
import type { Io } from './io';
import { rfmSettingsFrom } from './mappingFlags';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { readChoiceFrom } from './readChoiceFlags';
import { VALUE_FLAGS, valueUsage, valueClusteringFrom, valueOptionsFrom } from './valueFlags';
import { valueJson, valueText } from './valueReport';
import type { Voice } from './voice';
import { checkOutputs, writeExports } from './outputFiles';

export { valueUsage };

/**
 * segmentlens value FILE: BG/NBD and Gamma-Gamma on the file's order lines, P(alive), expected
 * purchases and CLV, per named RFM segment and cluster, the holdout check when asked.
 */
export async function valueCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, VALUE_FLAGS);
  if (values.help) {
    io.stdout.write(valueUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UserError('bad-option', 'cliOneFile', { command: 'value' });
  }
  // Every flag is checked before the file is read.
  const options = valueOptionsFrom(values);
  const asked = valueClusteringFrom(values);
  const scheme = choiceOption('segment-map', values['segment-map'], SEGMENT_SCHEMES) ?? 'rf-grid';
  const readChoice = readChoiceFrom(values);
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoice, progress);
    const settings = rfmSettingsFrom(values, session);
    const clusters =
      asked === null
        ? null
        : {
            ...asked,
            clustering: withClusterDefaults(
              asked.clustering,
              values,
              clusterRowsOf(session.summary(), settings),
            ),
          };
    const request = { ...options, rfm: settings };
    const { rfm } = session.linesAndRfm(settings, progress);
    // The pipeline's stages have no name for the fits yet: they report as part of RFM.
    const view = customerValueView(session, request, (f) => progress('rfm', f));
    const map = nameSegments(defaultSegmentMap(scheme), voice.say);
    const bySegment = await valueByGroupView(session, request, { kind: 'rfm', map });
    const byCluster =
      clusters === null
        ? null
        : await valueByGroupView(
            session,
            request,
            { kind: 'cluster', ...clusters },
            { onProgress: progress },
          );
    progress.done();
    if (values.out !== undefined) {
      const table = await valueExport(session, request, { map, clusters }, voice.say);
      const atRisk = atRiskExport(session, request, map, voice.say);
      await writeExports(values.out, [
        { name: 'value.csv', parts: table.parts },
        { name: 'at-risk.csv', parts: atRisk.parts },
      ]);
    }
    const report = { lines: rfm.rows, view, bySegment, byCluster };
    io.stdout.write(
      values.json
        ? JSON.stringify(valueJson(report, voice)) + '\n'
        : valueText(path, report, values.out, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}
