import type { AnalysisOptions } from '../analysis/analysisOptions';
import { customerMask } from '../basket/baskets';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import type { RfmSettings } from '../rfm/rfm';
import { segmentMapProblem, type NamedSegmentMap } from '../rfm/rfmSegments';
import type { AnalysisSession } from './session';
import { stageKey } from './stageCache';

/**
 * Whose baskets the rules are mined from: every customer's, one named RFM segment's (under the
 * segment map on the page), or one cluster's of a clustering of the RFM customers. Supports are
 * shares of the scope's own baskets.
 */
export type RulesScope =
  | { kind: 'all' }
  | { kind: 'rfm'; map: NamedSegmentMap; segment: number }
  | { kind: 'cluster'; clustering: AnalysisOptions; k: number; cluster: number };

/** A segment or a cluster that the map or the clustering does not have is a UserError. */
export function checkScope(scope: RulesScope): void {
  if (scope.kind === 'rfm') {
    const problem = segmentMapProblem(scope.map);
    if (problem !== null) throw new UserError('bad-option', problem.key, problem.params);
    const count = scope.map.names.length;
    if (!Number.isInteger(scope.segment) || scope.segment < 0 || scope.segment >= count) {
      throw new UserError('bad-option', 'basketsNoSegment', { segment: scope.segment, count });
    }
  } else if (scope.kind === 'cluster') {
    const { k, cluster } = scope;
    if (!Number.isInteger(k) || k < 1) throw new Error(`there cannot be ${k} clusters`);
    if (!Number.isInteger(cluster) || cluster < 0 || cluster >= k) {
      throw new UserError('bad-option', 'basketsNoCluster', { cluster, k, last: k - 1 });
    }
  }
}

/**
 * A key for what decides a scope's baskets: the order lines' mapping for every scope, plus the
 * RFM settings and the segment's cells (not its name: renaming a segment recomputes nothing), or
 * the clustering and the cluster.
 */
export function scopeKey(settings: RfmSettings, scope: RulesScope): string {
  const lines = { mapping: settings.mapping, dateOrder: settings.dateOrder };
  if (scope.kind === 'all') return stageKey('all', lines);
  if (scope.kind === 'rfm') {
    const cells: number[] = [];
    scope.map.cells.forEach((segment, cell) => {
      if (segment === scope.segment) cells.push(cell);
    });
    return stageKey('rfm', settings, scope.map.scheme, cells);
  }
  return stageKey('cluster', settings, scope.clustering, scope.k, scope.cluster);
}

/** The scope as file names and headings say it: a message, or the segment's name as written. */
export function scopeName(scope: RulesScope): string | Message {
  if (scope.kind === 'all') return message('basketsScopeAll');
  if (scope.kind === 'rfm') return scope.map.names[scope.segment];
  return message('basketsScopeCluster', { cluster: scope.cluster, k: scope.k });
}

/**
 * The scope's customers as a mask over the RFM customers (the order lines' customers), or null for
 * every customer. A cluster scope clusters the customers first, once per session and options.
 */
export async function scopeCustomers(
  session: AnalysisSession,
  settings: RfmSettings,
  scope: RulesScope,
): Promise<Uint8Array | null> {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'rfm') {
    const rfm = session.rfm(settings);
    const cellOf = rfm.cells[scope.map.scheme];
    const mask = new Uint8Array(cellOf.length);
    for (let c = 0; c < cellOf.length; c++) {
      if (scope.map.cells[cellOf[c]] === scope.segment) mask[c] = 1;
    }
    return mask;
  }
  const clusters = await session.customerClusters(settings, scope.clustering, scope.k);
  return customerMask(clusters, scope.cluster);
}
