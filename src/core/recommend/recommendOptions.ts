import { UserError } from '../common/userError';
import type { UserSimilarity } from './similarity';
import { message, type MessageKey } from '../common/message';

/** The recommenders compared side by side. */
export type RecommendMethod = 'popularity' | 'item' | 'user';

export const RECOMMEND_METHODS: readonly RecommendMethod[] = ['popularity', 'item', 'user'];

export const METHOD_LABELS: Record<RecommendMethod, string> = {
  popularity: 'Best sellers',
  item: 'Item-based (customers who bought this also bought)',
  user: 'User-based (customers like you bought)',
};

export interface RecommendOptions {
  /** Neighbours each item keeps (item-based). */
  itemNeighbours: number;
  /** Neighbours each customer keeps (user-based). */
  userNeighbours: number;
  /** Similarity between customers (user-based); items always use cosine. */
  similarity: UserSimilarity;
  /** Length of every list (N in the metrics at N). */
  top: number;
}

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = {
  itemNeighbours: 20,
  userNeighbours: 50,
  similarity: 'cosine',
  top: 10,
};

/**
 * The methods a choice names: one method, or `all` for every one (the command line's
 * --method item|user|popularity|all).
 */
export function recommendMethods(choice: string): RecommendMethod[] {
  if (choice === 'all') return [...RECOMMEND_METHODS];
  const method = RECOMMEND_METHODS.find((m) => m === choice);
  if (method === undefined) {
    throw new UserError('bad-option', 'recommendBadMethod', {
      value: JSON.stringify(choice).slice(0, 40),
    });
  }
  return [method];
}

/** The options with defaults filled in, checked; a bad one is the user's to fix. */
export function recommendOptions(options: Partial<RecommendOptions> = {}): RecommendOptions {
  const full = { ...DEFAULT_RECOMMEND_OPTIONS, ...options };
  requireCount(full.itemNeighbours, 'recommendNeighboursItem');
  requireCount(full.userNeighbours, 'recommendNeighboursUser');
  requireCount(full.top, 'recommendTop');
  if (full.similarity !== 'cosine' && full.similarity !== 'pearson') {
    throw new UserError('bad-option', 'recommendBadSimilarity', {
      value: JSON.stringify(String(full.similarity)).slice(0, 40),
    });
  }
  return full;
}

/** Lists and neighbour rows are allocated up front, so a count is capped well below memory limits. */
export const MAX_COUNT = 1000;

export function requireCount(value: number, what: MessageKey): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_COUNT) {
    throw new UserError('bad-option', 'recommendBadCount', {
      what: message(what),
      most: MAX_COUNT,
      value: String(value).slice(0, 20),
    });
  }
}
