import { describe, expect, it } from 'vitest';
import { parseCommandArgs, withOptionValues } from '../../src/cli/args';
import { COMMANDS } from '../../src/cli/commands';
import { runMain } from '../support/runCommand';
import { createVoice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import type { Language } from '../../src/i18n/languages';

const OPTIONS = {
  z: { type: 'string' },
  seed: { type: 'string' },
  name: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
} as const;

function parse(argv: string[]) {
  return parseCommandArgs(argv, OPTIONS);
}

/** The sentence argv is refused with, in a language; fails when it is taken. */
function refusal(argv: string[], language: Language = 'en'): string {
  try {
    parse(argv);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return createVoice(language).say(error.sentence);
  }
  throw new Error(`${argv.join(' ')} was taken`);
}

describe('parseCommandArgs', () => {
  it('takes a negative number after an option that takes a value as its value', () => {
    for (const number of ['-1', '-0.5', '-.5', '-1e3', '-1E+3', '-2.', '-7e-2']) {
      expect(parse(['file.csv', '--z', number]).values.z, number).toBe(number);
    }
    const { values, positionals } = parse(['--seed', '-5', 'file.csv', '--z=-1', '--json']);
    expect(values).toEqual({ seed: '-5', z: '-1', json: true });
    expect(positionals).toEqual(['file.csv']);
    expect(parse(['--name', '-1', '--name', '2']).values.name).toEqual(['-1', '2']);
    expect(parse(['-o', '-3']).values.out).toBe('-3');
  });

  it('lets a boolean flag swallow no number: the number is refused in one sentence', () => {
    expect(refusal(['file.csv', '--json', '-1'])).toBe(
      '-1 is not an option, nor the value of one: put it right after the option it is for (--OPTION -1).',
    );
    expect(refusal(['-h', '-0.5'], 'zh')).toBe(
      '-0.5 不是选项，也不是某个选项的值：请把它紧跟在它所属的选项后面（--选项 -0.5）。',
    );
    expect(refusal(['-2', 'file.csv'])).toMatch(/^-2 is not an option/);
  });

  it('leaves everything after -- alone', () => {
    expect(withOptionValues(['--z', '-1', '--', '--json', '-1'], OPTIONS)).toEqual([
      '--z=-1',
      '--',
      '--json',
      '-1',
    ]);
    expect(parse(['--', '-1']).positionals).toEqual(['-1']);
  });

  it('takes no word that starts with a dash as a value, and says how to give one', () => {
    expect(refusal(['--out', '-results'])).toBe(
      '--out needs a value, but -results follows it: give the value right after --out, or write --out=-results if that is the value.',
    );
    expect(parse(['--out=-results']).values.out).toBe('-results');
    expect(refusal(['--z', '--json'])).toMatch(/^--z needs a value, but --json follows it/);
  });

  it('says each other mistake in one sentence in the user’s language', () => {
    expect(refusal(['--bogus'])).toBe('There is no option --bogus: see segmentlens --help.');
    expect(refusal(['--bogus=1'], 'zh')).toBe('没有 --bogus 这个选项：请查看 segmentlens --help。');
    expect(refusal(['-x'])).toBe('There is no option -x: see segmentlens --help.');
    expect(refusal(['-hx'])).toBe('There is no option -x: see segmentlens --help.');
    expect(refusal(['file.csv', '--z'])).toBe(
      '--z needs a value: give it right after the option (--z VALUE).',
    );
    expect(refusal(['--z'], 'zh')).toBe('--z 需要一个值：请把值紧跟在选项后面（--z 值）。');
    expect(refusal(['--json=yes'])).toBe('--json takes no value: write --json alone.');
  });

  it('gives analyze --z -1 and --seed -1 to the checks of their values', async () => {
    for (const [flag, sentence] of [
      ['--z', '--z must be a number of at least 0, not "-1".'],
      ['--seed', '--seed must be a whole number of at least 0, not "-1".'],
    ]) {
      const { code, stderr } = await runMain(['analyze', 'customers.csv', flag, '-1']);
      expect(code).toBe(2);
      expect(stderr).toBe(`segmentlens: ${sentence}\n`);
    }
  });

  it('is where every command reads its arguments: all refuse a stray number alike', async () => {
    for (const command of COMMANDS) {
      const { code, stdout, stderr } = await runMain([
        command.names[0],
        '--help',
        '-1',
        '--lang',
        'zh',
      ]);
      expect(code, command.names[0]).toBe(2);
      expect(stdout).toBe('');
      expect(stderr, command.names[0]).toBe(
        'segmentlens: -1 不是选项，也不是某个选项的值：请把它紧跟在它所属的选项后面（--选项 -1）。\n',
      );
    }
  });
});
