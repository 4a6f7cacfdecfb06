import { constants } from 'node:fs';
import { access, mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../core/common/userError';
import type { ExportParts } from '../core/session/sessionExports';
import type { Voice } from './voice';

/**
 * The file-system calls the command line writes its files with. Tests may stand in for them
 * (a folder that refuses writing cannot be made when the tests run as root).
 */
export interface OutputFs {
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  /** Resolves when the process may create files in the folder (write and search permission). */
  writable(path: string): Promise<void>;
  /** Makes one folder, not its parents. */
  mkdir(path: string): Promise<unknown>;
  writeFile(path: string, text: string): Promise<void>;
  /** The names in a folder. */
  readdir(path: string): Promise<string[]>;
  unlink(path: string): Promise<void>;
}

export const NODE_OUTPUT_FS: OutputFs = {
  stat: (path) => stat(path),
  writable: (path) => access(path, constants.W_OK | constants.X_OK),
  mkdir: (path) => mkdir(path),
  writeFile: (path, text) => writeFile(path, text),
  readdir: (path) => readdir(path),
  unlink: (path) => unlink(path),
};

/** A file of one segment as analyze and apply name it: "segment-3 - Big spenders.csv". */
const SEGMENT_FILE = /^segment-(-1|\d+) - .*\.csv$/;

/** What a flag names: a folder to write files into (--out DIR), or one file (--report FILE). */
type Target = 'folder' | 'file';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The nearest level of `path` (itself first, then each parent as written) that exists, and the
 * levels under it that do not, outermost first. No recursive mkdir is used anywhere: node's loops
 * forever where a folder cannot be made though its parent exists (/proc/x).
 */
async function nearestExisting(
  path: string,
  flag: string,
  target: Target,
  fs: OutputFs,
): Promise<{ existing: string; missing: string[] }> {
  const missing: string[] = [];
  for (let level = path; ; level = dirname(level)) {
    try {
      const stats = await fs.stat(level);
      if (!stats.isDirectory())
        throw new UserError('bad-option', 'cliWriteNotFolder', { path: level, flag, what: target });
      return { existing: level, missing };
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = errorCode(error);
      if (DENIED.has(code ?? ''))
        throw new UserError('bad-option', 'cliWriteDenied', {
          path: dirname(level),
          flag,
          what: target,
        });
      // ENOTDIR: a level above is a file, which the walk up reaches and names.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(level) === level)
        throw new UserError('bad-option', 'cliWriteCannotCreate', { path, flag });
    }
    missing.unshift(level);
  }
}

async function checkWritable(folder: string, flag: string, target: Target, fs: OutputFs) {
  try {
    await fs.writable(folder);
  } catch {
    throw new UserError('bad-option', 'cliWriteDenied', { path: folder, flag, what: target });
  }
}

/**
 * Makes the folder `dir` for `flag` (--out) if it is missing, one level at a time under the
 * nearest folder that exists, after checking that folder can be written in. Every way it can
 * fail is one sentence that names the folder and says what to do.
 */
export async function makeOutputFolder(
  dir: string,
  flag: string,
  fs: OutputFs = NODE_OUTPUT_FS,
): Promise<void> {
  const { existing, missing } = await nearestExisting(dir, flag, 'folder', fs);
  await checkWritable(existing, flag, 'folder', fs);
  for (const level of missing) {
    try {
      await fs.mkdir(level);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') {
        // Made meanwhile: fine if it is a folder.
        await nearestExisting(level, flag, 'folder', fs);
        continue;
      }
      if (DENIED.has(code ?? ''))
        throw new UserError('bad-option', 'cliWriteDenied', {
          path: dirname(level),
          flag,
          what: 'folder',
        });
      throw new UserError('bad-option', 'cliWriteCannotCreate', { path: level, flag });
    }
  }
}

async function writeText(path: string, text: string, flag: string, target: Target, fs: OutputFs) {
  try {
    await fs.writeFile(path, text);
  } catch (error) {
    throw errorCode(error) === 'EISDIR'
      ? new UserError('bad-option', 'cliWriteIsFolder', { path, flag, what: target })
      : new UserError('bad-option', 'cliWriteFailed', { path, flag, what: target });
  }
}

/**
 * Writes exports into the folder of --out (made if needed), each under the name given. When they
 * include segment files, the segment files of an earlier run that this one did not write are
 * removed, so the folder never mixes two segmentations: returns their names, for the report.
 */
export async function writeExports(
  dir: string,
  files: readonly { name: string; parts: ExportParts['parts'] }[],
  fs: OutputFs = NODE_OUTPUT_FS,
): Promise<string[]> {
  await makeOutputFolder(dir, '--out', fs);
  for (const file of files)
    await writeText(join(dir, file.name), file.parts.join(''), '--out', 'folder', fs);
  const written = new Set(files.map((file) => file.name));
  if (![...written].some((name) => SEGMENT_FILE.test(name))) return [];
  const stale = (await fs.readdir(dir))
    .filter((name) => SEGMENT_FILE.test(name) && !written.has(name))
    .sort();
  for (const name of stale) {
    try {
      await fs.unlink(join(dir, name));
    } catch {
      throw new UserError('bad-option', 'cliStaleSegmentFile', { path: join(dir, name) });
    }
  }
  return stale;
}

/**
 * Writes one file a flag names (--report, --save-model, sql's --out) into a folder that exists;
 * a path that cannot be written is one sentence that says why and what to do.
 */
export async function writeOutputFile(
  path: string,
  text: string,
  flag: string,
  fs: OutputFs = NODE_OUTPUT_FS,
): Promise<void> {
  const folder = dirname(path);
  const { existing, missing } = await nearestExisting(folder, flag, 'file', fs);
  if (missing.length > 0)
    throw new UserError('bad-option', 'cliWriteNoFolder', { path: folder, flag });
  await checkWritable(existing, flag, 'file', fs);
  await writeText(path, text, flag, 'file', fs);
}

/** The flags that name what a command writes: --out (a folder, or sql's one file), --report, --save-model. */
export interface OutputFlags {
  out?: string;
  report?: string;
  'save-model'?: string;
}

/**
 * Checks, before any work, that what the flags name can be written: the folder of --out (or
 * its nearest existing parent) can be written in, and each file's folder exists and can be
 * written in. Nothing is made yet: a command that then fails leaves no empty folder behind. The
 * sentences are those of writing itself, so a long analysis never ends on a path it could not use.
 */
export async function checkOutputs(
  values: OutputFlags,
  out: Target = 'folder',
  fs: OutputFs = NODE_OUTPUT_FS,
): Promise<void> {
  const files: [string, string][] = [];
  if (values.out !== undefined) {
    if (out === 'folder') {
      const { existing } = await nearestExisting(values.out, '--out', 'folder', fs);
      await checkWritable(existing, '--out', 'folder', fs);
    } else files.push([values.out, '--out']);
  }
  if (values.report !== undefined) files.push([values.report, '--report']);
  if (values['save-model'] !== undefined) files.push([values['save-model'], '--save-model']);
  for (const [path, flag] of files) {
    const folder = dirname(path);
    const { existing, missing } = await nearestExisting(folder, flag, 'file', fs);
    if (missing.length > 0)
      throw new UserError('bad-option', 'cliWriteNoFolder', { path: folder, flag });
    await checkWritable(existing, flag, 'file', fs);
    const isFolder = await fs.stat(path).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (isFolder)
      throw new UserError('bad-option', 'cliWriteIsFolder', { path, flag, what: 'file' });
  }
}

/** The line that says which segment files of an earlier run writeExports removed, or nothing. */
export function removedLine(
  out: string | undefined,
  removed: readonly string[],
  voice: Voice,
): string {
  return out === undefined || removed.length === 0
    ? ''
    : voice.text('removedStale', { count: removed.length, out, files: voice.list(removed) }) + '\n';
}
