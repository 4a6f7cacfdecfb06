import type { RfmPage, RfmQuery, RfmValueColumns } from '../rfm/rfmCustomerTable';
import type { AnalysisSession } from './session';
import { historyRows, valueStage, type ValueRequest, type ValueScores } from './valueStages';

/** The value columns of each set of scores, made once (the table caches its orders by them). */
const columnsOf = new WeakMap<ValueScores, RfmValueColumns>();

/**
 * One page of the RFM customer table with P(alive), expected purchases and CLV per customer,
 * sortable by them: the value figures of `request`, computed where missing.
 */
export function valueCustomers(
  session: AnalysisSession,
  request: ValueRequest,
  query: RfmQuery,
): RfmPage {
  const { fits, scores } = valueStage(session, request);
  let columns = columnsOf.get(scores);
  if (columns === undefined) {
    const rows = historyRows(fits);
    const { clv } = scores;
    columns = {
      pAlive: Float64Array.from(rows, (row) => scores.pAlive[row]),
      expectedPurchases: Float64Array.from(rows, (row) => scores.expectedPurchases[row]),
      clv: clv === null ? null : Float64Array.from(rows, (row) => clv[row]),
    };
    columnsOf.set(scores, columns);
  }
  return session.rfmCustomers(request.rfm, query, columns);
}
