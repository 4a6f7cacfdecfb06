import { message, type Message, type MessageParams } from '../common/message';
import { UserError } from '../common/userError';

/**
 * Reading a model file's JSON, which anyone may have edited: every value is checked for its
 * type and range as it is read, and the first problem is refused in one sentence that names
 * where it is (`clustering.centres`) and what is wrong. Values are copied into new objects;
 * nothing of the parsed JSON is kept, and nothing in it is ever run or used as a key.
 */
export type Path = string;

export function refuse(path: Path, problem: Message): never {
  throw new UserError('bad-model', 'modelDamaged', { field: path, problem });
}

export function problem(key: Message['key'], params?: MessageParams): Message {
  return message(key, params);
}

/** A JSON object's own fields (never an array, never null). */
export type Fields = { readonly [name: string]: unknown };

export function group(value: unknown, path: Path): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse(path, problem('modelProblemNotGroup'));
  return value as Fields;
}

/** A field that must be there (own fields only: nothing inherited is read). */
export function field(fields: Fields, name: string, path: Path): unknown {
  if (!Object.prototype.hasOwnProperty.call(fields, name))
    refuse(join(path, name), problem('modelProblemMissing'));
  return fields[name];
}

export function join(path: Path, name: string | number): Path {
  return typeof name === 'number' ? `${path}[${name}]` : path === '' ? name : `${path}.${name}`;
}

export function text(value: unknown, path: Path, maxLength = 1000, allowEmpty = true): string {
  if (typeof value !== 'string') refuse(path, problem('modelProblemNotText'));
  if (value.length > maxLength) refuse(path, problem('modelProblemTooLong', { max: maxLength }));
  if (!allowEmpty && value.trim().length === 0) refuse(path, problem('modelProblemEmpty'));
  return value;
}

export function number(value: unknown, path: Path, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    refuse(path, problem('modelProblemNotNumber'));
  if (value < min || value > max) refuse(path, rangeProblem(min, max));
  return value;
}

export function whole(value: unknown, path: Path, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    refuse(path, problem('modelProblemNotWhole'));
  if (value < min || value > max) refuse(path, rangeProblem(min, max));
  return value;
}

function rangeProblem(min: number, max: number): Message {
  return max === Infinity || max === Number.MAX_SAFE_INTEGER
    ? problem('modelProblemBelow', { min })
    : min === -Infinity
      ? problem('modelProblemAbove', { max })
      : problem('modelProblemRange', { min, max });
}

export function yesNo(value: unknown, path: Path): boolean {
  if (typeof value !== 'boolean') refuse(path, problem('modelProblemNotYesNo'));
  return value;
}

export function choice<T extends string>(value: unknown, path: Path, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value))
    refuse(
      path,
      problem('modelProblemChoice', {
        value: typeof value === 'string' ? value.slice(0, 40) : String(typeof value),
        choices: choices.join(', '),
      }),
    );
  return value as T;
}

export function list<T>(
  value: unknown,
  path: Path,
  maxLength: number,
  item: (value: unknown, path: Path, index: number) => T,
): T[] {
  if (!Array.isArray(value)) refuse(path, problem('modelProblemNotList'));
  if (value.length > maxLength) refuse(path, problem('modelProblemTooMany', { max: maxLength }));
  return value.map((v, i) => item(v, join(path, i), i));
}

/** A list of finite numbers, of exactly `length` when given. */
export function numbers(
  value: unknown,
  path: Path,
  length?: number,
  maxLength = 5_000_000,
): number[] {
  const values = list(value, path, maxLength, (v, p) => number(v, p));
  if (length !== undefined) expectLength(values, length, path);
  return values;
}

export function expectLength(values: readonly unknown[], length: number, path: Path): void {
  if (values.length !== length)
    refuse(path, problem('modelProblemLength', { count: values.length, expected: length }));
}

export function nullable<T>(value: unknown, read: (value: unknown) => T): T | null {
  return value === null ? null : read(value);
}

/** Texts that name distinct things (columns, categories). */
export function distinct(values: readonly string[], path: Path): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) refuse(join(path, i), problem('modelProblemRepeated', { value }));
    seen.add(value);
  });
}
