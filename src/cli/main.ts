import { isUserError } from '../core/common/userError';
import { analyzeCommand, ANALYZE_USAGE } from './analyzeCommand';
import type { Io } from './io';
import { rfmCommand, RFM_USAGE } from './rfmCommand';
import { createVoice, languageFromArgs } from './voice';

const USAGE = `segmentlens: customer segments from a CSV file, on your machine.

Commands:
  segmentlens analyze FILE [options]   segment customers (one row per customer)
  segmentlens rfm FILE [options]       RFM segments from order lines (one row per order line)

Run "segmentlens analyze --help" or "segmentlens rfm --help" for the options.

Every command takes --lang en|zh for its messages and its text report (default: the
environment's locale, LC_ALL, LC_MESSAGES or LANG; JSON keys stay English).

${ANALYZE_USAGE}

${RFM_USAGE}`;

/**
 * The command line. Returns the exit status: 0 on success, 2 for a problem the user can fix
 * (one line on stderr saying what to do), 1 for a bug.
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
      io.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === 'analyze' || command === 'analyse')
      return await analyzeCommand(rest, io, voice);
    if (command === 'rfm') return await rfmCommand(rest, io, voice);
    io.stderr.write(`segmentlens: ${voice.text('noCommand', { command })}\n`);
    return 2;
  } catch (error) {
    if (isUserError(error)) {
      io.stderr.write(`segmentlens: ${voice.say(error.sentence)}\n`);
      return 2;
    }
    const detail = (error as Error)?.message ?? String(error);
    io.stderr.write(`segmentlens: ${voice.text('internalError', { detail })}\n`);
    if (env.SEGMENTLENS_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
