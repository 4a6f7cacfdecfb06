import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../src/offline/policy';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the Content-Security-Policy', () => {
  it('allows this origin only, with no inline script, plugins or framing', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    // WebAssembly may be compiled (the k-means and silhouette kernels); JavaScript may not be evaluated.
    expect(directives.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(directives.get('worker-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  });

  it('leaves out of the meta tag only what a meta tag cannot carry', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(META_CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'").toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is the policy the README tells hosts to send (the nginx snippet)', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const sent = /add_header Content-Security-Policy "([^"]+)"/.exec(readme);
    expect(sent?.[1]).toBe(CONTENT_SECURITY_POLICY);
    // And every other header the page is served with, as it is sent.
    for (const [name, value] of Object.entries(SECURITY_HEADERS).filter(
      ([name]) => name !== 'Content-Security-Policy',
    ))
      expect(readme).toContain(`add_header ${name} ${value} always;`);
  });
});
