import { readFile, stat } from 'node:fs/promises';
import { describeSize } from '../core/common/byteSize';
import { UserError } from '../core/common/userError';
import { MAX_MODEL_BYTES, modelText, type ModelFile } from '../core/model/modelFile';
import { parseModel } from '../core/model/parseModel';
import { writeOutputFile } from './outputFiles';

/** A model file from disk, refused by its size before it is read, then checked field by field. */
export async function readModelFile(path: string): Promise<ModelFile> {
  let size: number;
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw new UserError('bad-option', 'cliFolder', { path });
    size = stats.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError('bad-option', code === 'ENOENT' ? 'cliNoSuchFile' : 'cliCannotOpen', {
      path,
    });
  }
  if (size > MAX_MODEL_BYTES)
    throw new UserError('bad-model', 'modelTooLarge', {
      size: describeSize(size),
      limit: describeSize(MAX_MODEL_BYTES),
    });
  return parseModel(await readFile(path, 'utf8'), size);
}

/** Writes the model file of --save-model (a path that cannot be written: one sentence, exit 2). */
export async function writeModelFile(path: string, model: ModelFile): Promise<void> {
  await writeOutputFile(path, modelText(model), '--save-model');
}
