import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../scripts/generateSamples';

describe('public samples', () => {
  it.each(Object.entries(SAMPLES))(
    '%s is exactly what its seeded generator writes',
    async (name, generate) => {
      const committed = await readFile(
        join(import.meta.dirname, '..', '..', 'public', name),
        'utf8',
      );
      expect(committed === generate()).toBe(true);
    },
  );
});
