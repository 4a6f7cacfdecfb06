import type { Language } from '../../i18n/languages';
import type { AnalysisOptions } from '../../core/analysis/analysisOptions';
import type { NamedSegmentMap } from '../../core/rfm/rfmSegments';
import type { RecommendMethod } from '../../core/recommend/recommendOptions';
import {
  customerRecommendations,
  mostRecommendedByGroup,
  recommendationsExport,
} from '../../core/session/recommendLists';
import {
  recommendEvaluation,
  recommendEvaluationByGroup,
  type RecommendEvaluationView,
  type RecommendGroupsView,
  type RecommendRequest,
} from '../../core/session/recommendSession';
import { throttleProgress, type ProgressListener } from '../throttle';
import { asFile, renderIn, withSession } from './heldSession';

// Recommendations (issue 14): the evaluation, per segment and cluster, the look-up, the download.

/** What the Recommendations section breaks the evaluation down by. */
export interface RecommendGroupings {
  /** The named RFM segments as the page shows them (names as texts). */
  map: NamedSegmentMap;
  /** The clustering on show, if it is of these customers. */
  clusters: { clustering: AnalysisOptions; k: number } | null;
}

/** The evaluation table, and the same figures per named segment and per cluster. */
export interface RecommendEvaluated {
  evaluation: RecommendEvaluationView;
  bySegment: RecommendGroupsView;
  byCluster: RecommendGroupsView | null;
}

/** Per named segment, the items most often recommended by one method. */
export type RecommendTopItems = Awaited<ReturnType<typeof mostRecommendedByGroup>>;

export const recommendEvaluate = (
  id: number,
  request: RecommendRequest,
  groupings: RecommendGroupings,
  onProgress?: ProgressListener,
) =>
  withSession(id, async (session): Promise<RecommendEvaluated> => {
    const progress = throttleProgress(onProgress);
    const evaluation = recommendEvaluation(session, request, (f) => progress('recommend', f));
    const bySegment = await recommendEvaluationByGroup(session, request, {
      kind: 'rfm',
      map: groupings.map,
    });
    const byCluster =
      groupings.clusters === null
        ? null
        : await recommendEvaluationByGroup(session, request, {
            kind: 'cluster',
            ...groupings.clusters,
          });
    return { evaluation, bySegment, byCluster };
  });

export const recommendTopItems = (
  id: number,
  request: RecommendRequest,
  method: RecommendMethod,
  map: NamedSegmentMap,
  onProgress?: ProgressListener,
) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return mostRecommendedByGroup(session, request, method, { kind: 'rfm', map }, (f) =>
      progress('recommend', f),
    );
  });

export const recommendCustomer = (
  id: number,
  request: RecommendRequest,
  method: RecommendMethod,
  customerId: string,
  map: NamedSegmentMap,
  onProgress?: ProgressListener,
) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return customerRecommendations(session, request, method, customerId, map, (f) =>
      progress('recommend', f),
    );
  });

export const exportRecommendations = (
  id: number,
  request: RecommendRequest,
  method: RecommendMethod,
  map: NamedSegmentMap,
  segment: number | null,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(
      await recommendationsExport(
        session,
        request,
        method,
        { grouping: { kind: 'rfm', map }, ...(segment === null ? {} : { group: segment }) },
        renderIn(language),
      ),
    ),
  );
