import type { Language } from '../../i18n/languages';
import type { SegmentationRequest } from '../../core/session/session';
import type { ModelKind } from '../../core/classify/predictModels';
import { explainedExport } from '../../core/session/explainExport';
import type { ExplainRequest } from '../../core/session/explainRequest';
import { explainView } from '../../core/session/explainSession';
import { predictionsExport } from '../../core/session/predictExport';
import { bySegment, type SegmentRates } from '../../core/session/predictSegments';
import type { PredictRequest } from '../../core/session/predictRequest';
import { predictView } from '../../core/session/predictSession';
import type { PredictView } from '../../core/session/predictViews';
import { throttleProgress } from '../throttle';
import type { SegmentNames } from '../../core/export/segmentNames';
import { asFile, isHeld, renderIn, withSession } from './heldSession';

// Explaining the segments and predicting a column (issue #15).

/** Where explain and predict are: explaining, preparing the rows, or training one model. */
export type ClassifyStep = 'explain' | 'prepare' | ModelKind;
export type ClassifyProgress = (step: ClassifyStep, fraction: number) => void;

/** A segmentation at k, for the rates of a prediction per segment. */
export interface PredictSegments {
  segmentation: SegmentationRequest;
  k: number;
}

export interface PredictAnswer {
  view: PredictView;
  /** The target per segment; null without a segmentation of the file's rows (RFM customers). */
  rates: SegmentRates | null;
}

export const explain = (id: number, request: ExplainRequest, onProgress?: ClassifyProgress) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return explainView(session, request, (f) => progress('explain', f));
  });

/**
 * The models trained, and the rates per segment. The work stops between models and trees once
 * the session is closed (the in-process client's cancel; a worker is terminated instead).
 */
export const predict = (
  id: number,
  request: PredictRequest,
  segments: PredictSegments | null,
  onProgress?: ClassifyProgress,
) =>
  withSession(id, async (session): Promise<PredictAnswer> => {
    const progress = throttleProgress(onProgress);
    const isCancelled = () => !isHeld(session);
    const view = await predictView(session, request, progress, { isCancelled });
    const rates =
      segments === null || segments.segmentation.rfm !== null
        ? null
        : await bySegment(session, request, segments.segmentation, segments.k);
    return { view, rates };
  });

export const exportExplained = (
  id: number,
  request: ExplainRequest,
  language: Language,
  names?: SegmentNames,
) =>
  withSession(id, async (session) =>
    asFile(await explainedExport(session, request, renderIn(language), names)),
  );

export const exportPredictions = (id: number, request: PredictRequest, language: Language) =>
  withSession(id, async (session) =>
    asFile(await predictionsExport(session, request, renderIn(language))),
  );
