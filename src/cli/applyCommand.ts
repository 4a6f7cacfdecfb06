import { UserError } from '../core/common/userError';
import { applyExportFiles } from '../core/model/applyExport';
import { applyView } from '../core/model/applyView';
import { parseCommandArgs } from './args';
import { applyJson, applyText } from './applyReport';
import type { Io } from './io';
import { readModelFile } from './modelFiles';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { READ_FLAGS, READ_USAGE, readChoiceFrom } from './readChoiceFlags';
import type { Voice } from './voice';
import { checkOutputs, writeExports } from './outputFiles';

export const APPLY_USAGE = `segmentlens apply MODEL FILE [options]

Puts the rows (or, for an RFM model, the customers) of FILE into the segments of a saved model
(analyze or rfm --save-model MODEL): the saved cleaning, scaling and centres, nothing refitted.
Prints the sizes next to the saved ones and any drift (a feature whose mean moved more than half
a standard deviation, categories never seen).

${READ_USAGE}
  --out DIR             write segments.csv, one CSV per segment and set-aside.csv (RFM models:
                        rfm.csv and set-aside.csv), as analyze and rfm --out do
  --json                print the result as one JSON object`;

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
    io.stdout.write(APPLY_USAGE + '\n');
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
    if (values.out !== undefined) {
      const exports = applyExportFiles(session, model, voice.say);
      await writeExports(values.out, exports);
      files = exports.map((file) => file.name);
    }
    io.stdout.write(
      values.json
        ? JSON.stringify(applyJson(path, model, view, voice)) + '\n'
        : applyText(path, model, view, values.out, files, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}
