/** The SQL engines a generated query is written for (and tested on). */
export type SqlDialect = 'duckdb' | 'postgres';
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres'];

/**
 * An identifier as both engines read it: in double quotes, a double quote doubled. Spaces, `$`,
 * Chinese characters and quotes are all kept. NUL cannot be in an identifier, so it is dropped.
 */
export function identifier(name: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is not allowed in SQL text
  return `"${name.replace(/\u0000/g, '').replace(/"/g, '""')}"`;
}

/** A table name, schema-qualified when given in parts (["sales", "orders"]). */
export function tableName(parts: readonly string[]): string {
  return parts.map(identifier).join('.');
}

/**
 * A string literal: in single quotes, a single quote doubled. Both engines take backslashes in
 * such literals as they are (PostgreSQL's standard_conforming_strings, on by default).
 */
export function stringLiteral(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is not allowed in SQL text
  return `'${text.replace(/\u0000/g, '').replace(/'/g, "''")}'`;
}

/**
 * A double written with 17 significant digits (which reads back as the same double) in plain
 * decimal notation, never with an exponent.
 */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const written = value.toPrecision(17);
  const match = /^(-?)(\d)\.?(\d*)e([+-]\d+)$/.exec(written);
  if (match === null) return written;
  const [, sign, first, rest, exponentText] = match;
  const digits = first + rest;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return fraction.length > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/**
 * A double constant. A decimal literal would be a DECIMAL (DuckDB) or NUMERIC (PostgreSQL), whose
 * conversion to double can round twice and whose arithmetic among literals is not the app's; a
 * string cast to DOUBLE PRECISION is parsed as the nearest double by both engines, at planning.
 */
export function double(value: number): string {
  return `CAST('${plainDecimal(value)}' AS DOUBLE PRECISION)`;
}

/** A whole number (segment ids, counts). */
export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
  return String(value);
}

/**
 * Text for a `--` comment line: quoted and escaped as JSON, so a line break, `*\/` or `--` in a
 * user's column name stays inside the comment.
 */
export function commentText(text: string): string {
  return JSON.stringify(text)
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Names for added output columns that differ from the input columns (case-insensitively). */
export function uniqueOutputNames(
  existing: readonly string[],
  wanted: readonly string[],
): string[] {
  const used = new Set(existing.map((name) => name.toLowerCase()));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A sum written left to right, as a JavaScript loop adds (`sum += term` from the first). */
export function sequentialSum(terms: readonly string[]): string {
  if (terms.length === 0) return double(0);
  return terms.reduce((sum, term) => `(${sum} + ${term})`);
}

/** Lines joined with a comma and indented, for column and CTE lists. */
export function columnList(lines: readonly string[], indent = '    '): string {
  return lines.map((line) => indent + line).join(',\n');
}
