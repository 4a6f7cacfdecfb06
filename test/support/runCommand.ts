import type { Io } from '../../src/cli/io';
import { createVoice, type Voice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import type { Language } from '../../src/i18n/languages';

/**
 * Runs a command function as src/cli/main.ts runs it, with a fake io: a problem the user can fix
 * is one line on stderr and status 2.
 */
export async function runCommand(
  command: (argv: string[], io: Io, voice: Voice) => Promise<number>,
  argv: string[],
  language: Language = 'en',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
  };
  const voice = createVoice(language);
  let code: number;
  try {
    code = await command(argv, io, voice);
  } catch (error) {
    if (!isUserError(error)) throw error;
    stderr.push(`segmentlens: ${voice.say(error.sentence)}\n`);
    code = 2;
  }
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}
