import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { MODEL_KINDS, type ModelKind } from '../core/classify/predictModels';
import { UserError } from '../core/common/userError';
import { predictionsExport } from '../core/session/predictExport';
import {
  defaultPredictFeatures,
  defaultPredictRequest,
  type PredictRequest,
} from '../core/session/predictRequest';
import { predictView, type PredictProgress } from '../core/session/predictSession';
import { analysisOptionsFrom } from './analyzeFlags';
import { choiceOption, intOption, listOption, numberOption, parseCommandArgs } from './args';
import type { Io } from './io';
import { openSession } from './openSession';
import { predictJson, predictText } from './predictReport';
import { progressPrinter } from './progressPrinter';
import { READ_FLAGS, readChoiceFrom } from './readChoiceFlags';
import type { Voice } from './voice';
import { checkOutputs, writeExports } from './outputFiles';

export function predictUsage(language: Language): string {
  return helpText(language, 'predict');
}

const PREDICT_FLAGS = {
  target: { type: 'string' },
  features: { type: 'string' },
  model: { type: 'string' },
  'test-share': { type: 'string' },
  seed: { type: 'string' },
  depth: { type: 'string' },
  trees: { type: 'string' },
  missing: { type: 'string' },
  'fill-value': { type: 'string' },
  duplicates: { type: 'string' },
  outliers: { type: 'string' },
  'outlier-method': { type: 'string' },
  z: { type: 'string' },
  log1p: { type: 'string' },
  'pad-short-rows': { type: 'boolean' },
  ...READ_FLAGS,
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** segmentlens predict FILE --target COL: three classifiers on one split, judged on held-out rows. */
export async function predictCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, PREDICT_FLAGS);
  if (values.help) {
    io.stdout.write(predictUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError('bad-option', 'cliOneFile', { command: 'predict' });
  if (values.target === undefined) throw new UserError('bad-option', 'classifyCliTarget');
  const target = values.target;
  // The analyze command's cleaning flags, read as it reads them.
  const { clean: cleaning } = analysisOptionsFrom({
    missing: values.missing,
    'fill-value': values['fill-value'],
    duplicates: values.duplicates,
    outliers: values.outliers,
    'outlier-method': values['outlier-method'],
    z: values.z,
    log1p: values.log1p,
    'pad-short-rows': values['pad-short-rows'],
  });
  const model = choiceOption('model', values.model, [...MODEL_KINDS, 'all'] as const) ?? 'all';
  const settings = {
    models: model === 'all' ? [...MODEL_KINDS] : [model as ModelKind],
    testShare: numberOption('test-share', values['test-share'], 0),
    seed: intOption('seed', values.seed, 0),
    treeDepth: intOption('depth', values.depth, 1, 30),
    trees: intOption('trees', values.trees, 1, 10_000),
  };
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), progress);
    progress.done();
    const defaults = defaultPredictRequest(session, target);
    const request: PredictRequest = {
      ...defaults,
      features: listOption(values.features) ?? defaultPredictFeatures(session, target),
      cleaning,
      models: settings.models,
      testShare: settings.testShare ?? defaults.testShare,
      seed: settings.seed ?? defaults.seed,
      treeDepth: settings.treeDepth ?? defaults.treeDepth,
      trees: settings.trees ?? defaults.trees,
    };
    const view = await predictView(session, request, modelProgress(io, !values.json, voice));
    if (values.out !== undefined) {
      const { parts } = await predictionsExport(session, request, voice.say);
      await writeExports(values.out, [{ name: 'predictions.csv', parts }]);
    }
    io.stdout.write(
      values.json
        ? JSON.stringify(predictJson(view, voice)) + '\n'
        : predictText(path, view, values.out, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}

/** Each model's progress on stderr, one updating line, only when stderr is a terminal. */
function modelProgress(io: Io, enabled: boolean, voice: Voice): PredictProgress {
  const tty = enabled && (io.stderr as { isTTY?: boolean }).isTTY === true;
  let last = 0;
  return (step, fraction) => {
    if (!tty) return;
    const now = Date.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    const name = voice.text('modelName', { model: step });
    io.stderr.write(`\r\u001b[K${name} ${(fraction * 100).toFixed(0).padStart(3)}%`);
    if (fraction >= 1) io.stderr.write('\r\u001b[K');
  };
}
