import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scripts = new Map<string, Promise<URL>>();

/** Each file a bundle was made from, as it was then: the bundle stands while none changed. */
interface BundleInputs {
  files: { path: string; size: number; mtimeMs: number }[];
}

/**
 * A helper thread's TypeScript entry as one module of plain JavaScript, bundled by esbuild (tsx's
 * own compiler) and kept in the system's temporary folder, next to the list of the files it was
 * made from. A thread loading the TypeScript through tsx compiles every module it imports and
 * answers after about 0.6 s; a bundle made anew takes 0.1 to 0.3 s, and a thread on a kept one
 * answers after 0.15 to 0.3 s, so a thread started as a file is opened can read its second half.
 * Where esbuild cannot run, the thread loads `fallback` (the tsx entry) as before.
 */
export function threadScript(entry: URL, fallback: URL): Promise<URL> {
  const key = entry.href;
  let script = scripts.get(key);
  if (script === undefined) {
    script = bundledScript(fileURLToPath(entry)).catch(() => fallback);
    scripts.set(key, script);
  }
  return script;
}

/** The kept bundle of `entry` while its files are unchanged, or a new one (kept in `folder`). */
export async function bundledScript(
  entry: string,
  folder = join(tmpdir(), 'segmentlens-threads'),
): Promise<URL> {
  const name = createHash('sha256').update(entry).digest('hex').slice(0, 16);
  const script = join(folder, `${name}.mjs`);
  const inputsFile = join(folder, `${name}.json`);
  if (unchanged(inputsFile, script)) return pathToFileURL(script);
  const { build } = await import('esbuild');
  const workingDir = dirname(entry);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: workingDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const files = Object.keys(result.metafile.inputs).map((input) => {
    const path = resolve(workingDir, input);
    const { size, mtimeMs } = statSync(path);
    return { path, size, mtimeMs };
  });
  try {
    mkdirSync(folder, { recursive: true });
    // Written aside and renamed, so another process never loads half a script.
    const partial = `${script}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, script);
    writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify({ files } satisfies BundleInputs));
    renameSync(`${inputsFile}.${process.pid}`, inputsFile);
    return pathToFileURL(script);
  } catch {
    // A temporary folder that cannot be written: the script goes inline.
    return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  }
}

/** True when the kept bundle's every file is as it was when the bundle was made. */
function unchanged(inputsFile: string, script: string): boolean {
  try {
    statSync(script);
    const { files } = JSON.parse(readFileSync(inputsFile, 'utf8')) as BundleInputs;
    return files.every((file) => {
      const now = statSync(file.path);
      return now.size === file.size && now.mtimeMs === file.mtimeMs;
    });
  } catch {
    return false;
  }
}
