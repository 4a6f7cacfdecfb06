import { UserError } from '../common/userError';
import type { SegmentationRequest } from './session';

/** What to explain: a segmentation into k segments, by a CART tree or an IMM threshold tree. */
export interface ExplainRequest {
  segmentation: SegmentationRequest;
  k: number;
  method: ExplainMethod;
  /** The CART tree's depth, 1 to 6 (3 reads well); IMM's depth is its own. */
  depth: number;
  /** Fewest rows per leaf of the CART tree; null for max(5, 1% of the rows it is fitted on). */
  minRowsPerLeaf: number | null;
}

export type ExplainMethod = 'tree' | 'imm';
export const EXPLAIN_METHODS: readonly ExplainMethod[] = ['tree', 'imm'];

export const DEFAULT_EXPLAIN_DEPTH = 3;

/** One plain sentence for the first part of a request that is wrong. */
export function checkExplainRequest(request: ExplainRequest): void {
  if (!EXPLAIN_METHODS.includes(request.method))
    throw new UserError('bad-option', 'explainMethod', { value: String(request.method) });
  const { depth, minRowsPerLeaf } = request;
  if (!Number.isInteger(depth) || depth < 1 || depth > 6)
    throw new UserError('bad-option', 'explainDepth', { value: String(depth) });
  if (minRowsPerLeaf !== null && !(Number.isInteger(minRowsPerLeaf) && minRowsPerLeaf >= 1))
    throw new UserError('bad-option', 'explainMinRowsPerLeaf', { value: String(minRowsPerLeaf) });
}
