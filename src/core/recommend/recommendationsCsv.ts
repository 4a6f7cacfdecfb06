import { BOM, csvLine, neutraliseCell, PartWriter } from '../export/exportCsv';
import type { OrderLines } from '../rfm/orderLines';
import type { Recommendations } from './recommendations';

export const RECOMMENDATIONS_HEADER = [
  'customer',
  'segment',
  'rank',
  'item',
  'description',
  'score',
  'because',
] as const;

export interface RecommendationsExport {
  recommendations: Recommendations;
  lines: Pick<OrderLines, 'customers' | 'items' | 'descriptions'>;
  /** Each customer's segment (an index into `segmentNames`; -1: none), or null for no segments. */
  segmentOf: ArrayLike<number> | null;
  segmentNames: readonly string[];
  /** Only the customers of this segment; everyone when undefined. */
  segment?: number;
}

/**
 * One row per recommendation: `customer,segment,rank,item,description,score,because`, where
 * `because` is the id of the purchase the recommendation comes from (empty for best sellers). A
 * customer with fewer candidates than N has fewer rows. Scores are written to 12 significant
 * digits, which drops float noise. Returned in parts of about a megabyte, like every export.
 */
export function recommendationsCsvParts(spec: RecommendationsExport): string[] {
  const { recommendations, lines, segmentOf, segmentNames, segment } = spec;
  const { n, counts, items, scores, because } = recommendations;
  const out = new PartWriter();
  out.write(BOM + csvLine(RECOMMENDATIONS_HEADER));
  for (let c = 0; c < counts.length; c++) {
    const s = segmentOf === null ? -1 : segmentOf[c];
    if (segment !== undefined && s !== segment) continue;
    const id = lines.customers[c];
    const customer = neutraliseCell(id, true);
    const segmentName =
      s >= 0 && s < segmentNames.length ? neutraliseCell(segmentNames[s], false) : '';
    for (let rank = 0; rank < counts[c]; rank++) {
      const at = c * n + rank;
      const item = items[at];
      out.write(
        csvLine([
          customer,
          segmentName,
          String(rank + 1),
          neutraliseCell(lines.items[item], false),
          neutraliseCell(lines.descriptions[item] ?? '', false),
          String(Number(scores[at].toPrecision(12))),
          because[at] >= 0 ? neutraliseCell(lines.items[because[at]], false) : '',
        ]),
      );
    }
  }
  return out.finish();
}
