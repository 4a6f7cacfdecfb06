import { message } from '../core/common/message';
import type { StateCreator } from 'zustand';
import type { RfmSettings } from '../core/rfm/rfm';
import {
  defaultSegmentMap,
  reassignCell as reassignCellIn,
  renameSegment as renameSegmentIn,
  segmentMapProblem,
} from '../core/rfm/rfmSegments';
import type { DatasetSummary } from '../core/session/datasetSummary';
import type { ExportFile, Outcome } from '../worker/protocol';
import { clientOf, scheduleAnalysis } from './control';
import { isValueKey } from '../core/rfm/rfmCustomerTable';
import { selectNamedSegmentMap } from './selectors';
import { selectValueView } from './valueSlice';
import { selectSegmentNames } from './modelSlice';
import { describeError } from './describeError';
import { clusterDefaultsFor, clusterRowsOf } from '../core/analysis/clusterDefaults';
import { saveFile } from './saveFile';
import type { AnalysisMode, RfmSlice, RfmTableQuery, State } from './types';

export const DEFAULT_RFM_QUERY: RfmTableQuery = {
  sort: 'monetary',
  descending: true,
  page: 0,
  pageSize: 25,
  segment: null,
};

/** A new file's RFM settings: the suggested mapping, dates read as the data says. */
export function defaultRfmSettings(dataset: DatasetSummary | null): RfmSettings {
  return {
    mapping: dataset?.transactions.mapping ?? {
      customer: null,
      date: null,
      order: null,
      quantity: null,
      price: null,
      amount: null,
    },
    dateOrder: null,
    snapshot: null,
  };
}

/** How many customers RFM will find, before it runs: the distinct ids of the customer column. */
export function expectedCustomers(dataset: DatasetSummary, settings: RfmSettings): number {
  return clusterRowsOf(dataset, settings);
}

/** The state a new file starts in: order lines go to RFM, anything else is one row per customer. */
export function rfmStateFor(dataset: DatasetSummary) {
  const mode: AnalysisMode = dataset.transactions.looksLikeTransactions
    ? 'transactions'
    : 'customers';
  const rfmSettings = defaultRfmSettings(dataset);
  return {
    mode,
    rfmSettings,
    rfmView: null,
    viewRfm: null,
    segmentMap: defaultSegmentMap(),
    rfmQuery: DEFAULT_RFM_QUERY,
    rfmPage: null,
  };
}

export const createRfmSlice: StateCreator<State, [], [], RfmSlice> = (set, get) => {
  function updateSettings(patch: Partial<RfmSettings>): void {
    set({ rfmSettings: { ...get().rfmSettings, ...patch } });
    scheduleAnalysis(get, set);
  }
  const onReopen = () => set({ status: message('statusRereadForDownload') });
  const save = (outcome: Outcome<ExportFile>) => {
    if (!outcome.ok) {
      set({ error: outcome.error.sentence });
      return;
    }
    saveFile(outcome.value.blob, outcome.value.fileName);
    set({ status: message('statusDownloaded', { file: outcome.value.fileName }) });
  };

  return {
    mode: 'customers',
    rfmSettings: defaultRfmSettings(null),
    rfmView: null,
    viewRfm: null,
    segmentMap: defaultSegmentMap(),
    rfmQuery: DEFAULT_RFM_QUERY,
    rfmPage: null,

    setMode(mode) {
      const { dataset, options, rfmSettings } = get();
      if (!dataset || mode === get().mode) return;
      const rows =
        mode === 'transactions' ? expectedCustomers(dataset, rfmSettings) : dataset.rowCount;
      set({
        mode,
        options: { ...options, ...clusterDefaultsFor(rows) },
        view: null,
        viewOptions: null,
        viewRfm: null,
        rfmView: null,
        rfmPage: null,
        selectedK: null,
        warning: null,
      });
      void get().analyse();
    },

    setMapping(patch) {
      const { rfmSettings } = get();
      const mapping = { ...rfmSettings.mapping, ...patch };
      // Another date column may write its dates the other way round.
      const dateOrder = mapping.date === rfmSettings.mapping.date ? rfmSettings.dateOrder : null;
      updateSettings({ mapping, dateOrder });
    },

    setDateOrder(dateOrder) {
      updateSettings({ dateOrder });
    },

    setSnapshot(snapshot) {
      updateSettings({ snapshot });
    },

    setCancellations(on) {
      updateSettings({ cancellations: on ? 'auto' : 'off' });
    },

    renameSegment(segment, name) {
      set({ segmentMap: renameSegmentIn(get().segmentMap, segment, name) });
      if (get().rfmQuery.sort === 'segment') void get().loadRfmPage();
    },

    reassignCell(cell, segment) {
      set({ segmentMap: reassignCellIn(get().segmentMap, cell, segment) });
      const query = get().rfmQuery;
      if (query.sort === 'segment' || query.segment !== null) void get().loadRfmPage();
    },

    resetSegmentMap() {
      set({ segmentMap: defaultSegmentMap(get().segmentMap.scheme) });
      void get().loadRfmPage();
    },

    setSegmentScheme(scheme) {
      if (scheme === get().segmentMap.scheme) return;
      set({
        segmentMap: defaultSegmentMap(scheme),
        rfmQuery: { ...get().rfmQuery, segment: null },
      });
      void get().loadRfmPage();
    },

    setRfmQuery(patch) {
      const query = { ...get().rfmQuery, ...patch };
      // A new order or filter starts from the first page.
      if (patch.sort !== undefined || patch.descending !== undefined || 'segment' in patch)
        query.page = patch.page ?? 0;
      set({ rfmQuery: query });
      void get().loadRfmPage();
    },

    async loadRfmPage() {
      const { source, rfmView, rfmQuery } = get();
      if (!source || !rfmView) return;
      const map = selectNamedSegmentMap(get());
      const request = get().rfmPageRequest + 1;
      set({ rfmPageRequest: request });
      // The value columns come with an estimate of these customers; without one (or CLV without
      // a spend model) the table cannot sort by them, and goes back to monetary value.
      const value = selectValueView(get());
      const { sort } = rfmQuery;
      if (isValueKey(sort) && (value === null || (sort === 'clv' && value.totals.clv === null))) {
        set({ rfmQuery: { ...rfmQuery, sort: 'monetary', descending: true, page: 0 } });
        return get().loadRfmPage();
      }
      const query = {
        sort,
        descending: rfmQuery.descending,
        offset: rfmQuery.page * rfmQuery.pageSize,
        limit: rfmQuery.pageSize,
        segment: rfmQuery.segment,
        map,
      };
      try {
        const client = clientOf(get, set);
        const page =
          value === null
            ? await client.rfmCustomers(source, rfmView.settings, query)
            : await client.valueCustomerPage(source, value.request, query);
        if (request !== get().rfmPageRequest || get().rfmView !== rfmView) return;
        if (page.ok) set({ rfmPage: page.value });
        else set({ error: page.error.sentence });
      } catch (error) {
        const problem = describeError(error, 'activityCustomerTable');
        if (request === get().rfmPageRequest && problem) set({ error: problem });
      }
    },

    async downloadRfm(filter) {
      const { source, rfmView, viewOptions, viewRfm, selectedK, language } = get();
      if (!source || !rfmView) return;
      const map = selectNamedSegmentMap(get());
      const problem = segmentMapProblem(map);
      if (problem !== null) {
        set({ error: problem });
        return;
      }
      // The cluster column follows the clustering on show, if it is of these customers.
      const clustered = viewRfm === rfmView.settings && selectedK !== null;
      try {
        save(
          await clientOf(get, set).exportRfm(
            source,
            rfmView.settings,
            clustered && viewOptions ? viewOptions : null,
            {
              map,
              k: clustered ? selectedK : null,
              // The cluster_label column writes the names the user gave the clusters.
              clusterNames: clustered ? selectSegmentNames(get()).segments : [],
              ...filter,
              dialect: get().exportDialect,
            },
            language,
            onReopen,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },

    async downloadRfmSetAside() {
      const { source, rfmView } = get();
      if (!source || !rfmView) return;
      try {
        save(
          await clientOf(get, set).exportRfmSetAside(
            source,
            rfmView.settings,
            get().language,
            onReopen,
            get().exportDialect,
          ),
        );
      } catch (error) {
        set({ error: describeError(error, 'activityDownload') });
      }
    },
  };
};
