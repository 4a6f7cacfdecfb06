import { isUserError } from '../core/common/userError';
import type { Language } from '../i18n/languages';
import { COMMANDS } from './commands';
import { lastSheetLine, rememberFileRead } from './fileReport';
import { helpText } from './help';
import type { Io } from './io';
import { createVoice, languageFromArgs } from './voice';

/**
 * What a command is given, as the first line of its own help writes it ("MODEL FILE" of
 * "segmentlens apply MODEL FILE [options]").
 */
export function operandsOf(usage: string): string {
  const words = usage.split('\n')[0].split(' ').slice(2);
  const options = words.findIndex((word) => !/^[A-Z]+$/.test(word));
  return words.slice(0, options < 0 ? words.length : options).join(' ');
}

/** The help of every command, each loaded for it, in the language asked for. */
async function usage(language: Language): Promise<string> {
  const loaded = await Promise.all(COMMANDS.map((command) => command.load()));
  const options = helpText(language, 'options');
  const commands = COMMANDS.map(
    (command, i) =>
      `  segmentlens ${command.names[0].padEnd(10)} ${operandsOf(loaded[i].usage(language)).padEnd(10)} ${options}   ${helpText(language, command.summary)}`,
  ).join('\n');
  const overview = helpText(language, 'overview', { values: { commands } });
  return [overview, ...loaded.map((command) => command.usage(language))].join('\n\n');
}

/**
 * The command line. Returns the exit status: 0 on success, 2 for a problem the user can fix
 * (one line on stderr saying what to do; after it, for a workbook of several sheets, the line
 * naming them), 1 for a bug.
 */
export async function main(
  argv: string[],
  io: Io,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let voice = createVoice('en');
  try {
    const { language, rest: args } = languageFromArgs(argv, env);
    voice = createVoice(language);
    const [command, ...rest] = args;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write((await usage(voice.language)) + '\n');
      return command === undefined ? 2 : 0;
    }
    const known = COMMANDS.find((candidate) => candidate.names.includes(command));
    rememberFileRead(null);
    if (known) return await (await known.load()).run(rest, io, voice);
    io.stderr.write(`segmentlens: ${voice.text('noCommand', { command })}\n`);
    return 2;
  } catch (error) {
    if (isUserError(error)) {
      io.stderr.write(`segmentlens: ${voice.say(error.sentence)}\n`);
      // Refused for what one sheet holds: the workbook's other sheets may hold the table.
      const sheets = lastSheetLine(voice);
      if (sheets !== '') io.stderr.write(`segmentlens: ${sheets}`);
      return 2;
    }
    const detail = (error as Error)?.message ?? String(error);
    io.stderr.write(`segmentlens: ${voice.text('internalError', { detail })}\n`);
    if (env.SEGMENTLENS_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
