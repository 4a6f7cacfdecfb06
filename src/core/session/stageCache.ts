/**
 * A stage's results, keyed by the options that decide them: the same options give back the
 * same result without computing it again. Only the most recent `capacity` results are kept,
 * since at a million rows each can be hundreds of megabytes.
 */
export class StageCache<T> {
  private entries: { key: string; value: T }[] = [];

  constructor(private readonly capacity = 1) {}

  get(key: string): T | undefined {
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index === -1) return undefined;
    const [entry] = this.entries.splice(index, 1);
    this.entries.unshift(entry);
    return entry.value;
  }

  set(key: string, value: T): T {
    this.entries = [{ key, value }, ...this.entries.filter((e) => e.key !== key)].slice(
      0,
      this.capacity,
    );
    return value;
  }

  /** The result for this key, computed (once) when it is not kept. */
  obtain(key: string, compute: () => T): T {
    const known = this.get(key);
    return known !== undefined ? known : this.set(key, compute());
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * A key for options: the same values give the same key whatever order their properties were
 * written in (the page and the command line build options differently).
 */
export function stageKey(...parts: unknown[]): string {
  return JSON.stringify(parts, (_, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, (value as Record<string, unknown>)[key]]),
        )
      : value,
  );
}
