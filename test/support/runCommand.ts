import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { createVoice, type Voice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import type { Language } from '../../src/i18n/languages';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command function with buffers for its streams, and turns a problem the user can fix
 * into one line on stderr and status 2, as src/cli/main.ts does for every command.
 */
export async function runCommand(
  command: (argv: string[], io: Io, voice: Voice) => Promise<number>,
  argv: string[],
  language: Language = 'en',
): Promise<CommandRun> {
  const { io, run } = bufferedIo();
  const voice = createVoice(language);
  try {
    return run(await command(argv, io, voice));
  } catch (error) {
    if (!isUserError(error)) throw error;
    io.stderr.write(`segmentlens: ${voice.say(error.sentence)}\n`);
    return run(2);
  }
}

/** The whole command line (src/cli/main.ts) in this process, in the environment given (none: English). */
export async function runMain(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CommandRun> {
  const { io, run } = bufferedIo();
  return run(await main(args, io, env));
}

/** Streams that keep what is written, and the run they make with a status. */
function bufferedIo(): { io: Io; run: (code: number) => CommandRun } {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  return { io, run: (code) => ({ code, stdout, stderr }) };
}
