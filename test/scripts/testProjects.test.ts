import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vite.config';

const ROOT = join(import.meta.dirname, '..', '..');

/** A project's include glob (`test/x/**\/*.test.ts`) as a regular expression. */
function globPattern(glob: string): RegExp {
  const source = glob
    .split('**/')
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]'),
    )
    .join('(?:.*/)?');
  return new RegExp(`^${source}$`);
}

describe('test projects', () => {
  it('run every test file: each lies under some project of vite.config.ts', () => {
    const projects = (config as { test: { projects: { test: { include: string[] } }[] } }).test
      .projects;
    const patterns = projects.flatMap((project) => project.test.include).map(globPattern);
    const files = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
      .map((file) =>
        relative(ROOT, join(ROOT, 'test', file))
          .split('\\')
          .join('/'),
      )
      .filter((file) => /\.test\.tsx?$/.test(file));
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter((file) => !patterns.some((pattern) => pattern.test(file)))).toEqual([]);
  });
});
