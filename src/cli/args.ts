import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/common/userError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A token that is a negative number (-1, -0.5, -.5, -1e3): a value, never an option. */
const NEGATIVE_NUMBER = /^-(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Parses argv against a parseArgs config; unknown or malformed options become a UserError. A
 * negative number after an option that takes a value is that option's value (--z -1 is --z=-1),
 * for every command; anywhere else it is refused, never swallowed by a flag.
 */
export function parseCommandArgs<T extends Options>(argv: string[], options: T) {
  const args = withOptionValues(argv, options);
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    // Whatever the check above lets through, in parseArgs' own (English) words.
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify.*$/, '');
    throw new UserError('bad-option', 'cliBadArguments', { problem: message.replace(/\.$/, '') });
  }
}

/**
 * argv with each option that takes a value joined to a negative number that follows it
 * (--seed -5 becomes --seed=-5), after checking every option the way parseArgs would, so that
 * each mistake is one sentence in the user's language. Nothing after `--` is looked at.
 */
export function withOptionValues(argv: readonly string[], options: Options): string[] {
  const byShort = new Map(
    Object.entries(options).flatMap(([name, option]) =>
      option.short === undefined ? [] : [[option.short, name] as const],
    ),
  );
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (NEGATIVE_NUMBER.test(arg))
      throw new UserError('bad-option', 'cliStrayNumber', { value: arg });
    const long = /^--([^=]+)(=.*)?$/s.exec(arg);
    const shorts = long === null && /^-[^-]/.test(arg) ? [...arg.slice(1)] : [];
    if (long === null && shorts.length === 0) {
      args.push(arg);
      continue;
    }
    // Short flags may run together (-hv); one that takes a value takes the rest (-oDIR).
    for (const letter of shorts) {
      const flag = byShort.get(letter);
      if (flag === undefined)
        throw new UserError('bad-option', 'cliUnknownOption', { option: `-${letter}` });
      if (options[flag].type === 'string') break;
    }
    const name = long !== null ? long[1] : byShort.get(shorts[0])!;
    const written = long !== null ? `--${name}` : `-${shorts[0]}`;
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (option === undefined)
      throw new UserError('bad-option', 'cliUnknownOption', { option: written });
    const inline = long !== null ? long[2] !== undefined : shorts.length > 1;
    if (option.type === 'boolean') {
      if (long !== null && inline)
        throw new UserError('bad-option', 'cliOptionTakesNoValue', { option: written });
      args.push(arg);
      continue;
    }
    if (inline) {
      args.push(arg);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value === '--')
      throw new UserError('bad-option', 'cliOptionNeedsValue', { option: written });
    if (value.startsWith('-') && value !== '-' && !NEGATIVE_NUMBER.test(value))
      throw new UserError('bad-option', 'cliOptionValueIsOption', { option: written, value });
    args.push(long !== null ? `${written}=${value}` : `${written}${value}`);
    i++;
  }
  return args;
}

export function listOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function intOption(
  name: string,
  value: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw max === Number.MAX_SAFE_INTEGER
      ? new UserError('bad-option', 'cliWholeNumberAtLeast', { name, min, value })
      : new UserError('bad-option', 'cliWholeNumberRange', { name, min, max, value });
  }
  return parsed;
}

export function numberOption(
  name: string,
  value: string | undefined,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    throw new UserError('bad-option', 'cliNumberAtLeast', { name, min, value });
  }
  return parsed;
}

export function choiceOption<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserError('bad-option', 'cliChoice', { name, choices: choices.join(', '), value });
  }
  return value as T;
}
