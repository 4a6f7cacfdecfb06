import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands';
import { operandsOf } from '../../src/cli/main';
import { runMain } from '../support/runCommand';
import type { Language } from '../../src/i18n/languages';

const run = (args: string[]) => runMain(args);

/** The options a help lists, one per line that starts with one, in order. */
function optionsListed(help: string): string[] {
  return [...help.matchAll(/^ {2}(-{1,2}[a-z0-9][a-z0-9-]*)/gm)].map((match) => match[1]);
}

function repeated(items: readonly string[]): string[] {
  return [...new Set(items.filter((item, i) => items.indexOf(item) !== i))];
}

const LANGUAGES: Language[] = ['en', 'zh'];

describe('every command’s help', () => {
  it('finds a repeated option (the check below can fail)', () => {
    expect(repeated(optionsListed('  --item COL  one\n  --out DIR\n  --item COL  two\n'))).toEqual([
      '--item',
    ]);
  });

  for (const command of COMMANDS) {
    const name = command.names[0];
    for (const language of LANGUAGES) {
      it(`${name} --help --lang ${language} lists each option once`, async () => {
        const { code, stdout } = await run([name, '--help', '--lang', language]);
        expect(code).toBe(0);
        const listed = optionsListed(stdout);
        expect(listed.length).toBeGreaterThan(1);
        expect(repeated(listed)).toEqual([]);
      });
    }

    it(`${name} takes every option its help lists`, async () => {
      const { stdout } = await run([name, '--help']);
      for (const option of new Set(optionsListed(stdout))) {
        // A flag alone, or an option with a value: one of the two is taken, then --help answers.
        const alone = await run([name, option, '--help']);
        const valued = await run([name, `${option}=x`, '--help']);
        expect([alone.code, valued.code], `${name} ${option}`).toContain(0);
      }
    });
  }

  it('value’s help says under --snapshot that the snapshot is where observation ends', async () => {
    const lines = (await run(['value', '--help'])).stdout.split('\n');
    const snapshot = lines.findIndex((line) => line.startsWith('  --snapshot DATE'));
    expect(lines[snapshot + 1].trim()).toBe('(the snapshot is also where observation ends)');
    const cancellations = lines.findIndex((line) => line.startsWith('  --no-cancellations'));
    expect(lines.slice(cancellations).join('\n')).not.toContain('observation');
  });
});

describe('segmentlens --help', () => {
  it('lists each command with what its own help says it is given', async () => {
    for (const language of LANGUAGES) {
      const options = language === 'en' ? '\\[options\\]' : '\\[选项\\]';
      const { code, stdout } = await run(['--help', '--lang', language]);
      expect(code).toBe(0);
      const commands = stdout.split('\n\n')[1].split('\n').slice(1);
      expect(commands).toHaveLength(COMMANDS.length);
      for (const [i, command] of COMMANDS.entries()) {
        const usage = (await command.load()).usage(language);
        const [, name, operands] = new RegExp(`^ {2}segmentlens (\\S+) +(.*?) +${options}`).exec(
          commands[i],
        )!;
        expect(name).toBe(command.names[0]);
        expect(operands).toBe(operandsOf(usage));
        expect(usage.split('\n')[0]).toMatch(new RegExp(`^segmentlens ${name} ${operands} `));
        expect(stdout).toContain(usage);
      }
      expect(stdout).toMatch(new RegExp(`^ {2}segmentlens apply +MODEL FILE +${options}`, 'm'));
      expect(stdout).toMatch(new RegExp(`^ {2}segmentlens sql +MODEL +${options}`, 'm'));
      expect(stdout).toMatch(new RegExp(`^ {2}segmentlens predict +FILE +${options}`, 'm'));
    }
  });

  it('says the same options in Chinese as in English, in Chinese words', async () => {
    const { stdout: overview } = await run(['--help', '--lang', 'zh']);
    expect(overview).toContain('命令：');
    for (const command of COMMANDS) {
      const { usage } = await command.load();
      const english = usage('en');
      const chinese = usage('zh');
      const flags = (text: string) => text.match(/--[a-z][a-z0-9-]*/g);
      expect(flags(chinese)).toEqual(flags(english));
      const { stdout } = await run([command.names[0], '--help', '--lang', 'zh']);
      expect(stdout).toBe(chinese + '\n');
      // What is left once the flags, their values and the file names are taken out is Chinese.
      const prose = chinese
        .replace(/--[a-z][a-z0-9-]*( [^ ]+)?/g, '')
        .replace(/[\w.-]+\.(csv|xlsx|xls|html)\b/g, '');
      expect(prose).not.toMatch(/\b(the|of|and|with|rows?|write|default:)\b/i);
    }
  });

  it('takes what a command is given from the first line of its help', () => {
    expect(operandsOf('segmentlens apply MODEL FILE [options]\n\nText')).toBe('MODEL FILE');
    expect(operandsOf('segmentlens sql MODEL --dialect duckdb|postgres [options]')).toBe('MODEL');
    expect(operandsOf('segmentlens predict FILE --target COL [options]')).toBe('FILE');
  });
});
