import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { fitImm, type ImmResult } from '../explain/imm';
import {
  defaultSegmentNames,
  explainSample,
  explanationSample,
  type ExplainSample,
  type SegmentExplanation,
} from '../explain/segmentTree';
import { checkExplainRequest, type ExplainRequest } from './explainRequest';
import { explainStageKey, prepareExplainStage, type ExplainStage } from './explainStage';
import { immView, treeView, type ExplainView } from './explainViews';
import type { AnalysisSession } from './session';
import { StageCache, stageKey } from './stageCache';

interface ExplainCaches {
  stages: StageCache<ExplainStage>;
  samples: StageCache<ExplainSample>;
  trees: StageCache<SegmentExplanation>;
  imms: StageCache<ImmResult>;
  views: StageCache<ExplainView>;
}

/** Per session: the explanation's stages, each kept for the request parts that decide it. */
const cachesOf = new WeakMap<AnalysisSession, ExplainCaches>();

function caches(session: AnalysisSession): ExplainCaches {
  let known = cachesOf.get(session);
  if (known === undefined) {
    known = {
      stages: new StageCache(1),
      samples: new StageCache(1),
      trees: new StageCache(4),
      imms: new StageCache(1),
      views: new StageCache(2),
    };
    cachesOf.set(session, known);
  }
  return known;
}

/** Forgets every explanation of a session (to free memory; the next request computes again). */
export function forgetExplanations(session: AnalysisSession): void {
  cachesOf.delete(session);
}

/**
 * A segmentation explained in rules a person can check, as the page shows it: a CART tree
 * predicting each row's segment from the features in the user's units (fitted on a seeded
 * stratified 75% of the rows, or of a 100,000-row sample; fidelity on the other 25% and on every
 * row), or IMM's threshold tree with one leaf per segment and its k-means cost. Rows and
 * customers (RFM) alike; DBSCAN's noise is left out. Each stage is computed once: the same
 * request gives back the same view, and a change of depth grows only another tree.
 */
export async function explainView(
  session: AnalysisSession,
  request: ExplainRequest,
  onProgress?: StageProgress,
  segmentNames?: readonly (string | Message)[],
): Promise<ExplainView> {
  checkExplainRequest(request);
  const cache = caches(session);
  const viewKey = stageKey(request, segmentNames ?? null);
  const known = cache.views.get(viewKey);
  if (known !== undefined) return known;
  onProgress?.(0);
  const stage = await explainStage(session, request);
  const names = [...(segmentNames ?? labelledSegmentNames(stage, request.k))];
  const view =
    request.method === 'tree'
      ? treeView(stage, names, explanationOf(session, stage, request, onProgress))
      : immView(stage, names, immOf(session, stage, onProgress));
  onProgress?.(1);
  return cache.views.set(viewKey, view);
}

/**
 * Each segment named as the profiles name it ("Segment 1: Young, Low Annual Income"), as the
 * export's segment_name column does; "Segment N" for a segment without a profile.
 */
function labelledSegmentNames(stage: ExplainStage, k: number): Message[] {
  const fallback = defaultSegmentNames(k);
  return fallback.map((name, id) => {
    const profile = stage.result.profiles.segments.find((segment) => segment.id === id);
    return profile === undefined
      ? name
      : message('explainSegmentLabelled', { id, label: profile.label });
  });
}

/**
 * What a request explains with, computed once (shared with its view): the rows at k and the
 * CART explanation or the IMM tree. Rules name segments "Segment N".
 */
export async function explanationFor(
  session: AnalysisSession,
  request: ExplainRequest,
): Promise<{
  stage: ExplainStage;
  explanation: SegmentExplanation | null;
  imm: ImmResult | null;
}> {
  checkExplainRequest(request);
  const stage = await explainStage(session, request);
  return request.method === 'tree'
    ? { stage, explanation: explanationOf(session, stage, request), imm: null }
    : { stage, explanation: null, imm: immOf(session, stage) };
}

async function explainStage(
  session: AnalysisSession,
  request: ExplainRequest,
): Promise<ExplainStage> {
  const cache = caches(session);
  const known = cache.stages.get(explainStageKey(request));
  if (known !== undefined) return known;
  const stage = await prepareExplainStage(session, request);
  // A new segmentation makes the old one's sample, trees and threshold tree obsolete.
  cache.samples.clear();
  cache.trees.clear();
  cache.imms.clear();
  return cache.stages.set(stage.key, stage);
}

function explanationOf(
  session: AnalysisSession,
  stage: ExplainStage,
  request: ExplainRequest,
  onProgress?: StageProgress,
): SegmentExplanation {
  const cache = caches(session);
  const { input } = stage;
  const sample = cache.samples.obtain(stage.key, () => explanationSample(input));
  onProgress?.(0.4);
  const { depth, minRowsPerLeaf } = request;
  return cache.trees.obtain(stageKey(stage.key, depth, minRowsPerLeaf), () =>
    explainSample(input, sample, { depth, minRowsPerLeaf }, (f) => onProgress?.(0.4 + 0.6 * f)),
  );
}

function immOf(session: AnalysisSession, stage: ExplainStage, onProgress?: StageProgress) {
  const { input, result, scaled } = stage;
  return caches(session).imms.obtain(stage.key, () =>
    fitImm(
      {
        matrix: scaled,
        n: input.n,
        d: input.d,
        centres: result.centroids,
        k: result.k,
        labels: result.labels,
      },
      onProgress,
    ),
  );
}
