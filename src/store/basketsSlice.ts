import type { StateCreator } from 'zustand';
import { message } from '../core/common/message';
import {
  defaultRulesRequest,
  type RulesRequest,
  type RulesScope,
} from '../core/session/basketsSession';
import type { RulesQuery, RulesView } from '../core/basket/rulesTable';
import { DEFAULT_MAX_LEN, DEFAULT_MIN_CONFIDENCE } from '../core/basket/rulesDefaults';
import type { ExportFile, Outcome } from '../worker/protocol';
import { clientOf } from './control';
import { describeError } from './describeError';
import { saveFile } from './saveFile';
import { selectIsStale, selectNamedSegmentMap } from './selectors';
import type { BasketsParams, BasketsSlice, RulesTableQuery, State } from './types';

export const DEFAULT_RULES_QUERY: RulesTableQuery = {
  sort: 'lift',
  descending: true,
  contains: '',
  hideRedundant: false,
  page: 0,
  pageSize: 25,
};

export const DEFAULT_BASKETS_PARAMS: BasketsParams = {
  minSupport: null,
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  maxLen: DEFAULT_MAX_LEN,
  scope: { kind: 'all' },
};

/** The clustering on show, when it is of the RFM customers on show (a cluster scope needs it). */
export function selectRfmClusters(state: State) {
  const { rfmView, viewRfm, viewOptions, selectedK } = state;
  if (rfmView === null || viewRfm !== rfmView.settings || viewOptions === null) return null;
  if (selectedK === null || selectIsStale(state)) return null;
  return { clustering: viewOptions, k: selectedK };
}

/** The request the form's parameters make, or null when its scope is not on the page any more. */
export function selectRulesRequest(state: State): RulesRequest | null {
  const { rfmView, basketsParams: params } = state;
  if (rfmView === null) return null;
  let scope: RulesScope;
  if (params.scope.kind === 'all') scope = { kind: 'all' };
  else if (params.scope.kind === 'rfm') {
    scope = { kind: 'rfm', map: selectNamedSegmentMap(state), segment: params.scope.segment };
  } else {
    const clusters = selectRfmClusters(state);
    if (clusters === null || params.scope.cluster >= clusters.k) return null;
    scope = { kind: 'cluster', ...clusters, cluster: params.scope.cluster };
  }
  return {
    ...defaultRulesRequest(rfmView.settings, scope),
    minSupport: params.minSupport,
    minConfidence: params.minConfidence,
    maxLen: params.maxLen,
  };
}

/** True when the rules on show were mined from the RFM settings on show. */
export function selectRulesCurrent(state: State): boolean {
  return state.basketsRequest !== null && state.basketsRequest.rfm === state.rfmView?.settings;
}

function viewOf(query: RulesTableQuery): RulesView {
  const { sort, descending, contains, hideRedundant } = query;
  return { sort, descending, contains: contains.trim() === '' ? null : contains, hideRedundant };
}

function pageQuery(query: RulesTableQuery): RulesQuery {
  return { ...viewOf(query), offset: query.page * query.pageSize, limit: query.pageSize };
}

export const createBasketsSlice: StateCreator<State, [], [], BasketsSlice> = (set, get) => {
  let pageRequest = 0;
  const onReopen = () => set({ status: message('statusRereadForDownload') });
  const save = (outcome: Outcome<ExportFile>) => {
    if (!outcome.ok) {
      set({ error: outcome.error.sentence });
      return;
    }
    saveFile(outcome.value.blob, outcome.value.fileName);
    set({ status: message('statusDownloaded', { file: outcome.value.fileName }) });
  };
  /** A new run: earlier ones may no longer write their results. */
  const startBasketsRun = () => {
    const run = get().basketsRun + 1;
    set({ basketsRun: run, basketsProgress: 0, error: null });
    return run;
  };
  const onProgress = (run: number) => (fraction: number) => {
    if (get().basketsRun === run && get().basketsProgress !== null)
      set({ basketsProgress: fraction });
  };
  /** A failed or cancelled run: a cancel says nothing more (the Cancel button has said it). */
  const fail = (run: number, error: unknown) => {
    if (get().basketsRun !== run) return;
    const problem = describeError(error, 'activityAnalysing');
    set({ basketsProgress: null, ...(problem ? { error: problem } : {}) });
  };

  return {
    basketsParams: DEFAULT_BASKETS_PARAMS,
    basketsRequest: null,
    basketsSummary: null,
    basketsQuery: DEFAULT_RULES_QUERY,
    basketsPage: null,
    basketsOverview: null,
    basketsOverviewRfm: null,
    basketsProgress: null,
    basketsRun: 0,

    setBasketsParams(patch) {
      set({ basketsParams: { ...get().basketsParams, ...patch } });
    },

    async findRules() {
      const { source } = get();
      const request = selectRulesRequest(get());
      if (!source || request === null) return;
      const client = clientOf(get, set);
      const run = startBasketsRun();
      try {
        const summary = await client.rules(source, request, onProgress(run));
        if (get().basketsRun !== run) return;
        if (!summary.ok) {
          set({ basketsProgress: null, error: summary.error.sentence });
          return;
        }
        // The first page comes with the summary: the table never shows another run's rows.
        const query = { ...get().basketsQuery, page: 0 };
        const page = await client.rulesPage(source, request, pageQuery(query));
        if (get().basketsRun !== run) return;
        pageRequest++;
        set({
          basketsProgress: null,
          basketsRequest: request,
          basketsSummary: summary.value,
          basketsQuery: query,
          basketsPage: page.ok ? page.value : null,
          ...(page.ok ? {} : { error: page.error.sentence }),
        });
      } catch (error) {
        fail(run, error);
      }
    },

    setRulesQuery(patch) {
      const query = { ...get().basketsQuery, ...patch };
      // A new order, filter or page size starts from the first page.
      if (patch.page === undefined) query.page = 0;
      set({ basketsQuery: query });
      void get().loadRulesPage();
    },

    async loadRulesPage() {
      const { source, basketsRequest: request, basketsQuery: query } = get();
      if (!source || request === null) return;
      const asked = ++pageRequest;
      try {
        const page = await clientOf(get, set).rulesPage(source, request, pageQuery(query));
        if (asked !== pageRequest || get().basketsRequest !== request) return;
        if (page.ok) set({ basketsPage: page.value });
        else set({ error: page.error.sentence });
      } catch (error) {
        const problem = describeError(error, 'activityAnalysing');
        if (asked === pageRequest && problem) set({ error: problem });
      }
    },

    async compareSegments() {
      const { source, rfmView } = get();
      if (!source || !rfmView) return;
      const map = selectNamedSegmentMap(get());
      const run = startBasketsRun();
      try {
        const overview = await clientOf(get, set).rulesOverview(
          source,
          rfmView.settings,
          { kind: 'rfm', map },
          onProgress(run),
        );
        if (get().basketsRun !== run) return;
        if (!overview.ok) {
          set({ basketsProgress: null, error: overview.error.sentence });
          return;
        }
        set({
          basketsProgress: null,
          basketsOverview: overview.value,
          basketsOverviewRfm: rfmView.settings,
        });
      } catch (error) {
        fail(run, error);
      }
    },

    async downloadRules() {
      const { source, basketsRequest: request, basketsQuery: query, language } = get();
      if (!source || request === null) return;
      try {
        save(
          await clientOf(get, set).exportRules(source, request, viewOf(query), language, onReopen),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async downloadItemsets() {
      const { source, basketsRequest: request, language } = get();
      if (!source || request === null) return;
      try {
        save(await clientOf(get, set).exportItemsets(source, request, language, onReopen));
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },
  };
};
