import { resultFor } from '../analysis/analysisResult';
import { groupRates } from '../classify/classificationMetrics';
import type { ModelKind } from '../classify/predictModels';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import { listOf } from '../explain/featureSpace';
import { defaultSegmentNames } from '../explain/segmentTree';
import type { PredictRequest } from './predictRequest';
import { predictData, trainedModels } from './predictSession';
import type { AnalysisSession, SegmentationRequest } from './session';

/** How often one class of the target occurs, and is predicted, in each segment. */
export interface SegmentRates {
  k: number;
  /** The class counted: the positive one of a binary target, else the one asked for. */
  class: { index: number; value: string };
  segments: {
    segment: number;
    name: string | Message;
    /** Rows of the segment whose target is known, and the share of them in the class. */
    rows: number;
    actual: number;
    /** The segment's test rows, the share of them in the class, and each model's predicted share. */
    testRows: number;
    testActual: number;
    predicted: { model: ModelKind; share: number }[];
  }[];
  /** "Response = 1: 31% in Segment 2, 6% in Segment 0, ...": segments by actual share, highest first. */
  sentence: Message;
}

/**
 * The target per segment of a segmentation of the file's rows: its actual share of one class in
 * every segment (rows whose target is known), and on the test rows the actual and each model's
 * predicted share. Rows in no segment (set aside by the segmentation's cleaning, DBSCAN's noise)
 * are not counted.
 */
export async function bySegment(
  session: AnalysisSession,
  request: PredictRequest,
  segmentation: SegmentationRequest,
  k: number,
  options: { classIndex?: number; segmentNames?: readonly (string | Message)[] } = {},
): Promise<SegmentRates> {
  if (segmentation.rfm !== null) throw new UserError('bad-option', 'classifySegmentsOfRows');
  const analysis = await session.segmentation(segmentation);
  const result = resultFor(analysis, k);
  if (result === null)
    throw new UserError('bad-option', 'explainNoK', {
      k,
      choices: listOf(analysis.results.map((r) => String(r.k))),
    });
  const data = predictData(session, request);
  const { split, models } = await trainedModels(session, request, data);
  const { target, classes } = data.input;
  const cls = options.classIndex ?? data.positive ?? 0;
  if (!(Number.isInteger(cls) && cls >= 0 && cls < classes.length))
    throw new Error(`there is no class ${cls}`);
  const names = options.segmentNames ?? defaultSegmentNames(result.k);
  // Each predict row's segment, through the record both analyses share.
  const segmentOfRecord = new Int32Array(session.table.rowCount).fill(-1);
  analysis.rows.forEach((record, i) => (segmentOfRecord[record] = result.labels[i]));
  const groups = Int32Array.from(data.records, (record) => segmentOfRecord[record]);
  const all = groupRates(groups, result.k, target, target, cls);
  const onTest = models.map(({ model }) =>
    groupRates(groups, result.k, target, model.result.prediction, cls, split.test),
  );
  const segments = Array.from({ length: result.k }, (_, s) => ({
    segment: s,
    name: names[s],
    rows: all.rows[s],
    actual: all.actual[s],
    testRows: onTest[0]?.rows[s] ?? 0,
    testActual: onTest[0]?.actual[s] ?? 0,
    predicted: models.map(({ model }, m) => ({
      model: model.result.model,
      share: onTest[m].predicted[s],
    })),
  }));
  const ranked = segments.filter((s) => s.rows > 0).sort((a, b) => b.actual - a.actual);
  return {
    k: result.k,
    class: { index: cls, value: classes[cls] },
    segments,
    sentence: message('classifyRates', {
      target: request.target,
      value: classes[cls],
      rates: listOf(
        ranked.map((s) => message('classifyRateIn', { share: s.actual, segment: s.name })),
      ),
    }),
  };
}
