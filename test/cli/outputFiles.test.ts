import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/runCommand';
import {
  checkOutputs,
  makeOutputFolder,
  NODE_OUTPUT_FS,
  writeExports,
  writeOutputFile,
  type OutputFs,
} from '../../src/cli/outputFiles';
import { createVoice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import type { Language } from '../../src/i18n/languages';
import { customersCsv } from '../support/sessionData';

let dir = '';
let aFile = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-output-'));
  aFile = join(dir, 'afile');
  await writeFile(aFile, 'in the way\n');
  await writeFile(join(dir, 'customers.csv'), customersCsv);
});
afterAll(async () => {
  await chmod(join(dir, 'locked'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** The sentence a write is refused with, in a language; fails when it is not refused so. */
async function refusal(write: Promise<unknown>, language: Language = 'en'): Promise<string> {
  const error: unknown = await write.then(
    () => new Error('the write was not refused'),
    (thrown: unknown) => thrown,
  );
  if (!isUserError(error)) throw error;
  const sentence = createVoice(language).say(error.sentence);
  // No internal error text (EEXIST, ENOTDIR, EACCES...) reaches the user.
  expect(sentence).not.toMatch(/\bE[A-Z]{3,}\b/);
  return sentence;
}

const one = [{ name: 'a.csv', parts: ['x\n'] }];

/** The node file system, with calls recorded (and some answers replaced). */
function recordedFs(replace: Partial<OutputFs> = {}): { fs: OutputFs; calls: string[] } {
  const calls: string[] = [];
  const fs: OutputFs = {
    stat: (path) => (calls.push(`stat ${path}`), (replace.stat ?? NODE_OUTPUT_FS.stat)(path)),
    writable: (path) => (
      calls.push(`writable ${path}`),
      (replace.writable ?? NODE_OUTPUT_FS.writable)(path)
    ),
    mkdir: (path) => (calls.push(`mkdir ${path}`), (replace.mkdir ?? NODE_OUTPUT_FS.mkdir)(path)),
    writeFile: (path, text) => (
      calls.push(`writeFile ${path}`),
      (replace.writeFile ?? NODE_OUTPUT_FS.writeFile)(path, text)
    ),
    readdir: (path) => (
      calls.push(`readdir ${path}`),
      (replace.readdir ?? NODE_OUTPUT_FS.readdir)(path)
    ),
    unlink: (path) => (
      calls.push(`unlink ${path}`),
      (replace.unlink ?? NODE_OUTPUT_FS.unlink)(path)
    ),
  };
  return { fs, calls };
}

function denied(): Promise<never> {
  return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
}

describe('writeExports (--out DIR)', () => {
  it('removes the segment files of an earlier run that this one did not write, and only those', async () => {
    const out = join(dir, 'segments-again');
    const file = (name: string) => ({ name, parts: [`${name}\n`] });
    const first = ['segments.csv', 'segment-0 - A.csv', 'segment-1 - B.csv', 'segment-2 - C.csv'];
    expect(await writeExports(out, first.map(file))).toEqual([]);
    await writeFile(join(out, 'notes.csv'), 'mine\n');
    await writeFile(join(out, 'segment-2 notes.csv'), 'mine too\n');
    const second = ['segments.csv', 'segment-0 - A.csv', 'segment-1 - Big.csv'];
    expect(await writeExports(out, second.map(file))).toEqual([
      'segment-1 - B.csv',
      'segment-2 - C.csv',
    ]);
    expect((await readdir(out)).sort()).toEqual([
      'notes.csv',
      'segment-0 - A.csv',
      'segment-1 - Big.csv',
      'segment-2 notes.csv',
      'segments.csv',
    ]);
    // Exports without segment files leave those in the folder alone.
    expect(await writeExports(out, [file('rfm.csv')])).toEqual([]);
    expect(await readdir(out)).toContain('segment-1 - Big.csv');
  });

  it('says so on the command line, and in the JSON', async () => {
    const out = join(dir, 'iris-out');
    const csv = join(dir, 'blobs.csv');
    await writeFile(
      csv,
      [
        'x,y',
        ...Array.from(
          { length: 60 },
          (_, i) => `${(i % 3) * 10 + (i % 7) / 10},${(i % 3) * 5 + (i % 5) / 10}`,
        ),
      ].join('\n'),
    );
    const quick = ['--n-init', '2', '--k-max', '3'];
    expect((await runMain(['analyze', csv, ...quick, '--k', '3', '--out', out])).code).toBe(0);
    const again = await runMain(['analyze', csv, ...quick, '--k', '2', '--out', out]);
    expect(again.stdout).toMatch(
      /\nRemoved [12] segment files? of an earlier run from .*: segment-\d - .*\.csv\n/,
    );
    expect((await readdir(out)).filter((name) => name.startsWith('segment-'))).toHaveLength(2);
    // The same segmentation again replaces its own files and removes nothing.
    const same = await runMain(['analyze', csv, ...quick, '--k', '2', '--out', out, '--json']);
    expect(JSON.parse(same.stdout).removedFiles).toBeUndefined();
    const three = await runMain(['analyze', csv, ...quick, '--k', '3', '--out', out, '--json']);
    expect(JSON.parse(three.stdout).removedFiles).toEqual([
      expect.stringMatching(/^segment-\d - /),
    ]);
  });

  it('makes the missing levels one at a time under the nearest folder, then writes', async () => {
    const out = join(dir, 'made', 'a', 'b');
    const { fs, calls } = recordedFs();
    await writeExports(out, one, fs);
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('x\n');
    expect(calls.filter((call) => call.startsWith('mkdir'))).toEqual([
      `mkdir ${join(dir, 'made')}`,
      `mkdir ${join(dir, 'made', 'a')}`,
      `mkdir ${out}`,
    ]);
    expect(calls).toContain(`writable ${dir}`);
    // Writing into it again is fine.
    await writeExports(out, one);
  });

  it('refuses a file where the folder should be, and a folder under a file', async () => {
    expect(await refusal(writeExports(aFile, one))).toBe(
      `${aFile} is a file, not a folder: give --out a folder to write into.`,
    );
    expect(await refusal(writeExports(join(aFile, 'sub', 'deeper'), one))).toBe(
      `${aFile} is a file, not a folder: give --out a folder to write into.`,
    );
    expect(await refusal(writeExports(join(aFile, 'sub'), one), 'zh')).toBe(
      `${aFile} 是一个文件，不是文件夹：请给 --out 一个可以写入的文件夹。`,
    );
  });

  it('refuses a folder the nearest existing level of which cannot be written in', async () => {
    // As root every folder is writable, so the check is given a folder that says no.
    const { fs, calls } = recordedFs({ writable: denied });
    const out = join(dir, 'not-made', 'sub');
    expect(await refusal(writeExports(out, one, fs))).toBe(
      `You cannot write in the folder ${dir}: give --out a folder you can write to.`,
    );
    expect(calls.some((call) => call.startsWith('mkdir'))).toBe(false);
    expect(existsSync(join(dir, 'not-made'))).toBe(false);
  });

  it('names the folder a mkdir is refused in, and one that cannot be made', async () => {
    const refused = recordedFs({ mkdir: denied });
    expect(await refusal(writeExports(join(dir, 'x', 'y'), one, refused.fs))).toBe(
      `You cannot write in the folder ${dir}: give --out a folder you can write to.`,
    );
    const impossible = recordedFs({
      mkdir: () => Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })),
    });
    expect(await refusal(writeExports(join(dir, 'x', 'y'), one, impossible.fs), 'zh')).toBe(
      `无法创建文件夹 ${join(dir, 'x')}：请给 --out 一个您可以写入的文件夹。`,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'refuses a read-only folder (as a user other than root)',
    async () => {
      const locked = join(dir, 'locked');
      await mkdir(locked);
      await chmod(locked, 0o555);
      expect(await refusal(writeExports(join(locked, 'out'), one))).toBe(
        `You cannot write in the folder ${locked}: give --out a folder you can write to.`,
      );
      expect(await refusal(writeExports(locked, one))).toBe(
        `You cannot write in the folder ${locked}: give --out a folder you can write to.`,
      );
    },
  );

  it.skipIf(!existsSync('/proc/self'))(
    'fails at once where the parent exists but no folder can be made (/proc)',
    async () => {
      expect(await refusal(makeOutputFolder('/proc/segmentlens-out/sub', '--out'))).toMatch(
        /^(The folder \/proc\/segmentlens-out cannot be created|You cannot write in the folder \/proc):/,
      );
    },
  );

  it('refuses a folder where a file of the exports should be', async () => {
    const out = join(dir, 'clash');
    await mkdir(join(out, 'a.csv'), { recursive: true });
    expect(await refusal(writeExports(out, one))).toBe(
      `${join(out, 'a.csv')} is a folder, not a file: move it away, or give --out another folder.`,
    );
  });
});

describe('writeOutputFile (--report, --save-model, sql --out)', () => {
  it('writes into a folder that exists', async () => {
    const path = join(dir, 'one.txt');
    await writeOutputFile(path, 'text', '--report');
    expect(await readFile(path, 'utf8')).toBe('text');
  });

  it('refuses a path under a file, in a missing folder, or naming a folder', async () => {
    expect(await refusal(writeOutputFile(join(aFile, 'r.html'), '', '--report'))).toBe(
      `${aFile} is a file, not a folder: give --report a file in a folder.`,
    );
    const missing = join(dir, 'no such folder');
    expect(await refusal(writeOutputFile(join(missing, 'm.json'), '', '--save-model'))).toBe(
      `There is no folder ${missing}: create it, or give --save-model a file in a folder that exists.`,
    );
    expect(await refusal(writeOutputFile(dir, '', '--out'), 'zh')).toBe(
      `${dir} 是一个文件夹，不是文件：请给 --out 一个文件的路径。`,
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a folder that cannot be written in, and a write that fails', async () => {
    const path = join(dir, 'denied.txt');
    expect(
      await refusal(writeOutputFile(path, '', '--report', recordedFs({ writable: denied }).fs)),
    ).toBe(
      `You cannot write in the folder ${dir}: give --report a file in a folder you can write to.`,
    );
    expect(
      await refusal(writeOutputFile(path, '', '--report', recordedFs({ writeFile: denied }).fs)),
    ).toBe(
      `${path} could not be written: check that you can write there and that the disk has room, or give --report another file.`,
    );
  });
});

describe('checkOutputs (before any work)', () => {
  it('refuses what writing would refuse, and makes nothing', async () => {
    expect(await refusal(checkOutputs({ out: aFile }))).toBe(
      `${aFile} is a file, not a folder: give --out a folder to write into.`,
    );
    const missing = join(dir, 'no such folder');
    expect(await refusal(checkOutputs({ report: join(missing, 'r.html') }))).toBe(
      `There is no folder ${missing}: create it, or give --report a file in a folder that exists.`,
    );
    expect(await refusal(checkOutputs({ 'save-model': dir }))).toBe(
      `${dir} is a folder, not a file: give --save-model the path of a file.`,
    );
    expect(await refusal(checkOutputs({ out: dir }, 'file'))).toMatch(/is a folder, not a file/);
    expect(
      await refusal(
        checkOutputs(
          { out: join(dir, 'new', 'deeper') },
          'folder',
          recordedFs({ writable: denied }).fs,
        ),
      ),
    ).toBe(`You cannot write in the folder ${dir}: give --out a folder you can write to.`);
    // A folder to be made is only checked: a command that fails later leaves nothing behind.
    await checkOutputs({ out: join(dir, 'later', 'deeper'), report: join(dir, 'r.html') });
    expect(existsSync(join(dir, 'later'))).toBe(false);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });
});

describe('the commands that write', () => {
  const run = (args: string[]) => runMain(args);

  it('exit 2 with one sentence in the user’s language when --out is a file', async () => {
    const customers = join(dir, 'customers.csv');
    const quick = ['--k', '3', '--n-init', '2'];
    const english = await run(['analyze', customers, ...quick, '--out', aFile]);
    expect(english).toMatchObject({
      code: 2,
      stderr: `segmentlens: ${aFile} is a file, not a folder: give --out a folder to write into.\n`,
    });
    const chinese = await run([
      'analyze',
      customers,
      ...quick,
      '--out',
      join(aFile, 'sub'),
      '--lang',
      'zh',
    ]);
    expect(chinese).toMatchObject({
      code: 2,
      stderr: `segmentlens: ${aFile} 是一个文件，不是文件夹：请给 --out 一个可以写入的文件夹。\n`,
    });
    const model = await run([
      'analyze',
      customers,
      ...quick,
      '--save-model',
      join(aFile, 'm.json'),
    ]);
    expect(model).toMatchObject({
      code: 2,
      stderr: `segmentlens: ${aFile} is a file, not a folder: give --save-model a file in a folder.\n`,
    });
    expect(await readdir(dir)).not.toContain('sub');
  });

  it('check what they write before reading the file, for every command that writes', async () => {
    // The file does not exist either: the output is what is refused, so it was checked first.
    const absent = join(dir, 'absent.csv');
    for (const command of ['analyze', 'rfm', 'explain', 'predict', 'rules', 'recommend', 'value']) {
      const target = command === 'predict' ? ['--target', 'churn'] : [];
      const { code, stderr } = await run([command, absent, ...target, '--out', aFile]);
      expect({ command, code, stderr }).toEqual({
        command,
        code: 2,
        stderr: `segmentlens: ${aFile} is a file, not a folder: give --out a folder to write into.\n`,
      });
    }
  });
});
