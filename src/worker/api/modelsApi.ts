import type { Language } from '../../i18n/languages';
import { message } from '../../core/common/message';
import { readBlob } from '../blobSource';
import type { SegmentationRequest } from '../../core/session/session';
import type { ExportFile } from '../protocol';
import { throttleProgress, type ProgressListener } from '../throttle';
import { describeSize } from '../../core/common/byteSize';
import { UserError } from '../../core/common/userError';
import { exportFileName } from '../../core/export/exportCsv';
import { applyExport, applySetAsideExport } from '../../core/model/applyExport';
import { applyView } from '../../core/model/applyView';
import { MAX_MODEL_BYTES, modelText, type ModelFile } from '../../core/model/modelFile';
import { parseModel } from '../../core/model/parseModel';
import { saveModel } from '../../core/model/saveModel';
import type { SegmentMap } from '../../core/rfm/rfmSegments';
import { modelSql, type ModelSqlOptions } from '../../core/sql/modelSql';
import { asFile, asOutcome, renderIn, withSession } from './heldSession';

// Saved analyses (#17): save a model, read a model file, apply it to the file held, the applied
// downloads and the model as SQL. The model crosses as plain JSON; the worker keeps the last one
// it saw, so that a download after the apply view reuses the rows already scored.
let lastModel: { text: string; model: ModelFile } | null = null;

/** The same model object for the same model (applyModel caches its result per object). */
function knownModel(model: ModelFile): ModelFile {
  const text = JSON.stringify(model);
  if (lastModel === null || lastModel.text !== text) lastModel = { text, model };
  return lastModel.model;
}

export const saveAnalysis = (
  id: number,
  request: SegmentationRequest,
  k: number,
  names: (string | null)[],
  rfmMap: SegmentMap | null,
  language: Language,
) =>
  withSession(id, async (session): Promise<ExportFile> => {
    const model = await saveModel(session, request, k, names, rfmMap ? { rfmMap } : {});
    const suffix = renderIn(language)(message('exportModel'));
    const fileName = exportFileName(session.fileName, suffix).replace(/\.csv$/, '.json');
    return { blob: new Blob([modelText(model)], { type: 'application/json' }), fileName };
  });

export const readModel = (file: Blob) =>
  asOutcome(async () => {
    if (file.size > MAX_MODEL_BYTES)
      throw new UserError('bad-model', 'modelTooLarge', {
        size: describeSize(file.size),
        limit: describeSize(MAX_MODEL_BYTES),
      });
    const bytes = await readBlob(file);
    return parseModel(new TextDecoder().decode(bytes), bytes.byteLength);
  });

export const applySaved = (id: number, model: ModelFile, onProgress?: ProgressListener) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return applyView(session, knownModel(model), (fraction) => progress('cluster', fraction));
  });

export const exportApplied = (
  id: number,
  model: ModelFile,
  segment: number | null,
  language: Language,
) =>
  withSession(id, (session) =>
    asFile(applyExport(session, knownModel(model), renderIn(language), segment)),
  );

export const exportAppliedSetAside = (id: number, model: ModelFile, language: Language) =>
  withSession(id, (session) =>
    asFile(applySetAsideExport(session, knownModel(model), renderIn(language))),
  );

/** The query's options as they cross to the worker (labels are rendered there). */
export type ModelQueryOptions = Omit<ModelSqlOptions, 'render'>;

export const modelQuery = (model: ModelFile, options: ModelQueryOptions, language: Language) =>
  asOutcome(() => modelSql(model, { ...options, render: renderIn(language) }));
