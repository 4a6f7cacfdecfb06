import type { AnalysisOptions } from '../analysis/analysisOptions';
import { message } from '../common/message';
import { BOM, csvField, csvLine, exportFileName, neutraliseCell } from '../export/exportCsv';
import { segmentTexts } from '../export/segmentNames';
import type { NamedSegmentMap } from '../rfm/rfmSegments';
import type { AnalysisSession } from './session';
import type { ExportParts, Render } from './sessionExports';
import { groupsOf, rfmSegmentOf } from './valueGroups';
import { historyRows, valueStage, type ValueRequest, type ValueStage } from './valueStages';

/** value.csv: lifetimes' summary columns, then what the models expect, then the groups. */
export const VALUE_EXPORT_HEADER = [
  'customer',
  'frequency',
  'recency',
  'T',
  'monetary_value',
  'p_alive',
  'expected_purchases',
  'expected_spend',
  'clv',
  'rfm_segment',
  'cluster',
  'cluster_label',
] as const;

export const AT_RISK_EXPORT_HEADER = [
  'customer',
  'frequency',
  'recency',
  'T',
  'monetary_value',
  'repeat_spend',
  'p_alive',
  'value_at_risk',
  'expected_purchases',
  'clv',
  'rfm_segment',
] as const;

export interface ValueExportChoice {
  /** The segment map on the page, names as texts: the rfm_segment column. */
  map: NamedSegmentMap;
  /**
   * The clustering on RFM whose clusters fill the cluster columns, with the user's names for
   * them (null or absent: the cluster's label); null leaves them blank.
   */
  clusters: { clustering: AnalysisOptions; k: number; names?: readonly (string | null)[] } | null;
}

/**
 * One row per customer (in the RFM table's order): frequency, recency, T and monetary value in
 * the request's unit as lifetimes summarises them, P(alive), expected purchases over the
 * horizon in days, expected spend per purchase and CLV (blank without a spend model), the named
 * RFM segment and the cluster (its number and name).
 */
export async function valueExport(
  session: AnalysisSession,
  request: ValueRequest,
  choice: ValueExportChoice,
  render: Render,
): Promise<ExportParts> {
  const stage = valueStage(session, request);
  const segments = rfmSegmentOf(session, request.rfm, choice.map);
  const groups =
    choice.clusters === null
      ? null
      : await groupsOf(session, request, {
          kind: 'cluster',
          clustering: choice.clusters.clustering,
          k: choice.clusters.k,
        });
  const clusters = groups === null ? null : groups.of;
  const clusterTexts =
    groups === null
      ? new Map<number, string>()
      : segmentTexts(
          groups.names.flatMap((group, id) =>
            group.label === null ? [] : [{ id, label: group.label }],
          ),
          { segments: choice.clusters?.names ?? [], noise: null },
          render,
        );
  const { fits, scores } = stage;
  const { expectedSpend } = fits;
  const rows = historyRows(fits);
  const out = new RowParts();
  out.write(BOM + csvLine(VALUE_EXPORT_HEADER));
  for (let customer = 0; customer < rows.length; customer++) {
    const row = rows[customer];
    const cluster = clusters === null ? -1 : clusters[customer];
    // Figures never need quoting: only the id and the names go through csvField.
    out.write(
      `${summaryCells(stage, row)},${formatFigure(scores.pAlive[row])},` +
        `${formatFigure(scores.expectedPurchases[row])},` +
        `${expectedSpend === null ? '' : formatFigure(expectedSpend[row])},` +
        `${scores.clv === null ? '' : formatFigure(scores.clv[row])},` +
        `${csvField(neutraliseCell(choice.map.names[segments[customer]], false))},` +
        `${cluster >= 0 ? cluster : ''},` +
        `${cluster >= 0 ? csvField(neutraliseCell(clusterTexts.get(cluster) ?? '', false)) : ''}\r\n`,
    );
  }
  const name = exportFileName(session.fileName, render(message('exportValueTable')));
  return { parts: out.finish(), fileName: name };
}

/** Every customer at risk (high repeat spend, P(alive) below one half), most value at risk first. */
export function atRiskExport(
  session: AnalysisSession,
  request: ValueRequest,
  map: NamedSegmentMap,
  render: Render,
): ExportParts {
  const stage = valueStage(session, request);
  const segments = rfmSegmentOf(session, request.rfm, map);
  const { fits, scores } = stage;
  const { atRisk } = scores;
  const out = new RowParts();
  out.write(BOM + csvLine(AT_RISK_EXPORT_HEADER));
  for (let k = 0; k < atRisk.customers.length; k++) {
    const row = atRisk.customers[k];
    const pAlive = scores.pAlive[row];
    const segment = map.names[segments[fits.histories.customer[row]]];
    out.write(
      `${summaryCells(stage, row)},${formatFigure(atRisk.pastValue[k])},${formatFigure(pAlive)},` +
        `${formatFigure(atRisk.pastValue[k] * (1 - pAlive))},` +
        `${formatFigure(scores.expectedPurchases[row])},` +
        `${scores.clv === null ? '' : formatFigure(scores.clv[row])},` +
        `${csvField(neutraliseCell(segment, false))}\r\n`,
    );
  }
  const name = exportFileName(session.fileName, render(message('exportValueAtRisk')));
  return { parts: out.finish(), fileName: name };
}

/** `customer,frequency,recency,T,monetary_value` of one history row, as CSV. */
function summaryCells(stage: ValueStage, row: number): string {
  const { histories, rfm } = stage.fits;
  const id = rfm.customers[histories.customer[row]];
  const cell = csvField(neutraliseCell(id, /^[-+]?\d+(\.\d+)?$/.test(id)));
  return (
    `${cell},${histories.frequency[row]},${histories.recency[row]},${histories.T[row]},` +
    formatFigure(histories.monetary[row])
  );
}

/**
 * 12 significant digits: float noise dropped (2780.6600000000003), every real digit kept; the
 * text `String(Number(value.toPrecision(12)))` gives, several times faster (a million rows
 * write five figures each).
 */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a value figure is ${value}`);
  const text = value.toPrecision(12);
  if (text.includes('e')) return String(Number(text));
  if (!text.includes('.')) return text;
  // Fixed notation: drop the trailing zeros of the fraction, and its point if nothing is left.
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}

/**
 * PartWriter's parts, gathered as arrays of rows joined once per part: appending to one string
 * (PartWriter's way) leaves a chain of small strings per part for the garbage collector, which
 * made this export four times slower at 300,000 customers beside a session's large heap.
 */
export class RowParts {
  private parts: string[] = [];
  private rows: string[] = [];
  private length = 0;

  write(text: string): void {
    this.rows.push(text);
    this.length += text.length;
    if (this.length >= PART_LENGTH) {
      this.parts.push(this.rows.join(''));
      this.rows = [];
      this.length = 0;
    }
  }

  finish(): string[] {
    if (this.length > 0) this.parts.push(this.rows.join(''));
    this.rows = [];
    return this.parts;
  }
}

/** About a megabyte per part, as PartWriter. */
const PART_LENGTH = 1 << 20;
