import type { Language } from '../../i18n/languages';
import type { RfmQuery } from '../../core/rfm/rfmCustomerTable';
import type { NamedSegmentMap } from '../../core/rfm/rfmSegments';
import { atRiskExport, valueExport, type ValueExportChoice } from '../../core/session/valueExports';
import { valueByGroupView, type ValueGrouping } from '../../core/session/valueGroups';
import { customerValueView } from '../../core/session/valueSession';
import type { ValueRequest } from '../../core/session/valueStages';
import { valueCustomers } from '../../core/session/valueTable';
import { throttleProgress, type ProgressListener } from '../throttle';
import { asFile, renderIn, withSession } from './heldSession';

// Customer value (issue #16): the value view, its groups, the customer table with value
// columns, value.csv and the customers at risk.
export const customerValue = (id: number, request: ValueRequest, onProgress?: ProgressListener) =>
  withSession(id, (session) => {
    const progress = throttleProgress(onProgress);
    return customerValueView(session, request, (fraction) => progress('value', fraction));
  });

export const valueByGroup = (
  id: number,
  request: ValueRequest,
  grouping: ValueGrouping,
  onProgress?: ProgressListener,
) =>
  withSession(id, (session) =>
    valueByGroupView(session, request, grouping, { onProgress: throttleProgress(onProgress) }),
  );

export const valueCustomerPage = (id: number, request: ValueRequest, query: RfmQuery) =>
  withSession(id, (session) => valueCustomers(session, request, query));

export const exportValue = (
  id: number,
  request: ValueRequest,
  choice: ValueExportChoice,
  language: Language,
) =>
  withSession(id, async (session) =>
    asFile(await valueExport(session, request, choice, renderIn(language))),
  );

export const exportAtRisk = (
  id: number,
  request: ValueRequest,
  map: NamedSegmentMap,
  language: Language,
) => withSession(id, (session) => asFile(atRiskExport(session, request, map, renderIn(language))));
