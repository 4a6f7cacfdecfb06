import type { AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult, type KResult } from '../analysis/analysisResult';
import { UserError } from '../common/userError';
import { describeFeatures, listOf, RFM_FEATURE_LABELS } from '../explain/featureSpace';
import type { ExplainInput } from '../explain/segmentTree';
import type { Table } from '../read/table';
import type { ExplainRequest } from './explainRequest';
import type { AnalysisSession } from './session';
import { stageKey } from './stageCache';
import { featuresInUserUnits } from './userUnits';

/** The rows of a segmentation at k, ready to explain (computed once per segmentation and k). */
export interface ExplainStage {
  key: string;
  table: Table;
  /** The options the segmentation ran with (for RFM, the customers' own). */
  options: AnalysisOptions;
  analysis: AnalysisResult;
  result: KResult;
  input: ExplainInput;
  /** n x d, the clustering's own (scaled) units, for IMM. */
  scaled: Float64Array;
  center: Float64Array;
  scale: Float64Array;
  noise: number;
}

/** What decides a request's stage: the segmentation and its k. */
export function explainStageKey(request: ExplainRequest): string {
  return stageKey(request.segmentation, request.k);
}

/**
 * The rows of a request's segmentation at its k: the features in the user's units for the CART
 * tree, the clustering's scaled rows and centres for IMM, and how many rows are noise.
 */
export async function prepareExplainStage(
  session: AnalysisSession,
  request: ExplainRequest,
): Promise<ExplainStage> {
  const key = explainStageKey(request);
  const analysis = await session.segmentation(request.segmentation);
  const result = resultFor(analysis, request.k);
  if (result === null)
    throw new UserError('bad-option', 'explainNoK', {
      k: request.k,
      choices: listOf(analysis.results.map((r) => String(r.k))),
    });
  const { table, options, stage } = session.featureStage(request.segmentation);
  const { prepared } = stage;
  const { n, d } = prepared;
  let noise = 0;
  for (let i = 0; i < n; i++) if (result.labels[i] < 0) noise++;
  return {
    key,
    table,
    options,
    analysis,
    result,
    input: {
      matrix: featuresInUserUnits(table, prepared),
      n,
      d,
      features: describeFeatures(
        prepared.features,
        request.segmentation.rfm === null ? undefined : RFM_FEATURE_LABELS,
      ),
      segments: result.labels,
      segmentCount: result.k,
    },
    scaled: stage.data.matrix,
    center: prepared.scaled.center,
    scale: prepared.scaled.scale,
    noise,
  };
}
