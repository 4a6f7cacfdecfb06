import { associationRules, type AssociationRules } from '../basket/associationRules';
import { buildBaskets, type Baskets } from '../basket/baskets';
import { distinguishingRules } from '../basket/distinguishingRules';
import { mineItemsets, validateMiningOptions, type FrequentItemsets } from '../basket/fpGrowth';
import { defaultMinSupport } from '../basket/rulesDefaults';
import { RulesTable } from '../basket/rulesTable';
import { itemBasketCounts, itemsInBaskets } from '../basket/topItems';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';
import { groupOrders, type Orders } from '../rfm/orders';
import type { RfmSettings } from '../rfm/rfm';
import { checkScope, scopeCustomers, scopeKey, type RulesScope } from './rulesScope';
import type { AnalysisSession } from './session';
import { StageCache, stageKey } from './stageCache';

/** What to mine, from whose baskets, and how. */
export interface RulesRequest {
  /** The order-lines mapping (the item column among it) and, for RFM scopes, the RFM settings. */
  rfm: RfmSettings;
  scope: RulesScope;
  /** A share of the scope's baskets in (0, 1]; null for the default of the scope's basket count. */
  minSupport: number | null;
  minConfidence: number;
  maxLen: number;
  /** Past this many frequent itemsets the run stops with a UserError. */
  maxItemsets: number;
}

/** A scope's baskets, with what summaries read from them. */
export interface ScopeBaskets {
  key: string;
  baskets: Baskets;
  /** Per item id, the scope's baskets that hold it. */
  itemCounts: Int32Array;
  /** Items in at least one of the scope's baskets. */
  items: number;
  /** Customers in the scope (every customer with a used line, for the whole file). */
  customers: number;
}

/** The rules of one request, and everything the table, the summary and the exports read. */
export interface RuleSet {
  lines: OrderLines;
  scope: ScopeBaskets;
  /** The minimum support used (the request's, or the scope's default). */
  minSupport: number;
  itemsets: FrequentItemsets;
  rules: AssociationRules;
  table: RulesTable;
}

/** Progress over part of a run: the stage's fractions map into [from, to] of the whole. */
export type ProgressSpan = (from: number, to: number) => StageProgress | undefined;

/**
 * Spans of one progress report, forwarded only when they have moved on by 2% or reach the end:
 * at most about fifty calls, however many stages report.
 */
export function progressSpans(onProgress?: StageProgress): ProgressSpan {
  let last = -Infinity;
  return (from, to) =>
    onProgress === undefined
      ? undefined
      : (fraction) => {
          const at = from + (to - from) * Math.min(1, Math.max(0, fraction));
          if (at - last >= 0.02 || (at === 1 && last < 1)) {
            last = at;
            onProgress(at);
          }
        };
}

/** Scopes and rule sets kept per session (a segment overview mines one per segment). */
const SCOPES_KEPT = 16;
const RULE_SETS_KEPT = 16;

/**
 * The baskets stages of one session: the orders of the order lines (once per mapping), each
 * scope's baskets, the itemsets per scope and mining parameters, and the rules per confidence.
 * Each is computed once for what decides it, as the session does for its own stages.
 */
export class BasketsStages {
  private readonly orders = new StageCache<Orders>(1);
  private readonly baskets = new StageCache<ScopeBaskets>(SCOPES_KEPT);
  private readonly itemsets = new StageCache<FrequentItemsets>(RULE_SETS_KEPT);
  private readonly ruleSets = new StageCache<RuleSet>(RULE_SETS_KEPT);

  constructor(private readonly session: AnalysisSession) {}

  /** The order lines of the request's mapping; a UserError without an item column. */
  lines(settings: RfmSettings, onProgress?: StageProgress): OrderLines {
    const lines = this.session.orderLines(settings, onProgress);
    if (lines.item === null) throw new UserError('bad-mapping', 'basketsNeedItem');
    return lines;
  }

  async ruleSet(request: RulesRequest, span: ProgressSpan = progressSpans()): Promise<RuleSet> {
    checkRequest(request);
    const settings = request.rfm;
    const lines = this.lines(settings, span(0, 0.25));
    const scope = await this.scopeBaskets(settings, request.scope, lines);
    span(0, 0.3)?.(1);
    const minSupport = request.minSupport ?? defaultMinSupport(scope.baskets.basketCount);
    const options = { minSupport, maxLen: request.maxLen, maxItemsets: request.maxItemsets };
    const miningKey = stageKey(scope.key, options);
    const itemsets = this.itemsets.obtain(miningKey, () =>
      mineItemsets(scope.baskets, options, span(0.3, 0.8)),
    );
    const set = this.ruleSets.obtain(stageKey(miningKey, request.minConfidence), () => {
      const { minConfidence } = request;
      const rules = associationRules(itemsets, { minConfidence }, span(0.8, 0.9));
      const distinguishing =
        request.scope.kind === 'all'
          ? null
          : distinguishingRules(
              rules,
              null,
              this.wholeBaskets(settings, lines).baskets,
              span(0.9, 1),
            );
      const table = new RulesTable(rules, itemsets, lines, distinguishing);
      return { lines, scope, minSupport, itemsets, rules, table };
    });
    // The end, whichever stages ran (the whole file has no whole-file measures to take).
    span(0, 1)?.(1);
    return set;
  }

  /** The baskets of a scope's customers (a cluster scope clusters the customers first). */
  async scopeBaskets(
    settings: RfmSettings,
    scope: RulesScope,
    lines: OrderLines,
  ): Promise<ScopeBaskets> {
    checkScope(scope);
    const key = scopeKey(settings, scope);
    const known = this.baskets.get(key);
    if (known !== undefined) return known;
    const mask = await scopeCustomers(this.session, settings, scope);
    return this.baskets.obtain(key, () => this.build(key, settings, lines, mask));
  }

  private wholeBaskets(settings: RfmSettings, lines: OrderLines): ScopeBaskets {
    const key = scopeKey(settings, { kind: 'all' });
    return this.baskets.obtain(key, () => this.build(key, settings, lines, null));
  }

  private build(
    key: string,
    settings: RfmSettings,
    lines: OrderLines,
    mask: Uint8Array | null,
  ): ScopeBaskets {
    const orders = this.orders.obtain(
      stageKey(settings.mapping, settings.dateOrder, settings.cancellations ?? 'auto'),
      () => groupOrders(lines),
    );
    const baskets = buildBaskets(lines, mask, orders);
    const itemCounts = itemBasketCounts(baskets);
    let customers = lines.customers.length;
    if (mask !== null) {
      customers = 0;
      for (let c = 0; c < mask.length; c++) customers += mask[c];
    }
    return { key, baskets, itemCounts, items: itemsInBaskets(itemCounts), customers };
  }
}

/** The parameters' problems as UserErrors, before any work. */
function checkRequest(request: RulesRequest): void {
  const { minSupport, minConfidence, maxLen, maxItemsets } = request;
  if (minSupport !== null && !(minSupport > 0 && minSupport <= 1)) {
    throw new UserError('bad-option', 'basketsMinSupport', { value: minSupport });
  }
  validateMiningOptions({ minSupport: minSupport ?? 1, maxLen, maxItemsets });
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new UserError('bad-option', 'basketsMinConfidence', { value: minConfidence });
  }
  checkScope(request.scope);
}

const stagesOf = new WeakMap<AnalysisSession, BasketsStages>();

/** The baskets stages of a session (made on first use; they go with the session). */
export function basketsStages(session: AnalysisSession): BasketsStages {
  let stages = stagesOf.get(session);
  if (stages === undefined) stagesOf.set(session, (stages = new BasketsStages(session)));
  return stages;
}
