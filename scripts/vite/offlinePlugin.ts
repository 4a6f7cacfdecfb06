import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../src/offline/policy.ts';

/**
 * The offline page: the service worker (src/offline/serviceWorker.ts, built as `sw.js` at the
 * root) gets the list of every file of the build and a version made from their contents, so a
 * new build installs as a new version; index.html gets the one Content-Security-Policy; static
 * hosts that read `_headers` (Netlify, Cloudflare Pages) get it as a header for every file.
 */
export function offlinePlugin(publicDir: string): Plugin {
  return {
    name: 'segmentlens-offline',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace('__META_CONTENT_SECURITY_POLICY__', META_CONTENT_SECURITY_POLICY),
    },
    generateBundle: {
      // After the page itself (index.html) is emitted, so it is on the list.
      order: 'post',
      handler(_options, bundle) {
        const worker = Object.values(bundle).find(
          (file) => file.type === 'chunk' && file.fileName === 'sw.js',
        );
        if (worker === undefined || worker.type !== 'chunk') return;
        const files = [
          ...Object.keys(bundle).filter((name) => name !== 'sw.js' && !name.endsWith('.map')),
          ...listFiles(publicDir).filter((name) => name !== '_headers'),
        ].sort();
        const hash = createHash('sha256');
        for (const name of files) {
          const file = bundle[name];
          hash.update(name);
          if (file) hash.update(file.type === 'chunk' ? file.code : file.source);
          else hash.update(readFileSync(join(publicDir, name)));
        }
        worker.code = worker.code
          .replace('__PRECACHE_VERSION__', hash.digest('hex').slice(0, 16))
          .replace('__PRECACHE_FILES__', JSON.stringify(files).replace(/'/g, "\\'"))
          .replace('__CONTENT_SECURITY_POLICY__', CONTENT_SECURITY_POLICY.replace(/'/g, "\\'"));
        this.emitFile({
          type: 'asset',
          fileName: '_headers',
          source: `/*\n${Object.entries(SECURITY_HEADERS)
            .map(([name, value]) => `  ${name}: ${value}`)
            .join('\n')}\n`,
        });
      },
    },
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}
