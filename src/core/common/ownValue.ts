/**
 * The value a record holds under a key of its own. Column names are user data: a column may be
 * called `__proto__` or `constructor`, and plain indexing would find Object.prototype's members.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
