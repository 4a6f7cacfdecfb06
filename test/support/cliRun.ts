import type { Io } from '../../src/cli/io';
import { createVoice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import type { Language } from '../../src/i18n/languages';

type Command = (argv: string[], io: Io, voice: ReturnType<typeof createVoice>) => Promise<number>;

/** Runs a command function with buffers for its streams; a UserError exits 2 with its sentence. */
export async function runCommand(
  command: Command,
  argv: string[],
  language: Language = 'en',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const voice = createVoice(language);
  try {
    const code = await command(argv, io, voice);
    return { code, stdout, stderr };
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: 2, stdout, stderr: stderr + voice.say(error.sentence) + '\n' };
  }
}
