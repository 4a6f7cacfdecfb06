import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { UserError } from '../core/common/userError';
import { applyExportFiles } from '../core/model/applyExport';
import { applyView } from '../core/model/applyView';
import { parseCommandArgs } from './args';
import { applyJson, applyText } from './applyReport';
import type { Io } from './io';
import { readModelFile } from './modelFiles';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { READ_FLAGS, readChoiceFrom } from './readChoiceFlags';
import type { Voice } from './voice';
import { checkOutputs, removedLine, writeExports } from './outputFiles';

export function applyUsage(language: Language): string {
  return helpText(language, 'apply');
}

const APPLY_FLAGS = {
  ...READ_FLAGS,
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** segmentlens apply MODEL FILE: a saved model's segments for the rows of another file. */
export async function applyCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, APPLY_FLAGS);
  if (values.help) {
    io.stdout.write(applyUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 2) throw new UserError('bad-option', 'cliApplyFiles');
  const [modelPath, path] = positionals;
  const model = await readModelFile(modelPath);
  const progress = progressPrinter(io, !values.json);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), progress);
    const view = applyView(session, model, (f) => progress('cluster', f));
    progress.done();
    let files: string[] = [];
    let removed: string[] = [];
    if (values.out !== undefined) {
      const exports = applyExportFiles(session, model, voice.say);
      removed = await writeExports(values.out, exports);
      files = exports.map((file) => file.name);
    }
    io.stdout.write(
      values.json
        ? JSON.stringify({
            ...applyJson(path, model, view, voice),
            ...(removed.length === 0 ? {} : { removedFiles: removed }),
          }) + '\n'
        : applyText(path, model, view, values.out, files, voice) +
            removedLine(values.out, removed, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}
