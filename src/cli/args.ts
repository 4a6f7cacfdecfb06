import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/common/userError';

/** Parses argv against a parseArgs config; unknown or malformed options become a UserError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify.*$/, '');
    throw new UserError('bad-option', 'cliBadArguments', { problem: message.replace(/\.$/, '') });
  }
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
