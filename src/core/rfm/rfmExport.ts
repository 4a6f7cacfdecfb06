import { numberText, STANDARD_CSV, type CsvFormat } from '../export/csvFormat';
import { BOM, csvLine, neutraliseCell, PartWriter } from '../export/exportCsv';
import type { RfmResult } from './rfm';
import type { NamedSegmentMap } from './rfmSegments';

/** The header of an RFM table with money; see rfmExportHeader. */
export const RFM_EXPORT_HEADER = [
  'customer',
  'recency',
  'frequency',
  'monetary',
  'R',
  'F',
  'M',
  'segment',
  'cluster',
  'cluster_label',
] as const;

/** The export's columns: without money, `monetary` and `M` are left out. */
export function rfmExportHeader(hasMoney: boolean): readonly string[] {
  return hasMoney
    ? RFM_EXPORT_HEADER
    : RFM_EXPORT_HEADER.filter((name) => name !== 'monetary' && name !== 'M');
}

export interface RfmExport {
  rfm: RfmResult;
  map: NamedSegmentMap;
  /** Each customer's cluster (-1 or absent: not clustered). */
  clusters: Int32Array | null;
  /** Each cluster's name as the page shows it (the user's, or its label), by cluster id. */
  clusterLabels?: ReadonlyMap<number, string>;
  /** Only the customers of this named segment, or of this cluster. */
  segment?: number;
  cluster?: number;
  /** Delimiter and decimal separator (standard CSV when absent). */
  format?: CsvFormat;
}

/**
 * One row per customer: `customer,recency,frequency,monetary,R,F,M,segment,cluster,cluster_label`
 * (without money `customer,recency,frequency,R,F,segment,cluster,cluster_label`), with the segment
 * named by the map the user sees and the cluster by the name the user gave it (or its label). Monetary is written to 12 significant digits, which
 * drops float noise (2780.6600000000003) and keeps cents on any realistic total. The figures take
 * the format's decimal separator, the cells its delimiter.
 */
export function rfmCsvParts(spec: RfmExport): string[] {
  const { rfm, map, clusters, clusterLabels, segment, cluster, format = STANDARD_CSV } = spec;
  const cellOf = rfm.cells[map.scheme];
  const figure = (value: number | string) => numberText(value, format);
  const out = new PartWriter();
  out.write(BOM + csvLine(rfmExportHeader(rfm.hasMoney), format.delimiter));
  for (let i = 0; i < rfm.customers.length; i++) {
    const s = map.cells[cellOf[i]];
    const c = clusters === null ? -1 : clusters[i];
    if (segment !== undefined && s !== segment) continue;
    if (cluster !== undefined && c !== cluster) continue;
    const id = rfm.customers[i];
    const money = rfm.hasMoney;
    out.write(
      csvLine(
        [
          neutraliseCell(id, true),
          figure(rfm.recency[i]),
          figure(rfm.frequency[i]),
          ...(money ? [figure(formatMoney(rfm.monetary[i]))] : []),
          String(rfm.r[i]),
          String(rfm.f[i]),
          ...(money ? [String(rfm.m[i])] : []),
          neutraliseCell(map.names[s], false),
          c >= 0 ? String(c) : '',
          c >= 0 ? neutraliseCell(clusterLabels?.get(c) ?? '', false) : '',
        ],
        format.delimiter,
      ),
    );
  }
  return out.finish();
}

export function formatMoney(value: number): string {
  return String(Number(value.toPrecision(12)));
}
