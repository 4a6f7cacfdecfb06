import type { Language } from '../../i18n/languages';
import type { RfmSettings } from '../../core/rfm/rfm';
import {
  itemsetsExport,
  rulesExport,
  rulesPage as rulesPageOf,
  rulesSummary,
  segmentsOverview,
  type RulesRequest,
  type SegmentGrouping,
} from '../../core/session/basketsSession';
import type { RulesQuery, RulesView } from '../../core/basket/rulesTable';
import { asFile, renderIn, withSession } from './heldSession';

// Baskets (#13): association rules per scope, their table's pages, the segments side by side, the downloads.
/** How far a run has come, from 0 to 1 (the baskets stages send about fifty of these). */
export type FractionListener = (fraction: number) => void;

export const rules = (id: number, request: RulesRequest, onProgress?: FractionListener) =>
  withSession(id, (session) => rulesSummary(session, request, onProgress));

export const rulesPage = (id: number, request: RulesRequest, query: RulesQuery) =>
  withSession(id, (session) => rulesPageOf(session, request, query));

export const rulesOverview = (
  id: number,
  rfm: RfmSettings,
  grouping: SegmentGrouping,
  onProgress?: FractionListener,
) => withSession(id, (session) => segmentsOverview(session, rfm, grouping, onProgress));

export const exportRules = (
  id: number,
  request: RulesRequest,
  view: RulesView,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await rulesExport(session, request, renderIn(language), view)),
  );

export const exportItemsets = (id: number, request: RulesRequest, language: Language) =>
  withSession(id, async (session) =>
    asFile(await itemsetsExport(session, request, renderIn(language))),
  );
