import { message, type Message } from '../common/message';
import type { RankingMetrics } from '../recommend/metrics';
import type { RecommendMethod } from '../recommend/recommendOptions';

/**
 * Which method wins on NDCG@N, for all evaluated customers or for one group of them, and by how
 * much: the question the page and the command line answer per segment (does personalisation
 * beat the best sellers here?).
 */
export interface Verdict {
  /** The method with the highest NDCG; null when none has a hit, on a tie, or without figures. */
  winner: RecommendMethod | null;
  /** The best of the others (or the other of a tie); null with fewer than two methods measured. */
  runnerUp: RecommendMethod | null;
  /** The winner's NDCG minus the runner-up's (0 on a tie); null without a runner-up. */
  margin: number | null;
  sentence: Message;
}

/** A method's name, for tables and headings. */
export function methodName(method: RecommendMethod): Message {
  return message('recommendMethodName', { method });
}

/**
 * The verdict over methods measured side by side (`metrics[m]` belongs to `methods[m]`; null
 * where no customer could be measured). Equal NDCGs tie: nothing wins by float noise alone,
 * since every figure here is computed the same way from the same lists.
 */
export function ndcgVerdict(
  methods: readonly RecommendMethod[],
  metrics: readonly (RankingMetrics | null)[],
  n: number,
): Verdict {
  const measured: number[] = [];
  metrics.forEach((figures, m) => {
    if (figures !== null) measured.push(m);
  });
  if (measured.length === 0)
    return {
      winner: null,
      runnerUp: null,
      margin: null,
      sentence: message('recommendVerdictNotEvaluated'),
    };
  // Stable: between equal NDCGs the earlier method comes first.
  measured.sort((a, b) => metrics[b]!.ndcg - metrics[a]!.ndcg);
  const first = methods[measured[0]];
  const best = metrics[measured[0]]!.ndcg;
  const runnerUp = measured.length > 1 ? methods[measured[1]] : null;
  const second = runnerUp === null ? 0 : metrics[measured[1]]!.ndcg;
  const margin = runnerUp === null ? null : best - second;
  if (best === 0)
    return { winner: null, runnerUp, margin, sentence: message('recommendVerdictNoHits', { n }) };
  if (runnerUp === null) {
    const sentence = message('recommendVerdictOne', { winner: first, n, best });
    return { winner: first, runnerUp, margin, sentence };
  }
  if (margin === 0) {
    const sentence = message('recommendVerdictTie', { winner: first, runnerUp, n, best });
    return { winner: null, runnerUp, margin, sentence };
  }
  // With two personalised methods ahead, say what best sellers score too: personalisation is
  // worth its trouble only by its lead over them.
  const baseline = methods.indexOf('popularity');
  const withBaseline = first !== 'popularity' && runnerUp !== 'popularity' && baseline >= 0;
  const params = { winner: first, runnerUp, n, best, second, gain: best / second - 1 };
  let sentence: Message;
  if (second === 0) sentence = message('recommendVerdictOnlyHits', { winner: first, n, best });
  else if (withBaseline && metrics[baseline] !== null)
    sentence = message('recommendVerdictWinsOverBaseline', {
      ...params,
      baseline: metrics[baseline].ndcg,
    });
  else sentence = message('recommendVerdictWins', params);
  return { winner: first, runnerUp, margin, sentence };
}

/**
 * The method whose lists the page shows and the command line writes when every method is
 * measured: the highest NDCG, the earlier method on a tie (best sellers, the plainest, when
 * nothing hits).
 */
export function bestMethod(
  methods: readonly { method: RecommendMethod; metrics: { ndcg: number } }[],
): RecommendMethod {
  let best = methods[0];
  for (const entry of methods) if (entry.metrics.ndcg > best.metrics.ndcg) best = entry;
  return best.method;
}
